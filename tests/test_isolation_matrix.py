"""The permission matrix: every role × every admin URL × objects of the own member, another
member and the umbrella site.

The admin URLs are enumerated from the URL resolver. Each one is classified by the first rule
in ``RULES`` whose pattern matches its name; a URL that no rule classifies fails
``test_every_admin_url_is_classified``. Snippet URLs of member-owned models are classified
generically (``member_owned_snippet_rules``), so a new member-owned snippet needs no entry.

For every request the test checks the outcome (200, 404, Wagtail's refusal, the login page, a
redirect, 405) and, for member roles, that the response and its messages contain no marker of
another member's or the umbrella's objects (titles of drafts, images, documents, snippets,
submissions, redirects, tags). For URLs that name another member's object it also posts to
them and checks that nothing of that member changed.

To classify a new URL: add a Rule with the URL name pattern, the objects its keyword arguments
name (defaults by argument name in ``DEFAULT_OBJECTS``) and the expected outcomes (``own()``
for object URLs, ``everyone()`` for listings, ``staff_only()`` for LAG tools).
"""

import hashlib

import pytest
from django.test import Client
from wagtail.models import Locale

from tenancy.registry import member_owned_models

from .fixtures_admin_urls import admin_urls, build_path
from .fixtures_isolation_matrix import (
    DENIED,
    FORBIDDEN,
    LOGIN,
    MEMBER_ROLES,
    MISSING,
    NOT_ALLOWED,
    OK,
    OTHER,
    PUBLIC,
    REDIRECT,
    ROLES,
    SIGNED_OUT_ONLY,
    UMBRELLA,
    Expect,
    Rule,
    everyone,
    matches_expectation,
    one_of,
    outcome,
    own,
    post_only,
    queued_messages,
    staff_only,
)
from .fixtures_tenancy import MARKERS, SCOPES, tenancy_world  # noqa: F401

# --- Objects named by URL keyword arguments (defaults by argument name) ----------------------------


def _attr(name):
    def get(scope, world):
        value = getattr(scope, name)
        return None if value is None else value.pk

    return get


DEFAULT_OBJECTS = {
    "page_id": _attr("draft_page"),
    "parent_page_id": _attr("draft_page"),
    "page_to_move_id": _attr("draft_page"),
    "page_pk": _attr("draft_page"),
    "destination_id": lambda scope, world: scope.homes["de"].pk,
    "image_id": _attr("image"),
    "document_id": _attr("document"),
    "doc_id": _attr("document"),
    "revision_id": _attr("revision"),
    "revision_id_a": _attr("first_revision"),
    "revision_id_b": _attr("revision"),
    "task_state_id": _attr("task_state"),
    "workflow_state_id": _attr("workflow_state"),
    "task_id": _attr("task"),
    "action_name": lambda scope, world: "approve",
    "redirect_id": _attr("redirect"),
    "collection_id": _attr("collection"),
    "translation_id": _attr("translation"),
    "translation_source_id": _attr("translation_source"),
    "string_segment_id": _attr("string_segment"),
    "session_id": _attr("editing_session"),
    "query_id": lambda scope, world: world.search_promotion.query_id,
    "filter_spec": lambda scope, world: "fill-100x100",
    "uidb64": lambda scope, world: "MQ",
    "token": lambda scope, world: "abc-def",
}

PAGE_TYPE = {
    "content_type_app_name": lambda s, w: "home",
    "content_type_model_name": lambda s, w: "standardpage",
}
NEWS_PAGE = {"page_id": _attr("news_page")}
TRANSLATED_PAGE = {"page_id": _attr("translated_page")}
LIVE_NEWS = {"page_id": _attr("news_page"), "pk": _attr("news_page")}
IMAGE_UPLOAD = {"uploaded_file_id": _attr("image_upload")}
DOCUMENT_UPLOAD = {"uploaded_file_id": _attr("document_upload")}
SITE_SETTINGS = {
    "app_name": lambda s, w: "microsites",
    "model_name": lambda s, w: "sitesettings",
    "pk": lambda s, w: s.site.pk,
}


WORKFLOW = {
    "pk": lambda s, w: s.workflow.pk if s.workflow else None,
    "page_pk": _attr("draft_page"),
    "workflow_pk": lambda s, w: s.workflow.pk if s.workflow else None,
}
TASK = {"pk": lambda s, w: s.task.pk if s.task else None}


def own_upload():
    """Pending uploads belong to whoever uploaded them (here the member's editor)."""
    return own(NOT_ALLOWED, approver=MISSING, staff=NOT_ALLOWED)


