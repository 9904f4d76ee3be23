"""The coverage report for LAG staff: numbers, white spots, CSV export, access."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from directory.coverage import coverage, safe_cell

from .test_directory import BAUTZEN, DRESDEN, PLAUEN, make_offer

URL = "/admin/angebote-abdeckung/"


@pytest.fixture
def offers(member, other_member):
    youth = make_offer(member, "Jugend", kind="jugendgruppe", target_groups=["jugend"])
    english = youth.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Youth"
    english.save()
    english.save_revision().publish()
    make_offer(member, "Beratung", target_groups=["alle"])
    make_offer(other_member, "Trans", ars=BAUTZEN, town="Bautzen", target_groups=["trans"])
    make_offer(other_member, "Entwurf", ars=DRESDEN, town="Dresden", publish=False)


def test_counts_per_district_kind_and_target_group(offers):
    report = coverage()
    assert report.totals[PLAUEN] == 2  # the translation counts once
    assert report.totals[BAUTZEN] == 1
    assert report.totals[DRESDEN] == 0  # drafts do not count
    assert report.by_kind[PLAUEN]["jugendgruppe"] == 1
    assert report.by_kind[PLAUEN]["beratung"] == 1
    assert report.by_target_group[PLAUEN]["jugend"] == 2  # "alle" covers every group
    assert report.by_target_group[PLAUEN]["trans"] == 1
    assert report.by_target_group[BAUTZEN]["jugend"] == 0
    spots = dict(report.white_spots_by_kind())
    youth_spots = {d.ars for d in spots["Jugendgruppe"]}
    assert PLAUEN not in youth_spots and BAUTZEN in youth_spots and len(youth_spots) == 12
    assert {d.ars for d in report.districts_without_offers()} == {
        d.ars for d in report.districts
    } - {PLAUEN, BAUTZEN}


def test_staff_see_the_report_with_white_spots(client, offers, lag_staff):
    client.force_login(lag_staff)
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Weiße Flecken" in body
    assert 'data-coverage="kind"' in body and 'data-coverage="target-group"' in body
    assert "Kreise ganz ohne Angebot:" in body and "Dresden" in body


def test_member_roles_and_visitors_are_refused(client, member_editor, offers):
    client.force_login(member_editor)
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert Client(HTTP_HOST="localhost").get(URL)["Location"].startswith("/admin/login/")
    assert client.get(URL + "?format=csv").status_code == 302


def test_csv_export_has_a_header_a_bom_and_a_row_per_district(client, offers, lag_staff):
    client.force_login(lag_staff)
    response = client.get(URL + "?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    raw = response.content.decode("utf-8")
    assert raw.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(raw[1:]), delimiter=";"))
    assert rows[0][:3] == ["ARS", "Kreis", "Angebote gesamt"]
    assert "Art: Jugendgruppe" in rows[0] and "Zielgruppe: trans*" in rows[0]
    assert len(rows) == 14
    plauen = next(row for row in rows if row[0] == PLAUEN)
    assert plauen[1] == "Vogtlandkreis" and plauen[2] == "2"
    assert plauen[rows[0].index("Art: Jugendgruppe")] == "1"


@pytest.mark.parametrize("value", ["=SUM(A1)", "+1", "-1", "@cmd", "\tx"])
def test_cells_cannot_start_a_formula(value):
    assert safe_cell(value).startswith("'")
    assert safe_cell("Dresden") == "Dresden"


def test_the_report_menu_item_is_for_staff_only(client, member_editor, lag_staff):
    client.force_login(lag_staff)
    assert (
        URL in client.get("/admin/reports/").content.decode()
        or URL in client.get("/admin/").content.decode()
    )
    editor = Client(HTTP_HOST="localhost")
    editor.force_login(member_editor)
    assert URL not in editor.get("/admin/").content.decode()
