"""A member's site is public only once its Impressum and Datenschutzerklärung are live.

``Member.legal_pages_live`` records that state so every listing can filter on it without a
join; ``refresh_member`` recomputes it whenever one of these pages is published, unpublished,
moved or deleted, and after provisioning. The host table (``microsites.hosts``) is cleared with
it, because it knows which legal pages a site that is not public yet may already serve."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from microsites.hosts import clear_host_cache
from microsites.models import Member

from .models import ImprintPage, PrivacyPage

# The pages a site needs before it is public, with what the admin calls them when missing.
REQUIRED_PAGES = (
    (ImprintPage, _("Impressum")),
    (PrivacyPage, _("Datenschutzerklärung")),
)


def german_home(member):
    if not member.site_id:
        return None
    return member.site.root_page


def missing_pages(member):
    """(label, page or None) for each required page that is not live in German."""
    home = german_home(member)
    missing = []
    for model, label in REQUIRED_PAGES:
        page = model.objects.child_of(home).first() if home is not None else None
        if page is None or not page.live:
            missing.append((label, page))
    return missing


def refresh_member(member):
    """Recompute ``member.legal_pages_live``; True if it changed."""
    live = not missing_pages(member)
    if member.legal_pages_live == live:
        return False
    member.legal_pages_live = live
    Member.objects.filter(pk=member.pk).update(legal_pages_live=live)
    clear_host_cache()
    return True


def member_of_legal_page(page):
    home_path = page.path[: Page.steplen * 2]
    return Member.objects.filter(site__root_page__path=home_path).select_related("site").first()


def refresh_for_page(page):
    member = member_of_legal_page(page)
    if member is not None:
        refresh_member(member)
    # The legal page's own address opens or closes on a site that is not public yet.
    clear_host_cache()