def team(approver=OK, staff=OK):
    return own(MISSING, approver=approver, staff=staff, umbrella_staff=MISSING, admin=OK)


def pk_of(name):
    return {"pk": _attr(name)}


def _note(scope, world):
    return scope.note.pk if scope.note else None


# --- The table ---------------------------------------------------------------------------------------
# First match wins. Expectations: see tests/fixtures_isolation_matrix.py.

RULES = [
    # Signed-out pages and static helpers.
    Rule("wagtailadmin_login", SIGNED_OUT_ONLY, why="signed-in users go on to the dashboard"),
    Rule("wagtailadmin_password_reset*", PUBLIC),
    Rule("wagtailadmin_javascript_catalog", PUBLIC),
    Rule("wagtailadmin_sprite", PUBLIC),
    Rule("wagtail_localize:javascript_catalog", everyone()),
    Rule("wagtailadmin_error_test", Expect(editor=None), why="raises on purpose; not requested"),
    Rule("wagtailadmin_logout", Expect(editor=None), why="ends the session; covered elsewhere"),
    # Dashboard, account, small helpers without data.
    Rule("wagtailadmin_home", everyone()),
    Rule("wagtailadmin_account", everyone()),
    # Second factor (accounts/): the people in this world have none, so verification and
    # recovery codes send them on; removing and the WebAuthn endpoints accept POST only.
    Rule("accounts:overview", everyone()),
    Rule("accounts:verify", everyone(REDIRECT)),
    Rule("accounts:totp", everyone()),
    Rule("accounts:passkey", everyone()),
    Rule("accounts:recovery_codes", everyone(REDIRECT)),
    Rule(
        "accounts:remove",
        everyone(NOT_ALLOWED),
        objects={"kind": lambda s, w: "app", "pk": lambda s, w: 1},
    ),
    Rule("otp_webauthn:js-i18n-catalog", everyone()),
    Rule("otp_webauthn:*", everyone(NOT_ALLOWED), why="JSON endpoints that accept POST only"),
    Rule("wagtailadmin_dismissibles", everyone()),
    Rule("wagtailadmin_block_preview", everyone(MISSING)),
    Rule("wagtailadmin_tag_autocomplete", everyone(), query="?term=geheim"),
    Rule(
        "wagtailadmin_tag_model_autocomplete",
        everyone(),
        objects={"app_name": lambda s, w: "taggit", "model_name": lambda s, w: "tag"},
        query="?term=geheim",
    ),
    Rule("wagtailembeds:*", everyone()),
    Rule("wagtailadmin_choose_page_*_link", everyone()),
    # Page explorer, chooser, search.
    Rule("wagtailadmin_explore_root", everyone()),
    Rule("wagtailadmin_explore", own(), objects={"parent_page_id": _attr("draft_page")}),
    Rule("wagtailadmin_explore_results", own()),
    Rule("wagtailadmin_choose_page", everyone()),
    Rule("wagtailadmin_choose_page_child", own()),
    Rule("wagtailadmin_choose_page_search", everyone(), query="?q=geheim"),
    Rule("wagtailadmin_choose_page_chosen_multiple", everyone()),
    Rule("wagtailadmin_pages:search", everyone(), query="?q=geheim"),
    Rule("wagtailadmin_pages:search_results", everyone(), query="?q=geheim"),
    Rule("wagtailadmin_pages:type_use", everyone(), objects=PAGE_TYPE),
    Rule("wagtailadmin_pages:type_use_results", everyone(), objects=PAGE_TYPE),
    Rule(
        "wagtailadmin_pages:choose_parent",
        everyone(),
        objects={"app_label": lambda s, w: "home", "model_name": lambda s, w: "standardpage"},
    ),
    # Pages.
    Rule(
        "wagtailadmin_pages:add",
        own(),
        objects={**PAGE_TYPE, "parent_page_id": _attr("draft_page")},
    ),
    Rule(
        "wagtailadmin_pages:preview_on_add",
        own(),
        objects={**PAGE_TYPE, "parent_page_id": _attr("draft_page")},
    ),
    Rule("wagtailadmin_pages:add_subpage", own(REDIRECT, staff=REDIRECT), why="one page type"),
    Rule("wagtailadmin_pages:edit", own()),
    Rule("wagtailadmin_pages:preview_on_edit", own()),
    Rule("wagtailadmin_pages:view_draft", own()),
    Rule("wagtailadmin_pages:delete", own(), why="Wagtail lets editors delete unpublished drafts"),
    Rule("wagtailadmin_pages:unpublish", own(DENIED, staff=OK), objects=NEWS_PAGE),
    Rule("wagtailadmin_pages:convert_alias", own(MISSING, staff=MISSING), why="not an alias"),
    Rule("wagtailadmin_pages:move", own()),
    Rule(
        "wagtailadmin_pages:move_confirm",
        own(),
        objects={"page_to_move_id": _attr("news_page")},
        why="Wagtail asks before it checks; the POST is refused (see the POST probes)",
    ),
    Rule("wagtailadmin_pages:set_page_position", post_only()),
    Rule("wagtailadmin_pages:copy", own()),
    Rule("wagtailadmin_pages:set_privacy", own(DENIED)),
    Rule("wagtailadmin_pages:lock", post_only()),
    Rule("wagtailadmin_pages:unlock", post_only()),
    Rule("wagtailadmin_pages:usage", own()),
    Rule("wagtailadmin_pages:history", own()),
    Rule("wagtailadmin_pages:history_results", own()),
    Rule("wagtailadmin_pages:revisions_index", own(REDIRECT, staff=REDIRECT), why="to history"),
    Rule("wagtailadmin_pages:revisions_view", own()),
    Rule("wagtailadmin_pages:revisions_revert", own()),
    Rule("wagtailadmin_pages:revisions_unschedule", own(DENIED)),
    Rule("wagtailadmin_pages:revisions_compare", own(), objects={"pk": _attr("draft_page")}),
    Rule("wagtailadmin_pages:workflow_history", own()),
    Rule("wagtailadmin_pages:workflow_history_detail", own()),
    # The member's own approval step comes first: only its approvers (and administrators) act.
    Rule("wagtailadmin_pages:workflow_action", own(DENIED, approver=OK, staff=DENIED, admin=OK)),
    Rule(
        "wagtailadmin_pages:collect_workflow_action_data",
        own(DENIED, approver=OK, staff=DENIED, admin=OK),
    ),
    Rule("wagtailadmin_pages:confirm_workflow_cancellation", own()),
    Rule(
        "wagtailadmin_pages:workflow_preview",
        own(DENIED, approver=OK, staff=DENIED, admin=OK, umbrella_admin=DENIED),
        why="the umbrella's draft is in no task",
    ),
    Rule(
        "wagtail_bulk_action",
        own(),
        objects={
            "app_label": lambda s, w: "wagtailcore",
            "model_name": lambda s, w: "page",
            "action": lambda s, w: "delete",
        },
        why="more in tests/test_tenancy_bulk_actions.py",
    ),
    # Admin API used by the explorer menu and the choosers.
    Rule("wagtailadmin_api:pages:listing", everyone()),
    Rule("wagtailadmin_api:pages:detail", own(), objects=pk_of("draft_page")),
    Rule("wagtailadmin_api:pages:find", everyone(MISSING)),
    Rule(
        "wagtailadmin_api:pages:action",
        post_only(),
        objects={**pk_of("draft_page"), "action_name": lambda s, w: "copy"},
    ),
    Rule("wagtailadmin_api:images:listing", everyone()),
    Rule("wagtailadmin_api:images:detail", own(), objects=pk_of("image")),
    Rule("wagtailadmin_api:images:find", everyone(MISSING)),
    Rule("wagtailadmin_api:documents:listing", everyone()),
    Rule("wagtailadmin_api:documents:detail", own(), objects=pk_of("document")),
    Rule("wagtailadmin_api:documents:find", everyone(MISSING)),
    # Images.
    Rule("wagtailimages:index", everyone()),
    Rule("wagtailimages:index_results", everyone()),
    Rule("wagtailimages:add", everyone()),
    Rule("wagtailimages:add_multiple", everyone()),
    Rule("wagtailimages:edit", own()),
    Rule("wagtailimages:delete", own(), why="change on a collection includes deleting"),
    Rule("wagtailimages:image_usage", own()),
    Rule("wagtailimages:preview", own()),
    Rule(
        "wagtailimages:url_generator*",
        own(MISSING, staff=MISSING),
        why="the dynamic image serve view is not installed",
    ),
    Rule("wagtailimages:edit_multiple", post_only()),
    Rule("wagtailimages:delete_multiple", post_only()),
    Rule("wagtailimages:create_multiple_from_uploaded_image", own_upload(), objects=IMAGE_UPLOAD),
    Rule("wagtailimages:delete_upload_multiple", own_upload(), objects=IMAGE_UPLOAD),
    Rule("wagtailimages_chooser:choose", everyone()),
    Rule("wagtailimages_chooser:choose_results", everyone()),
    Rule("wagtailimages_chooser:chosen", own(), objects=pk_of("image")),
    Rule("wagtailimages_chooser:chosen_multiple", everyone()),
    Rule("wagtailimages_chooser:create", everyone()),
    Rule("wagtailimages_chooser:select_format", own()),
    # Documents.
    Rule("wagtaildocs:index", everyone()),
    Rule("wagtaildocs:index_results", everyone()),
    Rule("wagtaildocs:add", everyone()),
    Rule("wagtaildocs:add_multiple", everyone()),
    Rule("wagtaildocs:edit", own()),
    Rule("wagtaildocs:delete", own(), why="change on a collection includes deleting"),
    Rule("wagtaildocs:document_usage", own()),
    Rule("wagtaildocs:edit_multiple", post_only()),
    Rule("wagtaildocs:delete_multiple", post_only()),
    Rule(
        "wagtaildocs:create_multiple_from_uploaded_document", own_upload(), objects=DOCUMENT_UPLOAD
    ),
    Rule("wagtaildocs:delete_upload_multiple", own_upload(), objects=DOCUMENT_UPLOAD),
    Rule("wagtaildocs_chooser:choose", everyone()),
    Rule("wagtaildocs_chooser:choose_results", everyone()),
    Rule("wagtaildocs_chooser:chosen", own(), objects=pk_of("document")),
    Rule("wagtaildocs_chooser:chosen_multiple", everyone()),
    Rule("wagtaildocs_chooser:create", everyone()),
    # Form submissions (the contact pages).
    Rule("wagtailforms:index", everyone()),
    Rule("wagtailforms:index_results", everyone()),
    Rule(
        "wagtailforms:list_submissions", own(), objects={"page_id": lambda s, w: s.contact_page.pk}
    ),
    Rule(
        "wagtailforms:list_submissions_results",
        own(),
        objects={"page_id": lambda s, w: s.contact_page.pk},
    ),
    Rule(
        "wagtailforms:delete_submissions",
        own(),
        objects={"page_id": lambda s, w: s.contact_page.pk},
    ),
    # Redirects: the approvers of a member manage those of its own site.
    Rule("wagtailredirects:index", Expect(editor=DENIED, approver=OK)),
    Rule("wagtailredirects:index_results", Expect(editor=DENIED, approver=OK)),
    Rule("wagtailredirects:add", Expect(editor=DENIED, approver=OK)),
    Rule("wagtailredirects:start_import", staff_only(), why="imports may name any site"),
    Rule("wagtailredirects:process_import", staff_only(NOT_ALLOWED)),
    Rule("wagtailredirects:edit", own(DENIED, approver=OK)),
    Rule("wagtailredirects:delete", own(DENIED, approver=OK)),
    # Site settings: member roles change theirs with approval ("Auftritt und Kontakt", a
    # member-owned snippet classified from the registry); Wagtail's settings form is the LAG's.
    Rule(
        "wagtailsettings:edit",
        Expect(editor=DENIED, staff=REDIRECT, admin=REDIRECT),
        objects=SITE_SETTINGS,
        lacks=("pk",),
        why="staff go on to the settings of the default site",
    ),
    Rule("wagtailsettings:edit", own(DENIED), objects=SITE_SETTINGS),
    Rule(
        "wagtailsettings:preview_on_edit",
        own(one_of(MISSING, DENIED), staff=MISSING),
        objects=SITE_SETTINGS,
        why="site settings have no preview",
    ),
    # Reports.
    Rule("wagtailadmin_reports:locked_pages*", Expect(editor=DENIED, approver=OK)),
    Rule("wagtailadmin_reports:*", everyone()),
    Rule("wagtail_localize:translations_report*", everyone()),
    # Translations (wagtail-localize).
    Rule("wagtail_localize:submit_page_translation", own(), objects=NEWS_PAGE),
    Rule(
        "wagtail_localize:submit_snippet_translation",
        own(),
        objects={
            "app_label": lambda s, w: "tenancy_testapp",
            "model_name": lambda s, w: "membernote",
            "pk": _note,
        },
    ),
    Rule("wagtail_localize:update_translations", own()),
    Rule("wagtail_localize:edit_string_translation", post_only()),
    Rule(
        "wagtail_localize:edit_override",
        post_only(),
        objects={"overridable_segment_id": lambda s, w: 1},
    ),
    Rule("wagtail_localize:download_pofile", own()),
    Rule("wagtail_localize:upload_pofile", post_only()),
    Rule("wagtail_localize:machine_translate", post_only()),
    Rule("wagtail_localize:preview_translation", own(), lacks=("mode",)),
    Rule(
        "wagtail_localize:preview_translation",
        own(MISSING, staff=MISSING),
        objects={"mode": lambda s, w: "nonexistent"},
        why="pages have only the default preview mode",
    ),
    Rule("wagtail_localize:stop_translation", post_only()),
    Rule(
        "wagtail_localize:convert_to_alias",
        own(MISSING, staff=MISSING),
        objects=NEWS_PAGE,
        why="only for translations made as aliases",
    ),
    Rule(
        "wagtail_localize:snippets_api_listing",
        everyone(),
        objects={
            "app_label": lambda s, w: "tenancy_testapp",
            "model_name": lambda s, w: "membernote",
        },
    ),
    Rule(
        "wagtail_localize:snippets_api_detail",
        own(),
        objects={
            "app_label": lambda s, w: "tenancy_testapp",
            "model_name": lambda s, w: "membernote",
            "pk": _note,
        },
    ),
    # The editorial workflow (editorial/): inbox for reviewers, LAG tools, translation guards.
    # These answer wagtail-localize's addresses (registered first, see editorial/urls.py).
    Rule("editorial_update_translations", own()),
    # The string editor's two PUT/DELETE endpoints, refused for disabled translations.
    Rule("editorial_edit_string_translation", post_only()),
    Rule(
        "editorial_edit_override",
        post_only(),
        objects={"overridable_segment_id": lambda s, w: 1},
    ),
    Rule(
        "editorial_convert_to_alias",
        own(DENIED, staff=OK),
        objects={"page_id": _attr("translated_page")},
        why="converting makes the page mirror the original's live state: publishers only",
    ),
    Rule("editorial:inbox*", Expect(editor=DENIED, approver=OK)),
    Rule("editorial:outdated_translations*", everyone()),
    Rule("editorial:mark_translation_current", post_only(), objects=TRANSLATED_PAGE),
    Rule("editorial:member_log*", staff_only()),
    Rule("editorial:network_items*", staff_only()),
    Rule("directory_coverage", staff_only(), why="the LAG's coverage report of all members"),
    Rule("editorial:withdraw", staff_only((OK, DENIED)), objects=NEWS_PAGE),
    Rule(
        "editorial:restore",
        staff_only((REDIRECT, DENIED)),
        objects=NEWS_PAGE,
        why="nothing withdrawn: back to the list",
    ),
    # Editing sessions (who else is editing a page).
    Rule(
        "wagtailadmin_editing_sessions:*",
        own(NOT_ALLOWED, approver=MISSING, staff=NOT_ALLOWED),
        why="a session belongs to its user: the editor's, not the approver's",
        objects={
            "app_label": lambda s, w: "wagtailcore",
            "model_name": lambda s, w: "page",
            "object_id": _attr("draft_page"),
        },
    ),
    # The snippets overview and the members (LAG staff only).
    Rule("wagtailsnippets:index", everyone()),
    Rule(
        "wagtailsnippets_microsites_member:delete",
        staff_only(DENIED, admin=OK),
        objects=pk_of("member"),
        why="members are deactivated, not deleted",
    ),
    Rule("wagtailsnippets_microsites_member:*", staff_only(), objects=pk_of("member")),
    Rule("wagtailsnippetchoosers_microsites_member:*", staff_only(), objects=pk_of("member")),
    # Member self-administration.
    Rule("tenancy_team:index*", Expect(editor=DENIED, approver=OK)),
    Rule("tenancy_team:add", Expect(editor=DENIED, approver=OK)),
    # People without team access find nobody (404); LAG staff never manage LAG staff.
    Rule("tenancy_team:edit", team(), objects=pk_of("user")),
    Rule("tenancy_team:history*", team(), objects=pk_of("user")),
    Rule("tenancy_team:usage", team(), objects=pk_of("user")),
    Rule(
        "tenancy_team:delete",
        team(approver=DENIED, staff=DENIED),
        objects=pk_of("user"),
        why="accounts are deactivated, never deleted (administrators excepted)",
    ),
    # Administration that member roles never see.
    Rule("wagtailadmin_workflows:enable_task", staff_only(NOT_ALLOWED), objects=TASK),
    Rule("wagtailadmin_workflows:disable_task", staff_only(DENIED, admin=OK), objects=TASK),
    Rule("wagtailadmin_workflows:enable", staff_only(NOT_ALLOWED), objects=WORKFLOW),
    Rule("wagtailadmin_workflows:disable", staff_only(DENIED, admin=OK), objects=WORKFLOW),
    Rule("wagtailadmin_workflows:remove", staff_only(NOT_ALLOWED), objects=WORKFLOW),
    Rule("wagtailadmin_workflows:select_task_type", staff_only(REDIRECT), why="one task type"),
    Rule(
        "wagtailadmin_workflows:add_task",
        staff_only(),
        objects={
            "app_label": lambda s, w: "wagtailcore",
            "model_name": lambda s, w: "groupapprovaltask",
        },
    ),
    Rule("wagtailadmin_workflows:*task*", staff_only(), objects=TASK),
    Rule("wagtailadmin_workflows:*", staff_only(), objects=WORKFLOW),
    Rule(
        "wagtailadmin_collections:delete",
        staff_only(MISSING, admin=OK),
        objects=pk_of("collection"),
        why="Wagtail looks collections up among those the user may delete",
    ),
    Rule("wagtailadmin_collections:*", staff_only(DENIED, admin=OK), objects=pk_of("collection")),
    Rule("wagtailsites:*", staff_only(DENIED, admin=OK), objects=pk_of("site")),
    Rule("wagtaillocales:add", staff_only(DENIED), why="both content languages exist"),
    Rule(
        "wagtaillocales:*",
        staff_only(DENIED, admin=OK),
        objects={"pk": lambda s, w: Locale.objects.get(language_code="de").pk},
    ),
    Rule("wagtailusers_users:*", staff_only(DENIED, admin=OK), objects=pk_of("user")),
    Rule("wagtailusers_groups:*", staff_only(DENIED, admin=OK), objects=pk_of("group")),
    Rule("wagtailsearchpromotions:search_terms*", staff_only(DENIED, admin=OK)),
    Rule("wagtailsearchpromotions:*", staff_only()),
]


