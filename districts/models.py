from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

ars_validator = RegexValidator(
    r"^14\d{3}$",
    _(
        "Ein Amtlicher Regionalschlüssel (ARS) eines sächsischen Kreises hat fünf Ziffern und beginnt mit 14."
    ),
)


class District(models.Model):
    """A Landkreis or kreisfreie Stadt of Saxony, keyed by its official ARS."""

    class Kind(models.TextChoices):
        RURAL = "Landkreis", _("Landkreis")
        CITY = "Kreisfreie Stadt", _("Kreisfreie Stadt")

    ars = models.CharField(
        _("Amtlicher Regionalschlüssel"),
        max_length=5,
        primary_key=True,
        validators=[ars_validator],
    )
    name = models.CharField(_("Name"), max_length=100)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["name", "ars"]
        verbose_name = _("Kreis")
        verbose_name_plural = _("Kreise")

    def __str__(self):
        if self.kind == self.Kind.CITY:
            return str(self.name)
        # "Leipzig" is both a city and a Landkreis: the rural district is named with its kind.
        return f"{self.name} ({self.get_kind_display()})" if self.name == "Leipzig" else self.name

    @property
    def is_rural(self):
        return self.kind == self.Kind.RURAL
