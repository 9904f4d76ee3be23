"""Fill empty English msgstr entries of every catalog from scripts/translations_en.py.

python scripts/apply_translations.py
"""

import sys
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR / "scripts"))

from translations_en import EN, EN_PLURAL  # noqa: E402


def main():
    missing = []
    for po_path in sorted(BASE_DIR.glob("**/locale/en/LC_MESSAGES/django.po")):
        if ".venv" in po_path.parts:
            continue
        catalog = polib.pofile(str(po_path))
        changed = False
        for entry in catalog:
            if entry.msgid_plural:
                if not all(entry.msgstr_plural.values()) and entry.msgid in EN_PLURAL:
                    singular, plural = EN_PLURAL[entry.msgid]
                    entry.msgstr_plural = {0: singular, 1: plural}
                    changed = True
            elif not entry.msgstr and entry.msgid in EN:
                entry.msgstr = EN[entry.msgid]
                changed = True
            if "fuzzy" in entry.flags and entry.msgid in EN:
                # msgmerge guessed from a similar old string; the table knows the real one.
                entry.flags.remove("fuzzy")
                entry.previous_msgid = None
                entry.msgstr = EN[entry.msgid]
                changed = True
            if not (entry.msgstr or any(entry.msgstr_plural.values())):
                missing.append(f"{po_path.relative_to(BASE_DIR)}: {entry.msgid!r}")
        if changed:
            catalog.save()
    print("\n".join(missing) if missing else "Every English entry is translated.")


if __name__ == "__main__":
    main()