def member_owned_snippet_rules():
    """Rules for the snippet URLs of every member-owned model, built from the model registry."""
    rules = []
    for model in member_owned_models():
        label = model._meta.label
        prefix = f"{model._meta.app_label}_{model._meta.model_name}"

        def instance(scope, world, label=label):
            sample = scope.owned.get(label)
            return sample.instance.pk if sample else None

        def sample_attr(name, label=label):
            def get(scope, world):
                sample = scope.owned.get(label)
                value = getattr(sample, name, None) if sample else None
                return getattr(value, "pk", value)

            return get

        objects = {
            "pk": instance,
            "revision_id": sample_attr("revision_id"),
            "revision_id_a": sample_attr("first_revision_id"),
            "revision_id_b": sample_attr("revision_id"),
            "task_state_id": sample_attr("task_state"),
            "workflow_state_id": sample_attr("workflow_state"),
            "task_id": lambda scope, world, label=label: (
                scope.owned[label].task_state.task_id
                if label in scope.owned and scope.owned[label].task_state
                else None
            ),
        }
        # The LAG reviews snippets in their workflow; member roles only look and edit.
        views = {**SNIPPET_VIEWS, **SNIPPET_VIEW_OVERRIDES.get(label, {})}
        for view, expect in views.items():
            rules.append(
                Rule(
                    f"wagtailsnippets_{prefix}:{view}",
                    expect,
                    objects=objects,
                    query=SEARCH if view in SEARCHABLE_VIEWS else "",
                )
            )
        chooser_views = {**SNIPPET_CHOOSER_VIEWS, **SNIPPET_CHOOSER_OVERRIDES.get(label, {})}
        for view, expect in chooser_views.items():
            rules.append(
                Rule(
                    f"wagtailsnippetchoosers_{prefix}:{view}",
                    expect,
                    objects=objects,
                    query=SEARCH if view in SEARCHABLE_VIEWS else "",
                )
            )
    return rules


