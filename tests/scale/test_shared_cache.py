"""Two app instances on one PostgreSQL and one Redis (tests/scale/run.sh)."""

import uuid

from .stack import (
    ADMIN,
    APP_URLS,
    app_log,
    fresh,
    rename_ilo,
    run,
    sign_in,
    signed_in_editor,
    visitor,
    wait_until,
)

A, B = APP_URLS


def test_a_page_one_instance_rendered_is_served_by_the_other_from_redis():
    path = fresh("/en/partners/")
    assert visitor(A).get(path).header("X-Cache") == "miss"
    reply = visitor(B).get(path)
    assert reply.status == 200
    assert reply.header("X-Cache") == "hit"


def test_an_edit_through_one_instance_is_seen_at_once_on_the_other():
    visitor(B).get("/en/partners/")
    assert visitor(B).get("/en/partners/").header("X-Cache") == "hit"
    editor = signed_in_editor(A)
    new_name = f"International Labour Organization ({uuid.uuid4().hex[:6]})"
    old_name = rename_ilo(editor, new_name)
    try:
        reply = visitor(B).get("/en/partners/")
        assert reply.header("X-Cache") == "miss"
        assert new_name in reply.text
    finally:
        rename_ilo(editor, old_name)
    assert new_name not in visitor(B).get("/en/partners/").text


def test_a_session_opened_on_one_instance_is_valid_on_the_other():
    editor = signed_in_editor(A)
    editor.base_url = B
    reply = editor.get(ADMIN)
    assert reply.status == 200
    assert "private" in reply.header("Cache-Control")


def test_failed_sign_ins_on_both_instances_count_together():
    username = f"nobody-{uuid.uuid4().hex[:6]}"
    attacker = visitor(A)
    # AXES_FAILURE_LIMIT=3 in run.sh: one failure on each instance, and the third is refused.
    for url in APP_URLS:
        attacker.base_url = url
        assert sign_in(attacker, "wrong", username).status == 200
    for url in APP_URLS:
        attacker.base_url = url
        assert sign_in(attacker, "wrong", username).status == 429


def test_with_redis_stopped_the_site_answers_uncached_and_recovers():
    path = "/en/about/"
    run("SCALE_REDIS_STOP")
    try:
        for _ in range(3):
            for url in APP_URLS:
                reply = visitor(url).get(path)
                assert reply.status == 200, reply.text[:300]
                assert "X-Cache" not in reply.headers or reply.header("X-Cache") == "miss"
    finally:
        run("SCALE_REDIS_START")
    for index in (0, 1):
        assert app_log(index).count("Redis does not answer") == 1, f"instance {index}"

    def served_from_redis():
        visitor(A).get(path)
        return visitor(B).get(path).header("X-Cache") == "hit"

    assert wait_until(served_from_redis, 10)
