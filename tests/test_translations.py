"""Interface strings exist in German and English: no catalog has an untranslated entry, and
extracting the strings again finds nothing that is missing from the catalogs."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
CATALOGS = sorted(
    p for p in BASE_DIR.glob("**/locale/*/LC_MESSAGES/django.po") if ".venv" not in p.parts
)


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_catalog_has_no_untranslated_or_fuzzy_entries(catalog):
    po = polib.pofile(str(catalog))
    problems = [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]
    assert problems == []


@pytest.mark.parametrize(
    "catalog",
    [c for c in CATALOGS if c.parts[-3] == "de"],
    ids=lambda p: str(p.relative_to(BASE_DIR)),
)
def test_german_catalogs_translate_to_the_source_text(catalog):
    po = polib.pofile(str(catalog))
    assert [e.msgid for e in po if not e.msgid_plural and e.msgstr != e.msgid] == []


def test_every_catalog_compiles():
    for catalog in CATALOGS:
        polib.pofile(str(catalog)).save_as_mofile("/dev/null")


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext is needed to extract strings")
def test_extracting_strings_again_finds_nothing_untranslated(tmp_path):
    """Runs the real extraction on a copy of the project and checks the resulting catalogs."""
    copy = tmp_path / "project"
    shutil.copytree(
        BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "media", "staticfiles", "*.sqlite3", "__pycache__", "node_modules"
        ),
        symlinks=True,
    )
    subprocess.run(
        [sys.executable, "scripts/update_messages.py"],
        cwd=copy,
        check=True,
        capture_output=True,
        timeout=600,
    )
    missing = []
    for catalog in sorted(copy.glob("**/locale/en/LC_MESSAGES/django.po")):
        po = polib.pofile(str(catalog))
        missing += [
            f"{catalog.relative_to(copy)}: {e.msgid}"
            for e in po.untranslated_entries() + po.fuzzy_entries()
        ]
    assert missing == []
