"""Files written by admin saves: never half-written, never orphaned, never left behind.

A file is written to storage while its object is saved, before the transaction commits. When the
save fails later (the history, an inline, the database), the transaction is rolled back and no
row points to the file any more: left there, it would be an orphan in MEDIA_ROOT for good. A
write that fails half-way (a full disk) leaves no partial file, and the form says so. A file a
save replaced or cleared, or whose object was deleted, is removed once that save has committed.
"""

import errno
import os
from contextlib import contextmanager
from contextvars import ContextVar

from django import forms
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.db.models import FileField, ImageField
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _
from PIL import Image

# The list of files the current admin save wrote (request.new_files), for the forms that write.
_new_files = ContextVar("new_files", default=None)

# Errors of a disk that cannot take the file: the editor is told, nothing is saved.
DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
DISK_FULL_MESSAGE = _(
    "The file could not be stored: the server’s disk is full. Nothing was saved. Try again "
    "later, or tell the site’s administrator."
)


class TidyFileSystemStorage(FileSystemStorage):
    """Django's file system storage, except that a write that fails removes its partial file.

    `Storage.save` picks a free name before calling `_save`, so a file found at that name after
    a failure is the partial one this write created.
    """

    def _save(self, name, content):
        path = self.path(name)
        existed = os.path.lexists(path)
        try:
            return super()._save(name, content)
        except BaseException:
            if not existed and os.path.lexists(path):
                os.remove(path)
            raise


@contextmanager
def deleted_on_failure(request):
    """Around a whole admin view, transaction included: if it raises, the files noted during it
    by `noting_new_files` or `write_uploads` are deleted (see also `saved_or_cleaned_up`)."""
    request.new_files = []
    token = _new_files.set(request.new_files)
    try:
        yield
    except BaseException:
        delete_files(request.new_files)
        raise
    finally:
        _new_files.reset(token)


def delete_files(files):
    for file in files:
        file.storage.delete(file.name)


def saved_or_cleaned_up(request, response):
    """The admin view's `response`, after deleting the files it wrote if it saved nothing (a
    refused form shown again). `noting_new_files` marks the request when the object is saved."""
    if not getattr(request, "object_saved", False):
        delete_files(getattr(request, "new_files", []))
    return response


@contextmanager
def noting_new_files(request, obj):
    """Around saving `obj`: note on the request each file of it that the save writes."""
    uploads = [getattr(obj, f.attname) for f in obj._meta.fields if isinstance(f, FileField)]
    uploads = [file for file in uploads if file and not file._committed]
    try:
        yield
        request.object_saved = True
    finally:
        # Committed means written to storage, even if the database write after it failed.
        getattr(request, "new_files", []).extend(file for file in uploads if file._committed)


def named_by_content(name, file):
    """`name` with the extension of the image format Pillow reads in `file` (logo.pdf holding
    PNG bytes: logo.png), so that the web server's content type matches the bytes. Unchanged
    when Pillow cannot tell (the field's validators refuse such files before any write)."""
    position = file.tell()
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return name
    finally:
        file.seek(position)
    extensions = [ext for ext, fmt in Image.registered_extensions().items() if fmt == image_format]
    if not extensions:
        return name
    preferred = {"JPEG": ".jpg"}.get(image_format, extensions[0])
    stem, _ext = os.path.splitext(name)
    return stem + preferred


def write_uploads(form):
    """Write the form's new files now, while the form can still say what went wrong.

    Called once the form is otherwise valid: a disk that is full becomes an error on the field,
    in the editor's language, instead of a 500 page during the save. An image is named after its
    real format first. Each file written is noted for `deleted_on_failure`, which removes it if
    the save then fails or is refused.
    """
    instance = form.instance
    for field in instance._meta.fields:
        if not isinstance(field, FileField) or field.name not in form.fields:
            continue
        file = getattr(instance, field.attname)
        if not file or file._committed:
            continue
        if isinstance(field, ImageField):
            file.name = named_by_content(file.name, file.file)
        try:
            file.save(file.name, file.file, save=False)
        except OSError as error:
            if error.errno not in DISK_FULL:
                raise
            setattr(instance, field.attname, form.initial.get(field.name))
            form.add_error(field.name, DISK_FULL_MESSAGE)
            continue
        noted = _new_files.get()
        if noted is not None:
            noted.append(file)


class UploadWritingForm(forms.ModelForm):
    """A model form that writes its new files once it is otherwise valid (`write_uploads`)."""

    def _post_clean(self):
        super()._post_clean()
        if not self.errors:
            write_uploads(self)


def remember_old_files(sender, instance, raw=False, **kwargs):
    """pre_save: note the names of the files this row held before the save."""
    if raw or not instance.pk:
        return
    names = [f.attname for f in sender._meta.fields if isinstance(f, FileField)]
    instance._old_files = sender._base_manager.filter(pk=instance.pk).values(*names).first() or {}


def delete_replaced_files(sender, instance, raw=False, **kwargs):
    """post_save: once the save has committed, remove each file it replaced or cleared.

    Raw saves (django-reversion restoring a version, fixtures) leave files alone.
    """
    old = getattr(instance, "_old_files", None) or {}
    instance._old_files = None
    for field in sender._meta.fields:
        if isinstance(field, FileField) and old.get(field.attname):
            name = old[field.attname]
            if name != getattr(instance, field.attname).name:
                delete_unused_on_commit(sender, field, name)


def delete_files_of_deleted(sender, instance, **kwargs):
    """post_delete: once the deletion has committed, remove the row's files."""
    for field in sender._meta.fields:
        if isinstance(field, FileField) and getattr(instance, field.attname):
            delete_unused_on_commit(sender, field, getattr(instance, field.attname).name)


def delete_unused_on_commit(model, field, name):
    def delete():
        # Another row may hold the same name (an import, a copy): then the file stays.
        if not model._base_manager.filter(**{field.attname: name}).exists():
            field.storage.delete(name)

    transaction.on_commit(delete)


def connect_signals():
    """Every model with a file field: a file it replaces, clears or deletes goes on commit."""
    from django.apps import apps

    for model in apps.get_models():
        if any(isinstance(f, FileField) for f in model._meta.fields):
            uid = f"editing-files-{model._meta.label_lower}"
            pre_save.connect(remember_old_files, sender=model, dispatch_uid=f"{uid}-pre")
            post_save.connect(delete_replaced_files, sender=model, dispatch_uid=f"{uid}-post")
            post_delete.connect(delete_files_of_deleted, sender=model, dispatch_uid=f"{uid}-del")
