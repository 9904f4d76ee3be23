"""Admin views of the editorial workflow: inbox, member log, network items, translations."""

import contextlib
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import registry as log_registry
from wagtail.models import DraftStateMixin, Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import convert
from wagtail_localize.views import edit_translation as localize_edit
from wagtail_localize.views.update_translations import UpdateTranslationsView

from tenancy.ownership import is_visible
from tenancy.scoping import is_network_staff

from . import syndication
from .filters import (
    InboxFilterSet,
    MemberLogFilterSet,
    NetworkItemsFilterSet,
    member_log_entries,
)
from .forms import DRAFT_HELP, DRAFT_LABEL, NotificationSettingsForm, WithdrawalForm
from .inbox import InboxEntry, inbox_task_states, is_reviewer
from .members import member_for_page, members_by_root_path, root_path
from .models import NetworkWithdrawal, NotificationSettings, TranslationStatus
from .translations import mark_current, outdated_page_ids_for


class StaffOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_network_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- Inbox -------------------------------------------------------------------------------------


class InboxView(ReportView):
    """Everything waiting for approval, oldest first, with member, language, type, step,
    submitter and waiting time; links to review it against the live version."""

    page_title = gettext_lazy("Freigaben")
    header_icon = "tasks"
    results_template_name = "editorial/inbox_results.html"
    index_url_name = "editorial:inbox"
    index_results_url_name = "editorial:inbox_results"
    filterset_class = InboxFilterSet
    verbose_name = gettext_lazy("wartender Inhalt")
    verbose_name_plural = gettext_lazy("wartende Inhalte")
    default_ordering = "started_at"
    paginate_by = 50
    export_filename = "freigaben"
    list_export = [
        "title",
        "member",
        "language_code",
        "content_type_name",
        "step",
        "submitter",
        "submitted_at",
        "waiting_since",
        "show_in_network",
    ]
    export_headings = {
        "title": gettext_lazy("Titel"),
        "member": gettext_lazy("Mitgliedsorganisation"),
        "language_code": gettext_lazy("Sprache"),
        "content_type_name": gettext_lazy("Inhaltstyp"),
        "step": gettext_lazy("Schritt"),
        "submitter": gettext_lazy("Eingereicht von"),
        "submitted_at": gettext_lazy("Eingereicht am"),
        "waiting_since": gettext_lazy("Wartezeit"),
        "show_in_network": gettext_lazy("Auch im Netzwerk"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_reviewer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_valid_orderings(self):
        return ["started_at", "-started_at"]

    def get_base_queryset(self):
        return inbox_task_states(self.request.user)

    def order_queryset(self, queryset):
        ordering = self.ordering or self.default_ordering
        return queryset.order_by(ordering, "pk" if ordering == "started_at" else "-pk")

    def decorate_paginated_queryset(self, object_list):
        return InboxEntry.build(object_list, viewer=self.request.user)

    def get_filename(self):
        return f"freigaben-{datetime.date.today():%Y-%m-%d}"


# --- Per-member log ----------------------------------------------------------------------------


class LogRow:
    def __init__(self, entry, member):
        self.entry = entry
        self.member = member

    @property
    def formatter(self):
        return log_registry.get_formatter(self.entry)

    @property
    def message(self):
        formatter = self.formatter
        return formatter.format_message(self.entry) if formatter else self.entry.action

    @property
    def comment(self):
        formatter = self.formatter
        comment = formatter.format_comment(self.entry) if formatter else ""
        data = self.entry.data or {}
        return comment or data.get("comment") or data.get("reason") or ""

    @property
    def timestamp(self):
        return self.entry.timestamp

    @property
    def label(self):
        return self.entry.label

    @property
    def user_display_name(self):
        return self.entry.user_display_name

    @property
    def page_id(self):
        return self.entry.page_id


class MemberLogView(StaffOnlyMixin, ReportView):
    """Everything that happened to members' pages: edits, submissions, approvals, requests for
    changes with their comments, publications, network decisions – filterable per member."""

    page_title = gettext_lazy("Protokoll der Mitglieder")
    header_icon = "history"
    results_template_name = "editorial/member_log_results.html"
    index_url_name = "editorial:member_log"
    index_results_url_name = "editorial:member_log_results"
    filterset_class = MemberLogFilterSet
    verbose_name = gettext_lazy("Eintrag")
    verbose_name_plural = gettext_lazy("Einträge")
    paginate_by = 50
    list_export = ["timestamp", "member", "label", "message", "comment", "user_display_name"]
    export_headings = {
        "timestamp": gettext_lazy("Zeitpunkt"),
        "member": gettext_lazy("Mitgliedsorganisation"),
        "label": gettext_lazy("Seite"),
        "message": gettext_lazy("Aktion"),
        "comment": gettext_lazy("Kommentar"),
        "user_display_name": gettext_lazy("Person"),
    }

    def get_base_queryset(self):
        return member_log_entries().select_related("user", "page", "revision")

    def order_queryset(self, queryset):
        return queryset.order_by("-timestamp", "-pk")

    def decorate_paginated_queryset(self, object_list):
        entries = list(object_list)
        members = members_by_root_path([e.page.path for e in entries if e.page_id and e.page])
        return [
            LogRow(entry, members.get(root_path(entry.page.path)) if entry.page else None)
            for entry in entries
        ]

    def get_filename(self):
        return f"protokoll-{datetime.date.today():%Y-%m-%d}"


# --- Network items -----------------------------------------------------------------------------


class NetworkItemsView(StaffOnlyMixin, ReportView):
    """What members currently show in the network, and what the LAG has withdrawn."""

    page_title = gettext_lazy("Im Netzwerk")
    header_icon = "globe"
    results_template_name = "editorial/network_items_results.html"
    index_url_name = "editorial:network_items"
    index_results_url_name = "editorial:network_items_results"
    filterset_class = NetworkItemsFilterSet
    verbose_name = gettext_lazy("Beitrag")
    verbose_name_plural = gettext_lazy("Beiträge")
    paginate_by = 50

    def get_base_queryset(self):
        ids = None
        for model in syndication.syndicated_models():
            shown = syndication.network_pages(model.objects.all()).values("pk")
            withdrawn = model.objects.filter(
                translation_key__in=NetworkWithdrawal.objects.values("translation_key")
            ).values("pk")
            query = Page.objects.filter(pk__in=shown) | Page.objects.filter(pk__in=withdrawn)
            ids = query if ids is None else ids | query
        if ids is None:
            return Page.objects.none()
        return ids.select_related("locale", "content_type").defer_streamfields()

    def order_queryset(self, queryset):
        return queryset.order_by("-last_published_at", "-pk")

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        members = members_by_root_path([page.path for page in pages])
        withdrawals = {
            withdrawal.translation_key: withdrawal
            for withdrawal in NetworkWithdrawal.objects.filter(
                translation_key__in=[page.translation_key for page in pages]
            ).select_related("withdrawn_by")
        }
        for page in pages:
            page.network_member = members.get(root_path(page.path))
            page.network_withdrawal = withdrawals.get(page.translation_key)
            model = page.content_type.model_class()
            page.type_name = model._meta.verbose_name if model else ""
        return pages


def _network_page(request, page_id):
    if not is_network_staff(request.user):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=page_id).specific
    if type(page) not in syndication.syndicated_models() or member_for_page(page) is None:
        raise PermissionDenied
    return page


def withdraw_view(request, page_id):
    """Ask for a reason, then take the item out of the network lists."""
    page = _network_page(request, page_id)
    next_url = get_valid_next_url_from_request(request) or reverse("editorial:network_items")
    existing = syndication.withdrawal_for(page)
    if existing is not None:
        messages.info(request, _("„%(title)s“ ist bereits zurückgezogen.") % {"title": page.title})
        return redirect(next_url)
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        syndication.withdraw(page, request.user, form.cleaned_data["reason"])
        messages.success(
            request,
            _(
                "„%(title)s“ wird nicht mehr im Netzwerk gezeigt. Die Seite des Mitglieds bleibt "
                "unverändert."
            )
            % {"title": page.title},
        )
        return redirect(next_url)
    return TemplateResponse(
        request,
        "editorial/withdraw.html",
        {
            "page": page,
            "form": form,
            "next_url": next_url,
            "member": member_for_page(page),
            "in_network": syndication.is_in_network(page),
            "page_title": _("Aus dem Netzwerk zurückziehen"),
            "page_subtitle": page.get_admin_display_title(),
            "header_title": _("Aus dem Netzwerk zurückziehen"),
            "header_icon": "no-view",
        },
    )


def restore_view(request, page_id):
    """Confirm, then let the item appear in the network lists again."""
    page = _network_page(request, page_id)
    next_url = get_valid_next_url_from_request(request) or reverse("editorial:network_items")
    withdrawal = syndication.withdrawal_for(page)
    if withdrawal is None:
        return redirect(next_url)
    if request.method == "POST":
        syndication.restore(page, request.user)
        messages.success(
            request, _("„%(title)s“ darf wieder im Netzwerk erscheinen.") % {"title": page.title}
        )
        return redirect(next_url)
    return TemplateResponse(
        request,
        "editorial/restore.html",
        {
            "page": page,
            "withdrawal": withdrawal,
            "next_url": next_url,
            "member": member_for_page(page),
            "page_title": _("Wieder im Netzwerk zeigen"),
            "page_subtitle": page.get_admin_display_title(),
            "header_title": _("Wieder im Netzwerk zeigen"),
            "header_icon": "view",
        },
    )


# --- Outdated translations ---------------------------------------------------------------------


class OutdatedTranslationsView(ReportView):
    """Translations whose original changed after they were made, for the user's members."""

    page_title = gettext_lazy("Veraltete Übersetzungen")
    header_icon = "wagtail-localize-language"
    results_template_name = "editorial/outdated_translations_results.html"
    index_url_name = "editorial:outdated_translations"
    index_results_url_name = "editorial:outdated_translations_results"
    verbose_name = gettext_lazy("veraltete Übersetzung")
    verbose_name_plural = gettext_lazy("veraltete Übersetzungen")
    paginate_by = 50

    def get_base_queryset(self):
        return TranslationStatus.objects.filter(
            page_id__in=outdated_page_ids_for(self.request.user)
        ).select_related("page__locale", "source_page__locale", "outdated_by_revision")

    def order_queryset(self, queryset):
        return queryset.order_by("-outdated_since", "-pk")

    def decorate_paginated_queryset(self, object_list):
        statuses = list(object_list)
        members = members_by_root_path([status.page.path for status in statuses])
        for status in statuses:
            status.member = members.get(root_path(status.page.path))
            status.compare_url = None
            if status.source_revision_id and status.source_page.live_revision_id:
                status.compare_url = reverse(
                    "wagtailadmin_pages:revisions_compare",
                    args=[status.source_page_id, status.source_revision_id, "live"],
                )
        return statuses


def mark_current_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not is_visible(page, request.user):
        raise Http404
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if mark_current(page, request.user):
        messages.success(
            request,
            _("„%(title)s“ ist als aktuelle Übersetzung vermerkt.")
            % {"title": page.get_admin_display_title()},
        )
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or reverse("editorial:outdated_translations"))


