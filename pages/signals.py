"""Every way a page is saved (the admin, import_content's deserialised rows, the shell) keeps
only the allowed HTML and refreshes the page's references. Signals, not `save()`: an import
saves raw rows without calling it (and brings the references as they were exported). Data
migrations use historical models, which send none of these: the text is sanitised again when
rendered (pages/richtext.py `render`)."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from .models import Page, PageReference


@receiver(pre_save, sender=Page, dispatch_uid="pages-sanitize")
def sanitize_page(sender, instance, **kwargs):
    instance.sanitize_body()


@receiver(post_save, sender=Page, dispatch_uid="pages-references")
def update_references(sender, instance, raw=False, **kwargs):
    # A raw save (import_content) writes the page's references from the file, as stored.
    if not raw:
        PageReference.update_for(instance)
