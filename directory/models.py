from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from editorial.members import member_tree_q
from home.models import BasePage
from tenancy.models import MemberOwnedModel

from .choices import Accessibility, Kind, Language, TargetGroup, label_of
from .fields import ChoiceListField
from .opening_hours import is_open, lines, slots_of, weekday_choices

# Saxony's bounding box (from the shipped district outlines) with a small margin.
LATITUDE_RANGE = (Decimal("50.15"), Decimal("51.70"))
LONGITUDE_RANGE = (Decimal("11.85"), Decimal("15.05"))

postcode_validator = RegexValidator(
    r"^\d{5}$", _("Eine Postleitzahl hat fünf Ziffern, z. B. 08523.")
)
phone_validator = RegexValidator(
    r"^\+?[0-9 ()/\-]{5,30}$",
    _("Bitte eine Telefonnummer nur mit Ziffern, Leerzeichen, +, /, ( ) und - angeben."),
)


class Offer(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
    MemberOwnedModel,
):
    """An offer or contact point of a member (Angebot, Anlaufstelle): counselling, a group, a
    testing service … Member editors manage their own; changes pass the member's workflow."""

    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    description = models.TextField(
        _("Kurzbeschreibung"),
        max_length=600,
        blank=True,
        help_text=_("Was, für wen, wie: zwei, drei Sätze."),
    )
    target_groups = ChoiceListField(
        _("Zielgruppen"),
        choice_list=TargetGroup,
        blank=False,
        help_text=_(
            "„alle“ heißt: offen für alle; das Angebot erscheint dann bei jeder Zielgruppe."
        ),
    )
    district = models.ForeignKey(
        "districts.District",
        verbose_name=_("Kreis"),
        on_delete=models.PROTECT,
        related_name="offers",
        help_text=_("Bei Online- und Telefonangeboten: der Kreis, von dem aus beraten wird."),
    )
    town = models.CharField(_("Ort"), max_length=100)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(
        _("Postleitzahl"), max_length=5, blank=True, validators=[postcode_validator]
    )
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("Optional, z. B. 50.49520 (Dezimalgrad, WGS 84)."),
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("Optional, z. B. 12.13702 (Dezimalgrad, WGS 84)."),
    )
    hours = models.TextField(
        _("Hinweis zu den Zeiten"),
        max_length=500,
        blank=True,
        help_text=_(
            "Was sich nicht als Wochentag und Uhrzeit angeben lässt, z. B. „und nach "
            "Vereinbarung“ oder „jeden 1. Samstag im Monat, 15 Uhr“."
        ),
    )
    phone = models.CharField(_("Telefon"), max_length=30, blank=True, validators=[phone_validator])
    email = models.EmailField(_("E-Mail"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    languages = ChoiceListField(
        _("Sprachen"),
        choice_list=Language,
        help_text=_("In welchen Sprachen beraten oder begleitet wird."),
    )
    step_free = models.BooleanField(_("stufenloser Zugang"), default=False)
    accessible_toilet = models.BooleanField(_("barrierefreies WC"), default=False)
    hearing_loop = models.BooleanField(_("Induktionsschleife"), default=False)
    anonymous = models.BooleanField(
        _("anonyme Beratung möglich"),
        default=False,
        help_text=_("Ratsuchende müssen ihren Namen nicht nennen."),
    )
    remote_only = models.BooleanField(
        _("nur online oder telefonisch"),
        default=False,
        help_text=_("Es gibt keinen Ort, an den man kommen kann; die Adresse wird nicht gezeigt."),
    )

    panels = [
        FieldPanel("member"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("district")]),
        FieldPanel("description"),
        FieldPanel("target_groups"),
        MultiFieldPanel(
            [
                FieldPanel("remote_only"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            _("Ort"),
        ),
        InlinePanel(
            "opening_hours",
            heading=_("Öffnungs- und Sprechzeiten"),
            label=_("Zeit"),
            help_text=_("Je Wochentag eine Zeile; zwei Zeiten an einem Tag: zwei Zeilen."),
        ),
        FieldPanel("hours"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
                FieldPanel("languages"),
                FieldPanel("anonymous"),
            ],
            _("Kontakt und Zeiten"),
        ),
        MultiFieldPanel(
            [FieldPanel("step_free"), FieldPanel("accessible_toilet"), FieldPanel("hearing_loop")],
            _("Barrierefreiheit des Ortes"),
        ),
    ]

    # wagtail-localize: name, description and the note on hours are translated; codes, places,
    # contact details and the opening hours (a child relation, synchronised) are the same in
    # every language and follow the original.
    override_translatable_fields = [
        SynchronizedField("target_groups"),
        SynchronizedField("languages"),
        SynchronizedField("town"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("phone"),
    ]

    search_fields = [
        *MemberOwnedModel.search_fields,
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("town"),
        index.FilterField("kind"),
        index.FilterField("district"),
        index.FilterField("live"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote und Anlaufstellen")
        indexes = [models.Index(fields=["live", "locale", "district"])]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            field = "longitude" if self.longitude is None else "latitude"
            errors[field] = _(
                "Bitte Breiten- und Längengrad zusammen angeben oder beide leer lassen."
            )
        if self.latitude is not None and not (
            LATITUDE_RANGE[0] <= self.latitude <= LATITUDE_RANGE[1]
        ):
            errors["latitude"] = _(
                "Der Breitengrad liegt nicht in Sachsen (erlaubt: %(low)s bis %(high)s)."
            ) % {"low": LATITUDE_RANGE[0], "high": LATITUDE_RANGE[1]}
        if self.longitude is not None and not (
            LONGITUDE_RANGE[0] <= self.longitude <= LONGITUDE_RANGE[1]
        ):
            errors["longitude"] = _(
                "Der Längengrad liegt nicht in Sachsen (erlaubt: %(low)s bis %(high)s)."
            ) % {"low": LONGITUDE_RANGE[0], "high": LONGITUDE_RANGE[1]}
        if not (self.phone or self.email or self.website or self.street):
            errors["phone"] = _(
                "Bitte mindestens einen Weg angeben, wie man Sie erreicht: Telefon, E-Mail, "
                "Website oder Adresse."
            )
        if errors:
            raise ValidationError(errors)

    # Workflow: the member's own (optional member approval, then the LAG).
    def get_workflow(self):
        """Offers follow their member's workflow, not one workflow per content type."""
        if not self.member_id:
            return None
        workflow = self.member.workflow
        return workflow if workflow is not None and workflow.active else None

    # Public presentation
    def get_full_url(self, request=None):
        """Where readers find the offer: the member's directory page in the offer's language
        (None if the member's site has none live)."""
        page = (
            DirectoryPage.objects.live()
            .filter(member_tree_q(self.member), locale_id=self.locale_id)
            .first()
        )
        return page.get_full_url(request) if page is not None else None

    def get_preview_template(self, request, mode_name):
        return "directory/offer_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["offer"] = self
        return context

    @property
    def kind_label(self):
        return label_of(Kind, self.kind)

    @property
    def target_group_labels(self):
        return [label_of(TargetGroup, code) for code in self.target_groups]

    @property
    def language_labels(self):
        return [label_of(Language, code) for code in self.languages]

    @property
    def accessibility_labels(self):
        return [label for value, label in Accessibility.choices if getattr(self, value)]

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def opening_slots(self):
        return slots_of(self)

    @property
    def opening_lines(self):
        """The opening hours as the reader's text in the active language."""
        return lines(self.opening_slots)

    def is_open_at(self, moment=None):
        return is_open(self.opening_slots, moment)


class OpeningHours(Orderable):
    """One opening or consultation time of an offer: a weekday and a time range (Berlin time).
    The same in every language: the rows follow the original offer."""

    offer = ParentalKey(Offer, related_name="opening_hours", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(_("Wochentag"), choices=weekday_choices())
    opens = models.TimeField(_("von"))
    closes = models.TimeField(_("bis"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Öffnungszeit")
        verbose_name_plural = _("Öffnungszeiten")
        indexes = [models.Index(fields=["weekday", "opens", "closes"])]

    def __str__(self):
        return " ".join(lines([self]))

    def clean(self):
        super().clean()
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError(
                {
                    "closes": _(
                        "Das Ende muss nach dem Beginn liegen. Zeiten über Mitternacht bitte "
                        "auf zwei Tage aufteilen (bis 23:59 und ab 0:00)."
                    )
                }
            )


class DirectoryPage(BasePage):
    """The directory of offers (Angebote und Anlaufstellen): on the umbrella site every active
    member's offers, on a microsite only the member's own. Filters, text search and a map of
    Saxony's districts."""

    intro = models.TextField(_("Einleitung"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "microsites.MicrositeHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "directory/directory_page.html"

    class Meta:
        verbose_name = _("Angebotsverzeichnis")
        verbose_name_plural = _("Angebotsverzeichnisse")

    def get_context(self, request, *args, **kwargs):
        from .views import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context

    def get_structured_data(self, request, site_context):
        """The offers on this page of results as a schema.org ``ItemList`` of services."""
        from .structured_data import offer_list

        offers = getattr(request, "_directory_offers", None)
        return [offer_list(offers, request)] if offers else []


class MemberDirectoryPage(BasePage):
    """The member directory of the umbrella site: every active member with logo, short
    description (from the member's own home page), district, kinds of offers and a link."""

    intro = models.TextField(_("Einleitung"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "directory/member_directory_page.html"

    class Meta:
        verbose_name = _("Mitgliederverzeichnis")
        verbose_name_plural = _("Mitgliederverzeichnisse")

    def get_context(self, request, *args, **kwargs):
        from .views import member_directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(member_directory_context(self, request))
        return context
