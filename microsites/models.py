from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, RevisionMixin, Site, WorkflowMixin
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models import BasePage, LatestNewsMixin
from tenancy.models import MemberOwnedModel

from .colours import DARK_TEXT, WHITE, validate_contrast, validate_hex_colour
from .forms import SiteSettingsForm

# A DNS label: what a member's slug becomes as <slug>.<NETWORK_DOMAIN>.
slug_validator = RegexValidator(
    r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$",
    _(
        "Das Kürzel darf nur Kleinbuchstaben a–z, Ziffern und Bindestriche enthalten, "
        "höchstens 40 Zeichen lang sein und nicht mit einem Bindestrich beginnen oder enden."
    ),
)
hostname_validator = RegexValidator(
    r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$",
    _("Bitte einen gültigen Domainnamen ohne http:// und ohne Pfad angeben, z. B. verein.de."),
)
RESERVED_SLUGS = {"www", "admin", "api", "static", "media", "mail", "lag", "netzwerk"}


def default_hostname(slug):
    return f"{slug}.{settings.NETWORK_DOMAIN}"


class MemberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def public(self):
        """Members whose site readers may see: active, with Impressum and Datenschutzerklärung
        live. Only these are listed anywhere in the network."""
        return self.filter(active=True, legal_pages_live=True)


