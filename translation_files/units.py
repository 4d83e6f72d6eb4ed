"""What goes into a translation file: one unit per object, field and language.

A unit's key names the model, the object and the field (`organisations.organisation:12:name`);
its texts are written as files show them (rich text with placeholders, translation_files/
richtext.py). Export and import both read units from here, so a file's source text and the
database's are compared in the same form.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from editing.registry import content_models, is_content
from editing.translation_status import (
    stale_fields,
    to_translate_q,
    translated_fields,
)
from multilingual.languages import SOURCE_LANGUAGE

from . import richtext


@dataclass
class Unit:
    """One text to translate. `source`, `previous` and `target` are as written in files;
    `previous` is the source text the current translation was made from, when it changed."""

    key: str
    source: str
    target: str
    previous: str | None = None
    kind: str = ""
    field_label: str = ""
    object_name: str = ""
    address: str = ""
    max_length: int | None = None
    rich: bool = False
    tags: dict = field(default_factory=dict, repr=False)


def unit_key(obj, field_name):
    """'app_label.model_name:pk:field', naming one field of one object."""
    return f"{obj._meta.label_lower}:{obj.pk}:{field_name}"


def parse_key(key):
    """(model, pk, field) for a unit key, or None when it names no content model's translated
    field."""
    try:
        label, pk, field_name = key.rsplit(":", 2)
        model = apps.get_model(label)
    except (ValueError, LookupError):
        return None
    if not is_content(model) or field_name not in translated_fields(model):
        return None
    return model, pk, field_name


def text_of(obj, field_name, language):
    return getattr(obj, build_localized_fieldname(field_name, language)) or ""


def as_file_text(model, field_name, text, tags=None):
    """`text` (from the database) as written in a file; with `tags`, numbered like the source
    text whose tags they are."""
    if not richtext.is_rich(model, field_name):
        return text
    if tags is None:
        return richtext.to_placeholders(text)[0]
    return richtext.to_placeholders_like(text, tags)


def make_unit(obj, field_name, language):
    """The unit for `field_name` of `obj` in `language`, with its context: the kind of content
    and the field's label in `language`, the object's name in the source language, its public
    address in `language`, the field's maximum length."""
    model = type(obj)
    source = text_of(obj, field_name, SOURCE_LANGUAGE)
    rich = richtext.is_rich(model, field_name)
    tags = richtext.to_placeholders(source)[1] if rich else {}
    stale = {name: then for name, then, _now in stale_fields(obj, language)}
    previous = stale.get(field_name)
    with translation.override(SOURCE_LANGUAGE):
        name = str(obj)
    with translation.override(language):
        model_field = model._meta.get_field(field_name)
        address = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
        return Unit(
            key=unit_key(obj, field_name),
            source=as_file_text(model, field_name, source),
            target=as_file_text(model, field_name, text_of(obj, field_name, language), tags),
            previous=None if previous is None else as_file_text(model, field_name, previous),
            kind=str(model._meta.verbose_name),
            field_label=str(model_field.verbose_name),
            object_name=name,
            address=address,
            max_length=model_field.max_length,
            rich=rich,
            tags=tags,
        )


def fields_to_do(obj, language):
    """The fields of `obj` a translator has work on in `language`: source text and no
    translation, or a translation of an older source text."""
    stale = {name for name, _then, _now in stale_fields(obj, language)}
    return [
        name
        for name in translated_fields(type(obj))
        if text_of(obj, name, SOURCE_LANGUAGE)
        and (not text_of(obj, name, language) or name in stale)
    ]


def units_to_do(language, models=None):
    """Every unit missing or outdated in `language`, across the content models (or `models`),
    in the registry's order."""
    units = []
    for model in models if models is not None else content_models():
        for obj in model._default_manager.filter(to_translate_q(model, language)).order_by("pk"):
            units.extend(make_unit(obj, name, language) for name in fields_to_do(obj, language))
    return units


def units_of(objects, language):
    """Every unit with source text of the chosen `objects`, translated or not."""
    return [
        make_unit(obj, name, language)
        for obj in objects
        for name in translated_fields(type(obj))
        if text_of(obj, name, SOURCE_LANGUAGE)
    ]
