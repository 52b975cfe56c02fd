"""Admin login throttling (django-axes, skills/operations/logins.py): who gets locked out, for how
long, and by which address."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import RequestFactory

from skills.operations.logins import client_address

pytestmark = pytest.mark.django_db

LOGIN = "/en/admin/login/?next=/en/admin/"
PASSWORD = "a-long-admin-password-42"
OFFICE = "192.0.2.10"


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)


def log_in(client, username, password, address=OFFICE, **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/en/admin/"


def time_passes(minutes):
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def test_a_guesser_at_the_admins_address_locks_the_admin_out_for_a_quarter_hour_only(client, admin):
    for _ in range(4):
        assert log_in(client, "admin", "wrong").status_code == 200
    locked = log_in(client, "admin", "wrong")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert "paused for a quarter of an hour" in locked.content.decode()
    # The right password is refused too: otherwise guessing on would find it.
    assert log_in(client, "admin", PASSWORD).status_code == 429

    time_passes(14)
    for _ in range(10):  # guessing on during the lock neither counts nor extends it
        assert log_in(client, "admin", "wrong").status_code == 429
    time_passes(2)
    assert signed_in(log_in(client, "admin", PASSWORD))


def test_the_lock_is_the_usernames_at_that_address_only(client, admin, django_user_model):
    django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    for _ in range(5):
        log_in(client, "admin", "wrong")

    assert signed_in(log_in(client, "editor", PASSWORD))  # a colleague in the same office
    client.logout()
    assert signed_in(log_in(client, "admin", PASSWORD, address="198.51.100.7"))  # at home


def test_guessing_across_usernames_from_one_address_is_limited(client, admin):
    for number in range(19):  # a few typos each among an office's people do not lock it
        assert log_in(client, f"user{number}", "wrong").status_code == 200
    assert log_in(client, "user19", "wrong").status_code == 429

    assert log_in(client, "someone-new", "wrong").status_code == 429
    assert log_in(client, "admin", PASSWORD).status_code == 429
    assert signed_in(log_in(client, "admin", PASSWORD, address="198.51.100.7"))


def test_without_a_proxy_x_forwarded_for_is_ignored(client, admin):
    for number in range(5):
        response = log_in(client, "admin", "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {OFFICE}

    # Claiming the locked address gets nobody locked, nor does claiming another unlock.
    other = log_in(client, "admin", PASSWORD, address="198.51.100.7", HTTP_X_FORWARDED_FOR=OFFICE)
    assert signed_in(other)
    client.logout()
    assert log_in(client, "admin", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 429


def test_behind_a_proxy_the_address_it_forwards_counts(client, admin, settings):
    settings.SFIA_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for number in range(5):
        # The client may send an X-Forwarded-For of its own: the proxy appends to it.
        forwarded = f"203.0.113.{number}, {OFFICE}"
        response = log_in(client, "admin", "wrong", proxy, HTTP_X_FORWARDED_FOR=forwarded)
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {OFFICE}

    # Everyone comes through the proxy's address: the admin at home is not locked out.
    home = log_in(client, "admin", PASSWORD, proxy, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert signed_in(home)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "address"),
    [
        (0, "203.0.113.1", "10.0.0.2"),
        (1, "203.0.113.1, 198.51.100.7", "198.51.100.7"),
        (2, "203.0.113.1, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (2, "198.51.100.7", "10.0.0.2"),  # fewer entries than proxies: not from them
        (1, "not-an-address", "10.0.0.2"),
        (1, "", "10.0.0.2"),
    ],
)
def test_the_client_address(settings, proxies, forwarded, address):
    settings.SFIA_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == address