class Member(index.Indexed, models.Model):
    """A member association (Mitgliedsorganisation): the unit of tenancy.

    Saving a member changes only this record; ``microsites.provisioning.provision_member``
    creates and repairs everything the member owns (site, pages, groups, workflow)."""

    name = models.CharField(
        _("Name"), max_length=200, unique=True, help_text=_("Vollständiger Name mit Rechtsform.")
    )
    short_name = models.CharField(_("Kurzname"), max_length=60)
    slug = models.CharField(
        _("Kürzel"),
        max_length=40,
        unique=True,
        validators=[slug_validator],
        help_text=_("Wird Teil der Adresse im Netzwerk, z. B. queer-vogtland.<Netzwerk-Domain>."),
    )
    custom_domain = models.CharField(
        _("Eigene Domain"),
        max_length=253,
        blank=True,
        default="",
        validators=[hostname_validator],
        help_text=_("Optional, z. B. queer-vogtland.de. Leer: Adresse im Netzwerk."),
    )
    district = models.ForeignKey(
        "districts.District",
        verbose_name=_("Kreis"),
        on_delete=models.PROTECT,
        related_name="members",
    )
    town = models.CharField(_("Ort"), max_length=100)
    website = models.URLField(_("Bisherige Website"), blank=True)
    contact_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    active = models.BooleanField(
        _("aktiv"),
        default=True,
        help_text=_(
            "Inaktive Mitglieder sind offline (HTTP 410), ihre Redaktion kann sich nicht "
            "anmelden; es geht nichts verloren."
        ),
    )
    legal_pages_live = models.BooleanField(
        _("Impressum und Datenschutz veröffentlicht"),
        default=False,
        editable=False,
        help_text=_(
            "Erst wenn beide live sind, ist die Website öffentlich und im Netzwerk aufgeführt "
            "(wird beim Veröffentlichen dieser Seiten gesetzt)."
        ),
    )
    requires_member_approval = models.BooleanField(
        _("Freigabe im Verein"),
        default=False,
        help_text=_("Beiträge werden erst im Verein und dann von der LAG freigegeben."),
    )

    # Everything provisioning creates for the member, so that it can be found and repaired.
    site = models.OneToOneField(
        Site,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="member",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="member",
    )
    editors_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="member_as_editors",
    )
    approvers_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="member_as_approvers",
    )
    workflow = models.OneToOneField(
        "wagtailcore.Workflow",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="member",
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = MemberQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")])],
            _("Name"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("district"), FieldPanel("town")]),
                FieldPanel("custom_domain"),
            ],
            _("Ort und Adresse"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("website"), FieldPanel("logo")], _("Kontakt")
        ),
        MultiFieldPanel(
            [FieldPanel("requires_member_approval"), FieldPanel("active")], _("Betrieb")
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Mitgliedsorganisation")
        verbose_name_plural = _("Mitgliedsorganisationen")

    def __str__(self):
        return self.name

    @property
    def is_public(self):
        return self.active and self.legal_pages_live

    @property
    def hostname(self):
        return self.custom_domain or default_hostname(self.slug)

    @cached_property
    def root_url(self):
        return self.site.root_url if self.site_id else ""

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Das Kürzel „%(slug)s“ ist reserviert.") % {"slug": self.slug}
        if self.custom_domain:
            self.custom_domain = self.custom_domain.strip().lower().rstrip(".")
        hostname = self.hostname
        clash = Site.objects.filter(hostname=hostname)
        if self.site_id:
            clash = clash.exclude(pk=self.site_id)
        if clash.exists():
            field = "custom_domain" if self.custom_domain else "slug"
            errors[field] = _(
                "Die Adresse %(host)s wird bereits von einer anderen Website genutzt."
            ) % {"host": hostname}
        if errors:
            raise ValidationError(errors)


class MicrositeHomePage(LatestNewsMixin, BasePage):
    """The start page of a member's microsite; its site belongs to exactly one ``Member``."""

    intro = RichTextField(
        _("Kurzbeschreibung"),
        blank=True,
        features=["bold", "italic", "link"],
        max_length=1000,
        help_text=_(
            "Wer Sie sind und was Sie anbieten, in zwei, drei Sätzen. Erscheint auch im Mitgliederverzeichnis."
        ),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    template = "microsites/microsite_home_page.html"

    class Meta:
        verbose_name = _("Startseite einer Microsite")
        verbose_name_plural = _("Startseiten von Microsites")


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(
        label=_("Plattform"),
        choices=[
            ("mastodon", "Mastodon"),
            ("bluesky", "Bluesky"),
            ("instagram", "Instagram"),
            ("facebook", "Facebook"),
            ("youtube", "YouTube"),
            ("tiktok", "TikTok"),
            ("threads", "Threads"),
            ("linkedin", "LinkedIn"),
            ("other", _("Andere")),
        ],
    )
    url = blocks.URLBlock(label=_("Adresse"))
    label = blocks.CharBlock(label=_("Beschriftung (nur bei „Andere“)"), required=False)

    class Meta:
        icon = "link"
        label = _("Profil")


DEFAULT_PRIMARY_COLOUR = "#5b2a86"
DEFAULT_ACCENT_COLOUR = "#f5c542"


class SiteAppearance(models.Model):
    """What readers see of a site besides its pages: name, tagline, logo, colours, contact,
    social media profiles and whether the quick exit is shown.

    ``SiteSettings`` holds what readers get; for a member's site these fields are changed only
    by publishing its ``MemberSiteSettings`` (with the member's workflow)."""

    site_name = models.CharField(_("Name der Website"), max_length=200)
    tagline = models.CharField(_("Untertitel"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    primary_colour = models.CharField(
        _("Hauptfarbe"),
        max_length=7,
        default=DEFAULT_PRIMARY_COLOUR,
        validators=[validate_hex_colour],
        help_text=_(
            "Für Kopfzeile, Schaltflächen und Links; weiße Schrift muss darauf lesbar sein."
        ),
    )
    accent_colour = models.CharField(
        _("Akzentfarbe"),
        max_length=7,
        default=DEFAULT_ACCENT_COLOUR,
        validators=[validate_hex_colour],
        help_text=_("Für Hervorhebungen; dunkle Schrift muss darauf lesbar sein."),
    )
    contact_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    contact_address = models.TextField(_("Postanschrift"), blank=True, max_length=500)
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("Soziale Medien"), blank=True
    )
    quick_exit_enabled = models.BooleanField(
        _("Schnellausstieg anzeigen"),
        default=True,
        help_text=_(
            "Eine Schaltfläche auf jeder Seite, die sofort zu einer unverfänglichen Seite "
            "wechselt. Wohin sie führt, legt die LAG für das ganze Netzwerk fest."
        ),
    )

    # The fields copied from a member's published MemberSiteSettings to its SiteSettings.
    APPEARANCE_FIELDS = (
        "site_name",
        "tagline",
        "logo",
        "primary_colour",
        "accent_colour",
        "contact_email",
        "contact_phone",
        "contact_address",
        "social_links",
        "quick_exit_enabled",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("logo")], _("Website")
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")])],
            _("Farben"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            _("Kontakt"),
        ),
        FieldPanel("social_links"),
        FieldPanel("quick_exit_enabled", heading=_("Schnellausstieg")),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        for field, against, label in (
            ("primary_colour", WHITE, _("weißer Schrift")),
            ("accent_colour", DARK_TEXT, _("dunkler Schrift")),
        ):
            value = getattr(self, field)
            try:
                validate_hex_colour(value)
                validate_contrast(value, against, label)
            except ValidationError as error:
                errors[field] = error
        if errors:
            raise ValidationError(errors)

    @property
    def brand_version(self):
        """Changes whenever the colours change, so the brand stylesheet URL can be cached forever."""
        return f"{self.primary_colour[1:]}{self.accent_colour[1:]}".lower()


@register_setting(icon="palette")
class SiteSettings(SiteAppearance, BaseSiteSetting):
    """Name, branding and contact of one site as readers get them (the umbrella site or a
    microsite). LAG staff change the umbrella's here; a member's site takes its values from
    the member's published ``MemberSiteSettings``."""

    select_related = ["site", "logo"]
    base_form_class = SiteSettingsForm

    class Meta:
        verbose_name = _("Website-Einstellungen")
        verbose_name_plural = _("Website-Einstellungen")

    def __str__(self):
        return self.site_name or str(self.site)


class MemberSiteSettings(
    WorkflowMixin, DraftStateMixin, RevisionMixin, SiteAppearance, MemberOwnedModel
):
    """A member's site settings with drafts, revisions and the member's workflow.

    Member roles edit and submit these; readers keep seeing the site's ``SiteSettings`` until
    the change is approved, when publishing copies the values over
    (``microsites.signals.apply_published_site_settings``). One per member, created by
    provisioning."""

    # Member roles may change and view them, never add or delete (see tenancy.registry).
    member_role_actions = ("change", "view")

    panels = SiteAppearance.panels

    class Meta:
        verbose_name = _("Auftritt und Kontakt")
        verbose_name_plural = _("Auftritt und Kontakt")
        constraints = [
            models.UniqueConstraint(fields=["member"], name="one_site_settings_per_member")
        ]

    def __str__(self):
        return self.site_name or str(self.member)

    def get_workflow(self):
        """The member's own workflow (member approval where switched on, then the LAG)."""
        if not self.member_id:
            return None
        workflow = self.member.workflow
        return workflow if workflow is not None and workflow.active else None

    def apply_to_site(self):
        """Copy these values to the site's ``SiteSettings`` (what readers get)."""
        if not self.member.site_id:
            return None
        site_settings, _created = SiteSettings.objects.get_or_create(
            site=self.member.site, defaults={"site_name": self.site_name}
        )
        for name in self.APPEARANCE_FIELDS:
            setattr(site_settings, name, getattr(self, name))
        site_settings.save()
        return site_settings


DEFAULT_QUICK_EXIT_URL = "https://www.wetter.de/"
NETWORK_SETTINGS_CACHE_KEY = "microsites:network-settings:v1"


@register_setting(icon="warning")
class NetworkSettings(BaseGenericSetting):
    """Settings the LAG decides for the whole network (only LAG staff and administrators may
    change them)."""

    quick_exit_url = models.URLField(
        _("Ziel des Schnellausstiegs"),
        default=DEFAULT_QUICK_EXIT_URL,
        help_text=_(
            "Wohin die Schaltfläche „Seite schnell verlassen“ auf jeder Website des Netzwerks "
            "führt: eine unverfängliche Seite, z. B. ein Wetterbericht."
        ),
    )

    panels = [FieldPanel("quick_exit_url")]

    class Meta:
        verbose_name = _("Netzwerk-Einstellungen")
        verbose_name_plural = _("Netzwerk-Einstellungen")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def cached(cls):
        """The network settings, from the cache (cleared by ``clear_network_settings_cache``
        whenever they are saved), so reader pages need no query for them."""
        values = cache.get(NETWORK_SETTINGS_CACHE_KEY)
        if values is None:
            instance = cls.load()
            values = {"quick_exit_url": instance.quick_exit_url}
            cache.set(NETWORK_SETTINGS_CACHE_KEY, values, None)
        return values


def clear_network_settings_cache():
    cache.delete(NETWORK_SETTINGS_CACHE_KEY)
