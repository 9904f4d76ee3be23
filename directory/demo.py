"""Demo offers (``seed_demo`` hook): realistic, live, spread over Saxony with a few white
spots. Idempotent: an offer is looked up by member and name before it is created."""

from wagtail.models import Locale

from districts.models import District

from .models import Offer, OpeningHours

# (member slug, name, kind, target groups, district ARS, town, street, postcode, extra)
OFFERS = [
    (
        "regenbogenhaus-dresden",
        "Queere Beratung Dresden",
        "beratung",
        ["alle"],
        "14612",
        "Dresden",
        "Prießnitzstraße 18",
        "01099",
        {
            "opening_hours": [("di", "16:00", "19:00"), ("do", "10:00", "13:00")],
            "phone": "0351 123456",
            "anonymous": True,
            "step_free": True,
            "accessible_toilet": True,
            "languages": ["de", "en"],
            "latitude": "51.06480",
            "longitude": "13.75580",
        },
    ),
    (
        "regenbogenhaus-dresden",
        "Trans*-Beratung Dresden",
        "beratung",
        ["trans", "nichtbinaer"],
        "14612",
        "Dresden",
        "Prießnitzstraße 18",
        "01099",
        {
            "opening_hours": [("mi", "15:00", "18:00")],
            "email": "trans@regenbogenhaus-dresden.example.org",
            "anonymous": True,
            "step_free": True,
            "languages": ["de", "en", "ru"],
        },
    ),
    (
        "regenbogenhaus-dresden",
        "Queerer Jugendtreff „Farbenfroh“",
        "jugendgruppe",
        ["jugend"],
        "14612",
        "Dresden",
        "Prießnitzstraße 18",
        "01099",
        {
            "opening_hours": [("fr", "17:00", "21:00")],
            "email": "jugend@regenbogenhaus-dresden.example.org",
            "step_free": True,
        },
    ),
    (
        "regenbogenhaus-dresden",
        "Regenbogenfamilien-Treff",
        "selbsthilfe",
        ["angehoerige"],
        "14612",
        "Dresden",
        "Prießnitzstraße 18",
        "01099",
        {
            "hours": "jeden 1. Samstag im Monat, 15 Uhr",
            "email": "familien@regenbogenhaus-dresden.example.org",
        },
    ),
    (
        "regenbogenhaus-dresden",
        "Fortbildung „Vielfalt in der Pflege“",
        "bildung",
        ["fachkraefte"],
        "14628",
        "Pirna",
        "Am Markt 3",
        "01796",
        {"hours": "nach Vereinbarung", "email": "bildung@regenbogenhaus-dresden.example.org"},
    ),
    (
        "regenbogenhaus-dresden",
        "Queeres Kino in der Sächsischen Schweiz",
        "kultur",
        ["alle"],
        "14628",
        "Pirna",
        "Dohnaische Straße 20",
        "01796",
        {
            "hours": "monatlich, Termine auf der Website",
            "website": "https://regenbogenhaus-dresden.example.org/kino/",
            "step_free": True,
        },
    ),
    (
        "regenbogenhaus-dresden",
        "Queere Ältere Dresden",
        "treffpunkt",
        ["aeltere"],
        "14612",
        "Dresden",
        "Prießnitzstraße 18",
        "01099",
        {
            "opening_hours": [("mi", "14:00", "16:00")],
            "phone": "0351 123457",
            "step_free": True,
            "accessible_toilet": True,
            "hearing_loop": True,
        },
    ),
    (
        "queer-vogtland",
        "Beratung Queer im Vogtland",
        "beratung",
        ["alle"],
        "14523",
        "Plauen",
        "Bahnhofstraße 12",
        "08523",
        {
            "opening_hours": [("mo", "17:00", "19:00")],
            "hours": "auch nach Vereinbarung",
            "phone": "03741 55555",
            "anonymous": True,
            "languages": ["de", "cs"],
            "latitude": "50.49520",
            "longitude": "12.13702",
        },
    ),
    (
        "queer-vogtland",
        "Queerer Stammtisch Auerbach",
        "treffpunkt",
        ["alle"],
        "14523",
        "Auerbach/Vogtl.",
        "",
        "",
        {"hours": "jeden 3. Donnerstag, 19 Uhr", "email": "stammtisch@queer-vogtland.example.org"},
    ),
    (
        "queer-vogtland",
        "Jugendgruppe „Queer Youth Vogtland“",
        "jugendgruppe",
        ["jugend"],
        "14523",
        "Plauen",
        "Bahnhofstraße 12",
        "08523",
        {"opening_hours": [("sa", "14:00", "17:00")], "email": "jugend@queer-vogtland.example.org"},
    ),
    (
        "queer-vogtland",
        "Queerer Treff Zwickau",
        "treffpunkt",
        ["alle"],
        "14524",
        "Zwickau",
        "Innere Plauensche Straße 8",
        "08056",
        {
            "opening_hours": [("do", "18:00", "21:00")],
            "email": "zwickau@queer-vogtland.example.org",
            "step_free": True,
        },
    ),
    (
        "rosa-lausitz",
        "Beratung Rosa Lausitz",
        "beratung",
        ["alle"],
        "14625",
        "Bautzen",
        "Reichenstraße 5",
        "02625",
        {
            "opening_hours": [("di", "15:00", "18:00")],
            "phone": "03591 44444",
            "anonymous": True,
            "languages": ["de", "pl"],
        },
    ),
    (
        "rosa-lausitz",
        "Lesben*treff Oberlausitz",
        "selbsthilfe",
        ["lesbisch"],
        "14626",
        "Görlitz",
        "Berliner Straße 20",
        "02826",
        {"hours": "jeden 2. Freitag, 19 Uhr", "email": "lesben@rosa-lausitz.example.org"},
    ),
    (
        "rosa-lausitz",
        "Queer in Zittau",
        "treffpunkt",
        ["alle"],
        "14626",
        "Zittau",
        "",
        "",
        {"hours": "monatlich, Termine auf Anfrage", "email": "zittau@rosa-lausitz.example.org"},
    ),
    (
        "rosa-lausitz",
        "Trans*-Selbsthilfe Lausitz",
        "selbsthilfe",
        ["trans", "inter", "nichtbinaer"],
        "14625",
        "Hoyerswerda",
        "",
        "",
        {"hours": "jeden letzten Mittwoch, 18 Uhr", "email": "trans@rosa-lausitz.example.org"},
    ),
    (
        "rosa-lausitz",
        "Queere Beratung am Telefon (sorbisch und deutsch)",
        "beratung",
        ["alle"],
        "14625",
        "Bautzen",
        "",
        "",
        {
            "remote_only": True,
            "opening_hours": [
                ("mo", "10:00", "12:00"),
                ("di", "10:00", "12:00"),
                ("mi", "10:00", "12:00"),
                ("do", "10:00", "12:00"),
                ("fr", "10:00", "12:00"),
            ],
            "phone": "03591 44445",
            "anonymous": True,
        },
    ),
    (
        "aidshilfe-muldental",
        "HIV- und STI-Test Grimma",
        "gesundheit",
        ["alle"],
        "14729",
        "Grimma",
        "Lange Straße 30",
        "04668",
        {
            "opening_hours": [("mi", "16:00", "19:00")],
            "phone": "03437 77777",
            "anonymous": True,
            "step_free": True,
            "accessible_toilet": True,
        },
    ),
    (
        "aidshilfe-muldental",
        "Testangebot Leipzig-Ost",
        "gesundheit",
        ["schwul", "bi", "trans"],
        "14713",
        "Leipzig",
        "Eisenbahnstraße 66",
        "04315",
        {
            "opening_hours": [("do", "17:00", "20:00")],
            "email": "test@aidshilfe-muldental.example.org",
            "anonymous": True,
            "languages": ["de", "en", "ar", "fa"],
        },
    ),
    (
        "aidshilfe-muldental",
        "Präventionsworkshops für Schulen",
        "bildung",
        ["fachkraefte", "jugend"],
        "14729",
        "Borna",
        "",
        "",
        {"hours": "nach Vereinbarung", "email": "praevention@aidshilfe-muldental.example.org"},
    ),
    (
        "aidshilfe-muldental",
        "Online-Beratung zu HIV und PrEP",
        "beratung",
        ["alle"],
        "14729",
        "Grimma",
        "",
        "",
        {
            "remote_only": True,
            "website": "https://aidshilfe-muldental.example.org/online-beratung/",
            "anonymous": True,
            "languages": ["de", "en", "uk"],
        },
    ),
    (
        "aidshilfe-muldental",
        "Queerer Chor Leipzig",
        "kultur",
        ["alle"],
        "14713",
        "Leipzig",
        "Karl-Liebknecht-Straße 45",
        "04275",
        {
            "opening_hours": [("mo", "19:00", "21:00")],
            "email": "chor@aidshilfe-muldental.example.org",
            "step_free": True,
        },
    ),
    (
        "csd-erzgebirge",
        "Queerer Treff Annaberg",
        "treffpunkt",
        ["alle"],
        "14521",
        "Annaberg-Buchholz",
        "Große Kirchgasse 7",
        "09456",
        {"hours": "jeden 1. Freitag, 19 Uhr", "email": "treff@csd-erzgebirge.example.org"},
    ),
    (
        "csd-erzgebirge",
        "Elterngruppe Erzgebirge",
        "selbsthilfe",
        ["angehoerige"],
        "14521",
        "Aue-Bad Schlema",
        "",
        "",
        {"hours": "alle zwei Monate, Termine auf Anfrage", "phone": "03733 22222"},
    ),
    (
        "csd-erzgebirge",
        "Queer durchs Gebirge – Wandergruppe",
        "kultur",
        ["alle"],
        "14522",
        "Freiberg",
        "",
        "",
        {"hours": "monatlich sonntags", "email": "wandern@csd-erzgebirge.example.org"},
    ),
    (
        "queere-jugend-chemnitz",
        "Queere Jugendgruppe Chemnitz",
        "jugendgruppe",
        ["jugend"],
        "14511",
        "Chemnitz",
        "Brückenstraße 10",
        "09111",
        {
            "opening_hours": [("mi", "16:00", "20:00")],
            "email": "gruppe@queere-jugend-chemnitz.example.org",
            "step_free": True,
            "accessible_toilet": True,
            "latitude": "50.83570",
            "longitude": "12.92330",
        },
    ),
    (
        "queere-jugend-chemnitz",
        "Beratung für junge Queers",
        "beratung",
        ["jugend", "trans", "nichtbinaer"],
        "14511",
        "Chemnitz",
        "Brückenstraße 10",
        "09111",
        {
            "opening_hours": [("di", "15:00", "18:00")],
            "phone": "0371 99999",
            "anonymous": True,
            "languages": ["de", "en"],
        },
    ),
    (
        "queere-jugend-chemnitz",
        "Chat-Beratung für Jugendliche",
        "beratung",
        ["jugend"],
        "14511",
        "Chemnitz",
        "",
        "",
        {
            "remote_only": True,
            "website": "https://queere-jugend-chemnitz.example.org/chat/",
            "opening_hours": [("mo", "18:00", "21:00"), ("do", "18:00", "21:00")],
            "anonymous": True,
        },
    ),
    (
        "queere-jugend-chemnitz",
        "Jugendtreff Mittweida",
        "jugendgruppe",
        ["jugend"],
        "14522",
        "Mittweida",
        "Markt 1",
        "09648",
        {
            "opening_hours": [("sa", "15:00", "18:00")],
            "email": "mittweida@queere-jugend-chemnitz.example.org",
        },
    ),
    (
        "transnetz-nordsachsen",
        "Trans*-Beratung Nordsachsen",
        "beratung",
        ["trans", "nichtbinaer", "inter"],
        "14730",
        "Torgau",
        "Leipziger Straße 4",
        "04860",
        {
            "opening_hours": [("do", "14:00", "18:00")],
            "phone": "03421 33333",
            "anonymous": True,
            "step_free": True,
        },
    ),
    (
        "transnetz-nordsachsen",
        "Selbsthilfegruppe trans* Delitzsch",
        "selbsthilfe",
        ["trans"],
        "14730",
        "Delitzsch",
        "",
        "",
        {
            "hours": "jeden 2. Dienstag, 18:30 Uhr",
            "email": "delitzsch@transnetz-nordsachsen.example.org",
        },
    ),
    (
        "transnetz-nordsachsen",
        "Trans*-Beratung per Video",
        "beratung",
        ["trans", "angehoerige"],
        "14730",
        "Torgau",
        "",
        "",
        {
            "remote_only": True,
            "website": "https://transnetz-nordsachsen.example.org/video/",
            "hours": "nach Vereinbarung",
            "languages": ["de", "en", "dgs"],
        },
    ),
]

