"""Contact forms are protected against cross-site requests without a CSRF cookie.

Reading a contact page must set no cookie, so the form carries no CSRF token. Instead, a POST to
a contact page is accepted only when its ``Origin`` header (or, without one, its ``Referer``)
names the host the request was sent to — the same origin check Django's CSRF middleware runs
first. Every other POST still goes through Django's full CSRF protection."""

from urllib.parse import urlsplit

from django.middleware.csrf import CsrfViewMiddleware
from django.template.response import TemplateResponse
from wagtail import views as wagtail_views
from wagtail.models import Page


def _same_origin(request, checker):
    if "HTTP_ORIGIN" in request.META:
        return checker._origin_verified(request)
    referer = request.META.get("HTTP_REFERER")
    if not referer:
        return False
    parts = urlsplit(referer)
    return parts.scheme == request.scheme and parts.netloc == request.get_host()


class ContactFormOriginMiddleware:
    """Placed before ``CsrfViewMiddleware``."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.checker = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or view_func is not wagtail_views.serve:
            return None
        from .models import ContactPage

        path = view_kwargs.get("path", view_args[0] if view_args else "")
        route = Page.route_for_request(request, path)
        if route is None or not isinstance(route[0], ContactPage):
            return None
        if not _same_origin(request, self.checker):
            return TemplateResponse(
                request, "contact/origin_rejected.html", {"page": route[0]}, status=403
            )
        request._dont_enforce_csrf_checks = True
        return None
