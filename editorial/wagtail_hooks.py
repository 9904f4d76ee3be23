"""Admin wiring of the editorial workflow: URLs, menus, dashboard, history, guards."""

from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button, ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation

from tenancy.scoping import is_network_staff

from . import (
    dashboard,
    editor_messages,
    resubmission,
    snippets,
    syndication,
    translations,
    urls,
    views,
)
from .inbox import is_reviewer
from .panels import InboxPanel, MySubmissionsPanel, OutdatedTranslationsPanel

# --- URLs --------------------------------------------------------------------------------------


@hooks.register("register_admin_urls", order=-10)
def register_admin_urls():
    return [
        # These addresses belong to wagtail-localize; registered first, ours answer them
        # (see docs/editorial-workflow.md, "Translations").
        path(
            "localize/update/<int:translation_source_id>/",
            views.GuardedUpdateTranslationsView.as_view(),
            name="editorial_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.guarded_convert_to_alias,
            name="editorial_convert_to_alias",
        ),
        # The string editor of wagtail-localize saves into a translation whether or not it is
        # enabled; ours refuses edits of disabled translations and then hands over.
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            views.guarded_edit_string_translation,
            name="editorial_edit_string_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            views.guarded_edit_override,
            name="editorial_edit_override",
        ),
        path("redaktion/", include((urls, "editorial"), namespace="editorial")),
    ]


# --- Menus -------------------------------------------------------------------------------------


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_reviewer(request.user)


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_network_staff(request.user)


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_permission(request.user, "change")


@hooks.register("register_admin_menu_item")
def inbox_menu_item():
    return ReviewerMenuItem(
        gettext_lazy("Freigaben"),
        reverse("editorial:inbox"),
        name="editorial-inbox",
        icon_name="tasks",
        order=140,
    )


@hooks.register("register_reports_menu_item")
def member_log_menu_item():
    return StaffMenuItem(
        gettext_lazy("Protokoll der Mitglieder"),
        reverse("editorial:member_log"),
        name="editorial-member-log",
        icon_name="history",
        order=50,
    )


@hooks.register("register_reports_menu_item")
def network_items_menu_item():
    return StaffMenuItem(
        gettext_lazy("Im Netzwerk"),
        reverse("editorial:network_items"),
        name="editorial-network-items",
        icon_name="globe",
        order=60,
    )


@hooks.register("register_reports_menu_item")
def outdated_translations_menu_item():
    return EditorMenuItem(
        gettext_lazy("Veraltete Übersetzungen"),
        reverse("editorial:outdated_translations"),
        name="editorial-outdated-translations",
        icon_name="wagtail-localize-language",
        order=70,
    )


# --- Dashboard ---------------------------------------------------------------------------------

REPLACED_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}


