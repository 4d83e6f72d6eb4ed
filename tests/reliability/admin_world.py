"""The objects the admin addresses point to, and how to fill each address with real keys."""

import inspect
import re
from dataclasses import dataclass

import reversion
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.utils.regex_helper import normalize
from reversion.models import Version

from multilingual.languages import TRANSLATION_LANGUAGES
from organisations.models import Organisation


def with_two_versions(obj, field_name, earlier):
    """Save `obj` twice in its history: first with `earlier` in `field_name`, then as it is."""
    now = getattr(obj, field_name)
    setattr(obj, field_name, earlier)
    with reversion.create_revision():
        obj.save()
    setattr(obj, field_name, now)
    with reversion.create_revision():
        obj.save()
    return obj


def deleted_with_history(obj):
    with reversion.create_revision():
        obj.save()
    obj.delete()


@dataclass
class World:
    """The users, and for each model the object its screens are tried on."""

    administrator: User
    translator: User
    main: dict

    def target(self, model):
        """The object a route of `model` is tried on: the one with a history, if any."""
        model = model or Organisation
        return self.main.get(model) or model._base_manager.order_by("pk").first()

    def value(self, route, name):
        if name in ("object_id", "id") and route.kind == "delete":
            # The newest row, which nothing depends on: deleting it is not refused.
            return (route.model or Organisation)._base_manager.order_by("-pk").first().pk
        if name in ("object_id", "id"):
            return self.target(route.model).pk
        if name == "version_id" and route.kind == "recover":
            return Version.objects.get_deleted(route.model).first().pk
        if name == "version_id":
            return Version.objects.get_for_object(self.target(route.model)).last().pk
        if name == "content_type_id":
            return ContentType.objects.get_for_model(Organisation).pk
        if name == "url":
            return "no-such-screen/"
        if name == "language":
            return TRANSLATION_LANGUAGES[0]
        if name in dict(route.fixed):
            return dict(route.fixed)[name]
        raise LookupError(f"{route.id}: say in World.value() what to put in <{name}>")

    def address(self, route):
        """The route's URL with real primary keys, and the query its screen needs."""
        positional = [
            name
            for name in inspect.signature(route.view).parameters
            if name not in ("request", "extra_context")
        ]
        parts = []
        for entry in route.patterns:
            pattern = entry.pattern
            if hasattr(pattern, "_route"):
                text = re.sub(
                    r"<(?:\w+:)?(\w+)>",
                    lambda match: str(self.value(route, match[1])),
                    pattern._route,
                )
            else:
                # Unnamed groups come as _0, _1...: the view's arguments say what they are.
                template, groups = normalize(pattern._regex)[0]
                text = template % {
                    group: self.value(
                        route, positional[int(group[1:])] if group.startswith("_") else group
                    )
                    for group in groups
                }
            parts.append(text)
        return "/" + "".join(parts) + self.query(route)

    def query(self, route):
        if route.kind == "compare":
            versions = Version.objects.get_for_object(self.target(route.model))
            return f"?version_id1={versions.last().pk}&version_id2={versions.first().pk}"
        if route.kind == "autocomplete":
            return "?app_label=partners&model_name=partnership&field_name=organisation&term=o"
        if route.kind == "changelist":
            # A page in the middle (one row per page): every "move to page" action is offered.
            return f"?p={route.model._base_manager.count() // 2 + 1}"
        return ""