# Listings and choosers are requested with a search, so that searching is scoped too.
SEARCH = "?q=Geheim"
SEARCHABLE_VIEWS = {"list", "list_results", "choose", "choose_results"}


SNIPPET_VIEWS = {
    "list": everyone(),
    "list_results": everyone(),
    "add": everyone(),
    "preview_on_add": everyone(),
    "edit": own(),
    # Member roles delete drafts; a live object is refused with a message and they are sent
    # back to its editor (only the LAG removes what readers see).
    "delete": own(one_of(OK, REDIRECT), staff=OK),
    "copy": own(),
    "usage": own(),
    "history": own(),
    "history_results": own(),
    "inspect": own(),
    "preview_on_edit": own(),
    "revisions_view": own(),
    "revisions_revert": own(),
    "revisions_compare": own(),
    "revisions_unschedule": own(DENIED),
    "unpublish": own(DENIED, staff=OK),
    # Objects in a workflow are locked for everybody but the reviewers (the member's approvers
    # while the member's own step is current, as for offers in the member's workflow).
    "lock": own(one_of(NOT_ALLOWED, DENIED), staff=one_of(NOT_ALLOWED, DENIED)),
    "unlock": own(one_of(NOT_ALLOWED, DENIED), staff=one_of(NOT_ALLOWED, DENIED)),
    "workflow_action": own(DENIED),
    "collect_workflow_action_data": own(DENIED),
    "confirm_workflow_cancellation": own(),
    "workflow_preview": own(DENIED),
    "workflow_history": own(),
    "workflow_history_detail": own(),
    "reorder": post_only(),
}
# Models that follow their member's workflow (``get_workflow()``): in the world both members
# approve first, so the member's approvers (and administrators) review the sample, not the LAG.
MEMBER_STEP_REVIEW = own(DENIED, approver=OK, staff=DENIED, admin=OK)
SNIPPET_VIEW_OVERRIDES = {
    "directory.Offer": {
        "workflow_action": MEMBER_STEP_REVIEW,
        "collect_workflow_action_data": MEMBER_STEP_REVIEW,
        "workflow_preview": MEMBER_STEP_REVIEW,
    },
    # One per member, made by provisioning: nobody but administrators adds, copies or deletes
    # one; changes pass the member's workflow like offers.
    "microsites.MemberSiteSettings": {
        "add": staff_only(DENIED, admin=OK),
        "delete": own(DENIED, staff=DENIED, admin=OK),
        "copy": own(DENIED, staff=DENIED, admin=OK),
        "workflow_action": MEMBER_STEP_REVIEW,
        "collect_workflow_action_data": MEMBER_STEP_REVIEW,
    },
}
SNIPPET_CHOOSER_OVERRIDES = {
    "microsites.MemberSiteSettings": {"create": staff_only(DENIED, admin=OK)},
}
SNIPPET_CHOOSER_VIEWS = {
    "choose": everyone(),
    "choose_results": everyone(),
    "chosen": own(),
    "chosen_multiple": everyone(),
    "create": everyone(),
}


