"""The Content-Security-Policy of every response (django-csp), with the admin's own policy."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIX = "/admin/"


class NetworkCSPMiddleware(CSPMiddleware):
    """django-csp's middleware: reader pages get ``CONTENT_SECURITY_POLICY``, every path below
    ``/admin/`` gets ``ADMIN_CONTENT_SECURITY_POLICY``. Both report to ``CSP_REPORT_PATH``
    (``report-uri`` and the ``Reporting-Endpoints`` header that ``report-to`` names)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(ADMIN_PREFIX):
            admin_policy = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", None)
            if admin_policy:
                return PolicyParts(
                    admin_policy["DIRECTIVES"], parts.update, parts.replace, parts.nonce
                )
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        report_path = getattr(settings, "CSP_REPORT_PATH", None)
        if report_path and "Content-Security-Policy" in response:
            response.headers.setdefault("Reporting-Endpoints", f'csp="{report_path}"')
        return response
