"""WCAG 2.1 contrast arithmetic for the colours editors choose."""

import re

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
BLACK = "#000000"
# Text on the site's colours is near-black, not pure black (see static/css/site.css).
DARK_TEXT = "#1a1a1a"
AA_NORMAL_TEXT = 4.5


def _channel(value):
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_hex_colour(value):
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Bitte eine Farbe im Format #RRGGBB angeben, zum Beispiel #6b2c91."), code="format"
        )


def validate_contrast(colour, against, label):
    """Raise a ValidationError naming the measured ratio when AA for normal text fails."""
    ratio = contrast_ratio(colour, against)
    if ratio < AA_NORMAL_TEXT:
        raise ValidationError(
            _(
                "Der Kontrast zwischen %(colour)s und %(label)s beträgt nur %(ratio)s:1. "
                "Für WCAG 2.1 AA sind mindestens 4,5:1 nötig; bitte eine %(hint)s Farbe wählen."
            ),
            params={
                "colour": colour,
                "label": label,
                "ratio": number_format(ratio, 2),
                "hint": _("dunklere") if against == WHITE else _("hellere"),
            },
            code="contrast",
        )
    return ratio
