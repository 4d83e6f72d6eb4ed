"""Two saves of one object at the same instant: exactly one wins, the other is told.

Each save runs in its own thread and database connection, as two gunicorn workers would. Both
forms were opened before either save; a barrier inside the conflict check holds the first save
there until the second has reached it too, or for a second and a half. Without a row lock both
reach it, both pass the check and one edit is lost; with the lock the second waits for the first
to commit, and then sees its stamp.
"""

import contextlib
import threading

import pytest
from django.db import connection
from django.urls import reverse

from editing.conflicts import ConflictCheckingForm
from organisations.models import Organisation
from tests.admin.forms import PUBLISH, organisation_form
from tests.editing.conftest import opened_at, signed_in

pytestmark = pytest.mark.django_db(transaction=True)


def save_in_thread(client, url, data, replies):
    def run():
        try:
            reply = client.post(url, {**data, **PUBLISH}, HTTP_ACCEPT_LANGUAGE="en")
            replies.append((reply.status_code, data["summary_en"], reply.content.decode()))
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.parametrize("round_number", range(3))
def test_two_saves_at_the_same_instant_exactly_one_wins(
    editor_client, communication_officer, round_number, monkeypatch
):
    editor_client.post(reverse("admin:organisations_organisation_add"), organisation_form())
    ilo = Organisation.objects.get()
    url = reverse("admin:organisations_organisation_change", args=[ilo.pk])
    colleague = signed_in(communication_officer, "en")
    mine, theirs = opened_at(editor_client, ilo), opened_at(colleague, ilo)

    barrier = threading.Barrier(2, timeout=1.5)
    clean = ConflictCheckingForm.clean

    def clean_together(form):
        if form.instance.pk:
            # The other save may not come (it waits for the lock): then go on alone.
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait()
        return clean(form)

    monkeypatch.setattr(ConflictCheckingForm, "clean", clean_together)
    replies = []
    threads = [
        save_in_thread(
            editor_client, url, organisation_form(summary_en="Mine.", opened_at=mine), replies
        ),
        save_in_thread(
            colleague, url, organisation_form(summary_en="Theirs.", opened_at=theirs), replies
        ),
    ]
    for thread in threads:
        thread.join(timeout=20)

    assert sorted(status for status, _typed, _page in replies) == [200, 302]
    (winner,) = [typed for status, typed, _page in replies if status == 302]
    (refused_page,) = [page for status, _typed, page in replies if status == 200]
    assert "saved this page on" in refused_page
    assert f"Summary [en]: “{winner}”" in refused_page  # the refused one is shown the winner's
    ilo.refresh_from_db()
    assert ilo.summary_en == winner
