"""A member's page previewed from the admin looks as it will on the member's own site."""

import re

from django.urls import reverse
from wagtail.models import Site

from microsites.models import SiteSettings

from .admin_form_pages import AdminForm
from .factories import make_news
from .fixtures_editorial import *  # noqa: F403
from .test_page_approval_paths import Person


def test_preview_of_a_member_page_uses_the_members_colours_and_breadcrumb(
    member, member_editor, news_index
):
    site_settings = SiteSettings.for_site(member.site)
    site_settings.primary_colour = "#7a1f3d"  # maroon, as on the member's live site
    site_settings.save()
    page = make_news(news_index(member), title="Beratung am Mittwoch")[0]
    editor = Person(member_editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = AdminForm.from_response(editor.open(edit_url), url=edit_url)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert editor.client.post(preview_url, form.data()).json()["is_valid"]
    html = editor.client.get(preview_url).content.decode()

    assert 'class="breadcrumbs"' in html
    link = re.search(r'href="(/brand\.css\?[^"]+)"', html).group(1).replace("&amp;", "&")
    assert f"site={member.site.pk}" in link
    css = editor.client.get(link).content.decode()
    assert "--colour-primary:#7a1f3d" in css
    assert Site.objects.get(is_default_site=True).pk != member.site.pk
