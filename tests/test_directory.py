"""The directory of offers: the model's validation, the public page with its filters, map and
text alternative, and the default pages provisioning creates."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from directory.models import DirectoryPage, MemberDirectoryPage, Offer
from districts.models import District
from microsites.provisioning import member_homes

from .factories import make_member

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive

PLAUEN = "14523"
BAUTZEN = "14625"
DRESDEN = "14612"


def make_offer(member, name="Beratung", *, publish=True, locale="de", **fields):
    """A saved offer of ``member``; published (live) unless ``publish`` is False."""
    fields.setdefault("kind", "beratung")
    fields.setdefault("target_groups", ["alle"])
    fields.setdefault("district", District.objects.get(ars=fields.pop("ars", PLAUEN)))
    fields.setdefault("town", "Plauen")
    fields.setdefault("phone", "03741 12345")
    offer = Offer(
        member=member,
        name=name,
        locale=Locale.objects.get(language_code=locale),
        live=False,
        **fields,
    )
    offer.full_clean()
    offer.save()
    revision = offer.save_revision()
    if publish:
        revision.publish()
        offer.refresh_from_db()
    return offer


def directory_url(language="de"):
    return "/angebote/" if language == "de" else "/en/offers/"


def names_in(response):
    return re.findall(r'<h3 class="offer__title">([^<]+)</h3>', response.content.decode())


# --- Model ---------------------------------------------------------------------------------


def test_coordinates_outside_saxony_are_refused_with_a_clear_message(member):
    offer = Offer(
        member=member,
        name="Beratung",
        kind="beratung",
        target_groups=["alle"],
        district=District.objects.get(ars=PLAUEN),
        town="Plauen",
        phone="03741 12345",
        latitude=Decimal("52.52000"),
        longitude=Decimal("13.40500"),
        locale=Locale.get_default(),
    )
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "nicht in Sachsen" in str(error.value.message_dict["latitude"])
    assert "longitude" not in error.value.message_dict


def test_one_coordinate_alone_is_refused(member):
    offer = Offer(
        member=member,
        name="Beratung",
        kind="beratung",
        target_groups=["alle"],
        district=District.objects.get(ars=PLAUEN),
        town="Plauen",
        phone="03741 12345",
        latitude=Decimal("50.50000"),
        locale=Locale.get_default(),
    )
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "zusammen" in str(error.value.message_dict["longitude"])


def test_an_offer_needs_a_way_to_reach_it_and_a_target_group(member):
    offer = Offer(
        member=member,
        name="Beratung",
        kind="beratung",
        target_groups=[],
        district=District.objects.get(ars=PLAUEN),
        town="Plauen",
        locale=Locale.get_default(),
    )
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "target_groups" in error.value.message_dict
    assert "mindestens einen Weg" in str(error.value.message_dict["phone"])


def test_unknown_target_group_codes_are_refused(member):
    offer = Offer(
        member=member,
        name="Beratung",
        kind="beratung",
        target_groups=["alle", "erfunden"],
        district=District.objects.get(ars=PLAUEN),
        town="Plauen",
        phone="03741 12345",
        locale=Locale.get_default(),
    )
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "erfunden" in str(error.value.message_dict["target_groups"])


def test_target_groups_and_languages_survive_a_round_trip_and_revisions(member):
    offer = make_offer(member, target_groups=["trans", "jugend"], languages=["pl", "de"])
    stored = Offer.objects.get(pk=offer.pk)
    assert stored.target_groups == ["trans", "jugend"]
    assert stored.languages == ["de", "pl"]  # in the order of the choice list
    assert stored.get_latest_revision_as_object().target_groups == ["trans", "jugend"]


def test_an_offer_follows_its_members_workflow(member, other_member):
    assert make_offer(member).get_workflow() == member.workflow
    assert make_offer(other_member, "Andere").get_workflow() == other_member.workflow


# --- Provisioning ----------------------------------------------------------------------------


def test_provisioning_creates_the_directory_pages(network, member):
    for home in network.values():
        assert DirectoryPage.objects.child_of(home).live().count() == 1
        assert MemberDirectoryPage.objects.child_of(home).live().count() == 1
    homes = member_homes(member)
    assert DirectoryPage.objects.child_of(homes["de"]).get().slug == "angebote"
    assert DirectoryPage.objects.child_of(homes["en"]).get().slug == "offers"
    # The member directory belongs to the umbrella site only.
    assert not MemberDirectoryPage.objects.child_of(homes["de"]).exists()


# --- The directory page ----------------------------------------------------------------------


@pytest.fixture
def offers(member, other_member):
    return {
        "beratung": make_offer(
            member, "Beratung Plauen", anonymous=True, step_free=True, description="Vertraulich"
        ),
        "jugend": make_offer(
            member,
            "Jugendgruppe Plauen",
            kind="jugendgruppe",
            target_groups=["jugend"],
            accessible_toilet=True,
            step_free=True,
        ),
        "online": make_offer(
            other_member,
            "Telefonberatung Lausitz",
            ars=BAUTZEN,
            town="Bautzen",
            remote_only=True,
            target_groups=["trans"],
        ),
        "draft": make_offer(member, "Entwurf GeheimAngebot", publish=False),
    }


def test_umbrella_directory_lists_live_offers_of_all_members(client, offers):
    response = client.get(directory_url())
    assert response.status_code == 200
    assert sorted(names_in(response)) == [
        "Beratung Plauen",
        "Jugendgruppe Plauen",
        "Telefonberatung Lausitz",
    ]
    assert "GeheimAngebot" not in response.content.decode()
    assert "3 Angebote gefunden" in response.content.decode()


def test_microsite_directory_lists_only_the_members_own_offers(host_client, member, offers):
    response = host_client(member.hostname).get(directory_url())
    assert sorted(names_in(response)) == ["Beratung Plauen", "Jugendgruppe Plauen"]


def test_a_live_offer_with_unpublished_changes_shows_its_published_version(client, offers):
    offer = offers["beratung"]
    offer.name = "Noch nicht freigegeben"
    offer.save_revision()
    response = client.get(directory_url())
    assert "Beratung Plauen" in names_in(response)
    assert "Noch nicht freigegeben" not in response.content.decode()


def test_offers_of_a_deactivated_member_disappear(client, offers, other_member):
    from microsites.provisioning import set_member_active

    set_member_active(other_member, False)
    assert "Telefonberatung Lausitz" not in names_in(client.get(directory_url()))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bezirk=14625", ["Telefonberatung Lausitz"]),
        ("art=jugendgruppe", ["Jugendgruppe Plauen"]),
        # "alle" covers every target group.
        ("zielgruppe=trans", ["Beratung Plauen", "Telefonberatung Lausitz"]),
        ("zielgruppe=jugend", ["Beratung Plauen", "Jugendgruppe Plauen"]),
        ("barrierefrei=step_free", ["Beratung Plauen", "Jugendgruppe Plauen"]),
        ("barrierefrei=step_free&barrierefrei=accessible_toilet", ["Jugendgruppe Plauen"]),
        ("online=1", ["Telefonberatung Lausitz"]),
        ("q=vertraulich", ["Beratung Plauen"]),
        ("q=lausitz+telefon", ["Telefonberatung Lausitz"]),
        ("bezirk=14523&zielgruppe=jugend&barrierefrei=accessible_toilet", ["Jugendgruppe Plauen"]),
        ("bezirk=14612", []),
    ],
)
def test_each_filter_and_their_combination(client, offers, query, expected):
    response = client.get(f"{directory_url()}?{query}")
    assert response.status_code == 200
    assert sorted(names_in(response)) == expected


@pytest.mark.parametrize("query", ["Berater*innen", "Beraterin", "berater", "Berater:innen"])
def test_text_search_finds_gender_inclusive_forms(client, member, query):
    make_offer(member, "Peer-Beratung", description="Unsere Berater*innen hören zu.")
    make_offer(member, "Chor", kind="kultur", description="Wir singen.")
    assert names_in(client.get(directory_url(), {"q": query})) == ["Peer-Beratung"]


def test_a_query_of_only_punctuation_filters_nothing(client, offers):
    assert len(names_in(client.get(directory_url(), {"q": "*** ;--"}))) == 3


def test_bad_filter_values_give_a_message_and_keep_the_valid_filters(client, offers):
    response = client.get(f"{directory_url()}?bezirk=99999&art=jugendgruppe&q=" + "x" * 150)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'role="alert"' in body
    assert "höchstens 100 Zeichen" in body
    assert names_in(response) == ["Jugendgruppe Plauen"]


def test_null_characters_in_the_query_are_refused_politely(client, offers):
    response = client.get(f"{directory_url()}?q=a%00b")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'role="alert"' in body and "Suchbegriff:" in body
    assert len(names_in(response)) == 3


def test_the_filter_form_is_a_plain_get_form_with_labels(client, offers):
    body = client.get(directory_url()).content.decode()
    form = re.search(r'<form class="directory-filters" method="get"[^>]*>(.*?)</form>', body, re.S)
    assert form is not None
    for field_id in ("id_q", "id_bezirk", "id_art", "id_zielgruppe", "filter-online"):
        assert f'for="{field_id}"' in form.group(1)
    assert "<fieldset" in form.group(1) and "<legend>" in form.group(1)
    assert "<script" not in body.split("</head>")[1]


def test_map_has_a_link_per_district_keeping_the_other_filters(client, offers):
    body = client.get(f"{directory_url()}?art=beratung&online=1").content.decode()
    links = re.findall(r'<a href="\?([^"#]+)#ergebnisse" class="district-map__district', body)
    assert len(links) == 13
    for ars in District.objects.values_list("ars", flat=True):
        assert f"art=beratung&amp;online=1&amp;bezirk={ars}" in links or any(
            f"bezirk={ars}" in link and "art=beratung" in link and "online=1" in link
            for link in links
        )
    assert "© GeoBasis-DE / BKG 2021 (Daten verändert)" in body
    assert 'href="https://www.bkg.bund.de"' in body


def test_map_shades_and_counts_follow_the_other_filters(client, offers):
    body = client.get(f"{directory_url()}?zielgruppe=jugend").content.decode()
    plauen = re.search(
        r'class="district-map__district district-map__district--shade-(\d)"[^>]*aria-label="Vogtlandkreis: (\d+) Angebote?"',
        body,
    )
    bautzen = re.search(r'aria-label="Bautzen: (\d+) Angebote?"', body)
    assert plauen.group(2) == "2" and plauen.group(1) == "2"
    assert bautzen.group(1) == "0"
    # The text alternative: a table of districts with their counts.
    assert re.search(r"Vogtlandkreis</a></th><td>2</td>", body)
    assert re.search(r"Bautzen</a></th><td>0</td>", body)


def test_the_selected_district_is_marked_and_can_be_left(client, offers):
    body = client.get(f"{directory_url()}?bezirk={BAUTZEN}&art=beratung").content.decode()
    assert 'aria-current="true"' in body
    assert "im Kreis Bautzen" in body
    assert 'href="?art=beratung#ergebnisse"' in body


def test_pagination_keeps_the_filters(client, member):
    for number in range(23):
        make_offer(member, f"Angebot {number:02d}")
    body = client.get(f"{directory_url()}?art=beratung").content.decode()
    assert "23 Angebote gefunden" in body
    assert 'href="?art=beratung&amp;seite=2#ergebnisse"' in body
    second = client.get(f"{directory_url()}?art=beratung&seite=2")
    assert len(names_in(second)) == 3
    assert len(names_in(client.get(f"{directory_url()}?seite=abc"))) == 20


def test_english_directory_shows_translations_and_german_originals_without_twins(
    client, member, offers
):
    original = offers["beratung"]
    english = original.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Counselling Plauen"
    english.save()
    english.save_revision().publish()
    names = names_in(client.get(directory_url("en")))
    assert "Counselling Plauen" in names
    assert "Beratung Plauen" not in names
    assert "Jugendgruppe Plauen" in names  # no translation: the German original
    # A draft translation does not replace the original.
    draft = offers["jugend"].copy_for_translation(Locale.objects.get(language_code="en"))
    draft.name = "Youth group draft"
    draft.live = False
    draft.save()
    names = names_in(client.get(directory_url("en")))
    assert "Jugendgruppe Plauen" in names and "Youth group draft" not in names
    assert "Counselling Plauen" not in names_in(client.get(directory_url()))


def test_remote_offers_do_not_show_an_address(client, member):
    make_offer(member, "Chat", remote_only=True, street="Geheimweg 1", website="https://x.example")
    body = client.get(directory_url()).content.decode()
    assert "Geheimweg" not in body
    assert "online/telefonisch" in body


def test_reading_the_directory_sets_no_cookie_and_writes_nothing(client, offers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(directory_url())
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{directory_url()}?bezirk={PLAUEN}&q=beratung")
    assert not response.cookies
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


# --- Member directory ------------------------------------------------------------------------


def test_member_directory_lists_active_members_with_description_from_their_home(
    client, member, other_member
):
    from .factories import make_image

    member.logo = make_image("Logo Vogtland", collection=member.collection)
    member.save()
    home = member_homes(member)["de"]
    home.intro = "<p>Wir sind <b>queer</b> im Vogtland.</p>"
    home.save_revision().publish()
    english = member_homes(member)["en"]
    english.intro = "<p>We are queer in the Vogtland.</p>"
    english.save_revision().publish()
    make_offer(member, "Jugendgruppe", kind="jugendgruppe")
    make_offer(member, "Beratung")
    make_offer(other_member, "Entwurf", kind="kultur", publish=False)
    inactive = make_member("ruhend", name="Ruhender Verein e. V.")
    from microsites.provisioning import set_member_active

    set_member_active(inactive, False)

    body = client.get("/mitglieder/").content.decode()
    assert "Queer im Vogtland e. V." in body and "Rosa Lausitz e. V." in body
    assert "Ruhender Verein" not in body
    assert "Wir sind queer im Vogtland." in body
    cards = body.split('class="member-card"')
    vogtland = next(card for card in cards if "Queer im Vogtland e. V." in card)
    assert "<picture" in vogtland and 'alt=""' in vogtland
    assert "Beratung, Jugendgruppe" in body
    assert "Kultur" not in body.split('class="member-list"')[1]
    assert f'href="http://{member.hostname}' in body

    english_body = client.get("/en/members/").content.decode()
    assert "We are queer in the Vogtland." in english_body
    assert f"{member.hostname}:8000/en/" in english_body or f"{member.hostname}/en/" in english_body


def test_member_directory_filters_by_district_and_kind(client, member, other_member):
    make_offer(other_member, "Kultur", kind="kultur", ars=BAUTZEN)
    body = client.get(f"/mitglieder/?bezirk={BAUTZEN}").content.decode()
    assert "Rosa Lausitz e. V." in body and "Queer im Vogtland e. V." not in body
    body = client.get("/mitglieder/?art=kultur").content.decode()
    assert "Rosa Lausitz e. V." in body and "Queer im Vogtland e. V." not in body
    body = client.get(f"/mitglieder/?bezirk={PLAUEN}&art=kultur").content.decode()
    assert "0 Mitgliedsorganisationen" in body
    assert client.get("/mitglieder/?bezirk=xyz").status_code == 200


def test_the_directory_describes_its_offers_as_json_ld(client, offers):
    import json

    body = client.get(f"{directory_url()}?bezirk={PLAUEN}").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    entities = [entity for block in blocks for entity in json.loads(block).get("@graph", [])]
    entities += [json.loads(block) for block in blocks if "@graph" not in json.loads(block)]
    lists = [entity for entity in entities if entity.get("@type") == "ItemList"]
    assert len(lists) == 1
    services = [element["item"] for element in lists[0]["itemListElement"]]
    assert sorted(service["name"] for service in services) == [
        "Beratung Plauen",
        "Jugendgruppe Plauen",
    ]
    assert services[0]["areaServed"]["identifier"] == PLAUEN
    assert services[0]["provider"]["name"] == "Queer im Vogtland e. V."
