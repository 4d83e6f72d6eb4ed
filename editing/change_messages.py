"""History entries that read in the viewer's language, whoever saved them.

Django stores an admin save as a JSON change message and translates it when shown, but it keeps
field labels as text: modeltranslation's "Description [fr]" has no translation, and
django-reversion copies the message, already translated into the author's language, into its
revision comment. Here each entry also names its model and fields ("model", "field_names":
extra keys Django's own reading ignores), the revision keeps the JSON, and `readable` writes it
out in the active language when the history is shown.
"""

import json
from contextvars import ContextVar

from django.apps import apps
from django.contrib.admin.utils import construct_change_message
from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext
from reversion.models import Revision
from reversion.signals import post_revision_commit

# Set while a history version is being restored: the new revision then says so, as JSON.
restored_from = ContextVar("restored_from", default=None)


def model_key(model):
    """ "organisations.organisation": how an entry names its model."""
    return model._meta.label_lower


def structured_change_message(form, formsets, add):
    """Django's change message (a list of dicts), each part naming its model and its changed
    fields by name, so that `readable` can label them in any language."""
    message = construct_change_message(form, formsets, add)
    parts = iter(message)
    if add or form.changed_data:
        first = next(parts)
        if not add:
            first["changed"]["model"] = model_key(form._meta.model)
            first["changed"]["field_names"] = list(form.changed_data)
    for formset in formsets or ():
        model = model_key(formset.model)
        for _obj in formset.new_objects:
            next(parts)["added"]["model"] = model
        for _obj, changed_fields in formset.changed_objects:
            part = next(parts)["changed"]
            part["model"] = model
            part["field_names"] = list(changed_fields)
        for _obj in formset.deleted_objects:
            next(parts)["deleted"]["model"] = model
    return message


def field_label(model, name):
    """The field's label in the active language: "Description [fr]" for a translation column."""
    try:
        return str(capfirst(model._meta.get_field(name).verbose_name))
    except FieldDoesNotExist:
        return name


def _model(part):
    try:
        return apps.get_model(part["model"])
    except (KeyError, LookupError, ValueError):
        return None


def _name(part, model):
    return str(model._meta.verbose_name) if model else gettext(part.get("name", ""))


def _fields(part, model):
    if model and "field_names" in part:
        labels = [field_label(model, name) for name in part["field_names"]]
    else:
        labels = [gettext(label) for label in part.get("fields", [])]
    return get_text_list(labels, gettext("and"))


def _sentence(part_kind, part, model):
    """One part of a message in the active language, with Django's own wording."""
    if part_kind == "added":
        if not part:
            return gettext("Added.")
        return gettext("Added {name} “{object}”.").format(
            name=_name(part, model), object=part["object"]
        )
    if part_kind == "changed":
        fields = _fields(part, model)
        if "name" in part:
            return gettext("Changed {fields} for {name} “{object}”.").format(
                fields=fields, name=_name(part, model), object=part["object"]
            )
        return gettext("Changed {fields}.").format(fields=fields)
    if part_kind == "deleted":
        return gettext("Deleted {name} “{object}”.").format(
            name=_name(part, model), object=part["object"]
        )
    if part_kind == "restored":
        moment = parse_datetime(part["date"])
        return gettext("Reverted to previous version, saved on %(datetime)s") % {
            "datetime": formats.localize(timezone.localtime(moment))
        }
    return ""


def readable(comment, model=None):
    """A history comment in the active language.

    `comment` is a revision's comment: the JSON this module stores, or text from before it (or
    from a script), returned as it is. `model` names the fields of parts saved by Django alone.
    """
    if not comment or not comment.startswith("["):
        return comment or ""
    try:
        message = json.loads(comment)
    except json.JSONDecodeError:
        return comment
    sentences = []
    for part in message:
        for kind, content in part.items():
            content = content or {}
            part_model = _model(content)
            if part_model is None and kind == "changed" and "name" not in content:
                part_model = model  # the page's own fields, saved before this module
            sentences.append(_sentence(kind, content, part_model))
    return " ".join(s for s in sentences if s) or gettext("No fields changed.")


def mark_restored(sender, revision, versions, **kwargs):
    """post_revision_commit receiver: a revision saved by a restore says so, as JSON."""
    version = restored_from.get()
    if version is None:
        return
    comment = json.dumps([{"restored": {"date": version.revision.date_created.isoformat()}}])
    Revision.objects.filter(pk=revision.pk).update(comment=comment)
    revision.comment = comment


def connect_signals():
    """Called once, from the app's ready()."""
    post_revision_commit.connect(mark_restored, dispatch_uid="editing-mark-restored")
