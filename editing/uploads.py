"""Files written by an admin save that then fails are deleted again.

A file is written to storage while its object is saved, before the transaction commits. When the
save fails later (the history, an inline, the database), the transaction is rolled back and no
row points to the file any more: left there, it would be an orphan in MEDIA_ROOT for good.
"""

from contextlib import contextmanager

from django.db.models import FileField


@contextmanager
def deleted_on_failure(request):
    """Around a whole admin save, transaction included: if it raises, the files noted by
    `noting_new_files` during it are deleted."""
    request.new_files = []
    try:
        yield
    except BaseException:
        for file in request.new_files:
            file.storage.delete(file.name)
        raise


@contextmanager
def noting_new_files(request, obj):
    """Around saving `obj`: note on the request each file of it that the save writes."""
    uploads = [getattr(obj, f.attname) for f in obj._meta.fields if isinstance(f, FileField)]
    uploads = [file for file in uploads if file and not file._committed]
    try:
        yield
    finally:
        # Committed means written to storage, even if the database write after it failed.
        getattr(request, "new_files", []).extend(file for file in uploads if file._committed)
