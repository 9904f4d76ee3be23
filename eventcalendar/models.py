from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BaseStreamBlock
from home.models import BasePage, LeadImageMixin, SyndicatedPageMixin
from home.query_state import without_aliases

from .choices import Attendance, EventKind, Registration
from .recurrence import (
    MAX_COUNT,
    WEEKDAYS,
    Recurrence,
    Schedule,
    is_last_weekday,
    local,
    parse_dates,
)


class EventPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The dates deliberately have no callable default (news.models.NewsPageForm explains the
        # pitfall: a hidden initial value the panels never render makes every save look like a
        # change and restarts the approval). This keeps it so if a default is ever added.
        for name in ("start", "end", "recurrence_until"):
            if name in self.fields:
                self.fields[name].show_hidden_initial = False


class EventIndexPage(BasePage):
    """The events section of a site (Veranstaltungen): upcoming and past events, a month view,
    filters; on the umbrella site the network calendar with the members' shared events."""

    intro = models.TextField(_("Einleitung"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage", "microsites.MicrositeHomePage"]
    subpage_types = ["eventcalendar.EventPage"]
    max_count_per_parent = 1
    template = "eventcalendar/event_index_page.html"

    class Meta:
        verbose_name = _("Veranstaltungsübersicht")
        verbose_name_plural = _("Veranstaltungsübersichten")

    def get_context(self, request, *args, **kwargs):
        from .views import calendar_context

        context = super().get_context(request, *args, **kwargs)
        context.update(calendar_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        # The calendar once called the district filter ``kreis``; old links lead to ``bezirk``.
        renamed = without_aliases(request)
        if renamed is not None:
            return HttpResponsePermanentRedirect(renamed)
        response = super().serve(request, *args, **kwargs)
        # Bad filter values are the reader's mistake: say so with a 400, never a 500.
        errors = getattr(response, "context_data", {}).get("filter_errors")
        if errors:
            response.status_code = 400
        return response


class EventPage(LeadImageMixin, SyndicatedPageMixin, BasePage):
    """One event, or a series of dates repeating weekly or monthly."""

    kind = models.CharField(
        _("Art"), max_length=20, choices=EventKind.choices, default=EventKind.OTHER
    )
    teaser = models.TextField(
        _("Anreißer"),
        max_length=400,
        help_text=_("Zwei, drei Sätze für Übersichten, Kalender und Suchergebnisse."),
    )

    start = models.DateTimeField(
        _("Beginn"), help_text=_("Datum und Uhrzeit in deutscher Zeit (Europe/Berlin).")
    )
    end = models.DateTimeField(
        _("Ende"),
        null=True,
        blank=True,
        help_text=_(
            "Leer lassen, wenn es kein festes Ende gibt. Bei mehrtägigen Veranstaltungen der letzte Tag."
        ),
    )
    all_day = models.BooleanField(
        _("ganztägig"),
        default=False,
        help_text=_("Dann zählen nur die Tage, die Uhrzeiten werden nicht gezeigt."),
    )
    recurrence = models.CharField(
        _("Wiederholung"),
        max_length=20,
        choices=Recurrence.choices,
        default=Recurrence.NONE,
        blank=True,
        help_text=_(
            "Monatlich am selben Wochentag richtet sich nach dem ersten Termin: beginnt die Reihe "
            "am 2. Donnerstag eines Monats, findet sie jeden 2. Donnerstag statt (am 5. Wochentag: "
            "jeden letzten)."
        ),
    )
    recurrence_interval = models.PositiveSmallIntegerField(
        _("Abstand"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 = jede Woche bzw. jeden Monat, 2 = jede zweite …"),
    )
    recurrence_until = models.DateField(
        _("Wiederholen bis"),
        null=True,
        blank=True,
        help_text=_("Letzter möglicher Tag der Reihe (einschließlich)."),
    )
    recurrence_count = models.PositiveSmallIntegerField(
        _("Anzahl der Termine"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_COUNT)],
        help_text=_("Statt eines Enddatums: wie viele Termine die Reihe hat."),
    )
    cancelled_dates = models.TextField(
        _("Ausfallende Termine"),
        blank=True,
        max_length=2000,
        help_text=_(
            "Tage, an denen ein Termin der Reihe ausfällt, z. B. „24.12.2026, 31.12.2026“."
        ),
    )
    # When the last date ends (empty: a series without end); computed on save, so that lists
    # can ask the database for upcoming and past events.
    series_end = models.DateTimeField(_("Ende der Reihe"), null=True, editable=False, db_index=True)

    attendance = models.CharField(
        _("Teilnahme"), max_length=10, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    venue = models.CharField(_("Veranstaltungsort"), max_length=200, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    town = models.CharField(_("Ort"), max_length=100, blank=True)
    district = models.ForeignKey(
        "districts.District",
        verbose_name=_("Kreis"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    online_url = models.URLField(
        _("Link zur Online-Veranstaltung"),
        blank=True,
        help_text=_(
            "Wird öffentlich gezeigt. Soll der Link nicht öffentlich sein, eine Anmeldung verlangen."
        ),
    )

    registration = models.CharField(
        _("Anmeldung"), max_length=10, choices=Registration.choices, default="", blank=True
    )
    registration_url = models.URLField(_("Link zur Anmeldung"), blank=True)
    is_free = models.BooleanField(_("kostenlos"), default=True)
    price = models.DecimalField(
        _("Preis in Euro"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    price_note = models.CharField(
        _("Hinweis zum Preis"),
        max_length=200,
        blank=True,
        help_text=_("Z. B. „ermäßigt 3 €, niemand wird wegen fehlenden Geldes abgewiesen“."),
    )
    accessibility = models.TextField(
        _("Barrierefreiheit"),
        blank=True,
        max_length=1000,
        help_text=_(
            "Zugang, Rollstuhl, Toiletten, Gebärdensprache, Ruheraum … und wen man fragen kann."
        ),
    )
    content_notes = models.TextField(
        _("Inhaltshinweise"),
        blank=True,
        max_length=1000,
        help_text=_(
            "Themen, auf die sich Menschen vorbereiten möchten (z. B. Gewalt, Diskriminierung). Wird vor dem Text gezeigt."
        ),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("recurrence"), FieldPanel("recurrence_interval")]),
                FieldRowPanel([FieldPanel("recurrence_until"), FieldPanel("recurrence_count")]),
                FieldPanel("cancelled_dates"),
            ],
            _("Termin"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
                FieldPanel("district"),
                FieldPanel("online_url"),
            ],
            pgettext_lazy("Veranstaltung", "Ort"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldPanel("registration_url"),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldPanel("price_note"),
            ],
            _("Anmeldung und Preis"),
        ),
        FieldPanel("accessibility"),
        FieldPanel("content_notes"),
        LeadImageMixin.lead_image_panel(),
        FieldPanel("body"),
    ]
    settings_panels = BasePage.settings_panels + [FieldPanel("show_in_network")]
    search_fields = BasePage.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("venue"),
        index.SearchField("town"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
        index.FilterField("series_end"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("teaser"),
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("recurrence"),
        APIField("recurrence_interval"),
        APIField("recurrence_until"),
        APIField("recurrence_count"),
        APIField("cancelled_days"),
        APIField("series_end"),
        APIField("attendance"),
        APIField("venue"),
        APIField("street"),
        APIField("postcode"),
        APIField("town"),
        APIField("district_ars"),
        APIField("online_url"),
        APIField("registration"),
        APIField("registration_url"),
        APIField("is_free"),
        APIField("price"),
        APIField("price_note"),
        APIField("accessibility"),
        APIField("content_notes"),
        APIField("show_in_network"),
        APIField("body"),
    ]

    # Dates and addresses are the same in every language (wagtail-localize).
    override_translatable_fields = [
        SynchronizedField("cancelled_dates"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
    ]

    parent_page_types = ["eventcalendar.EventIndexPage"]
    subpage_types = []
    template = "eventcalendar/event_page.html"
    base_form_class = EventPageForm

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    # --- dates ---------------------------------------------------------------------------

    @property
    def schedule(self):
        return Schedule.of(self)

    @property
    def first_occurrence(self):
        schedule = self.schedule
        return schedule.occurrences(self, schedule.first_start, schedule.first_end, limit=1)[0]

    @property
    def recurrence_text(self):
        return self.schedule.describe()

    @property
    def cancelled_days(self):
        """The cancelled dates of a series as ISO dates (for the API)."""
        return [day.isoformat() for day in self.schedule.cancelled]

    @property
    def district_ars(self):
        return self.district.ars if self.district_id else None

    @property
    def is_online(self):
        return self.attendance in (Attendance.ONLINE, Attendance.HYBRID)

    @property
    def is_in_person(self):
        return self.attendance in (Attendance.IN_PERSON, Attendance.HYBRID)

    @property
    def listing_image(self):
        return self.social_image or self.lead_image

    def get_context(self, request, *args, **kwargs):
        from .views import event_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(self, request))
        return context

    def clean(self):
        super().clean()
        errors = {}
        if not self.recurrence:
            self.recurrence_until = None
            self.recurrence_count = None
            self.recurrence_interval = 1
            self.cancelled_dates = ""
        cancelled, wrong = parse_dates(self.cancelled_dates)
        if wrong:
            errors["cancelled_dates"] = _(
                "Kein Datum: %(words)s. Bitte im Format TT.MM.JJJJ angeben."
            ) % {"words": ", ".join(wrong[:5])}
        elif cancelled and self.start:
            schedule = Schedule.of(self)
            missing = [day for day in cancelled if not schedule.has_date_on(day)]
            if missing:
                errors["cancelled_dates"] = _(
                    "An diesen Tagen hat die Reihe keinen Termin: %(days)s."
                ) % {"days": ", ".join(day.strftime("%d.%m.%Y") for day in missing[:5])}
            else:
                self.cancelled_dates = ", ".join(day.strftime("%d.%m.%Y") for day in cancelled)
        if self.start:
            start_day = local(self.start).date()
            if self.end:
                if self.all_day and local(self.end).date() < start_day:
                    errors["end"] = _("Der letzte Tag darf nicht vor dem ersten liegen.")
                elif not self.all_day and self.end <= self.start:
                    errors["end"] = _("Das Ende muss nach dem Beginn liegen.")
            if self.recurrence == Recurrence.MONTHLY_LAST_WEEKDAY and not is_last_weekday(
                start_day
            ):
                errors["start"] = _(
                    "Für „jeden letzten %(weekday)s“ muss der erste Termin auf den letzten "
                    "%(weekday)s eines Monats fallen."
                ) % {"weekday": WEEKDAYS[start_day.weekday()]}
            if self.recurrence_until and self.recurrence_until < start_day:
                errors["recurrence_until"] = _(
                    "Das Ende der Wiederholung darf nicht vor dem ersten Termin liegen."
                )
            if self.recurrence and self.end and "end" not in errors:
                schedule = Schedule.of(self)
                step_days = 7 if self.recurrence == Recurrence.WEEKLY else 28
                if schedule.duration.days >= step_days * max(1, self.recurrence_interval or 1):
                    errors["end"] = _(
                        "Ein Termin der Reihe dauert länger als der Abstand zwischen zwei Terminen."
                    )
        if self.recurrence_until and self.recurrence_count:
            errors["recurrence_count"] = _(
                "Bitte entweder ein Enddatum oder eine Anzahl der Termine angeben, nicht beides."
            )
        if self.is_in_person and not self.district_id:
            errors["district"] = _(
                "Für eine Veranstaltung vor Ort bitte den Kreis angeben (für die Filter)."
            )
        if self.is_in_person and not (self.venue or self.town):
            errors["town"] = _("Für eine Veranstaltung vor Ort bitte den Ort angeben.")
        if self.is_online and not self.online_url and self.registration != Registration.LINK:
            errors["online_url"] = _(
                "Für eine Online-Veranstaltung bitte den Link angeben – oder eine Anmeldung "
                "über einen Link, nach der der Zugang verschickt wird."
            )
        if self.registration == Registration.LINK and not self.registration_url:
            errors["registration_url"] = _("Bitte den Link zur Anmeldung angeben.")
        if not self.is_free and self.price is None and not self.price_note:
            errors["price"] = _("Bitte einen Preis oder einen Hinweis zum Preis angeben.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.start:
            schedule = Schedule.of(self)
            if self.all_day:
                # All-day dates are kept as the first and last day's bounds in Berlin time.
                self.start = schedule.first_start
                self.end = schedule.first_end
            self.series_end = schedule.series_end()
        return super().save(*args, **kwargs)

    # --- machines ------------------------------------------------------------------------

    def get_structured_data(self, request, site_context):
        from metadata.structured_data import event, place, virtual_location

        locations = []
        if self.is_in_person:
            locations.append(
                place(
                    self.venue,
                    street=self.street,
                    postal_code=self.postcode,
                    town=self.town,
                    district=self.district,
                )
            )
        if self.is_online and self.online_url:
            locations.append(virtual_location(self.online_url))
        occurrence = self.schedule.next_occurrence(self, _now()) or self.first_occurrence
        return [
            event(
                name=self.title,
                url=self.get_full_url(request),
                start=occurrence.start,
                end=occurrence.end if occurrence.has_end_time or self.all_day else None,
                all_day=self.all_day,
                description=self.teaser,
                location=locations,
                language=self.locale.language_code,
                is_free=self.is_free,
                price=self.price,
                registration_url=self.registration_url
                if self.registration == Registration.LINK
                else "",
                organizer={
                    "@type": "Organization",
                    "name": (
                        site_context.member.name
                        if site_context.member
                        else str(site_context.settings.site_name)
                    ),
                },
            )
        ]


def _now():
    from django.utils import timezone

    return timezone.now()
