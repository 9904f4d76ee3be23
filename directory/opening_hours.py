"""Opening hours of offers as data: weekday, opening and closing time.

Times are wall-clock times in Saxony (Europe/Berlin). From the rows come the reader's text in
each language ("Di 16–19 Uhr" / "Tue 16:00–19:00"), schema.org ``OpeningHoursSpecification``
and whether an offer is open at a given moment. ``parse_hours`` turns the free text that came
before ("Di 16–19 Uhr, Do 10–13 Uhr und nach Vereinbarung") into rows plus a remaining note.
"""

import re
from dataclasses import dataclass
from datetime import time
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

BERLIN = ZoneInfo("Europe/Berlin")
SCHEMA_DAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
GERMAN_DAYS = {"mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6}


def weekday_choices():
    """(0, "Montag") … (6, "Sonntag"), labels in the active language (Django's own names)."""
    return [(number, WEEKDAYS[number]) for number in range(7)]


@dataclass(frozen=True)
class Slot:
    weekday: int
    opens: time
    closes: time


def slots_of(offer):
    """The offer's rows as sorted ``Slot`` values (uses prefetched or in-memory rows)."""
    return sorted(
        (Slot(row.weekday, row.opens, row.closes) for row in offer.opening_hours.all()),
        key=lambda slot: (slot.weekday, slot.opens),
    )


def _clock(value, language_code):
    if language_code == "de":
        return f"{value.hour}" if value.minute == 0 else f"{value.hour}:{value.minute:02d}"
    return f"{value.hour:02d}:{value.minute:02d}"


def _day_list(days):
    """Abbreviated day names; three or more consecutive days as a range (Mo–Fr)."""
    names = []
    run = []
    for day in days + [None]:
        if run and (day is None or day != run[-1] + 1):
            if len(run) >= 3:
                names.append(f"{WEEKDAYS_ABBR[run[0]]}–{WEEKDAYS_ABBR[run[-1]]}")
            else:
                names.extend(str(WEEKDAYS_ABBR[number]) for number in run)
            run = []
        if day is not None:
            run.append(day)
    return ", ".join(names)


def lines(slots, language_code=None):
    """The reader's text, one line per distinct time range, days with the same times joined:
    German ``Di, Do 16–19 Uhr``, English ``Tue, Thu 16:00–19:00``."""
    language_code = language_code or translation.get_language() or "de"
    by_range = {}
    for slot in slots:
        by_range.setdefault((slot.opens, slot.closes), []).append(slot.weekday)
    ordered = sorted(by_range.items(), key=lambda item: (min(item[1]), item[0]))
    result = []
    with translation.override(language_code):
        for (opens, closes), days in ordered:
            days = sorted(set(days))
            span = f"{_clock(opens, language_code)}–{_clock(closes, language_code)}"
            suffix = " Uhr" if language_code == "de" else ""
            result.append(f"{_day_list(days)} {span}{suffix}")
    return result


def is_open(slots, moment=None):
    """Whether one of the slots covers ``moment`` (default: now), taken in Berlin time."""
    local = timezone.localtime(moment or timezone.now(), BERLIN)
    now = local.time().replace(tzinfo=None)
    return any(
        slot.weekday == local.weekday() and slot.opens <= now < slot.closes for slot in slots
    )


def berlin_now(moment=None):
    """Weekday and wall-clock time in Saxony (for the "open now" filter in the database)."""
    local = timezone.localtime(moment or timezone.now(), BERLIN)
    return local.weekday(), local.time().replace(tzinfo=None, microsecond=0)


def specifications(slots):
    """schema.org ``OpeningHoursSpecification`` objects (times as ``HH:MM``, never localised)."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[slot.weekday]}",
            "opens": slot.opens.strftime("%H:%M"),
            "closes": slot.closes.strftime("%H:%M"),
        }
        for slot in slots
    ]


# --- Reading the former free text ---------------------------------------------------------

_DAY = r"(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?"
_DAYS = rf"{_DAY}(?:\s*[–-]\s*{_DAY})?(?:\s*(?:,|und|u\.|/)\s*{_DAY}(?:\s*[–-]\s*{_DAY})?)*"
_TIME = r"\d{1,2}(?:[:.]\d{2})?"
CLAUSE = re.compile(
    rf"^(?P<days>{_DAYS})\s*,?\s+(?P<opens>{_TIME})\s*(?:[–-]|bis)\s*(?P<closes>{_TIME})\s*(?:Uhr)?$",
    re.IGNORECASE,
)
DAYS_ONLY = re.compile(rf"^{_DAYS}$", re.IGNORECASE)
DAY_TOKEN = re.compile(rf"({_DAY})(?:\s*[–-]\s*({_DAY}))?", re.IGNORECASE)


def _time(text):
    hour, _sep, minute = text.replace(".", ":").partition(":")
    hour, minute = int(hour), int(minute or 0)
    if hour == 24 and minute == 0:
        return time(23, 59)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _days(text):
    days = []
    for first, last in DAY_TOKEN.findall(text):
        start = GERMAN_DAYS[first.rstrip(".").lower()]
        end = GERMAN_DAYS[last.rstrip(".").lower()] if last else start
        if end < start:
            return []
        days.extend(range(start, end + 1))
    return days


def parse_hours(text):
    """(slots, note): the rows that the text states clearly, and what is left of it.

    Only plain "days times" clauses become rows (``Di 16–19 Uhr``, ``Mo–Fr 10–12 Uhr``,
    ``Mo und Do 18–21 Uhr``); anything else ("nach Vereinbarung", "jeden 1. Samstag") stays
    text, so nothing the editors wrote is lost."""
    clauses = [part.strip() for part in re.split(r",|\bund\b|;|\n", text or "") if part.strip()]
    slots = []
    rest = []
    pending_days = ""
    for clause in clauses:
        candidate = f"{pending_days}, {clause}" if pending_days else clause
        if DAYS_ONLY.match(clause):
            pending_days = candidate
            continue
        match = CLAUSE.match(candidate)
        opens = closes = None
        if match:
            opens, closes = _time(match["opens"]), _time(match["closes"])
        days = _days(match["days"]) if match else []
        if match and days and opens and closes and opens < closes:
            slots.extend(Slot(day, opens, closes) for day in days)
        else:
            rest.append(candidate)
        pending_days = ""
    if pending_days:
        rest.append(pending_days)
    if not slots:
        return [], (text or "").strip()
    return slots, ", ".join(rest)
