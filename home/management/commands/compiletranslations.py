"""Compile every gettext catalog of the project without the GNU gettext tools."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

SKIP_DIRS = {".venv", "node_modules", "staticfiles", "media", ".git"}


def project_catalogs(base_dir):
    """The apps' ``locale/`` catalogs and those of every directory in LOCALE_PATHS."""
    found = set(Path(base_dir).rglob("locale/*/LC_MESSAGES/*.po"))
    for locale_path in settings.LOCALE_PATHS:
        found.update(Path(locale_path).glob("*/LC_MESSAGES/*.po"))
    for path in sorted(found):
        if not SKIP_DIRS.intersection(path.relative_to(base_dir).parts):
            yield path


class Command(BaseCommand):
    help = "Compile the project's .po files to .mo files (pure Python, no msgfmt needed)."

    def handle(self, *args, **options):
        count = 0
        for po_path in project_catalogs(settings.BASE_DIR):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            count += 1
        self.stdout.write(f"{count} catalog(s) compiled.")