# --- wagtail-localize: "Update translations" without a publishing bypass ---------------------


def user_can_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return policy_registry.get(instance).user_has_permission_for_instance(
            user, "publish", instance
        )
    return True  # objects without a draft state are never "published"


def save_translation_draft(translation, user):
    """Bring a synced translation up to date as a new draft revision, leaving what is live as it
    is. (wagtail-localize's own draft saving writes the content into the live row of a page.)"""
    target = translation.get_target_instance()
    if not isinstance(target, DraftStateMixin):
        # Objects without a draft state are not published, only saved.
        translation.save_target(user=user, publish=True)
    elif target.live:
        draft = translation.source.get_ephemeral_translated_instance(
            translation.target_locale, fallback=True
        )
        draft.save_revision(user=user, log_action=True)
    else:
        translation.save_target(user=user, publish=False)


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Update translations", where "Publish immediately" is only offered to
    users who may publish every translation concerned. Everyone else updates the translations
    as drafts, to be submitted to the workflow like any other change.

    It answers wagtail-localize's own address under another URL name, so it applies the member
    scope itself (another member's translation source is 404, as everywhere in the admin)."""

    def get_object(self):
        source = super().get_object()
        if not is_visible(source, self.request.user):
            raise Http404
        return source

    @property
    def may_publish(self):
        if not hasattr(self, "_may_publish"):
            self._may_publish = all(
                user_can_publish(self.request.user, translation.get_target_instance())
                for translation in self.object.translations.filter(enabled=True)
            )
        return self._may_publish

    def get_form(self):
        form = super().get_form()
        if not self.may_publish:
            field = form.fields["publish_translations"]
            field.label = DRAFT_LABEL
            field.help_text = DRAFT_HELP
        return form

    @transaction.atomic
    def form_valid(self, form):
        if self.may_publish:
            return super().form_valid(form)
        save_drafts = form.cleaned_data.get("publish_translations")
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        if save_drafts:
            for translation in self.object.translations.filter(enabled=True).select_related(
                "source", "target_locale"
            ):
                with contextlib.suppress(ValidationError):
                    save_translation_draft(translation, self.request.user)
            messages.info(
                self.request,
                _(
                    "Die Übersetzungen wurden als Entwurf aktualisiert. Reichen Sie sie zur Freigabe ein."
                ),
            )
        return response


def guarded_convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page" makes the page mirror its original, including
    its live state – publishing it without approval. Only for those who may publish it."""
    page = get_object_or_404(Page, pk=page_id, alias_of_id__isnull=True)
    convertible = TranslationSource.objects.filter(
        object_id=page.translation_key,
        specific_content_type=page.content_type_id,
        translations__target_locale=page.locale_id,
    ).exists()
    if not (convertible and is_visible(page, request.user)):
        raise Http404  # as wagtail-localize answers for pages that are no translation
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def _refusal_for_string_edit(request, translation_id):
    """Why a string editor request must not reach wagtail-localize, as a response, or None:
    404 outside the user's members (the tenancy guard does not see our URL names), 403 while
    the translation is disabled (wagtail-localize would save into it anyway)."""
    translation = get_object_or_404(Translation.objects.select_related("source"), pk=translation_id)
    try:
        source_instance = translation.source.get_source_instance()
    except Exception as error:  # the original was deleted
        raise Http404 from error
    if not is_visible(source_instance, request.user):
        raise Http404
    if not translation.enabled:
        # The string editor is a JSON client: Wagtail's refusal (a redirect) would mean nothing.
        return JsonResponse(
            {"error": _("Diese Übersetzung ist abgeschaltet und kann nicht bearbeitet werden.")},
            status=403,
        )
    return None


def guarded_edit_string_translation(request, translation_id, string_segment_id):
    """wagtail-localize's string editor, refused for disabled translations."""
    refusal = _refusal_for_string_edit(request, translation_id)
    if refusal is not None:
        return refusal
    return localize_edit.edit_string_translation(request, translation_id, string_segment_id)


def guarded_edit_override(request, translation_id, overridable_segment_id):
    """wagtail-localize's override editor, refused for disabled translations."""
    refusal = _refusal_for_string_edit(request, translation_id)
    if refusal is not None:
        return refusal
    return localize_edit.edit_override(request, translation_id, overridable_segment_id)


# --- Account settings --------------------------------------------------------------------------


class NotificationSettingsPanel(BaseSettingsPanel):
    name = "editorial_notifications"
    title = gettext_lazy("Redaktion und Freigabe")
    tab = notifications_tab
    order = 110
    form_class = NotificationSettingsForm

    def get_form(self):
        kwargs = {
            "instance": NotificationSettings.for_user(self.user),
            "prefix": self.name,
            "reviewer": is_reviewer(self.user),
        }
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)

    def is_active(self):
        can_edit_pages = policy_registry.get_by_type(Page).user_has_permission(self.user, "change")
        return can_edit_pages or is_reviewer(self.user)
