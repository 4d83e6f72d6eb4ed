"""ops/backup.sh and ops/restore.sh, the scripts README's "Back up and restore" runs, here on this
machine's PostgreSQL (STACK=local: the same commands, outside the containers). pg_dump and
pg_restore connect on their own, so the rows must be committed: transactional tests."""

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection

from organisations.models import Organisation
from stats.models import KeyFigure
from tests.backups.conftest import empty_the_content, every_row
from tests.conftest import image_bytes, make_organisation

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="backs up PostgreSQL with pg_dump: run with DATABASE_URL=postgres://…",
    ),
    pytest.mark.skipif(
        shutil.which("pg_dump") is None,
        reason="needs PostgreSQL's client tools (apt-get install postgresql-client)",
    ),
    pytest.mark.django_db(transaction=True),
]


def url_of_the_test_database():
    db = connection.settings_dict
    credentials = f"{quote(db['USER'], safe='')}:{quote(db['PASSWORD'], safe='')}"
    return f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def run(script, folder, media_root):
    env = {
        **os.environ,
        "STACK": "local",
        "DATABASE_URL": url_of_the_test_database(),
        "MEDIA_ROOT": str(media_root),
        # `python manage.py export_content` with this project's Python.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    env.setdefault("SECRET_KEY", "insecure-key-for-tests-only")
    done = subprocess.run(
        [ROOT / "ops" / script, str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_a_restore_brings_back_the_content_and_the_logos_of_the_backup(
    rich_content, media_root, tmp_path
):
    before = every_row()
    logo = Path(rich_content.logo.path)
    run("backup.sh", tmp_path / "backup", media_root)
    assert sorted(path.name for path in (tmp_path / "backup").iterdir()) == [
        "content.json",
        "database.dump",
        "media.tar.gz",
    ]

    # What happens after the backup: an edit, a deletion, a new body, a lost logo, a new file.
    Organisation.objects.filter(pk=rich_content.pk).update(name_en="Renamed by mistake")
    KeyFigure.objects.filter(key="children-exploited").delete()
    make_organisation(name_fr="Arrivée après", slug_fr="arrivee-apres")
    logo.unlink()
    (media_root / "logos" / "later.png").write_bytes(image_bytes())

    run("restore.sh", tmp_path / "backup", media_root)

    assert every_row() == before
    assert logo.read_bytes() == image_bytes()
    assert sorted(path.name for path in (media_root / "logos").iterdir()) == ["un.png"]


def test_the_backups_portable_copy_loads_into_an_empty_database(rich_content, media_root, tmp_path):
    before = every_row()
    run("backup.sh", tmp_path / "backup", media_root)
    empty_the_content()

    call_command("import_content", str(tmp_path / "backup" / "content.json"))

    assert every_row() == before
