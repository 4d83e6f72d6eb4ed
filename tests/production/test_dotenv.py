"""The suite never reads a developer's .env: `make run` then `make test` works in that order."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
READ_DEBUG = "from config import settings; print(settings.DEBUG)"


def project_with_dotenv(tmp_path):
    """A copy of the settings package with the .env `make run` writes beside it."""
    shutil.copytree(ROOT / "config", tmp_path / "config")
    (tmp_path / ".env").write_text("DEBUG=true\nSECRET_KEY=from-the-dotenv\n")
    return tmp_path


def import_settings(project, **environment):
    env = {k: v for k, v in os.environ.items() if k not in {"ENV_FILE", "DEBUG", "SECRET_KEY"}}
    # The copy's settings first; the apps the settings name (pages) from the project itself.
    env.update(environment, PYTHONPATH=os.pathsep.join([str(project), str(ROOT)]))
    return subprocess.run(
        [sys.executable, "-c", READ_DEBUG], cwd=project, env=env, capture_output=True, text=True
    )


def test_settings_imported_as_the_test_suite_does_ignore_the_development_dotenv(tmp_path):
    project = project_with_dotenv(tmp_path)
    result = import_settings(project, SECRET_KEY="the-suite-key")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_dotenv_named_by_an_entry_point_is_still_read(tmp_path):
    project = project_with_dotenv(tmp_path)
    result = import_settings(project, ENV_FILE=str(project / ".env"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_manage_py_reads_the_dotenv_beside_it(tmp_path):
    project = project_with_dotenv(tmp_path)
    shutil.copy(ROOT / "manage.py", project / "manage.py")
    env = {k: v for k, v in os.environ.items() if k not in {"ENV_FILE", "DEBUG", "SECRET_KEY"}}
    # The copied settings package first, the apps from the project.
    env["PYTHONPATH"] = f"{project}{os.pathsep}{ROOT}"
    command = [sys.executable, "manage.py", "shell", "--no-imports", "-c", READ_DEBUG]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
