"""Adding a language is a settings change, `makemigrations` and a catalogue: nothing in the
code names a language. Proved in a separate process with tests/settings_with_dutch.py, since
per-language columns are made when the models are imported."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Run with Dutch added: what the migrations would add, and the rule's answers for an unsaved
# organisation (no database needed) translated into Dutch only.
PROBE = """
import json, django
django.setup()
from io import StringIO
from django.core.management import call_command
from django.test import RequestFactory
from django.utils.translation import override
from editing.admin import TranslationStatusFilter, status_badge
from multilingual.alternates import language_context
from multilingual.availability import available_languages
from organisations.models import Organisation

out = StringIO()
call_command("makemigrations", dry_run=True, verbosity=1, stdout=out)
body = Organisation(
    pk=1,
    name_fr="Réseau", name_nl="Netwerk",
    slug_fr="reseau", slug_nl="netwerk",
    summary_fr="Un réseau.", summary_nl="Een netwerk.",
)
request = RequestFactory().get("/nl/organisations/netwerk/", SERVER_NAME="localhost")
with override("nl"):
    context = language_context(request, available_languages(body), body)
print(json.dumps({
    "migrations": out.getvalue(),
    "filters": [value for value, _label in TranslationStatusFilter.lookups(None, None, None)],
    "states": {code: body.translation_state(code) for code in ("en", "es", "nl")},
    "available": available_languages(body),
    "switcher": [a["code"] for a in context["alternates"]],
    "badge": str(status_badge(body, "nl")),
}))
"""


@pytest.fixture(scope="module")
def with_dutch():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings_with_dutch",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "insecure-key-for-tests-only"),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_makemigrations_adds_the_new_languages_columns(with_dutch):
    migrations = with_dutch["migrations"]
    for line in (
        "Add field name_nl to organisation",
        "Add field slug_nl to organisation",
        "Add field translated_at_nl to organisation",
        "Add field translated_at_nl to partnership",
        "Add field translated_at_nl to consultativestatus",
        "Add field translated_at_nl to keyfigure",
        "Create constraint organisation_unique_slug_nl on model organisation",
    ):
        assert line in migrations


def test_the_admin_filters_offer_the_new_language(with_dutch):
    assert {"nl-missing", "nl-partial", "nl-outdated"} <= set(with_dutch["filters"])


def test_the_rule_switcher_and_badges_answer_for_the_new_language(with_dutch):
    assert with_dutch["states"] == {"en": "missing", "es": "missing", "nl": "complete"}
    assert with_dutch["available"] == ["fr", "nl"]
    assert with_dutch["switcher"] == ["fr", "nl"]
    assert 'class="translation-readable"' in with_dutch["badge"]
