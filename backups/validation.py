"""The checks an admin save runs, applied to imported rows: field validators, choices, the
models' `clean()`, unique fields and constraints (`full_clean()`), and for stored file names
what an upload would have given. Each returns one-line problems naming the model, the row's key
and the field, in the active language."""

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    SuspiciousFileOperation,
    ValidationError,
)
from django.core.files import File
from django.core.files.utils import validate_file_name
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.text import get_valid_filename

from .content import mirrored_field_names
from .document import shown


def described(obj, error):
    """'organisations.organisation 3, website: Enter a web address…', one per message."""
    name = f"{obj._meta.label_lower} {shown(obj.pk)}"
    return [
        f"{name}: {message}" if field == NON_FIELD_ERRORS else f"{name}, {field}: {message}"
        for field, messages in error.message_dict.items()
        for message in (text.rstrip(".") for text in messages)
    ]


def file_fields(obj):
    return [field for field in obj._meta.concrete_fields if isinstance(field, models.FileField)]


def relations(obj):
    return [field for field in obj._meta.concrete_fields if field.is_relation]


def problems_before_writing(obj):
    """Each value on its own, as the admin's form fields and model fields check it; links to
    other rows only for the shape of their key, since those rows may not be written yet."""
    errors = {}
    try:
        obj.clean_fields(
            exclude={field.name for field in relations(obj) + file_fields(obj)}
            | mirrored_field_names(obj)
        )
    except ValidationError as error:
        errors = error.message_dict
    for field in relations(obj):
        value = getattr(obj, field.attname)
        if value is not None:
            try:
                field.target_field.run_validators(value)
            except ValidationError as error:
                errors[field.name] = error.messages
    for field in file_fields(obj):
        problem = file_name_problem(field, getattr(obj, field.attname).name)
        if problem:
            errors[field.name] = [problem]
    return described(obj, ValidationError(errors)) if errors else []


def file_name_problem(field, name):
    """Why a stored file name could not have come from an upload in the admin, or None.

    An upload is stored as `upload_to` + a name cleaned by Django's get_valid_filename, within
    the field's max_length; a name that differs was written by hand, or by an attacker.
    The file's content is checked once written (problems_once_written), when it is there.
    """
    if not name:
        return None
    try:
        # Django's own rule for stored names: relative, no "..", inside MEDIA_ROOT.
        validate_file_name(name, allow_relative_path=True)
        field.storage.path(name)
    except SuspiciousFileOperation:
        return "The file's path must stay inside the media folder."
    except NotImplementedError:
        pass  # a remote storage has no local path: Django's rule above is the check
    if any(part != get_valid_filename(part) for part in name.split("/")):
        return f"{shown(name)} is not a name an upload is stored under."
    if len(name) > field.max_length:
        return f"The file's path is longer than {field.max_length} characters."
    for validator in field.validators:
        if isinstance(validator, FileExtensionValidator):
            try:
                validator(File(None, name))
            except ValidationError as error:
                return " ".join(error.messages)
    return None


def problems_once_written(obj):
    """full_clean() as an admin save runs it, now that every row it may point to is written.
    A file missing from MEDIA_ROOT is not a refusal (the media folder is restored apart, and
    the command names what is missing); a file that is there is checked like an upload."""
    missing = [
        field.name
        for field in file_fields(obj)
        if getattr(obj, field.attname).name
        and not field.storage.exists(getattr(obj, field.attname).name)
    ]
    try:
        obj.full_clean(exclude=[*missing, *mirrored_field_names(obj)])
    except ValidationError as error:
        return described(obj, error)
    except (FieldDoesNotExist, TypeError, ValueError, ArithmeticError) as error:
        return [f"{obj._meta.label_lower} {shown(obj.pk)}: cannot be checked ({error})"]
    return []
