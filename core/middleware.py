"""Request-level protections that hold for every app: an early body limit and answers for
faults (database unreachable, a form posted without the fields it was rendered with)."""

import logging
import re

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http.multipartparser import MultiPartParserError
from django.utils.datastructures import MultiValueDictKeyError
from wagtail.users.models import UserProfile

from .pages import body_too_large_response, incomplete_form_response, outage_response

logger = logging.getLogger(__name__)

DATABASE_FAULTS = (OperationalError, InterfaceError)


def _declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestBodyLimitMiddleware:
    """Refuses a request whose declared body is larger than ``REQUEST_BODY_MAX_SIZE`` with 413,
    before anything reads the body (Django's own limits act only once a form is parsed)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = getattr(settings, "REQUEST_BODY_MAX_SIZE", None)
        if limit and _declared_length(request) > limit:
            response = body_too_large_response(request, limit)
            # The body was not read: the connection cannot carry another request.
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class FaultMiddleware:
    """Turns two kinds of failure of a view into a clear answer instead of a server error:

    * the database is unreachable (restart, failover): 503 with ``Retry-After`` and a short page
      in the reader's language that needs no database;
    * a POST lacks a field its form was rendered with (a formset's ``-count``, a StreamField's
      management fields): 400, nothing saved.

    Failures outside views (in other middleware, or a view called by a middleware's
    ``process_view``) reach ``core.views.server_error``, which gives the same answers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.path_info.startswith("/admin/")
            and not _management_counts_are_numbers(request)
        ):
            return incomplete_form_response(request, language=_user_language(request))
        return self.get_response(request)

    def process_exception(self, request, exception):
        return fault_response(request, exception)


def fault_response(request, exception):
    """The answer for an exception that is not the server's fault, or None."""
    if isinstance(exception, DATABASE_FAULTS):
        logger.warning("Database unreachable, answered 503: %s", exception)
        return outage_response(request)
    if isinstance(exception, MultiValueDictKeyError) and request.method == "POST":
        logger.info("Incomplete form posted to %s: %s", request.path, exception)
        return incomplete_form_response(request, language=_user_language(request))
    return None


# Management fields that Wagtail's StreamField, ListBlock and inline panel widgets read with
# int() without a check: a non-number there would be a server error instead of a form error.
COUNT_FIELD = re.compile(r"(?:^|-)(?:count|\d+-order)$")


def _management_counts_are_numbers(request):
    try:
        items = request.POST.items()
    except MultiPartParserError:
        return False
    for name, value in items:
        if COUNT_FIELD.search(name) and not (value.isascii() and value.isdigit()):
            return False
    return True


def _user_language(request):
    """The language the signed-in user chose for the admin, if any."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return None
    language = UserProfile.get_for_user(user).get_preferred_language()
    return language if language in dict(settings.LANGUAGES) else None
