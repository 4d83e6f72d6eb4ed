"""The streaming replica made by pg_basebackup in tests/scale/run.sh, and config/replica.py."""

import time
import uuid

from .stack import (
    APP_URLS,
    REPLICA_WINDOW,
    fresh,
    psql,
    rename_ilo,
    run,
    signed_in_editor,
    visitor,
    wait_until,
)

A, B = APP_URLS
# Reads of the organisations table counted by the replica's own statistics.
READS = (
    "SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0) FROM pg_stat_user_tables"
    " WHERE relname = 'organisations_organisation'"
)

NAMED = "SELECT count(*) FROM organisations_organisation WHERE name_en = '{}'"


def replica_reads():
    return int(psql("REPLICA", READS))


def test_the_replica_streams_from_the_primary():
    assert psql("REPLICA", "SELECT pg_is_in_recovery()") == "t"
    assert psql("PRIMARY", "SELECT count(*) FROM pg_stat_replication") == "1"


def test_anonymous_pages_are_read_from_the_replica():
    time.sleep(REPLICA_WINDOW)  # past the primary-only window of earlier edits
    before = replica_reads()
    assert visitor(A).get(fresh("/en/partners/")).status == 200
    assert wait_until(lambda: replica_reads() > before, 5)


def test_staff_read_their_own_writes_and_visitors_never_get_a_lagging_replica():
    editor = signed_in_editor(A)
    new_name = f"International Labour Organization ({uuid.uuid4().hex[:6]})"
    psql("REPLICA", "SELECT pg_wal_replay_pause()")
    try:
        old_name = rename_ilo(editor, new_name)
        try:
            # The replica still has the old name...
            assert psql("REPLICA", NAMED.format(new_name)) == "0"
            # ...staff, on the other instance too, read the primary.
            editor.base_url = B
            assert new_name in editor.get("/en/partners/").text
            # Visitors too: first because content just changed, then because of the lag.
            for wait in (0, REPLICA_WINDOW + 0.5):
                time.sleep(wait)
                assert new_name in visitor(B).get(fresh("/en/partners/")).text
        finally:
            editor.base_url = A
            rename_ilo(editor, old_name)
    finally:
        psql("REPLICA", "SELECT pg_wal_replay_resume()")


def test_with_the_replica_stopped_visitors_are_served_from_the_primary():
    run("SCALE_REPLICA_STOP")
    try:
        for _ in range(3):
            for url in APP_URLS:
                reply = visitor(url).get(fresh("/en/partners/"))
                assert reply.status == 200, reply.text[:300]
    finally:
        run("SCALE_REPLICA_START")
    time.sleep(REPLICA_WINDOW)
    before = replica_reads()
    assert wait_until(
        lambda: visitor(A).get(fresh("/en/partners/")).status == 200 and replica_reads() > before,
        10,
        step=0.5,
    )
