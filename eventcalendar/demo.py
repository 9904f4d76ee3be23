"""Demo events (``seed_demo`` hook): a few events on every demo site – monthly and weekly
series, all-day, online and hybrid events, some shared with the network – dated relative to the
day of seeding so that the calendar always has something upcoming. Idempotent: looks up by slug."""

from datetime import datetime, time, timedelta

from districts.models import District

from .models import EventIndexPage, EventPage
from .recurrence import BERLIN

ACCESSIBLE = (
    "Ebenerdiger Zugang, barrierefreie Toilette. Sagt uns gern vorher Bescheid, was ihr braucht."
)
ACCESSIBLE_EN = "Step-free access, accessible toilet. Tell us beforehand what you need."


def _at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


# Each member's monthly meet-up on its own weekday and hour, as real groups do: the network
# calendar then shows one meet-up on a day, not seven on the same evening.
MEETUP_OFFSETS = {
    "regenbogenhaus-dresden": (0, 19),
    "queer-vogtland": (1, 18),
    "rosa-lausitz": (2, 19),
    "aidshilfe-muldental": (3, 18),
    "csd-erzgebirge": (4, 19),
    "queere-jugend-chemnitz": (5, 17),
    "transnetz-nordsachsen": (6, 18),
}


def _events_for(slug, town, district, today):
    """(slug, German fields, English fields or None) for one site."""
    soon = today + timedelta(days=9)
    offset, hour = MEETUP_OFFSETS.get(slug, (0, 19))
    meetup = today - timedelta(days=20 - offset)
    events = [
        (
            "offener-treff",
            {
                "title": f"Offener Treff in {town}",
                "teaser": "Jeden Monat: ankommen, quatschen, Leute kennenlernen – ohne Anmeldung.",
                "kind": "begegnung",
                "start": _at(meetup, hour),
                "end": _at(meetup, hour + 3),
                "recurrence": "monthly-weekday",
                "venue": "Vereinsräume",
                "town": town,
                "district": district,
                "accessibility": ACCESSIBLE,
                "show_in_network": True,
            },
            {
                "title": f"Open meet-up in {town}",
                "teaser": "Every month: drop in, chat, meet people – no registration needed.",
                "accessibility": ACCESSIBLE_EN,
            },
        ),
        (
            "beratungsnachmittag",
            {
                "title": "Beratungsnachmittag",
                "teaser": "Vertrauliche Beratung zu Coming-out, Familie und Diskriminierung.",
                "kind": "beratung",
                "start": _at(soon, 15),
                "end": _at(soon, 18),
                "venue": "Beratungsstelle",
                "town": town,
                "district": district,
                "registration": "formular",
                "accessibility": ACCESSIBLE,
            },
            None,
        ),
        (
            "online-austausch-eltern",
            {
                "title": "Online-Austausch für Eltern und Angehörige",
                "teaser": "Eltern queerer Kinder tauschen sich aus. Den Zugang gibt es nach der Anmeldung.",
                "kind": "selbsthilfe",
                "start": _at(today + timedelta(days=16), 20),
                "end": _at(today + timedelta(days=16), 21, 30),
                "attendance": "online",
                "registration": "link",
                "registration_url": f"https://{slug}.example.org/anmeldung",
                "show_in_network": slug in ("queer-vogtland", "rosa-lausitz"),
            },
            {
                "title": "Online exchange for parents and relatives",
                "teaser": "Parents of queer children share experiences. Access after registration.",
            },
        ),
        (
            "lesung-und-gespraech",
            {
                "title": "Lesung und Gespräch",
                "teaser": "Eine Autorin liest aus ihrem Buch über das Aufwachsen als trans* Mädchen.",
                "kind": "kultur",
                "start": _at(today - timedelta(days=30), 19, 30),
                "end": _at(today - timedelta(days=30), 21),
                "venue": "Stadtbibliothek",
                "town": town,
                "district": district,
                "is_free": False,
                "price": "5.00",
                "price_note": "ermäßigt 3 €, niemand wird wegen fehlenden Geldes abgewiesen",
                "content_notes": "Im Text geht es um Transfeindlichkeit und Gewalt in der Familie.",
            },
            None,
        ),
    ]
    if slug == "csd-erzgebirge":
        day = today + timedelta(days=40)
        events.append(
            (
                "csd-erzgebirge",
                {
                    "title": "CSD Erzgebirge",
                    "teaser": "Demo und Straßenfest für Vielfalt im Erzgebirge – zwei Tage lang.",
                    "kind": "demo",
                    "start": _at(day, 0),
                    "end": _at(day + timedelta(days=1), 0),
                    "all_day": True,
                    "venue": "Markt",
                    "town": town,
                    "district": district,
                    "accessibility": "Demo-Route ohne Stufen; Ruhezone am Infostand.",
                    "show_in_network": True,
                },
                {
                    "title": "Pride Erzgebirge",
                    "teaser": "Demonstration and street party for diversity – two days.",
                },
            )
        )
    if slug == "queere-jugend-chemnitz":
        events.append(
            (
                "jugendgruppe",
                {
                    "title": "Queere Jugendgruppe (14–21)",
                    "teaser": "Jeden Dienstag für queere Jugendliche: spielen, reden, Pläne schmieden.",
                    "kind": "jugendgruppe",
                    "start": _at(today - timedelta(days=today.weekday() - 1 + 7), 17),
                    "end": _at(today - timedelta(days=today.weekday() - 1 + 7), 19),
                    "recurrence": "weekly",
                    # A holiday: one date of the series is cancelled.
                    "cancelled_dates": (
                        today - timedelta(days=today.weekday() - 1 + 7) + timedelta(days=21)
                    ).isoformat(),
                    "venue": "Jugendhaus",
                    "town": town,
                    "district": district,
                    "accessibility": ACCESSIBLE,
                    "show_in_network": True,
                },
                {
                    "title": "Queer youth group (14–21)",
                    "teaser": "Every Tuesday for queer young people: games, talks, plans.",
                    "accessibility": ACCESSIBLE_EN,
                },
            )
        )
    return events