def classify(url):
    for rule in [*member_owned_snippet_rules(), *RULES]:
        if rule.matches(url):
            return rule
    return None


ADMIN_URLS = [url for url in admin_urls() if url.name]
SKIPPED = {"wagtailadmin_error_test", "wagtailadmin_logout"}


# --- Fixtures ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(request):
    """The tenancy world with a signed-in client per role."""
    built = request.getfixturevalue("tenancy_world")
    clients = {}
    for role in ROLES:
        client = Client(HTTP_HOST="localhost")
        if role.key != "anon":
            client.force_login(built.users[role.key])
        clients[role.key] = client
    built.clients = clients
    return built


def fill(url, rule, world, scope):
    """The keyword arguments for ``url`` with objects of ``scope``; None if not applicable."""
    kwargs = {}
    for name in url.kwargs_names:
        getter = rule.objects.get(name) or DEFAULT_OBJECTS.get(name)
        if getter is None:
            raise LookupError(f"{url}: no object for keyword argument {name!r}")
        value = getter(world[scope], world) if scope else getter(None, world)
        if value is None:
            return None
        kwargs[name] = value
    return kwargs


def names_objects(url, rule):
    object_kwargs = set(url.kwargs_names) - {
        "action_name",
        "filter_spec",
        "mode",
        "uidb64",
        "token",
        "app_label",
        "model_name",
        "app_name",
        "content_type_app_name",
        "content_type_model_name",
    }
    return bool(object_kwargs)


