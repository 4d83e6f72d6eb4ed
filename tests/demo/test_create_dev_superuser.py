import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from demo.management.commands import create_dev_superuser

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def password_file(tmp_path, monkeypatch):
    path = tmp_path / ".dev-admin-password"
    monkeypatch.setattr(create_dev_superuser, "PASSWORD_FILE", path)
    monkeypatch.delenv("DEV_ADMIN_PASSWORD", raising=False)
    return path


def run():
    out = io.StringIO()
    call_command("create_dev_superuser", stdout=out)
    return out.getvalue()


def test_it_refuses_to_run_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="development only"):
        run()


def test_it_generates_prints_and_keeps_a_password(settings, password_file):
    settings.DEBUG = True
    output = run()
    password = password_file.read_text().strip()
    assert len(password) >= 16
    assert f"password: {password}" in output
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_it_takes_the_password_from_the_environment(settings, monkeypatch, password_file):
    settings.DEBUG = True
    monkeypatch.setenv("DEV_ADMIN_PASSWORD", "chosen-by-me-1234")
    run()
    assert get_user_model().objects.get(username="admin").check_password("chosen-by-me-1234")
    assert not password_file.exists()


def test_running_it_again_keeps_the_account_and_its_password(settings, password_file):
    settings.DEBUG = True
    run()
    password = password_file.read_text().strip()
    output = run()
    assert "left unchanged" in output
    assert get_user_model().objects.get(username="admin").check_password(password)
