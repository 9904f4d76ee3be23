"""Which member content appears in the umbrella site's network lists."""


def network_pages(queryset):
    """Narrow a queryset of a ``SyndicatedPageMixin`` page type to what the network lists show:
    live, public and marked "auch im Netzwerk zeigen". Member pages only go live through the
    member's workflow, whose last step is the LAG's approval."""
    return queryset.live().public().filter(show_in_network=True)