# German name -> English name and description of the offers that have an English translation.
ENGLISH = {
    "Queere Beratung Dresden": (
        "Queer counselling Dresden",
        "Counselling for all queer people and their families, in person or by phone.",
    ),
    "Testangebot Leipzig-Ost": (
        "Testing service Leipzig East",
        "Anonymous HIV and STI tests; advice in several languages.",
    ),
    "Online-Beratung zu HIV und PrEP": (
        "Online counselling on HIV and PrEP",
        "Anonymous counselling by e-mail and chat.",
    ),
    "Trans*-Beratung per Video": (
        "Trans* counselling by video call",
        "Peer counselling for trans* people and their families.",
    ),
}

DESCRIPTIONS = {
    "beratung": "Vertrauliche Beratung durch geschulte Berater*innen, auf Wunsch anonym.",
    "selbsthilfe": "Austausch auf Augenhöhe in einer offenen Gruppe.",
    "jugendgruppe": "Ein sicherer Ort für queere Jugendliche zwischen 14 und 27 Jahren.",
    "bildung": "Workshops und Fortbildungen zu geschlechtlicher und sexueller Vielfalt.",
    "gesundheit": "Tests und Beratung zu HIV und anderen sexuell übertragbaren Infektionen.",
    "kultur": "Gemeinsam Kultur erleben und gestalten.",
    "treffpunkt": "Offener Treff zum Kennenlernen und Austauschen.",
}


