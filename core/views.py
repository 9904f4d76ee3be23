"""Views of the ground floor: the CSP report endpoint and the server-error handler."""

import json
import logging
import sys
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.defaults import server_error as django_server_error

from .client import client_address
from .limits import count
from .middleware import fault_response

logger = logging.getLogger("core.csp")


def _origin_and_path(value):
    """A URL reduced to what a policy needs: no query string, no fragment, no user info; for
    other origins only the origin."""
    if not isinstance(value, str):
        return ""
    if "://" not in value:
        return value[:40]  # keywords such as "inline", "eval", "data"
    parts = urlsplit(value)
    origin = f"{parts.scheme}://{parts.hostname or ''}"
    if parts.port:
        origin += f":{parts.port}"
    return origin + parts.path[:200]


def _reports(payload):
    """The violation reports of a ``report-uri`` body (``{"csp-report": {...}}``) or of a
    Reporting API batch (``[{"type": "csp-violation", "body": {...}}]``)."""
    if isinstance(payload, dict) and isinstance(payload.get("csp-report"), dict):
        yield payload["csp-report"]
    elif isinstance(payload, list):
        for item in payload[:10]:
            if isinstance(item, dict) and isinstance(item.get("body"), dict):
                yield item["body"]


def _field(report, *names):
    for name in names:
        if name in report:
            return report[name]
    return ""


@csrf_exempt
@require_POST
def csp_report(request):
    """Logs Content-Security-Policy violation reports, one line each: the violated directive,
    the blocked resource and the page (both without query string). Bodies above
    ``CSP_REPORT_MAX_BYTES`` and reports above ``CSP_REPORT_RATE_LIMIT`` per client address are
    dropped unread; nothing is stored."""
    max_bytes = getattr(settings, "CSP_REPORT_MAX_BYTES", 8192)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > max_bytes:
        return HttpResponse(status=413)
    limit, window = getattr(settings, "CSP_REPORT_RATE_LIMIT", (20, 60))
    if count(f"csp-report:{client_address(request)}", window) > limit:
        return HttpResponse(status=429)
    try:
        payload = json.loads(request.read(max_bytes + 1)[:max_bytes] or b"null")
    except (ValueError, UnicodeDecodeError):
        return HttpResponse(status=400)
    for report in _reports(payload):
        logger.warning(
            "CSP violation: %s blocked %s on %s",
            str(_field(report, "effective-directive", "effectiveDirective", "violated-directive"))[
                :60
            ],
            _origin_and_path(_field(report, "blocked-uri", "blockedURL")),
            _origin_and_path(_field(report, "document-uri", "documentURL")),
        )
    return HttpResponse(status=204)


def server_error(request, template_name="500.html"):
    """Django's 500 handler, except for faults that are not the server's: 503 while the database
    is unreachable, 400 for a form posted without its fields (``core.middleware``), where the
    failure happened outside a view's own call (e.g. while a middleware looked up the host)."""
    response = fault_response(request, sys.exc_info()[1])
    return response or django_server_error(request, template_name=template_name)
