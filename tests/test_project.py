"""Guards for the whole project: settings, migrations, the statistics app's name."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def start_django(**environment):
    """Import the settings in a fresh interpreter, with only the given variables set."""
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update(environment, ENV_FILE="/nonexistent/.env", DJANGO_SETTINGS_MODULE="config.settings")
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = start_django()
    assert result.returncode != 0
    assert "SECRET_KEY is not set. Set the SECRET_KEY environment variable" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = start_django(SECRET_KEY="a-key-for-this-test")
    assert result.stdout.strip() == "False"


def test_a_bad_boolean_is_refused_loudly():
    result = start_django(SECRET_KEY="k", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean: write true or false." in result.stderr


def test_sqlite_lives_at_an_absolute_path_under_the_project(settings):
    if "DATABASE_URL" in os.environ:
        pytest.skip("DATABASE_URL is set: this run uses PostgreSQL")
    name = Path(str(apps.get_app_config("statistics").path)).parent / "db.sqlite3"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.DATABASES['default']['NAME'])",
        ],
        cwd="/",
        env={**os.environ, "SECRET_KEY": "k", "PYTHONPATH": str(ROOT), "ENV_FILE": "/nonexistent"},
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == str(name)


@pytest.mark.django_db
def test_no_model_change_is_missing_its_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_the_statistics_app_is_labelled_statistics_but_lives_in_stats():
    config = apps.get_app_config("statistics")
    assert config.name == "stats"
    import statistics

    assert hasattr(statistics, "pstdev"), "the standard library's statistics module is shadowed"


def test_production_settings_pass_the_deployment_checklist_with_no_warning():
    # Not the test run's own switches: SSL redirect off, and the async escape hatch that the
    # browser tests set for the whole session.
    unwanted = ("SECURE_", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(unwanted)}
    env.update(
        ENV_FILE="/nonexistent/.env",
        SECRET_KEY="a-long-random-production-key-" + "x" * 40,
        ALLOWED_HOSTS="dei.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_every_string_of_the_public_templates_is_in_the_french_and_spanish_catalogues():
    # makemessages reads `{{ _("…") }}` and `{% … _("…") … %}` from the Jinja2 templates, but
    # silently skips other forms (`{{ x or _("…") }}`): such a string would stay in English.
    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parent.parent
    templates = [p for p in root.glob("**/jinja2/**/*.html") if ".venv" not in p.parts]
    strings = {
        match[1]
        for path in templates
        for match in re.findall(r"""_\((["'])(.+?)\1\)""", path.read_text())
    }
    assert len(templates) > 15 and len(strings) > 60
    for language in ("fr", "es"):
        with (root / "locale" / language / "LC_MESSAGES" / "django.po").open("rb") as po:
            translated = {m.id for m in read_po(po) if m.id and m.string}
        assert strings - translated == set(), language
