"""What the editorial workflow remembers beyond Wagtail's own workflow records.

- ``NetworkWithdrawal``: the LAG has taken an item out of the umbrella site's network lists without
  touching the member's page.
- ``TranslationStatus``: which state of the original a translated page corresponds to, and since
  when it is outdated.
- ``NotificationSettings``: per-user choices that Wagtail's own notification switches do not cover.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NetworkWithdrawalQuerySet(models.QuerySet):
    def for_page(self, page):
        return self.filter(translation_key=page.translation_key)


class NetworkWithdrawal(models.Model):
    """An item (all its language versions) that the LAG took out of the network lists.

    The member's page stays as it is; ``editorial.syndication.network_pages`` leaves the item out
    for as long as this record exists. Deleting the record puts the item back. It is the LAG's
    decision, not the member's data: it has no member field (which would make it member-owned,
    see docs/tenancy.md); the member follows from the page."""

    translation_key = models.UUIDField(_("Übersetzungsschlüssel"), unique=True, editable=False)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(
        _("Begründung"),
        max_length=1000,
        blank=True,
        help_text=_("Wird der Redaktion des Mitglieds im Verlauf der Seite angezeigt."),
    )
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zurückgezogen von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("zurückgezogen am"), auto_now_add=True)

    objects = NetworkWithdrawalQuerySet.as_manager()

    class Meta:
        ordering = ["-withdrawn_at"]
        verbose_name = _("Rückzug aus dem Netzwerk")
        verbose_name_plural = _("Rückzüge aus dem Netzwerk")

    def __str__(self):
        return str(self.page) if self.page_id else str(self.translation_key)


class TranslationStatus(models.Model):
    """The relation of a translated page to the page it was translated from.

    ``source_fingerprint`` identifies the content of the original at the time the translation was
    made or last published. When the original is published with different content, the
    translation is marked outdated (``outdated_since``) until it is published again or an editor
    confirms that it is current."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("Übersetzung"),
        on_delete=models.CASCADE,
        related_name="editorial_translation_status",
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Original"),
        on_delete=models.CASCADE,
        related_name="editorial_translations",
    )
    source_fingerprint = models.CharField(max_length=64)
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("Stand des Originals"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outdated_since = models.DateTimeField(_("veraltet seit"), null=True, blank=True)
    outdated_by_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("geänderter Stand des Originals"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Stand einer Übersetzung")
        verbose_name_plural = _("Stand der Übersetzungen")
        indexes = [models.Index(fields=["outdated_since"])]

    def __str__(self):
        return str(self.page)

    @property
    def is_outdated(self):
        return self.outdated_since is not None


class NotificationSettings(models.Model):
    """How a user wants to hear about the editorial workflow.

    Wagtail's own profile switches (submitted, approved, rejected) still decide *whether* those
    e-mails are sent; these settings add how submissions arrive and the two kinds of message
    Wagtail does not know."""

    class Delivery(models.TextChoices):
        IMMEDIATE = "immediate", _("sofort, eine E-Mail je Einreichung")
        DIGEST = "digest", _("einmal täglich als Zusammenfassung")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="editorial_notification_settings",
    )
    submission_delivery = models.CharField(
        _("Neue Einreichungen zur Freigabe"),
        max_length=20,
        choices=Delivery.choices,
        default=Delivery.IMMEDIATE,
        help_text=_("Gilt, wenn Sie Einreichungen freigeben können."),
    )
    published_notifications = models.BooleanField(
        _("Veröffentlichung"),
        default=True,
        help_text=_(
            "E-Mail, wenn ein von Ihnen eingereichter Beitrag zum geplanten Zeitpunkt erscheint."
        ),
    )
    outdated_translation_notifications = models.BooleanField(
        _("Veraltete Übersetzungen"),
        default=True,
        help_text=_(
            "E-Mail, wenn sich das Original einer Übersetzung Ihrer Organisation geändert hat."
        ),
    )
    last_digest_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Benachrichtigungseinstellungen")
        verbose_name_plural = _("Benachrichtigungseinstellungen")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        """The user's settings; unsaved defaults when the user never changed them."""
        try:
            return user.editorial_notification_settings
        except cls.DoesNotExist:
            return cls(user=user)

    @property
    def wants_digest(self):
        return self.submission_delivery == self.Delivery.DIGEST
