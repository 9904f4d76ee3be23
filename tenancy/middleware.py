import inspect
from functools import cached_property

from django.http import Http404, HttpResponseForbidden
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found
from wagtail.admin.auth import permission_denied, require_admin_access

from .admin_guard import DENIED, check_bulk_action, check_objects, matches
from .scoping import is_member_role


class AdminTenancyMiddleware:
    """Applies the admin guard (``tenancy.admin_guard``) to admin requests of member roles.

    Denied views answer like Wagtail's own permission checks (back to the dashboard with a
    message); objects of other members or of the umbrella site answer 404, so that not even
    their existence shows; listings are answered by the scoped views of
    ``tenancy.admin_views``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(self.admin_prefix):
            return None
        user = getattr(request, "user", None)
        if not is_member_role(user):
            return None
        match = request.resolver_match
        url_name = match.view_name if match else ""
        if not url_name:
            return None
        if matches(DENIED, url_name):
            return _respond(permission_denied, request)
        try:
            check_objects(url_name, view_kwargs, request)
            if url_name == "wagtail_bulk_action":
                check_bulk_action(view_kwargs, request)
        except Http404:
            return page_not_found(request, None, template_name="wagtailadmin/404.html")
        scoped_view = _scoped_view_for(view_func)
        if scoped_view is not None:
            return scoped_view(request, *view_args, **view_kwargs)
        return None


def _respond(handler, request):
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return HttpResponseForbidden()
    return handler(request)


_SCOPED_VIEW_CACHE = {}


def _scoped_view_for(view_func):
    """The scoped replacement for a Wagtail view, built with the same arguments."""
    from .admin_views import scoped_function_view_for, scoped_view_class_for

    key = view_func
    if key not in _SCOPED_VIEW_CACHE:
        replacement = None
        if hasattr(view_func, "view_class"):
            replacement_class = scoped_view_class_for(view_func.view_class)
            if replacement_class is not None:
                replacement = replacement_class.as_view(**(view_func.view_initkwargs or {}))
        elif hasattr(view_func, "cls") and hasattr(view_func, "actions"):
            # A Django REST framework viewset (the admin API, wagtail-localize's snippet API).
            replacement_class = scoped_view_class_for(view_func.cls)
            if replacement_class is not None:
                replacement = replacement_class.as_view(
                    view_func.actions, **(view_func.initkwargs or {})
                )
        else:
            replacement = scoped_function_view_for(inspect.unwrap(view_func))
        if replacement is not None:
            replacement = never_cache(_admin_404(require_admin_access(replacement)))
        _SCOPED_VIEW_CACHE[key] = replacement
    return _SCOPED_VIEW_CACHE[key]


def _admin_404(view):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return page_not_found(request, None, template_name="wagtailadmin/404.html")

    return wrapped
