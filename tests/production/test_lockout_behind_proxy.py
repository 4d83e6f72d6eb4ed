"""Behind the TLS proxy, the sign-in lockout counts the address the proxy saw, nothing forged."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"
ATTACKER = "198.51.100.7"


@pytest.fixture(autouse=True)
def behind_the_proxy(settings):
    settings.BEHIND_TLS_PROXY = True
    settings.TRUSTED_PROXY_ADDRESSES = [PROXY]
    settings.TRUSTED_PROXY_COUNT = 1


def sign_in(client, password, peer, forwarded_for):
    return client.post(
        reverse("admin:login"),
        {"username": "editor", "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=peer,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_a_client_reaching_gunicorn_directly_cannot_rotate_x_forwarded_for(
    client, editor, settings
):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", peer=ATTACKER, forwarded_for=f"203.0.113.{n}")
    response = sign_in(client, "pw-editor", peer=ATTACKER, forwarded_for="203.0.113.200")
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


def test_through_the_proxy_forged_entries_left_of_its_own_are_ignored(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        forged = f"10.{n}.0.1, 203.0.113.{n}"
        sign_in(client, "wrong", peer=PROXY, forwarded_for=f"{forged}, {ATTACKER}")
    response = sign_in(client, "pw-editor", peer=PROXY, forwarded_for=f"1.2.3.4, {ATTACKER}")
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


def test_through_the_proxy_another_visitor_is_not_locked_out_by_the_attacker(
    client, editor, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", peer=PROXY, forwarded_for=ATTACKER)
    response = sign_in(client, "pw-editor", peer=PROXY, forwarded_for="192.0.2.44")
    assert response.status_code == 302


def test_with_two_proxies_the_client_is_the_address_the_first_one_saw(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 2  # a CDN, then our proxy
    for n in range(settings.AXES_FAILURE_LIMIT):
        chain = f"203.0.113.{n}, {ATTACKER}, 192.0.2.10"
        sign_in(client, "wrong", peer=PROXY, forwarded_for=chain)
    response = sign_in(client, "pw-editor", peer=PROXY, forwarded_for=f"{ATTACKER}, 192.0.2.10")
    assert response.status_code == 429
