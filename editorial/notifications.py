"""E-mails of the editorial workflow, in each recipient's language, with links that work.

These replace Wagtail's own workflow e-mails (see ``apps.EditorialConfig.ready``):

- submitted: to the approvers of the step a page has reached (never to superusers who are not
  among them); LAG staff who prefer it get a daily digest instead (``send_digests``);
- step approved, approved (live or scheduled), changes requested (with the comment): to the
  person who submitted;
- published: to the submitter when a scheduled page goes live;
- translation outdated: to the editors of the member whose translation no longer matches.

Wagtail's profile switches (submitted, approved, rejected notifications) and the user's
``NotificationSettings`` decide who wants what. Links to the admin use WAGTAILADMIN_BASE_URL;
links to pages use the page's own site, so a member's item links to the member's microsite.
Mails are sent after the surrounding transaction commits, never for work that was rolled back.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, Revision, TaskState, WorkflowState

from .members import member_for_page
from .models import NotificationSettings

logger = logging.getLogger(__name__)

SUBMITTED = "submitted"
STEP_APPROVED = "step_approved"
APPROVED = "approved"
SCHEDULED = "scheduled"
REJECTED = "rejected"
PUBLISHED = "published"
TRANSLATION_OUTDATED = "translation_outdated"
DIGEST = "digest"

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def recipient_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    code = getattr(profile, "preferred_language", "") or ""
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def recipient_time_zone(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return getattr(profile, "current_time_zone", "") or settings.TIME_ZONE


def _profile_flag(user, name):
    profile = getattr(user, "wagtail_userprofile", None)
    return True if profile is None else getattr(profile, name)


def wants(user, kind):
    """Whether ``user`` wants an e-mail of this kind right now."""
    prefs = NotificationSettings.for_user(user)
    if kind == SUBMITTED:
        return _profile_flag(user, "submitted_notifications") and not prefs.wants_digest
    if kind == DIGEST:
        return _profile_flag(user, "submitted_notifications") and prefs.wants_digest
    if kind in (STEP_APPROVED, APPROVED, SCHEDULED):
        return _profile_flag(user, "approved_notifications")
    if kind == REJECTED:
        return _profile_flag(user, "rejected_notifications")
    if kind == PUBLISHED:
        return prefs.published_notifications
    if kind == TRANSLATION_OUTDATED:
        return prefs.outdated_translation_notifications
    return False


def users_with_preferences(queryset):
    return queryset.select_related("wagtail_userprofile", "editorial_notification_settings")


@dataclass
class Notification:
    kind: str
    recipients: list
    context: dict = field(default_factory=dict)

    def render(self, user):
        """(subject, body) for one recipient, in their language and time zone."""
        context = {
            **self.context,
            "recipient": user,
            "settings": settings,
            "account_url": admin_url("wagtailadmin_account"),
        }
        with (
            translation.override(recipient_language(user)),
            timezone.override(recipient_time_zone(user)),
        ):
            subject = render_to_string(f"editorial/mail/{self.kind}_subject.txt", context)
            body = render_to_string(f"editorial/mail/{self.kind}.txt", context)
        return " ".join(subject.split()), body.strip() + "\n"

    def send(self):
        """Send one e-mail per recipient; a failing recipient does not stop the others."""
        sent = 0
        if not self.recipients:
            return sent
        connection = get_connection()
        for user in self.recipients:
            try:
                subject, body = self.render(user)
                message = EmailMessage(
                    subject,
                    body,
                    settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL,
                    [user.email],
                    connection=connection,
                    headers={"Auto-Submitted": "auto-generated"},
                )
                message.send()
                sent += 1
            except Exception:  # noqa: BLE001 – one broken address must not block the workflow
                logger.exception("Could not send %s notification to user %s", self.kind, user.pk)
        return sent


def _eligible(users, kind, exclude=None):
    """Active users with an address who want ``kind``, without the one who caused it."""
    result = []
    seen = set()
    for user in users:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        if exclude is not None and user.pk == exclude.pk:
            continue
        if not (user.is_active and user.email):
            continue
        if wants(user, kind):
            result.append(user)
    return result


_paused = ContextVar("editorial_notifications_paused", default=False)


@contextmanager
def paused():
    """Send no workflow e-mails for what happens inside (demo data, imports, repairs)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def send_later(notification):
    """Send once the current transaction has committed (immediately outside a transaction)."""
    if notification.recipients and not _paused.get():
        transaction.on_commit(notification.send)
    return notification


# --- Context -----------------------------------------------------------------------------------


