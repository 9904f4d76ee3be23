from django import template

from ..views import upcoming_for_home

register = template.Library()


@register.inclusion_tag("eventcalendar/includes/upcoming_events.html", takes_context=True)
def upcoming_events(context, home, count=3):
    """The next dates on a home page; on the umbrella site with the network's events."""
    index, occurrences = upcoming_for_home(home, context["request"], count)
    return {"request": context["request"], "events_index": index, "occurrences": occurrences}
