"""The database before and after a request, and what a translator's role lets change in it."""

from axes.models import AccessAttempt
from django.contrib.auth.models import Group, User
from django.contrib.redirects.models import Redirect
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from editing.drafts import every_draft_shown
from editing.old_slugs import OldSlug
from editing.registry import stored_with_content
from editing.translation_status import stamp_field
from multilingual.languages import TRANSLATION_LANGUAGES

SNAPSHOT_MODELS = [
    *stored_with_content(),
    User,
    Group,
    User.groups.through,
    User.user_permissions.through,
    Group.permissions.through,
    AccessAttempt,
    Redirect,
]
# Written on every sign-in, by force_login too.
IGNORED = {"last_login"}


def snapshot():
    # Content as it is proposed: a change to live content is kept as a draft, which counts.
    with every_draft_shown():
        return {
            model: {
                row["pk"]: row
                for row in model._base_manager.values(
                    "pk", *(f.attname for f in model._meta.fields)
                )
            }
            for model in SNAPSHOT_MODELS
        }


def differences(before, after):
    """[(model, pk, what)]: what is "added", "removed" or the set of changed field names."""
    found = []
    for model in SNAPSHOT_MODELS:
        old, new = before[model], after[model]
        found += [(model, pk, "added") for pk in new.keys() - old.keys()]
        found += [(model, pk, "removed") for pk in old.keys() - new.keys()]
        for pk in old.keys() & new.keys():
            changed = {k for k in old[pk] if old[pk][k] != new[pk][k]} - IGNORED
            if changed:
                found.append((model, pk, changed))
    return found


def translation_columns(model):
    try:
        fields = translator.get_options_for_model(model).fields
    except NotRegistered:
        return set()
    return {
        build_localized_fieldname(name, lang) for name in fields for lang in TRANSLATION_LANGUAGES
    }


# When a text is saved: the row's modification time, that language's "last translated" and
# the source text it translates.
TRANSLATION_BOOKKEEPING = {
    "updated_at",
    "translation_sources",
    *map(stamp_field, TRANSLATION_LANGUAGES),
}


def beyond_a_translators_role(found, after):
    """The differences a translator's request may not make: anything but saving English and
    Spanish text of existing content (and the old English or Spanish address a changed slug
    leaves)."""
    beyond = []
    for model, pk, what in found:
        if issubclass(model, OldSlug):
            row = after[model].get(pk)
            if row is None or row["language"] in TRANSLATION_LANGUAGES:
                continue
        texts = translation_columns(model)
        if texts and isinstance(what, set) and what <= texts | TRANSLATION_BOOKKEEPING:
            continue
        beyond.append((model._meta.label, pk, what))
    return beyond
