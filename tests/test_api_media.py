"""Images and documents in the API: only those a live public page uses (or a site's logo)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction

from microsites.models import SiteSettings

from .factories import homes_of, make_image
from .fixtures_api import make_document, page_with_media


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_images_used_on_live_pages_are_listed_and_others_not(client, network, member):
    used = make_image("Benutzt")
    draft_only = make_image("Nur im Entwurf")
    unused = make_image("Unbenutzt")
    page_with_media(homes_of(member)["de"], "Galerie", image=used)
    page_with_media(homes_of(member)["de"], "Entwurf", image=draft_only, publish=False)
    found = ids(client.get("/api/v2/images/"))
    assert used.pk in found
    assert not found & {draft_only.pk, unused.pk}
    assert client.get(f"/api/v2/images/{unused.pk}/").status_code == 404
    assert client.get(f"/api/v2/images/{used.pk}/").json()["title"] == "Benutzt"


def test_an_image_only_in_unpublished_changes_of_a_live_page_is_not_listed(client, network):
    page = page_with_media(network["de"], "Galerie")
    secret = make_image("Geheim")
    page.body = [("image", {"image": secret, "alt_text": "x", "caption": ""})]
    page.save_revision()
    assert secret.pk not in ids(client.get("/api/v2/images/"))


def test_lead_images_of_live_articles_and_site_logos_are_listed(client, network, member):
    from .factories import make_news, news_index_of

    lead = make_image("Titelbild")
    make_news(news_index_of(homes_of(member)["de"]), 1, image=lead)
    logo = make_image("Logo")
    site_settings = SiteSettings.objects.get(site=member.site)
    site_settings.logo = logo
    site_settings.save()
    assert {lead.pk, logo.pk} <= ids(client.get("/api/v2/images/"))


def test_images_filter_by_site(client, network, member, other_member):
    mine = make_image("Vogtland")
    theirs = make_image("Lausitz")
    page_with_media(homes_of(member)["de"], "Galerie", image=mine)
    page_with_media(homes_of(other_member)["de"], "Galerie", image=theirs)
    assert ids(client.get("/api/v2/images/", {"site": "queer-vogtland"})) == {mine.pk}
    assert ids(client.get("/api/v2/images/", {"site": "rosa-lausitz"})) == {theirs.pk}


def test_documents_linked_from_live_pages_are_listed_with_download_url(client, network, member):
    flyer = make_document("Flyer")
    draft = make_document("Entwurf")
    make_document("Unbenutzt")
    page_with_media(homes_of(member)["de"], "Material", documents=[flyer])
    page_with_media(homes_of(member)["de"], "Neu", documents=[draft], publish=False)
    response = client.get("/api/v2/documents/")
    assert ids(response) == {flyer.pk}
    item = response.json()["items"][0]
    assert item["meta"]["download_url"].startswith(f"http://localhost/documents/{flyer.pk}/flyer")


def test_documents_in_restricted_collections_are_never_listed(client, network):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="geheim"
    )
    secret = make_document("Protokoll", collection=private)
    page_with_media(network["de"], "Material", documents=[secret])
    assert secret.pk not in ids(client.get("/api/v2/documents/"))
    assert client.get(f"/api/v2/documents/{secret.pk}/").status_code == 404


def test_media_listings_query_count_does_not_grow(client, network, member):
    def count(path):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    page_with_media(network["de"], "A", image=make_image("A"), documents=[make_document("A")])
    few = (count("/api/v2/images/"), count("/api/v2/documents/"))
    for number in range(6):
        page_with_media(
            homes_of(member)["de"],
            f"Seite {number}",
            image=make_image(f"Bild {number}"),
            documents=[make_document(f"Dokument {number}")],
        )
    assert (count("/api/v2/images/"), count("/api/v2/documents/")) == few
