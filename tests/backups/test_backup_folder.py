"""ops/backup.sh writes into a new folder only: an earlier backup is never overwritten."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_backup_into_a_folder_that_holds_files_is_refused(tmp_path):
    earlier = tmp_path / "2025-06-30"
    earlier.mkdir()
    (earlier / "database.dump").write_bytes(b"an earlier backup")

    done = subprocess.run(
        [ROOT / "ops" / "backup.sh", str(earlier)],
        env={"PATH": "/usr/bin:/bin", "STACK": "local"},
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode != 0
    assert "is not empty" in done.stderr
    assert [path.name for path in earlier.iterdir()] == ["database.dump"]
    assert (earlier / "database.dump").read_bytes() == b"an earlier backup"
