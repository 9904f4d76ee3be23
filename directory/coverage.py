"""The coverage report for LAG staff: live offers per district × kind and district × target
group, and the districts without any offer of a kind or for a target group ("weiße Flecken").

Each offer counts once, whatever the number of its translations (the German original stands
for all). An offer open to everyone ("alle") covers every target group, as in the public
filter."""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from districts.models import District

from .choices import INCLUSIVE_TARGET_GROUP, Kind, TargetGroup
from .queries import live_offers


@dataclass
class Coverage:
    districts: list
    kinds: list  # (code, label)
    target_groups: list  # (code, label)
    by_kind: dict = field(default_factory=dict)  # ars -> code -> count
    by_target_group: dict = field(default_factory=dict)
    totals: dict = field(default_factory=dict)  # ars -> count

    def kind_rows(self):
        return [
            (
                district,
                [self.by_kind[district.ars][code] for code, _l in self.kinds],
                self.totals[district.ars],
            )
            for district in self.districts
        ]

    def target_group_rows(self):
        return [
            (
                district,
                [self.by_target_group[district.ars][code] for code, _l in self.target_groups],
            )
            for district in self.districts
        ]

    def kind_totals(self):
        return [sum(self.by_kind[d.ars][code] for d in self.districts) for code, _l in self.kinds]

    def white_spots_by_kind(self):
        """(label, [districts without any offer of that kind]) per kind."""
        return [
            (label, [d for d in self.districts if not self.by_kind[d.ars][code]])
            for code, label in self.kinds
        ]

    def white_spots_by_target_group(self):
        return [
            (label, [d for d in self.districts if not self.by_target_group[d.ars][code]])
            for code, label in self.target_groups
        ]

    def districts_without_offers(self):
        return [d for d in self.districts if not self.totals[d.ars]]


def coverage():
    """The report over all live offers of active members, in two queries."""
    districts = list(District.objects.order_by("ars"))
    kinds = list(Kind.choices)
    groups = [choice for choice in TargetGroup.choices if choice[0] != INCLUSIVE_TARGET_GROUP]
    report = Coverage(districts=districts, kinds=kinds, target_groups=groups)
    for district in districts:
        report.by_kind[district.ars] = {code: 0 for code, _l in kinds}
        report.by_target_group[district.ars] = {code: 0 for code, _l in groups}
        report.totals[district.ars] = 0

    # One row per offer: the German original if there is one, else its first translation.
    seen = {}
    rows = live_offers().values_list(
        "translation_key", "locale__language_code", "district", "kind", "target_groups"
    )
    for key, language_code, ars, kind, target_groups in rows.order_by("pk"):
        if key in seen and language_code != settings.LANGUAGE_CODE:
            continue
        seen[key] = (ars, kind, target_groups)
    for ars, kind, target_groups in seen.values():
        if ars not in report.totals:
            continue
        report.totals[ars] += 1
        if kind in report.by_kind[ars]:
            report.by_kind[ars][kind] += 1
        codes = set(_codes(target_groups))
        for code, _label in groups:
            if code in codes or INCLUSIVE_TARGET_GROUP in codes:
                report.by_target_group[ars][code] += 1
    return report


def _codes(value):
    if isinstance(value, list | tuple):
        return value
    return [item for item in (value or "").split(",") if item]


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A spreadsheet cell that cannot start a formula (CSV injection)."""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def coverage_csv(report):
    """The report as CSV for spreadsheets: UTF-8 with BOM, semicolons (as German Excel
    expects), one row per district."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    header = [_("ARS"), _("Kreis"), _("Angebote gesamt")]
    header += [f"{_('Art')}: {label}" for _code, label in report.kinds]
    header += [f"{_('Zielgruppe')}: {label}" for _code, label in report.target_groups]
    writer.writerow([safe_cell(cell) for cell in header])
    for district in report.districts:
        row = [district.ars, str(district), report.totals[district.ars]]
        row += [report.by_kind[district.ars][code] for code, _l in report.kinds]
        row += [report.by_target_group[district.ars][code] for code, _l in report.target_groups]
        writer.writerow([safe_cell(cell) for cell in row])
    return "\ufeff" + buffer.getvalue()
