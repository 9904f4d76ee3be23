"""Admin views of the directory: the coverage report for LAG staff."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from tenancy.scoping import is_network_staff

from .coverage import coverage, coverage_csv


class CoverageReportView(WagtailAdminTemplateMixin, TemplateView):
    """Offers per district × kind and district × target group, with the white spots;
    ``?format=csv`` downloads the numbers. LAG staff and administrators only."""

    page_title = _("Abdeckung der Angebote")
    header_icon = "site"
    template_name = "directory/admin/coverage.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_network_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        report = coverage()
        if request.GET.get("format") == "csv":
            response = HttpResponse(coverage_csv(report), content_type="text/csv; charset=utf-8")
            filename = f"angebote-abdeckung-{timezone.localdate():%Y-%m-%d}.csv"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        context = self.get_context_data(report=report, **kwargs)
        return self.render_to_response(context)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]
