"""Snippets in the editorial workflow (offers and every other member-owned snippet with drafts).

Wagtail's snippet edit view saves a new revision for every POST, also when a reviewer only
presses "Approve" in the editor's action menu without changing anything. With
``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` that new revision makes the approval count for
nothing: the workflow starts again at its first step, and the item never gets past it. Wagtail's
page editor saves a revision for a workflow action only when the form has changed; this edit
view does the same for snippets. A reviewer who does change the item while deciding still
creates a revision, and the workflow then asks for approval of that new version again.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin
from wagtail.snippets.views.snippets import EditView

from tenancy.scoping import is_member_role


class ReviewedSnippetEditView(EditView):
    """The snippet editor, saving a revision for a workflow action only if the form changed."""

    def save_instance(self):
        if self.action == "workflow-action" and not self.form.has_changed():
            self.new_revision = None
            return self.object
        return super().save_instance()


def refuse_removing_live_snippets(request, instances):
    """``before_delete_snippet``: member roles may delete drafts, never what readers see.

    A live item is taken offline or deleted by the LAG (who may publish, and so approve it);
    the member's people are told so instead of a bare refusal."""
    if not is_member_role(request.user):
        return None
    live = [obj for obj in instances if isinstance(obj, DraftStateMixin) and obj.live]
    if not live:
        return None
    messages.error(request, live_removal_message(live))
    first = live[0]
    return redirect(
        reverse(first.snippet_viewset.get_url_name("edit"), args=[first.pk])
        if len(instances) == 1
        else reverse(first.snippet_viewset.get_url_name("list"))
    )


def live_removal_message(live):
    names = ", ".join(f"„{obj}“" for obj in live)
    return _(
        "%(names)s ist veröffentlicht und kann nur von der LAG-Redaktion gelöscht oder offline "
        "genommen werden – so geht nichts verloren, was Leser*innen gerade sehen. Bitte "
        "schreiben Sie der LAG-Redaktion, wenn es nicht mehr angeboten werden soll; "
        "Änderungen reichen Sie wie gewohnt zur Freigabe ein."
    ) % {"names": names}
