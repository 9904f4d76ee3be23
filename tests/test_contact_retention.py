"""Submissions are deleted after their page's retention period and seen only by their member."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from contact.models import ContactPage

from .factories import homes_of


def submission(page, days_old, text):
    item = FormSubmission.objects.create(page=page, form_data={"nachricht": text})
    FormSubmission.objects.filter(pk=item.pk).update(
        submit_time=timezone.now() - timedelta(days=days_old)
    )
    return item


@pytest.fixture
def pages(member, other_member):
    own = ContactPage.objects.child_of(homes_of(member)["de"]).get()
    other = ContactPage.objects.child_of(homes_of(other_member)["de"]).get()
    ContactPage.objects.filter(pk=other.pk).update(retention_days=7)
    return own, ContactPage.objects.get(pk=other.pk)


def purge(*args):
    out = StringIO()
    call_command("purge_form_submissions", *args, stdout=out)
    return out.getvalue()


def test_submissions_older_than_their_pages_retention_are_deleted(pages):
    ninety, seven = pages
    keep = [
        submission(ninety, 0, "neu"),
        submission(ninety, 89, "fast alt"),
        submission(seven, 6, "sechs Tage"),
    ]
    submission(ninety, 91, "zu alt bei 90 Tagen")
    submission(seven, 8, "zu alt bei 7 Tagen")
    submission(seven, 30, "viel zu alt")

    dry = purge("--dry-run")
    assert "3 submission(s) would be deleted." in dry
    assert FormSubmission.objects.count() == 6

    output = purge()
    assert "3 submission(s) deleted." in output
    assert f"{ninety.url_path}: 1 deleted" in output
    assert f"{seven.url_path}: 2 deleted" in output
    assert set(FormSubmission.objects.values_list("pk", flat=True)) == {s.pk for s in keep}

    assert "0 submission(s) deleted." in purge(), "running it again changes nothing"


def test_shortening_the_retention_period_applies_to_older_submissions(pages):
    ninety, _seven = pages
    submission(ninety, 40, "vierzig Tage")
    ninety.retention_days = 30
    ninety.save_revision().publish()
    purge()
    assert FormSubmission.objects.count() == 0


def test_submissions_are_visible_only_to_the_owning_members_roles(
    client, pages, member_editor, other_editor, lag_staff
):
    own, other = pages
    submission(own, 1, "Vertrauliche Nachricht an Vogtland")
    url = f"/admin/forms/submissions/{own.pk}/"

    client.force_login(member_editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "Vertrauliche Nachricht an Vogtland" in response.content.decode()

    client.force_login(other_editor)
    response = client.get(url)
    assert response.status_code == 404
    assert "Vertrauliche Nachricht" not in response.content.decode()
    forms_index = client.get("/admin/forms/").content.decode()
    assert f"/admin/forms/submissions/{own.pk}/" not in forms_index
    assert f"/admin/forms/submissions/{other.pk}/" in forms_index

    client.force_login(lag_staff)
    assert client.get(url).status_code == 200
