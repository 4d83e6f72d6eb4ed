"""Which models are content, and which of their fields a copy keeps."""

from django.apps import apps
from django.core.serializers import sort_dependencies
from modeltranslation.fields import TranslationField

from sitecache.generation import CONTENT_APPS


def content_models():
    """Every model of the apps the public site shows, each after the models it points to.

    The one list export and import share: read from the apps, so that a model added later is
    exported and imported with no change here.
    """
    return sort_dependencies([(apps.get_app_config(label), None) for label in sorted(CONTENT_APPS)])


def mirrored_field_names(model):
    """The untranslated fields modeltranslation keeps beside `name_fr`, `name_en`… (`name`)."""
    return {
        field.translated_field.name
        for field in model._meta.concrete_fields
        if isinstance(field, TranslationField)
    }


def stored_field_names(model):
    """The name of every stored field but the primary key (a row's "pk") and the untranslated
    columns modeltranslation keeps beside `name_fr`, `name_en`…: `name` only mirrors whichever
    language was active at the last save, and is filled again from the others when a row is
    written. A field added later is kept with no change here."""
    fields = model._meta.concrete_fields
    mirrored = {
        field.translated_field.name for field in fields if isinstance(field, TranslationField)
    }
    return [field.name for field in fields if field.name not in mirrored and not field.primary_key]
