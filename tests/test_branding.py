"""Site colours are checked against WCAG AA before saving and reach pages as CSS variables."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from microsites.colours import contrast_ratio
from microsites.models import SiteSettings

from .fixtures_legal import publish_legal_pages


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "primary_colour",
            "#ffcc00",
            "Der Kontrast zwischen #ffcc00 und weißer Schrift beträgt nur 1,51:1",
        ),
        ("primary_colour", "#777777", "dunklere"),
        ("accent_colour", "#333333", "hellere"),
        ("primary_colour", "lila", "Format #RRGGBB"),
        ("accent_colour", "#12345", "Format #RRGGBB"),
    ],
)
def test_colours_failing_aa_contrast_are_rejected_with_the_ratio(network, field, value, message):
    settings = SiteSettings.objects.get(site__is_default_site=True)
    setattr(settings, field, value)
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert field in error.value.message_dict
    assert message in " ".join(error.value.message_dict[field])


def test_contrast_message_is_in_the_editors_language(network):
    from django.utils import translation

    settings = SiteSettings.objects.get(site__is_default_site=True)
    settings.primary_colour = "#ffcc00"
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            settings.full_clean()
        assert "is only 1.51:1" in error.value.message_dict["primary_colour"][0]


def test_colours_meeting_aa_are_accepted(network):
    settings = SiteSettings.objects.get(site__is_default_site=True)
    settings.primary_colour, settings.accent_colour = "#767676", "#f5c542"
    settings.full_clean()


def test_colour_error_is_shown_in_the_admin_form_and_nothing_is_saved(client, network):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x-very-secret")
    client.force_login(admin)
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/microsites/sitesettings/{site.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(
        url,
        {
            "site_name": "LAG",
            "primary_colour": "#ffee00",
            "accent_colour": "#f5c542",
            "social_links-count": "0",
        },
    )
    assert response.status_code == 200
    assert "Der Kontrast zwischen #ffee00 und weißer Schrift" in response.content.decode()
    assert SiteSettings.objects.get(site=site).primary_colour != "#ffee00"


def test_brand_stylesheet_carries_the_site_colours(host_client, member):
    publish_legal_pages(member)
    settings = SiteSettings.objects.get(site=member.site)
    settings.primary_colour = "#1d5c63"
    settings.save()
    client = host_client("queer-vogtland.localhost")
    page = client.get("/").content.decode()
    assert f'href="/brand.css?v={settings.brand_version}"' in page
    css = client.get(f"/brand.css?v={settings.brand_version}")
    assert css["Content-Type"].startswith("text/css")
    assert "--colour-primary:#1d5c63" in css.content.decode()
    assert "immutable" in css["Cache-Control"]


def test_quick_exit_follows_the_site_setting(host_client, member):
    publish_legal_pages(member)
    client = host_client("queer-vogtland.localhost")
    assert "data-quick-exit" in client.get("/").content.decode()
    settings = SiteSettings.objects.get(site=member.site)
    settings.quick_exit_enabled = False
    settings.save()
    assert "data-quick-exit" not in client.get("/").content.decode()
