"""Backups of the database and the media files, and their restore.

A backup is one folder ``<BACKUP_DIR>/qns-<UTC time>/`` holding

* ``database.sqlite3`` (SQLite, copied with SQLite's online backup API, consistent while the
  site runs) or ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``),
* ``media.tar.gz`` (everything below ``MEDIA_ROOT``: original images, renditions, documents),
* ``manifest.json`` (what it holds and when it was made).

``backup()`` and ``restore()`` are called by ``manage.py backup`` / ``manage.py restore`` (and
``make backup`` / ``make restore``)."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.db import connections

PREFIX = "qns-"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def _engine(database):
    engine = database["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"Backups of {engine} databases are not supported.")


def _pg_environment(database):
    environment = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ):
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def _run(command, database):
    result = subprocess.run(
        command, env=_pg_environment(database), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(destination=None, *, alias="default", keep=None):
    """Writes a new backup folder below ``destination`` (``BACKUP_DIR``) and returns its path;
    with ``keep``, only the ``keep`` newest backups there are kept."""
    destination = Path(destination or settings.BACKUP_DIR)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = destination / f"{PREFIX}{stamp}"
    folder.mkdir(parents=True)
    connection = connections[alias]
    database = connection.settings_dict
    engine = _engine(database)
    if engine == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(folder / SQLITE_FILE)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        _run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={folder / POSTGRES_FILE}"]
            + [database["NAME"]],
            database,
        )
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / MEDIA_FILE, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname=".")
    (folder / MANIFEST).write_text(
        json.dumps({"created": stamp, "database": engine, "media": MEDIA_FILE}, indent=2)
    )
    if keep:
        for old in sorted(destination.glob(f"{PREFIX}*"))[:-keep]:
            shutil.rmtree(old)
    return folder


def latest(destination=None):
    folders = sorted(Path(destination or settings.BACKUP_DIR).glob(f"{PREFIX}*"))
    if not folders:
        raise BackupError("No backup found.")
    return folders[-1]


def restore(folder, *, database_url=None, media_root=None, alias="default"):
    """Restores the backup in ``folder`` into the database (``database_url``, else the
    configured one) and the media folder (``media_root``, else ``MEDIA_ROOT``). What is there is
    replaced."""
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    if database_url:
        database = dj_database_url.parse(database_url)
    else:
        database = connections[alias].settings_dict
        connections[alias].close()
    engine = _engine(database)
    if engine != manifest["database"]:
        raise BackupError(f"The backup holds a {manifest['database']} database, not {engine}.")
    if engine == "sqlite":
        source = sqlite3.connect(folder / SQLITE_FILE)
        target = sqlite3.connect(database["NAME"])
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
    else:
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={database['NAME']}",
                str(folder / POSTGRES_FILE),
            ],
            database,
        )
    media_root = Path(media_root or settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    for child in media_root.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
        archive.extractall(media_root, filter="data")
    return folder