def _umbrella_events(today):
    dresden = District.objects.get(ars="14612")
    day = today + timedelta(days=25)
    return [
        (
            "fachtag-queere-jugendarbeit",
            {
                "title": "Fachtag Queere Jugendarbeit",
                "teaser": "Ein Tag für Fachkräfte der Jugendhilfe: Input, Workshops, Vernetzung.",
                "kind": "bildung",
                "start": _at(day, 0),
                "end": _at(day, 0),
                "all_day": True,
                "venue": "Haus der Begegnung",
                "town": "Dresden",
                "district": dresden,
                "registration": "formular",
                "accessibility": "Rollstuhlgerecht, Gebärdensprachdolmetschung auf Anfrage.",
            },
            {
                "title": "Symposium on queer youth work",
                "teaser": "A day for youth workers: talks, workshops, networking.",
                "accessibility": "Wheelchair accessible, sign language interpreting on request.",
            },
        ),
        (
            "netzwerktreffen",
            {
                "title": "Netzwerktreffen der Mitglieder",
                "teaser": "Alle zwei Monate online: Neues aus den Vereinen und gemeinsame Vorhaben.",
                "kind": "sonstiges",
                "start": _at(today + timedelta(days=5), 18),
                "end": _at(today + timedelta(days=5), 20),
                "recurrence": "monthly-day",
                "recurrence_interval": 2,
                "recurrence_count": 6,
                "attendance": "online",
                "online_url": "https://treffen.example.org/lag-netzwerk",
            },
            None,
        ),
    ]


def _ensure(index, slug, fields, translated_index=None, english=None):
    page = EventPage.objects.child_of(index).filter(slug=slug).first()
    created = page is None
    if created:
        page = EventPage(slug=slug, locale=index.locale, **fields)
        index.add_child(instance=page)
        page.save_revision().publish()
    if english and translated_index is not None:
        exists = EventPage.objects.filter(
            translation_key=page.translation_key, locale=translated_index.locale
        ).exists()
        if not exists:
            translation = EventPage(
                slug=slug,
                locale=translated_index.locale,
                translation_key=page.translation_key,
                **{**fields, **english},
            )
            translated_index.add_child(instance=translation)
            translation.save_revision().publish()
    return page, created


def _seed_site(context, homes, specs):
    indexes = {code: EventIndexPage.objects.child_of(home).first() for code, home in homes.items()}
    if indexes.get("de") is None:
        return
    for slug, fields, english in specs:
        fields.setdefault("attendance", "vor-ort")
        page, created = _ensure(indexes["de"], slug, fields, indexes.get("en"), english)
        if created:
            context.log(f"Veranstaltung: {page.title}")


def seed(context):
    today = context.today
    _seed_site(context, context.umbrella, _umbrella_events(today))
    for member in context.members.values():
        specs = _events_for(member.slug, member.town, member.district, today)
        _seed_site(context, context.homes(member), specs)