def foreign_markers(world, role):
    """What must never show for ``role``: the markers in the titles of other members' and the
    umbrella's objects, other members' names and their people's user names."""
    markers = []
    for scope in role.foreign_scopes():
        markers.append(MARKERS[scope])
        member = world[scope].member
        if member is not None:
            markers += [member.name, member.slug]
            markers += [
                world.users[f"{scope.lower()}_{kind}"].username for kind in ("editor", "approver")
            ]
    return markers


def leaked_markers(response, role, world):
    body = b"".join(response) if response.streaming else response.content
    text = body.decode("utf-8", "replace").lower()
    text += " ".join(str(message.message) for message in queued_messages(response)).lower()
    return [marker for marker in foreign_markers(world, role) if marker.lower() in text]


def fingerprint(world, scopes):
    """A digest of everything the given scopes own that a POST could change."""
    from django.contrib.auth import get_user_model
    from wagtail.contrib.forms.models import FormSubmission
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision

    from tests.tenancy_app.models import MemberNote

    parts = []
    for key in scopes:
        scope = world[key]
        pages = Page.objects.filter(path__startswith=scope.homes["de"].path[:8]).order_by("pk")
        parts.append(
            list(pages.values_list("pk", "title", "live", "locked", "latest_revision_id", "path"))
        )
        parts.append(
            Revision.objects.filter(object_id__in=[str(pk) for pk, *_ in parts[-1]]).count()
        )
        parts.append(
            list(
                get_image_model()
                .objects.filter(collection=scope.collection)
                .values_list("pk", "title", "collection_id")
            )
        )
        parts.append(
            list(
                get_document_model()
                .objects.filter(collection=scope.collection)
                .values_list("pk", "title", "collection_id")
            )
        )
        parts.append(
            list(
                Redirect.objects.filter(site=scope.site).values_list(
                    "pk", "old_path", "redirect_link"
                )
            )
        )
        parts.append(FormSubmission.objects.filter(page=scope.contact_page).count())
        if scope.member:
            parts.append(
                list(
                    MemberNote.objects.filter(member=scope.member).values_list(
                        "pk", "title", "live", "locked"
                    )
                )
            )
    parts.append(
        list(get_user_model().objects.order_by("pk").values_list("pk", "is_active", "is_superuser"))
    )
    parts.append(sorted(get_user_model().groups.through.objects.values_list("user_id", "group_id")))
    return hashlib.sha256(repr(parts).encode()).hexdigest()


