"""Login throttling with django-axes: failed sign-ins are counted per account and per client
address in the database (shared by every worker); after ``AXES_FAILURE_LIMIT`` failures within
``AXES_COOLOFF_TIME`` further attempts are refused until the cool-off has passed. Failures while
locked out do not extend the lock, so nobody can keep an account locked for longer than one
cool-off by failing on purpose (see docs/accounts.md)."""

import math

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.shortcuts import render
from django.utils import translation


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses sign-ins of locked-out accounts and addresses.

    Sign-ins without a request (``authenticate()`` called from code, e.g. Django's test client)
    come from no client address that could be counted; they are passed on unthrottled. Every
    form of the site passes the request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of the sign-in form while locked out, in the user's language."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    # Nobody is signed in yet: the browser's language, not the site's default for unprefixed
    # URLs that LocaleMiddleware chose.
    with translation.override(translation.get_language_from_request(request)):
        return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
