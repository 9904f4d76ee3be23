from django import template
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.models import Page
from wagtail.permissions import policy_registry

from editorial.dashboard import dashboard_site_name as site_name_for
from microsites.provisioning import LAG_TASK_NAME

register = template.Library()

MEMBER_TASK_PREFIX = "Freigabe im Verein"


@register.filter
def step_name(task):
    """The name of a workflow step in the reader's language (task names are stored in German)."""
    if task is None:
        return ""
    name = task.name
    if name == LAG_TASK_NAME:
        return gettext("Freigabe durch die LAG")
    if name.startswith(MEMBER_TASK_PREFIX):
        return gettext("Freigabe im Verein")
    return name


# Page bulk actions that publish or unpublish: not offered to people who may publish nothing.
PUBLISHING_BULK_ACTIONS = {("wagtailcore", "page"): ("publish", "unpublish")}


def hidden_bulk_action_urls(user, app_label, model_name):
    action_types = PUBLISHING_BULK_ACTIONS.get((app_label, model_name), ())
    if not action_types or policy_registry.get_by_type(Page).user_has_permission(user, "publish"):
        return set()
    return {
        reverse("wagtail_bulk_action", args=[app_label, model_name, action_type])
        for action_type in action_types
    }


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def bulk_action_choices_for_user(context, app_label, model_name):
    """Wagtail's bulk action buttons without those the user may never carry out."""
    choices = bulk_action_choices(context, app_label, model_name)
    request = context.get("request")
    if request is None:
        return choices
    hidden = hidden_bulk_action_urls(request.user, app_label, model_name)
    if not hidden:
        return choices
    buttons = []
    for button in choices["buttons"]:
        if getattr(button, "url", None) in hidden:
            continue
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = [
                item for item in button.dropdown_buttons if getattr(item, "url", None) not in hidden
            ]
        buttons.append(button)
    return {**choices, "buttons": buttons}


@register.simple_tag(takes_context=True)
def dashboard_site_name(context):
    """The dashboard's title: the member's name for member roles (see ``editorial.dashboard``)."""
    return site_name_for(context["request"].user)
