"""Which models are content, and which of their fields a copy keeps."""

from modeltranslation.fields import TranslationField

from editing.registry import stored_with_content


def content_models():
    """Every content model and the models its objects own, each after the models it points to.

    Asked of editing/registry.py, so that a content type added later is exported and imported
    with no change here.
    """
    return stored_with_content()


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