def page_context(page, revision=None, task_state=None):
    page = page.specific
    member = member_for_page(page)
    context = {
        "page": page,
        "title": page.get_admin_display_title(),
        "member": member,
        "site_name": member.name if member else settings.NETWORK_NAME,
        "language_code": page.locale.language_code,
        "public_url": page.get_full_url() if page.live else None,
        "future_url": page.get_full_url(),
        "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
        "history_url": admin_url("wagtailadmin_pages:history", page.pk),
        "inbox_url": admin_url("editorial:inbox"),
        "compare_url": None,
        "preview_url": None,
        "show_in_network": bool(getattr(page, "show_in_network", False)),
        "go_live_at": page.go_live_at,
        "expire_at": page.expire_at,
    }
    if revision is not None:
        content = revision.content or {}
        context["title"] = content.get("title") or context["title"]
        context["show_in_network"] = bool(content.get("show_in_network", False))
        if page.live and page.live_revision_id and page.live_revision_id != revision.pk:
            context["compare_url"] = admin_url(
                "wagtailadmin_pages:revisions_compare", page.pk, "live", revision.pk
            )
    if task_state is not None:
        context["preview_url"] = admin_url(
            "wagtailadmin_pages:workflow_preview", page.pk, task_state.task_id
        )
    return context


def snippet_context(obj, revision=None, task_state=None):
    """Like ``page_context`` for a member-owned snippet in a workflow (an offer, …): links to
    its snippet editor, history, comparison and preview; its public place where it has one."""
    viewset = obj.snippet_viewset
    pk = quote(obj.pk)
    live = getattr(obj, "live", True)
    get_full_url = getattr(obj, "get_full_url", None)
    public = get_full_url() if get_full_url is not None else None
    context = {
        "page": obj,
        "title": (revision.object_str if revision is not None else "") or str(obj),
        "member": obj.member,
        "site_name": obj.member.name,
        # Snippets without translations (member site settings) are in the site's language.
        "language_code": getattr(
            getattr(obj, "locale", None), "language_code", settings.LANGUAGE_CODE
        ),
        "public_url": public if live else None,
        "future_url": public,
        "edit_url": admin_url(viewset.get_url_name("edit"), pk),
        "history_url": admin_url(viewset.get_url_name("history"), pk),
        "inbox_url": admin_url("editorial:inbox"),
        "compare_url": None,
        "preview_url": None,
        "show_in_network": False,
        "go_live_at": getattr(obj, "go_live_at", None),
        "expire_at": getattr(obj, "expire_at", None),
    }
    if revision is not None and live and obj.live_revision_id not in (None, revision.pk):
        context["compare_url"] = admin_url(
            viewset.get_url_name("revisions_compare"), pk, "live", revision.pk
        )
    if task_state is not None and getattr(viewset, "preview_enabled", False):
        context["preview_url"] = admin_url(
            viewset.get_url_name("workflow_preview"), pk, task_state.task_id
        )
    return context


def content_context(obj, revision=None, task_state=None):
    """The mail context of a page or of a member-owned snippet."""
    if isinstance(obj, Page):
        return page_context(obj, revision, task_state)
    return snippet_context(obj, revision, task_state)


def _reviewed_object(workflow_state):
    """The page or member-owned snippet a workflow run is about (None for anything else)."""
    from .inbox import workflow_snippet_models

    obj = workflow_state.content_object
    if isinstance(obj, Page) or type(obj) in workflow_snippet_models():
        return obj
    return None


# --- Workflow events ---------------------------------------------------------------------------


def reviewers_of(task):
    """The users who can act on ``task``: the members of its groups (superusers only if they
    belong to one of them – being a superuser does not make someone a reviewer)."""
    groups = getattr(task.specific, "groups", None)
    if groups is None:
        return []
    User = get_user_model()
    return list(
        users_with_preferences(User.objects.filter(groups__in=groups.all()).distinct()).order_by(
            "pk"
        )
    )


def reviewers_of_lag():
    from microsites.provisioning import lag_approval_task

    return reviewers_of(lag_approval_task())


def notify_submitted(task_state, user=None):
    workflow_state = task_state.workflow_state
    page = _reviewed_object(workflow_state)
    if page is None:
        return None
    reviewers = reviewers_of(task_state.task)
    orphaned = not any(reviewer.is_active for reviewer in reviewers)
    if orphaned:
        # Nobody can decide this step (e.g. a member asked for its own approval but has no
        # approvers yet): the LAG must hear of it, or the item would wait forever.
        reviewers = reviewers_of_lag()
    recipients = _eligible(reviewers, SUBMITTED, exclude=user)
    context = content_context(page, task_state.revision, task_state)
    context.update(
        {
            "task": task_state.task,
            "orphaned": orphaned,
            "submitter": workflow_state.requested_by,
            "resubmitted": TaskState.objects.filter(workflow_state=workflow_state)
            .exclude(pk=task_state.pk)
            .filter(task_id=task_state.task_id)
            .exists(),
        }
    )
    return send_later(Notification(SUBMITTED, recipients, context))


def _submitter(workflow_state):
    requested_by = workflow_state.requested_by
    if requested_by is None:
        return None
    return users_with_preferences(get_user_model().objects.filter(pk=requested_by.pk)).first()


def notify_step_approved(task_state, user=None):
    """A step other than the last was approved: the submitter learns where the item is now."""
    workflow_state = task_state.workflow_state
    page = _reviewed_object(workflow_state)
    if page is None:
        return None
    next_task = (
        workflow_state.current_task_state.task if workflow_state.current_task_state else None
    )
    recipients = _eligible([_submitter(workflow_state)], STEP_APPROVED, exclude=user)
    context = content_context(page, task_state.revision)
    context.update(
        {
            "task": task_state.task,
            "next_task": next_task,
            "approver": user,
            "comment": task_state.comment,
        }
    )
    return send_later(Notification(STEP_APPROVED, recipients, context))


