"""Umbrella staff create and repair members in the admin; saving provisions everything."""

from wagtail.models import Site

from microsites.models import Member


def member_form(**overrides):
    data = {
        "name": "Queer Nordsachsen e. V.",
        "short_name": "Queer Nordsachsen",
        "slug": "queer-nord",
        "district": "14730",
        "town": "Torgau",
        "custom_domain": "",
        "contact_email": "info@queer-nord.example.org",
        "website": "",
        "logo": "",
        "active": "on",
    }
    data.update(overrides)
    return data


def test_lag_staff_creates_a_member_and_it_is_provisioned(client, lag_staff):
    client.force_login(lag_staff)
    response = client.post("/admin/snippets/microsites/member/add/", member_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    member = Member.objects.get(slug="queer-nord")
    assert member.site == Site.objects.get(hostname="queer-nord.localhost")
    assert member.workflow is not None and member.editors_group is not None
    assert client.get("/admin/snippets/microsites/member/").status_code == 200


def test_invalid_member_form_shows_errors_and_creates_nothing(client, lag_staff):
    client.force_login(lag_staff)
    response = client.post(
        "/admin/snippets/microsites/member/add/",
        member_form(slug="Queer Nord", custom_domain="http://x"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kleinbuchstaben" in body
    assert "gültigen Domainnamen" in body
    assert not Member.objects.filter(name="Queer Nordsachsen e. V.").exists()
    assert not Site.objects.filter(hostname__startswith="queer-nord").exists()


def test_member_editors_cannot_manage_members(client, member_editor):
    client.force_login(member_editor)
    assert client.get("/admin/snippets/microsites/member/add/").status_code in (302, 403)
    assert client.get("/admin/").status_code == 200