WEEKDAYS = {"mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6}
# Notes on hours of the offers that have an English translation.
ENGLISH_NOTES = {"nach Vereinbarung": "by appointment"}


def _opening_hours(rows):
    return [
        OpeningHours(weekday=WEEKDAYS[day], opens=opens, closes=closes)
        for day, opens, closes in rows
    ]


def _publish(offer):
    offer.save()
    offer.save_revision().publish()


def seed_offers(context):
    de = Locale.objects.get(language_code="de")
    en = Locale.objects.get(language_code="en")
    districts = {district.ars: district for district in District.objects.all()}
    created = 0
    for slug, name, kind, groups, ars, town, street, postcode, extra in OFFERS:
        member = context.members.get(slug)
        if member is None:
            continue
        offer = Offer.objects.filter(member=member, locale=de, name=name).first()
        if offer is None:
            extra = dict(extra)
            rows = extra.pop("opening_hours", [])
            offer = Offer(
                member=member,
                locale=de,
                name=name,
                kind=kind,
                description=DESCRIPTIONS.get(kind, ""),
                target_groups=groups,
                district=districts[ars],
                town=town,
                street=street,
                postcode=postcode,
                **extra,
            )
            offer.opening_hours = _opening_hours(rows)
            offer.full_clean()
            _publish(offer)
            created += 1
        if (
            name in ENGLISH
            and not Offer.objects.filter(translation_key=offer.translation_key, locale=en).exists()
        ):
            english_name, english_description = ENGLISH[name]
            translation = offer.copy_for_translation(en)
            translation.name = english_name
            translation.description = english_description
            translation.hours = ENGLISH_NOTES.get(offer.hours, offer.hours)
            _publish(translation)
            created += 1
    if created:
        context.log(f"Angebote: {created} angelegt")
