"""The language each member of staff uses the admin in, kept for the emails sent to them."""

from django.utils.translation import get_language

from .models import AdminLanguage


def remember_language(request):
    """Note the admin language of `request.user` (the header's chooser sets it per browser)."""
    user = request.user
    if not user.is_authenticated:
        return
    language = get_language()
    AdminLanguage.objects.exclude(language=language).filter(user=user).update(language=language)
    AdminLanguage.objects.get_or_create(user=user, defaults={"language": language})


def language_of(user):
    """The admin language `user` last used, or the site's default."""
    from django.conf import settings

    stored = AdminLanguage.objects.filter(user=user).values_list("language", flat=True).first()
    return stored or settings.LANGUAGE_CODE
