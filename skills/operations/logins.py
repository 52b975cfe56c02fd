"""The admin login throttle's two hooks into django-axes (AXES_HANDLER, AXES_CLIENT_IP_CALLABLE;
the settings say what it counts and why)."""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


def client_address(request):
    """The address the client connected from. Behind SFIA_TRUSTED_PROXY_COUNT proxies, each
    appends the address it was reached from to X-Forwarded-For, so the client's is that many
    entries from the end; whatever comes before could be anything the client sent. Without
    a proxy, or with a header no proxy wrote, the connection's own address."""
    proxies = settings.SFIA_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if proxies and len(forwarded) >= proxies:
        try:
            return str(ipaddress.ip_address(forwarded[-proxies].strip()))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR")


class LoginThrottle(AxesDatabaseHandler):
    """axes's database handler, with a limit of its own for an address across usernames.

    axes compares its largest count (AXES_LOCKOUT_PARAMETERS: a username at an address, then
    the address) with one limit, AXES_FAILURE_LIMIT; an address that guessed at many
    usernames has its own, higher one, SFIA_LOGIN_ADDRESS_FAILURE_LIMIT: an office whose
    people mistype is not locked out by five typos among them.
    """

    def get_failures(self, request, credentials=None):
        username_at_address, address = (
            attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if address >= settings.SFIA_LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(username_at_address, settings.AXES_FAILURE_LIMIT)
        return username_at_address
