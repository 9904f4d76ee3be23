"""Extract interface strings into the gettext catalogs of every app and of the project.

German is the source language: the ``de`` catalogs are filled with the source text itself; the
``en`` catalogs list what still needs an English translation. Needs GNU gettext (xgettext).

    python scripts/update_messages.py          # update catalogs, report untranslated entries
"""

import os
import subprocess
import sys
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent
LANGUAGES = ["de", "en"]
NOT_APPS = {
    ".venv",
    "node_modules",
    "tests",
    "bench",
    "scripts",
    "docs",
    "static",
    "templates",
    "config",
    "media",
}


def project_apps():
    return sorted(
        path.parent.name for path in BASE_DIR.glob("*/apps.py") if path.parent.name not in NOT_APPS
    )


def makemessages(cwd, ignore=()):
    (cwd / "locale").mkdir(exist_ok=True)
    command = [
        sys.executable,
        str(BASE_DIR / "manage.py"),
        "makemessages",
        "--no-obsolete",
        "--no-location",
    ]
    for code in LANGUAGES:
        command += ["-l", code]
    for pattern in ignore:
        command += ["--ignore", pattern]
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.dev")
    subprocess.run(command, cwd=cwd, check=True, env=env, stdout=subprocess.DEVNULL)


def fill_source_language(po_path):
    catalog = polib.pofile(str(po_path))
    changed = False
    for entry in catalog:
        # German is the source language: its translation is always the source text itself.
        if entry.msgid_plural:
            wanted = {0: entry.msgid, 1: entry.msgid_plural}
            if entry.msgstr_plural != wanted:
                entry.msgstr_plural = wanted
                changed = True
        elif entry.msgstr != entry.msgid:
            entry.msgstr = entry.msgid
            changed = True
        if "fuzzy" in entry.flags or entry.previous_msgid:
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            changed = True
    if changed:
        catalog.save()


def main():
    apps = project_apps()
    for app in apps:
        makemessages(BASE_DIR / app)
    makemessages(
        BASE_DIR,
        ignore=[f"{app}/*" for app in apps]
        + [".venv/*", "node_modules/*", "tests/*", "bench/*", "scripts/*", "staticfiles/*"],
    )
    missing = 0
    for po_path in sorted(BASE_DIR.glob("**/locale/*/LC_MESSAGES/django.po")):
        if ".venv" in po_path.parts or "node_modules" in po_path.parts:
            continue
        language = po_path.parts[-3]
        if language == "de":
            fill_source_language(po_path)
            continue
        catalog = polib.pofile(str(po_path))
        untranslated = catalog.untranslated_entries() + catalog.fuzzy_entries()
        if untranslated:
            missing += len(untranslated)
            print(f"{po_path.relative_to(BASE_DIR)}: {len(untranslated)} untranslated")
    print("All catalogs complete." if not missing else f"{missing} entries still need English.")


if __name__ == "__main__":
    main()
