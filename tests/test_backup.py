"""make backup / make restore: a backup restored into an empty database and an empty media
folder holds every page, revision, image (with its file), document, form submission and user."""

import os
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from wagtail.documents import get_document_model

from contact import spam
from contact.models import ContactPage

from .factories import homes_of, make_image, make_news, make_user, news_index_of

TABLES = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "wagtailimages_image",
    "wagtailimages_rendition",
    "wagtaildocs_document",
    "wagtailforms_formsubmission",
    "auth_user",
    "auth_group",
    "microsites_member",
]


def rows(cursor, table):
    cursor.execute(f"SELECT * FROM {table} ORDER BY 1")  # noqa: S608 - fixed table names
    return cursor.fetchall()


def some_content(member):
    homes = homes_of(member)
    make_news(news_index_of(homes["de"]), 2, image=make_image("Titelbild"))
    news = make_news(news_index_of(homes["de"]), 1)[0]
    news.title = "Geänderter Titel"
    news.save_revision()  # an unpublished revision as well
    document = get_document_model()(title="Flyer")
    document.file.save("flyer.pdf", ContentFile(b"%PDF-1.4 flyer"), save=True)
    make_user("ehemals", is_active=False)
    page = ContactPage.objects.child_of(homes["de"]).get().specific
    data = {field.clean_name: "" for field in page.get_form_fields()}
    data.update(
        {
            "nachricht": "Bitte ruft mich an.",
            spam.STARTED_FIELD: spam.started_token(time.time() - 10),
        }
    )
    response = Client(HTTP_HOST="queer-vogtland.localhost").post(
        page.url, data, HTTP_ORIGIN="http://queer-vogtland.localhost"
    )
    assert response.status_code == 200


def media_files(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def source_rows():
    with connection.cursor() as cursor:
        return {table: rows(cursor, table) for table in TABLES}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_an_empty_database_and_media_folder(member, settings, tmp_path):
    some_content(member)
    expected_rows = source_rows() if connection.vendor == "sqlite" else None
    expected_media = media_files(settings.MEDIA_ROOT)
    assert any(name.startswith("original_images/") for name in expected_media)
    assert any(name.startswith("documents/") for name in expected_media)

    call_command("backup", output=str(tmp_path / "backups"), keep=14)
    (folder,) = (tmp_path / "backups").iterdir()
    media_root = tmp_path / "restored-media"
    media_root.mkdir()

    if connection.vendor == "sqlite":
        target = tmp_path / "restored.sqlite3"
        call_command(
            "restore",
            str(folder),
            database_url=f"sqlite:///{target}",
            media_root=str(media_root),
            yes=True,
        )
        # Read as Django reads its own SQLite connection (the same type converters).
        restored = sqlite3.connect(
            target, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
        )
        cursor = restored.cursor()
        restored_rows = {table: rows(cursor, table) for table in TABLES}
        restored.close()
    else:
        expected_rows, restored_rows = _restore_into_postgres(folder, media_root)

    assert [table for table in TABLES if not expected_rows[table]] == [], "every kind is there"
    assert restored_rows == expected_rows
    assert media_files(media_root) == expected_media


def _restore_into_postgres(folder, media_root):
    import psycopg

    database = connection.settings_dict
    name = f"{database['NAME']}_restore"
    environment = {**os.environ, "PGHOST": database["HOST"] or "", "PGUSER": database["USER"]}
    if database.get("PORT"):
        environment["PGPORT"] = str(database["PORT"])
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    subprocess.run(["dropdb", "--if-exists", name], env=environment, check=True)
    subprocess.run(["createdb", name], env=environment, check=True)
    try:
        port = database.get("PORT") or 5432
        auth = database["USER"] + (f":{database['PASSWORD']}" if database.get("PASSWORD") else "")
        server = f"postgres://{auth}@{database['HOST'] or '127.0.0.1'}:{port}"
        url = f"{server}/{name}"
        call_command("restore", str(folder), database_url=url, media_root=str(media_root), yes=True)
        # Both sides read the same way: plain psycopg connections (the test's data is committed).
        found = []
        for database_url in (f"{server}/{database['NAME']}", url):
            with psycopg.connect(database_url) as other, other.cursor() as cursor:
                found.append({table: rows(cursor, table) for table in TABLES})
        return found
    finally:
        subprocess.run(["dropdb", "--if-exists", name], env=environment, check=False)


@pytest.mark.django_db
def test_backups_beyond_the_number_to_keep_are_removed(settings, tmp_path):
    for _ in range(3):
        call_command("backup", output=str(tmp_path), keep=2)
    assert len(list(tmp_path.iterdir())) == 2


@pytest.mark.django_db
def test_restore_asks_before_replacing_anything(tmp_path, monkeypatch):
    from django.core.management.base import CommandError

    call_command("backup", output=str(tmp_path))
    (folder,) = tmp_path.iterdir()
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    with pytest.raises(CommandError, match="Nothing restored"):
        call_command("restore", str(folder))
