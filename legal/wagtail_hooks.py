"""Admin wiring of the legal pages: the "not public yet" dashboard panel, the provisioning step
that records whether a member's legal pages are live."""

from wagtail import hooks

from .gate import refresh_member
from .panels import NotPublicYetPanel


@hooks.register("construct_homepage_panels")
def not_public_yet_panel(request, panels):
    panels.append(NotPublicYetPanel(request))


@hooks.register("provision_member")
def record_legal_state(member, report):
    refresh_member(member)
