"""Place names say each place once; slugs write German letters out (Görlitz -> goerlitz)."""

from django.template import Context, Template

from districts.models import District
from home.slugs import german_slugify
from news.models import NewsPage

from .events_factories import events_index_of, make_event
from .factories import homes_of, news_index_of
from .test_directory import make_offer

HOST = "queer-vogtland.localhost"


def render(source, **context):
    return Template("{% load network_tags %}" + source).render(Context(context))


def test_town_and_district_appear_once_when_they_share_a_name(db):
    bautzen = District.objects.get(ars="14625")
    chemnitz = District.objects.get(ars="14511")
    vogtland = District.objects.get(ars="14523")
    assert (
        render("{{ town|with_district:district }}", town="Bautzen", district=bautzen) == "Bautzen"
    )
    assert render("{{ town|with_district:district }}", town="Chemnitz", district=chemnitz) == (
        "Chemnitz"
    )
    assert render("{{ town|with_district:district }}", town="Plauen", district=vogtland) == (
        "Plauen (Vogtlandkreis)"
    )


def test_offer_card_does_not_repeat_the_town(host_client, member):
    make_offer(member, "Beratung Bautzen", ars="14625", town="Bautzen")
    make_offer(member, "Beratung Plauen")
    html = host_client(HOST).get("/angebote/").content.decode()
    assert "Bautzen (Bautzen)" not in html
    assert "Plauen (Vogtlandkreis)" in html


def test_event_address_names_the_district_only_when_it_differs(host_client, member):
    index = events_index_of(homes_of(member)["de"])
    event = make_event(
        index,
        title="Lesung in Görlitz",
        town="Görlitz",
        postcode="02826",
        street="Berliner Straße 1",
        district=District.objects.get(ars="14626"),
    )
    html = host_client(HOST).get(event.url).content.decode()
    address = html.split('class="event__address">', 1)[1].split("</address>", 1)[0]
    assert address.count("Görlitz") == 1


def test_german_letters_are_written_out_in_slugs():
    assert german_slugify("Offener Treff in Görlitz") == "offener-treff-in-goerlitz"
    assert german_slugify("Straße der Begegnung, Übergänge") == "strasse-der-begegnung-uebergaenge"


def test_pages_created_without_slug_get_the_german_one(network):
    index = news_index_of(network["de"])
    page = NewsPage(title="Neues aus Görlitz", teaser="Kurz.")
    index.add_child(instance=page)
    assert page.slug == "neues-aus-goerlitz"
    again = NewsPage(title="Neues aus Görlitz", teaser="Noch einmal.")
    index.add_child(instance=again)
    assert again.slug == "neues-aus-goerlitz-2"


def test_admin_slug_field_transliterates_in_the_browser_too(client, lag_staff, network):
    client.force_login(lag_staff)
    index = news_index_of(network["de"])
    html = client.get(f"/admin/pages/add/news/newspage/{index.pk}/").content.decode()
    slug_input = (
        html.split('name="slug"', 1)[0].rsplit("<input", 1)[1]
        + html.split('name="slug"', 1)[1].split(">", 1)[0]
    )
    assert "data-w-slug-formatters-value" in slug_input
    assert "oe" in slug_input and "ss" in slug_input