def notify_workflow_approved(workflow_state, user=None):
    page = _reviewed_object(workflow_state)
    if page is None:
        return None
    # Reloaded: the object as it is now, after publishing.
    page = type(page)._default_manager.get(pk=page.pk)
    if isinstance(page, Page):
        page = page.specific_class.objects.get(pk=page.pk)
    final_state = workflow_state.current_task_state
    # Publishing a later date stores it on the revision (the live page keeps its old fields).
    go_live_at = (
        Revision.objects.filter(pk=page.latest_revision_id)
        .values_list("approved_go_live_at", flat=True)
        .first()
    )
    kind = SCHEDULED if go_live_at and go_live_at > timezone.now() else APPROVED
    recipients = _eligible([_submitter(workflow_state)], kind, exclude=user)
    context = content_context(page, final_state.revision if final_state else None)
    context.update(
        {
            "approver": user,
            "comment": final_state.comment if final_state else "",
            "go_live_at": go_live_at,
        }
    )
    return send_later(Notification(kind, recipients, context))


def notify_rejected(workflow_state, user=None):
    page = _reviewed_object(workflow_state)
    if page is None:
        return None
    task_state = workflow_state.current_task_state
    recipients = _eligible([_submitter(workflow_state)], REJECTED, exclude=user)
    context = content_context(page, task_state.revision if task_state else None)
    context.update(
        {
            "task": task_state.task if task_state else None,
            "reviewer": user,
            "comment": task_state.comment if task_state else "",
        }
    )
    return send_later(Notification(REJECTED, recipients, context))


def approved_workflow_state_for(page, revision):
    """The finished workflow run that approved ``revision`` of ``page``, if any."""
    return (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_APPROVED, task_states__revision=revision)
        .select_related("requested_by")
        .order_by("-created_at")
        .first()
    )


def notify_published_on_schedule(page, revision):
    """A page approved earlier for a later date has just gone live."""
    workflow_state = approved_workflow_state_for(page, revision)
    if workflow_state is None:
        return None
    recipients = _eligible([_submitter(workflow_state)], PUBLISHED)
    context = page_context(page)
    return send_later(Notification(PUBLISHED, recipients, context))


def notify_translations_outdated(source, statuses):
    """Tell the editors of each affected member which of their translations are outdated."""
    from .members import members_by_root_path, root_path

    if not statuses:
        return []
    pages = [status.page.specific for status in statuses]
    members = members_by_root_path([page.path for page in pages])
    by_member = {}
    for page in pages:
        member = members.get(root_path(page.path))
        if member is not None and member.editors_group_id:
            by_member.setdefault(member, []).append(page)
    User = get_user_model()
    sent = []
    for member, translations in by_member.items():
        editors = users_with_preferences(
            User.objects.filter(groups=member.editors_group_id).order_by("pk")
        )
        recipients = _eligible(editors, TRANSLATION_OUTDATED)
        context = page_context(source)
        context.update(
            {
                "member": member,
                "source": source.specific,
                "translations": [
                    {
                        "page": page,
                        "title": page.get_admin_display_title(),
                        "language_code": page.locale.language_code,
                        "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
                    }
                    for page in translations
                ],
                "outdated_url": admin_url("editorial:outdated_translations"),
            }
        )
        sent.append(send_later(Notification(TRANSLATION_OUTDATED, recipients, context)))
    return sent


# --- Daily digest ------------------------------------------------------------------------------


def digest_recipients():
    """Reviewers who chose the daily digest."""
    User = get_user_model()
    users = users_with_preferences(
        User.objects.filter(
            is_active=True,
            editorial_notification_settings__submission_delivery=(
                NotificationSettings.Delivery.DIGEST
            ),
        ).order_by("pk")
    )
    return [user for user in users if user.email and wants(user, DIGEST)]


def send_digests(now=None, dry_run=False):
    """One e-mail per digest reader listing everything waiting for them, oldest first, with what
    arrived since their last digest marked. Nobody gets an empty digest. Returns
    [(user, number of items)]."""
    from .inbox import InboxEntry, reviewable_task_states

    now = now or timezone.now()
    report = []
    for user in digest_recipients():
        prefs = NotificationSettings.for_user(user)
        since = prefs.last_digest_sent_at or (now - timedelta(days=1))
        entries = InboxEntry.build(reviewable_task_states(user).order_by("started_at", "pk"))
        if not entries:
            continue
        report.append((user, len(entries)))
        if dry_run:
            continue
        for entry in entries:
            entry.is_new = entry.task_state.started_at >= since
        notification = Notification(
            DIGEST,
            [user],
            {
                "entries": entries,
                "new_count": sum(1 for entry in entries if entry.is_new),
                "inbox_url": admin_url("editorial:inbox"),
                "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
            },
        )
        if notification.send():
            prefs.last_digest_sent_at = now
            prefs.save()
    return report