# --- Tests -------------------------------------------------------------------------------------------------


def test_every_admin_url_is_classified():
    unclassified = [str(url) for url in ADMIN_URLS if classify(url) is None]
    assert not unclassified, (
        "Admin URLs the permission matrix does not classify (add a Rule to "
        f"tests/test_isolation_matrix.py): {unclassified}"
    )


def test_the_matrix_covers_the_tenancy_world_markers():
    # Guards against a matrix that passes because it never showed anything.
    assert set(MARKERS) == set(SCOPES)


@pytest.mark.parametrize("url", ADMIN_URLS, ids=str)
def test_admin_url_answers_every_role_as_classified(url, world, db):
    if url.name in SKIPPED:
        pytest.skip("not requested: see the rule")
    rule = classify(url)
    assert rule is not None, f"{url} is not classified"
    with_objects = names_objects(url, rule)
    scopes = (None,) if not with_objects else SCOPES
    problems = []
    probes = []
    for role in ROLES:
        client = world.clients[role.key]
        for scope in scopes:
            kwargs = fill(url, rule, world, scope)
            if kwargs is None:
                continue
            path = build_path(url, kwargs) + rule.query
            if url.name == "wagtail_bulk_action":
                path += _bulk_query(world, scope)
            relation = role.relation(scope)
            expected = rule.expect.for_role(role, relation)
            response = client.get(path)
            client.cookies.pop("messages", None)
            got = outcome(response)
            if not matches_expectation(got, expected):
                problems.append(f"{role} GET {path} ({relation}): expected {expected}, got {got}")
            if role.member:
                leaks = leaked_markers(response, role, world)
                if leaks:
                    problems.append(f"{role} GET {path}: shows {leaks}")
                if relation in (OTHER, UMBRELLA) and got not in (
                    MISSING,
                    DENIED,
                    FORBIDDEN,
                    NOT_ALLOWED,
                    LOGIN,
                ):
                    problems.append(f"{role} GET {path}: reaches a foreign object ({got})")
                if relation in (OTHER, UMBRELLA) and expected in (MISSING, DENIED):
                    probes.append((role, path, expected, scope))
    if probes:
        foreign = sorted({scope for _role, _path, _expected, scope in probes})
        before = fingerprint(world, foreign)
        for role, path, _expected, _scope in probes:
            response = world.clients[role.key].post(path, {"title": "Übernommen"})
            world.clients[role.key].cookies.pop("messages", None)
            got = outcome(response)
            if got not in (MISSING, DENIED, FORBIDDEN):
                problems.append(f"{role} POST {path}: expected a refusal, got {got}")
            leaks = leaked_markers(response, role, world)
            if leaks:
                problems.append(f"{role} POST {path}: shows {leaks}")
        if fingerprint(world, foreign) != before:
            problems.append(f"POSTs to {url} changed objects of {foreign}")
    assert not problems, "\n".join(problems)


def _bulk_query(world, scope):
    return f"?id={world[scope].draft_page.pk}" if scope else ""


def test_the_leak_check_notices_another_members_page_when_the_guard_is_off(world, db, settings):
    # Proves that the matrix would see a leak: without the admin guard, Wagtail's explorer
    # shows another member's draft to a member editor.
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "AdminTenancy" not in name]
    client = Client(HTTP_HOST="localhost")
    client.force_login(world.users["a_editor"])
    response = client.get(f"/admin/pages/{world['B'].draft_page.pk}/")
    assert response.status_code == 200
    assert MARKERS["B"] in leaked_markers(response, MEMBER_ROLES[0], world)
