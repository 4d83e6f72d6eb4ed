"""Which models are content, and which of their columns a copy keeps."""

from modeltranslation.fields import TranslationField

from editing.registry import stored_with_content


def content_models():
    """Every content model and the models its objects own, each after the models it points to.

    Asked of editing/registry.py, so that a content type added later is exported and imported
    with no change here.
    """
    return stored_with_content()


def stored_fields(model):
    """Every column but the untranslated ones modeltranslation keeps beside `name_fr`, `name_en`…:
    `name` only mirrors whichever language was active at the last save, and is filled again
    from the others when a row is written."""
    fields = model._meta.concrete_fields
    mirrored = {
        field.translated_field.name for field in fields if isinstance(field, TranslationField)
    }
    return [field for field in fields if field.name not in mirrored]
