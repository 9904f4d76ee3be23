"""Admin views of the directory: creating offers straight into the member's workflow, and the
coverage report for LAG staff."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import CopyViewMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.action_menu import SubmitForModerationMenuItem
from wagtail.snippets.views.snippets import CreateView

from tenancy.scoping import is_network_staff, members_for_user

from .coverage import coverage, coverage_csv


def workflow_for_new_offer(user):
    """The workflow a new offer of ``user`` will follow: their member's, when they work for
    exactly one member (Wagtail only knows per-content-type workflows on the create form)."""
    if is_network_staff(user):
        return None
    members = list(members_for_user(user).select_related("workflow")[:2])
    if len(members) != 1:
        return None
    workflow = members[0].workflow
    return workflow if workflow is not None and workflow.active else None


class OfferCreateView(CreateView):
    """Lets member editors submit a new offer to their member's workflow at once."""

    @cached_property
    def workflow(self):
        if self.object is not None:
            return self.object.get_workflow()
        return workflow_for_new_offer(self.request.user)


class OfferCopyView(CopyViewMixin, OfferCreateView):
    pass


class SubmitNewOfferMenuItem(SubmitForModerationMenuItem):
    """ "Submit to <workflow>" on the create form of offers."""

    def is_shown(self, context):
        from .models import Offer

        return (
            context["view"] == "create"
            and context.get("model") is Offer
            and workflow_for_new_offer(context["request"].user) is not None
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        workflow = workflow_for_new_offer(parent_context["request"].user)
        context["label"] = _("Bei %(workflow)s einreichen") % {"workflow": workflow.name}
        return context


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
