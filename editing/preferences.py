"""The language each member of staff uses the admin in, kept for the emails sent to them."""

from django.utils.translation import get_language

from .models import AdminLanguage

# What this browser session last recorded ("<user pk>:<language>"): the row is written only
# when it changes, not on every request.
SESSION_KEY = "editing_admin_language"


def remember_language(request):
    """Note the admin language of `request.user` (the header's chooser sets it per browser):
    the language active for this request, after Django's LocaleMiddleware. Writes the
    database only when this session has not recorded that language for that user yet."""
    user = request.user
    if not user.is_authenticated:
        return
    language = get_language()
    noted = f"{user.pk}:{language}"
    session = getattr(request, "session", None)
    if session is not None and session.get(SESSION_KEY) == noted:
        return
    AdminLanguage.objects.update_or_create(user=user, defaults={"language": language})
    if session is not None:
        session[SESSION_KEY] = noted


def language_of(user):
    """The admin language `user` last used, or the site's default."""
    from django.conf import settings

    stored = AdminLanguage.objects.filter(user=user).values_list("language", flat=True).first()
    return stored or settings.LANGUAGE_CODE
