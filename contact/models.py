from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from home.models import BasePage


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(EmailFormMixin, FormMixin, BasePage):
    """A contact form; submissions go by e-mail to the address the site's editors choose."""

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("Text nach dem Absenden"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Formularfelder")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            _("E-Mail"),
        ),
    ]

    parent_page_types = ["home.HomePage", "microsites.MicrositeHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "contact/contact_page.html"
    landing_page_template = "contact/contact_page_landing.html"

    class Meta:
        verbose_name = _("Kontaktformular")
        verbose_name_plural = _("Kontaktformulare")


def default_form_fields():
    """The fields a new contact form starts with, in the active language."""
    return [
        ContactFormField(
            label=gettext("Name (freiwillig)"),
            field_type="singleline",
            required=False,
            sort_order=0,
        ),
        ContactFormField(
            label=gettext("E-Mail-Adresse für die Antwort"),
            field_type="email",
            required=False,
            help_text=gettext("Nur nötig, wenn du eine Antwort möchtest."),
            sort_order=1,
        ),
        ContactFormField(
            label=gettext("Nachricht"), field_type="multiline", required=True, sort_order=2
        ),
    ]
