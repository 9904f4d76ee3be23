import logging
import smtplib

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder, WagtailAdminFormPageForm
from wagtail.contrib.forms.models import (
    AbstractFormField,
    EmailFormMixin,
    FormMixin,
    validate_to_address,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from home.models import BasePage
from legal.forms import RequiredToPublishMessagesMixin

from . import spam

logger = logging.getLogger(__name__)

MIN_RETENTION_DAYS = 1
MAX_RETENTION_DAYS = 365
DEFAULT_RETENTION_DAYS = 90
# Longest text a reader can send in one multi-line field (about four printed pages).
MAX_MESSAGE_LENGTH = 10_000


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")
    asks_for_name = models.BooleanField(
        _("Fragt nach dem Namen"),
        default=False,
        help_text=_("Bei anonymer Kontaktaufnahme wird dieses Feld nicht gezeigt."),
    )

    panels = AbstractFormField.panels + [FieldPanel("asks_for_name")]


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with a length limit on multi-line text, and ``autocomplete`` on the
    fields that ask for the reader's name and e-mail address.

    Wagtail's builder offers no file upload field, so readers cannot upload files here."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MAX_MESSAGE_LENGTH
        return super().create_multiline_field(field, options)

    def create_singleline_field(self, field, options):
        form_field = super().create_singleline_field(field, options)
        if getattr(field, "asks_for_name", False):
            # The purpose of the field is machine-readable (WCAG 1.3.5); see docs/decisions.md.
            form_field.widget.attrs["autocomplete"] = "name"
        return form_field

    def create_email_field(self, field, options):
        form_field = super().create_email_field(field, options)
        form_field.widget.attrs["autocomplete"] = "email"
        return form_field


class ContactPageForm(RequiredToPublishMessagesMixin, WagtailAdminFormPageForm):
    pass


class ContactPage(EmailFormMixin, FormMixin, BasePage):
    """A contact form; submissions go by e-mail to the address the site's editors choose and are
    kept for ``retention_days`` (see the ``purge_form_submissions`` command)."""

    # The form carries the time it was shown (spam.SpamFields): a copy kept by a cache would
    # defeat that check, so every reader gets a fresh form.
    cache_publicly = False

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("Text nach dem Absenden"), blank=True, features=["bold", "italic", "link"]
    )
    # Required to publish (drafts may leave it empty): a published form must reach somebody.
    to_address = models.CharField(
        _("Empfänger*innen-Adresse"),
        max_length=255,
        validators=[validate_to_address],
        help_text=_(
            "An diese E-Mail-Adresse wird jede Nachricht geschickt. Mehrere Adressen durch "
            "Komma trennen."
        ),
        error_messages={
            "blank": _("Geben Sie an, an welche E-Mail-Adresse die Nachrichten gehen sollen."),
        },
    )
    anonymous_contact = models.BooleanField(
        _("Anonyme Kontaktaufnahme"),
        default=False,
        help_text=_(
            "Das Formular fragt dann nicht nach dem Namen, und die E-Mail-Adresse ist freiwillig."
        ),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("Aufbewahrungsdauer in Tagen"),
        default=DEFAULT_RETENTION_DAYS,
        validators=[
            MinValueValidator(
                MIN_RETENTION_DAYS,
                _("Nachrichten werden mindestens %(limit_value)s Tag aufbewahrt."),
            ),
            MaxValueValidator(
                MAX_RETENTION_DAYS,
                _("Nachrichten dürfen höchstens %(limit_value)s Tage aufbewahrt werden."),
            ),
        ],
        help_text=_(
            "Danach werden eingegangene Nachrichten automatisch gelöscht (1 bis 365 Tage)."
        ),
    )

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Formularfelder")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("anonymous_contact"), FieldPanel("retention_days")],
            _("Datenschutz"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            _("E-Mail"),
        ),
    ]

    parent_page_types = ["home.HomePage", "microsites.MicrositeHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    form_builder = ContactFormBuilder
    base_form_class = ContactPageForm
    template = "contact/contact_page.html"
    landing_page_template = "contact/contact_page_landing.html"

    class Meta:
        verbose_name = _("Kontaktformular")
        verbose_name_plural = _("Kontaktformulare")

    # --- The form the reader sees -------------------------------------------------------

    def get_form_fields(self):
        fields = list(self.form_fields.all())
        if not self.anonymous_contact:
            return fields
        shown = []
        for field in fields:
            if field.asks_for_name:
                continue
            if field.field_type == "email":
                field.required = False
            shown.append(field)
        return shown

    def get_data_fields(self):
        # Every field, also those hidden in anonymous mode: older submissions may contain them.
        return [("submit_time", _("Eingegangen am"))] + [
            (field.clean_name, field.label) for field in self.form_fields.all()
        ]

    @property
    def retention_notice(self):
        """What is stored for how long, in the reader's language."""
        return ngettext(
            "Wir speichern Ihre Nachricht %(days)s Tag, damit wir sie bearbeiten können; "
            "danach wird sie automatisch gelöscht.",
            "Wir speichern Ihre Nachricht %(days)s Tage, damit wir sie bearbeiten können; "
            "danach wird sie automatisch gelöscht.",
            self.retention_days,
        ) % {"days": self.retention_days}

    # --- Serving ------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        posted = request.POST.get(spam.STARTED_FIELD) if request.method == "POST" else None
        context["spam_fields"] = spam.SpamFields(posted)
        return context

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return self._render_form(request, self.get_form(page=self, user=request.user))
        form = self.get_form(request.POST, page=self, user=request.user)
        verdict = spam.check(request, self)
        if verdict == spam.TOO_MANY:
            form.is_valid()  # show the reader's input again, with any field errors
            return self._render_form(
                request,
                form,
                status=429,
                message=gettext(
                    "Von Ihrem Anschluss kamen gerade sehr viele Nachrichten. Bitte warten Sie zehn "
                    "Minuten und senden Sie das Formular dann noch einmal ab. Ihr Text ist unten "
                    "noch da."
                ),
            )
        if verdict == spam.EXPIRED:
            form.is_valid()
            return self._render_form(
                request,
                form,
                message=gettext(
                    "Das Formular war zu lange geöffnet. Bitte senden Sie es noch einmal ab; Ihr "
                    "Text ist unten noch da."
                ),
            )
        if not form.is_valid():
            return self._render_form(request, form)
        spam.count_submission(request, self)
        if verdict == spam.SPAM:
            # Neutral answer: whoever filled the trap learns nothing; nothing is kept or sent.
            return self.render_landing_page(request, None, *args, **kwargs)
        # The thank-you page is rendered before the message is committed: a reader is thanked
        # only for a message that is stored, and a message is stored only if the reader is
        # thanked (a database failure on the way answers 503 and keeps nothing).
        with transaction.atomic():
            submission = self.process_form_submission(form)
            response = self.render_landing_page(request, submission, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        return response

    def _render_form(self, request, form, status=200, message=""):
        context = self.get_context(request)
        context["form"] = form
        context["form_message"] = message
        return TemplateResponse(request, self.get_template(request), context, status=status)

    # --- E-mail -------------------------------------------------------------------------

    def send_mail(self, form):
        """Only what the reader typed, no address, no browser data; the reply goes to the
        reader's e-mail address if they gave one. If the mail server fails, the message is
        still kept in the admin and the reader is thanked as usual."""
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        reply_to = [
            value
            for field in form
            if isinstance(field.field, forms.EmailField)
            and (value := form.cleaned_data.get(field.name))
        ]
        site = self.get_site()
        message = EmailMessage(
            subject=self.subject
            or gettext("Neue Nachricht über das Kontaktformular: %(site)s")
            % {"site": (site.site_name if site else "") or self.title},
            body=self.render_email(form),
            from_email=self.from_address or settings.DEFAULT_FROM_EMAIL,
            to=addresses,
            reply_to=reply_to[:1],
        )
        try:
            message.send()
        except (OSError, smtplib.SMTPException):
            logger.exception("Contact form e-mail for page %s could not be sent", self.pk)

    def render_email(self, form):
        body = super().render_email(form)
        notice = gettext(
            "Diese Nachricht wird nach %(days)s Tagen automatisch aus der Verwaltung gelöscht. "
            "Bitte bewahre sie nicht länger als nötig auf."
        ) % {"days": self.retention_days}
        return f"{body}\n\n-- \n{notice}\n"


def default_form_fields():
    """The fields a new contact form starts with, in the active language."""
    return [
        ContactFormField(
            label=gettext("Name (freiwillig)"),
            field_type="singleline",
            required=False,
            asks_for_name=True,
            sort_order=0,
        ),
        ContactFormField(
            label=gettext("E-Mail-Adresse für die Antwort"),
            field_type="email",
            required=False,
            help_text=gettext("Nur nötig, wenn Sie eine Antwort möchten."),
            sort_order=1,
        ),
        ContactFormField(
            label=gettext("Nachricht"), field_type="multiline", required=True, sort_order=2
        ),
    ]
