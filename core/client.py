"""The client's address, from one place that knows how many proxies are trusted.

``TRUSTED_PROXY_COUNT`` is the number of reverse proxies in front of the app that each append the
address they received the request from to ``X-Forwarded-For`` (nginx's
``$proxy_add_x_forwarded_for``, most load balancers). The client is then the N-th entry from the
right; anything further left was written by the client and is ignored. Without trusted proxies
(``0``) only ``REMOTE_ADDR`` counts and ``X-Forwarded-For`` is ignored, so it cannot be spoofed.

Every limit (API, contact form, CSP reports) keys on :func:`client_address`.
"""

from django.conf import settings
from ipware import get_client_ip

UNKNOWN = "unknown"


def trusted_proxy_count():
    return max(int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0), 0)


def client_address(request):
    """The address of the client that sent ``request``, as a string (``"unknown"`` if the
    request carries none that parses)."""
    proxies = trusted_proxy_count()
    if proxies:
        # django-ipware counts the proxies *inside* X-Forwarded-For; the last proxy's own
        # address is REMOTE_ADDR, so N trusted proxies leave N - 1 entries right of the client.
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    address, _routable = get_client_ip(request, request_header_order=["REMOTE_ADDR"])
    return address or UNKNOWN


def client_ip_or_none(request):
    """The client address for records that store an IP address (login throttling): None when
    it is not known, since a database IP column cannot hold the word "unknown"."""
    address = client_address(request)
    return None if address == UNKNOWN else address