@hooks.register("construct_homepage_panels")
def editorial_panels(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    if is_reviewer(request.user):
        panels.append(InboxPanel(request))
    panels.append(MySubmissionsPanel(request))
    panels.append(OutdatedTranslationsPanel(request))


@hooks.register("construct_homepage_summary_items", order=100)
def summary_counts_match_the_lists(request, items):
    dashboard.replace_summary_items(request, items)


# --- Account -----------------------------------------------------------------------------------


@hooks.register("register_account_settings_panel")
def notification_settings_panel(request, user, profile):
    return views.NotificationSettingsPanel(request, user, profile)


# --- History -----------------------------------------------------------------------------------


class ReasonFormatter(LogFormatter):
    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("reason", "")


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(syndication.LOG_ADDED)
    class AddedToNetwork(LogFormatter):
        label = gettext_lazy("Netzwerk: aufgenommen")
        message = gettext_lazy(
            "Erscheint jetzt auch in den Listen des Netzwerks auf der Website des Dachverbands"
        )

    @actions.register_action(syndication.LOG_REMOVED)
    class RemovedFromNetwork(LogFormatter):
        label = gettext_lazy("Netzwerk: nicht mehr gezeigt")

        def format_message(self, log_entry):
            if (log_entry.data or {}).get("reason") == "unpublished":
                return _("Nicht mehr im Netzwerk, weil die Seite nicht mehr veröffentlicht ist")
            return _("Nicht mehr im Netzwerk")

    @actions.register_action(syndication.LOG_WITHDRAWN)
    class WithdrawnFromNetwork(ReasonFormatter):
        label = gettext_lazy("Netzwerk: von der LAG zurückgezogen")
        message = gettext_lazy(
            "Von der LAG aus den Netzwerk-Listen genommen; die Seite selbst bleibt unverändert"
        )

    @actions.register_action(syndication.LOG_RESTORED)
    class RestoredToNetwork(LogFormatter):
        label = gettext_lazy("Netzwerk: von der LAG wieder zugelassen")
        message = gettext_lazy("Von der LAG wieder für die Netzwerk-Listen zugelassen")

    @actions.register_action(translations.LOG_OUTDATED)
    class TranslationOutdated(LogFormatter):
        label = gettext_lazy("Übersetzung: veraltet")

        def format_message(self, log_entry):
            source = (log_entry.data or {}).get("source") or {}
            if source.get("title"):
                return _("Übersetzung veraltet: das Original „%(title)s“ wurde geändert") % {
                    "title": source["title"]
                }
            return _("Übersetzung veraltet: das Original wurde geändert")

    @actions.register_action(translations.LOG_CURRENT)
    class TranslationCurrent(LogFormatter):
        label = gettext_lazy("Übersetzung: aktuell")
        message = gettext_lazy("Übersetzung entspricht wieder dem Original")


# --- Editor: translations stay in the workflow ---------------------------------------------


def _can_publish(request, page):
    return page.permissions_for_user(request.user).can_publish()


@hooks.register("before_edit_page", order=-10)
def keep_translations_in_the_workflow(request, page):
    """Runs before wagtail-localize's own hook.

    - "Start synced translation" would hand the page to the synced editor, which cannot submit
      to a workflow: refused for anyone who cannot publish the page.
    - A page someone else put in synced mode is switched to the normal editor for such users,
      so that they can save and submit it.
    - An outdated translation says so at the top of the editor."""
    if request.method == "POST" and "localize-restart-translation" in request.POST:
        if not _can_publish(request, page):
            messages.error(
                request,
                _(
                    "Synchronisierte Übersetzungen gibt es hier nicht: Bearbeiten Sie die Übersetzung "
                    "direkt und reichen Sie sie zur Freigabe ein."
                ),
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        return None
    if not _can_publish(request, page):
        switched = Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        ).update(enabled=False)
        if switched:
            messages.info(
                request,
                _(
                    "Diese Übersetzung wird jetzt direkt bearbeitet. Speichern Sie sie und reichen "
                    "Sie sie zur Freigabe ein; veröffentlicht wird sie nach der Freigabe."
                ),
            )
    if request.method == "GET" and page.pk in translations.outdated_page_ids_for(request.user):
        messages.warning(
            request,
            _(
                "Das Original dieser Übersetzung wurde geändert. Bitte übernehmen Sie die "
                "Änderungen und reichen Sie die Übersetzung zur Freigabe ein."
            ),
            buttons=[
                messages.button(reverse("editorial:outdated_translations"), _("Änderungen ansehen"))
            ],
        )
    return None


# --- Editor: a resubmission starts at the first step ----------------------------------------


@hooks.register("before_edit_page")
def resubmission_starts_at_the_first_step(request, page):
    response = resubmission.cancel_for_locked_submitter(request, page)
    if response is not None:
        return response
    resubmission.prepare_resubmission(request, page)
    editor_messages.changes_requested_banner(request, page)


@hooks.register("after_edit_page")
def tell_the_approver_where_the_page_is(request, page):
    editor_messages.after_decision(request, page)


@hooks.register("construct_page_action_menu")
def resubmission_menu_item(menu_items, request, context):
    resubmission.relabel_resubmission(menu_items, request, context)


HIDDEN_FOR_NON_PUBLISHERS = {"localize-restart-translation", "localize-convert-to-alias"}


@hooks.register("construct_page_action_menu")
def no_translation_bypass_in_menu(menu_items, request, context):
    """Synced translations and alias copies have no place in this project's simple translation
    mode (they cannot pass a workflow): not offered to anyone but superusers; refused for people
    who cannot publish the page (``keep_translations_in_the_workflow``)."""
    page = context.get("page")
    if page is None or not page.pk or request.user.is_superuser:
        return
    menu_items[:] = [
        item for item in menu_items if getattr(item, "name", "") not in HIDDEN_FOR_NON_PUBLISHERS
    ]


# --- Page buttons ----------------------------------------------------------------------------


@hooks.register("register_page_header_buttons")
def network_buttons(page, user, view_name=None, next_url=None):
    if not is_network_staff(user) or page.specific_class not in syndication.syndicated_models():
        return
    if syndication.withdrawal_for(page) is not None:
        yield Button(
            _("Wieder im Netzwerk zeigen"),
            reverse("editorial:restore", args=[page.pk]),
            icon_name="view",
            priority=80,
        )
    elif syndication.is_offered_to_network(page):
        yield Button(
            _("Aus dem Netzwerk zurückziehen"),
            reverse("editorial:withdraw", args=[page.pk]),
            icon_name="no-view",
            priority=80,
        )


@hooks.register("register_page_listing_buttons")
def outdated_translation_button(page, user, next_url=None):
    if page.pk in translations.outdated_page_ids_for(user):
        yield ListingButton(
            _("Übersetzung veraltet"),
            reverse("editorial:outdated_translations"),
            icon_name="warning",
            attrs={
                "aria-label": _("Übersetzung „%(title)s“ ist veraltet")
                % {"title": page.get_admin_display_title()}
            },
            priority=5,
        )


@hooks.register("register_snippet_listing_buttons")
def member_log_button(snippet, user, next_url=None):
    from microsites.models import Member

    if isinstance(snippet, Member) and is_network_staff(user):
        yield ListingButton(
            _("Protokoll"),
            reverse("editorial:member_log") + f"?member={snippet.pk}",
            icon_name="history",
            attrs={"aria-label": _("Protokoll von „%(name)s“") % {"name": snippet.name}},
            priority=90,
        )


# --- Demo ------------------------------------------------------------------------------------


@hooks.register("seed_demo", order=50)
def seed_editorial_demo(context):
    from .demo import seed

    seed(context)


@hooks.register("before_delete_snippet")
def refuse_removing_live_snippets(request, instances):
    return snippets.refuse_removing_live_snippets(request, instances)


@hooks.register("construct_snippet_action_menu")
def resubmit_label_in_snippet_menu(menu_items, request, context):
    snippets.resubmit_label_in_menu(menu_items, request, context)
