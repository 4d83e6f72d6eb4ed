"""Which models are content, and which of their columns a copy keeps."""

from django.apps import apps
from django.core.serializers import sort_dependencies
from modeltranslation.fields import TranslationField

from sitecache.generation import CONTENT_APPS


def content_models():
    """Every model of the apps the public site shows, each after the models it points to.

    Read from the apps, so that a model added later is exported and imported with no change here.
    """
    return sort_dependencies([(apps.get_app_config(label), None) for label in sorted(CONTENT_APPS)])


def stored_fields(model):
    """Every column but the untranslated ones modeltranslation keeps beside `name_fr`, `name_en`…:
    `name` only mirrors whichever language was active at the last save, and is filled again
    from the others when a row is written."""
    fields = model._meta.concrete_fields
    mirrored = {
        field.translated_field.name for field in fields if isinstance(field, TranslationField)
    }
    return [field for field in fields if field.name not in mirrored]
