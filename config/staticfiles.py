from django.contrib.staticfiles.finders import FileSystemFinder

# jQuery UI's stylesheets, themes and images: the tabbed admin needs jquery-ui.min.js only, and
# the stylesheets' comment headers carry URL-encoded url(...) references that the hashing
# storage cannot resolve, so collectstatic would stop on them.
UNUSED_JQUERY_UI_FILES = ["jquery-ui*.css", "themes", "images"]


class SiteFileSystemFinder(FileSystemFinder):
    """Django's finder for STATICFILES_DIRS, leaving out the jQuery UI files we do not use."""

    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *UNUSED_JQUERY_UI_FILES])
