"""Spam protection for contact forms without third-party services and without cookies.

* a honeypot field that people never see and bots fill in,
* a signed time stamp in the form: a form sent back within seconds was not filled by a person,
* a limit of submissions per client address and page, counted in the cache shared by all
  workers (``limits``: Redis, else the database) under a keyed hash of the address; the address
  itself is never stored. There is deliberately no limit for all readers together: whoever sends
  many messages can only block their own address, never the form for everyone. The address
  comes from ``core.client`` (trusted proxies only), so a forged ``X-Forwarded-For`` cannot
  charge another reader's address.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core import signing

from core.client import client_address
from core.limits import count, counted

HONEYPOT_FIELD = "hp_website"
STARTED_FIELD = "form_started"
SALT = "contact.form-started"

OK = "ok"
SPAM = "spam"
TOO_MANY = "too-many"
EXPIRED = "expired"


def _setting(name, default):
    return getattr(settings, name, default)


def rate_limit():
    """(number of submissions, window in seconds) per client address and page."""
    return _setting("CONTACT_RATE_LIMIT", (5, 600))


def started_token(at=None):
    """The signed time at which the form was shown (``at``: seconds since the epoch)."""
    signer = signing.TimestampSigner(salt=SALT)
    if at is None:
        return signer.sign("form")
    timestamp = signing.b62_encode(int(at))
    value = f"form{signer.sep}{timestamp}"
    return f"{value}{signer.sep}{signer.signature(value)}"


class SpamFields:
    """What the template needs to render the hidden fields.

    A form shown again (after an input error) keeps the time stamp it was first shown with, so
    that a quick correction is not mistaken for a bot."""

    honeypot_name = HONEYPOT_FIELD
    started_name = STARTED_FIELD

    def __init__(self, posted=None):
        self.posted = posted if posted and _valid(posted) else None

    @property
    def started_value(self):
        return self.posted or started_token()


def _valid(token):
    try:
        signing.TimestampSigner(salt=SALT).unsign(
            token, max_age=_setting("CONTACT_FORM_MAX_AGE", 7 * 24 * 3600)
        )
    except signing.BadSignature:
        return False
    return True


def _counter_key(request, page):
    digest = hmac.new(
        settings.SECRET_KEY.encode(),
        client_address(request).encode(),
        hashlib.sha256,
    ).hexdigest()[:32]
    return f"contact:submissions:{page.pk}:{digest}"


def submissions_counted(request, page):
    return counted(_counter_key(request, page))


def count_submission(request, page):
    _limit, window = rate_limit()
    count(_counter_key(request, page), window)


def check(request, page):
    """The verdict on a POSTed form: OK, SPAM, TOO_MANY or EXPIRED."""
    limit, _window = rate_limit()
    if submissions_counted(request, page) >= limit:
        return TOO_MANY
    if request.POST.get(HONEYPOT_FIELD):
        return SPAM
    token = request.POST.get(STARTED_FIELD, "")
    signer = signing.TimestampSigner(salt=SALT)
    try:
        signer.unsign(token, max_age=_setting("CONTACT_FORM_MAX_AGE", 7 * 24 * 3600))
    except signing.SignatureExpired:
        return EXPIRED
    except signing.BadSignature:
        return SPAM
    started = signing.b62_decode(token.rsplit(signer.sep, 2)[1])
    if time.time() - started < _setting("CONTACT_MIN_SECONDS", 3):
        return SPAM
    return OK
