from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from home.models import BasePage

from .forms import LegalPageForm

LEGAL_PARENTS = ["home.HomePage", "microsites.MicrositeHomePage"]


def required_to_publish(what):
    """Error messages of a field a draft may leave empty but a published page must have.

    Wagtail defers required text fields when a draft is saved and checks them when the page is
    submitted or published (``WagtailAdminModelForm.defer_required_fields``; ``Page.save``
    validates live pages in full)."""
    return {"blank": format_lazy(_("Zum Veröffentlichen fehlt noch: {what}."), what=what)}


class LegalPage(BasePage):
    """A page every site must have exactly once; linked from every page footer."""

    last_reviewed = models.DateField(_("Stand"), null=True, blank=True)
    body = RichTextField(_("Weitere Angaben"), blank=True)

    base_form_class = LegalPageForm
    parent_page_types = LEGAL_PARENTS
    subpage_types = []
    max_count_per_parent = 1

    search_fields = BasePage.search_fields + [index.SearchField("body")]

    class Meta:
        abstract = True


class ImprintPage(LegalPage):
    """Impressum: provider identification under § 5 DDG and § 18 MStV."""

    organisation_name = models.CharField(
        _("Name mit Rechtsform"),
        max_length=200,
        help_text=_("z. B. „Queer im Vogtland e. V.“"),
        error_messages=required_to_publish(_("der Name mit Rechtsform")),
    )
    address = models.TextField(
        _("Anschrift"),
        max_length=500,
        help_text=_("Ladungsfähige Anschrift, kein Postfach."),
        error_messages=required_to_publish(_("die Anschrift")),
    )
    represented_by = models.TextField(
        _("Vertreten durch"),
        max_length=500,
        help_text=_("Vertretungsberechtigter Vorstand."),
        error_messages=required_to_publish(_("wer den Verein vertritt")),
    )
    register_court = models.CharField(_("Registergericht"), max_length=200, blank=True)
    register_number = models.CharField(_("Registernummer"), max_length=100, blank=True)
    contact_email = models.EmailField(
        _("E-Mail"), error_messages=required_to_publish(_("die E-Mail-Adresse"))
    )
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    vat_id = models.CharField(_("Umsatzsteuer-ID"), max_length=40, blank=True)
    responsible_person = models.CharField(
        _("Verantwortlich nach § 18 Abs. 2 MStV"),
        max_length=200,
        help_text=_("Name der Person, die redaktionell verantwortlich ist."),
        error_messages=required_to_publish(_("die redaktionell verantwortliche Person")),
    )
    responsible_address = models.TextField(
        _("Anschrift der verantwortlichen Person"),
        max_length=500,
        error_messages=required_to_publish(_("die Anschrift der verantwortlichen Person")),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("address"),
                FieldPanel("represented_by"),
                FieldPanel("register_court"),
                FieldPanel("register_number"),
                FieldPanel("vat_id"),
            ],
            _("Anbieter*in"),
        ),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")], _("Kontakt")),
        MultiFieldPanel(
            [FieldPanel("responsible_person"), FieldPanel("responsible_address")],
            _("Redaktionell verantwortlich"),
        ),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    template = "legal/imprint_page.html"

    class Meta:
        verbose_name = _("Impressum")
        verbose_name_plural = _("Impressen")


class PrivacyPage(LegalPage):
    """Datenschutzerklärung."""

    organisation_name = models.CharField(
        _("Verantwortliche Stelle"),
        max_length=200,
        error_messages=required_to_publish(_("die verantwortliche Stelle")),
    )
    contact_email = models.EmailField(
        _("E-Mail für Datenschutzfragen"),
        error_messages=required_to_publish(_("die E-Mail-Adresse für Datenschutzfragen")),
    )
    data_protection_officer = models.TextField(
        _("Datenschutzbeauftragte*r"), max_length=500, blank=True
    )
    content_panels = BasePage.content_panels + [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("data_protection_officer"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    template = "legal/privacy_page.html"

    def get_context(self, request, *args, **kwargs):
        from contact.models import ContactPage

        context = super().get_context(request, *args, **kwargs)
        # The privacy statement names the contact form's actual retention period.
        context["contact_page"] = ContactPage.objects.sibling_of(self).live().first()
        return context

    class Meta:
        verbose_name = _("Datenschutzerklärung")
        verbose_name_plural = _("Datenschutzerklärungen")


class AccessibilityStatementPage(LegalPage):
    """Erklärung zur Barrierefreiheit with its feedback mechanism."""

    class Conformance(models.TextChoices):
        FULL = "full", _("vollständig barrierefrei")
        PARTIAL = "partial", _("teilweise barrierefrei")
        NONE = "none", _("nicht barrierefrei")

    organisation_name = models.CharField(
        _("Anbieter*in"),
        max_length=200,
        error_messages=required_to_publish(_("der Name der Anbieter*in")),
    )
    conformance = models.CharField(
        _("Stand der Vereinbarkeit"),
        max_length=10,
        choices=Conformance.choices,
        default=Conformance.PARTIAL,
    )
    known_issues = RichTextField(
        _("Nicht barrierefreie Inhalte"),
        blank=True,
        help_text=_("Was ist noch nicht barrierefrei, warum, und welche Alternative gibt es?"),
    )
    statement_date = models.DateField(_("Erstellt am"), null=True, blank=True)
    contact_email = models.EmailField(
        _("E-Mail für Rückmeldungen"),
        help_text=_("Hier melden Menschen Barrieren und fragen Inhalte barrierefrei an."),
        error_messages=required_to_publish(_("die E-Mail-Adresse für Rückmeldungen")),
    )
    contact_phone = models.CharField(_("Telefon für Rückmeldungen"), max_length=40, blank=True)
    enforcement_body = RichTextField(
        _("Schlichtungs- und Durchsetzungsverfahren"),
        help_text=_(
            "Wohin sich Menschen wenden können, wenn sie keine Antwort bekommen, mit Link, "
            "z. B. die Schlichtungsstelle nach dem Behindertengleichstellungsgesetz oder die "
            "Durchsetzungsstelle des Landes."
        ),
        error_messages=required_to_publish(
            _("der Hinweis auf das Schlichtungs- bzw. Durchsetzungsverfahren")
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("organisation_name"),
        FieldPanel("conformance"),
        FieldPanel("known_issues"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")], _("Feedback")),
        FieldPanel("enforcement_body"),
        FieldPanel("statement_date"),
        FieldPanel("body"),
    ]
    template = "legal/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")
