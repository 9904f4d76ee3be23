"""The admin speaks one German to a German member editor: no English interface words, the
formal "Sie" throughout (as Wagtail's own German does), correct plurals and names."""

import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

from microsites.provisioning import member_homes

from .factories import make_news
from .fixtures_editorial import *  # noqa: F403
from .test_page_approval_paths import Person

BASE_DIR = Path(__file__).resolve().parent.parent

# English interface words seen on German screens before (each a whole word or phrase).
ENGLISH = ["Locale", "Locales", "Update", "seconds ago", "minutes ago", "None", "GELÖSCHT"]
INFORMAL = re.compile(r"\b(du|dich|dir|dein\w*|euch|euer|eure[mnrs]?)\b", re.IGNORECASE)


def visible_text(html):
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template", "noscript"]):
        tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        tag.decompose()
    return " ".join(soup.get_text(" ").split())


@pytest.fixture
def german_editor(member, member_editor):
    return Person(member_editor)


def admin_screens(member, news_index):
    page = make_news(news_index(member), title="Stammtisch im Mai")[0]
    home = member_homes(member)["de"]
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore", args=[home.pk]),
        "editor": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "history": reverse("wagtailadmin_pages:history", args=[page.pk]),
        "search": reverse("wagtailadmin_pages:search") + "?q=Stammtisch",
        "translate": reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        "account": reverse("wagtailadmin_account"),
        "images": reverse("wagtailimages:index"),
        "image upload": reverse("wagtailimages:add_multiple"),
        "documents": reverse("wagtaildocs:index"),
    }


def test_main_admin_screens_show_no_english_words_to_a_german_editor(
    member, german_editor, news_index
):
    problems = []
    for name, url in admin_screens(member, news_index).items():
        text = visible_text(german_editor.open(url).content.decode())
        for word in ENGLISH:
            if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
                problems.append(f"{name}: {word!r}")
        for match in INFORMAL.finditer(text):
            problems.append(f"{name}: informal {match.group(0)!r}")
    assert problems == []


def test_page_search_names_what_it_counts(member, german_editor, news_index):
    make_news(news_index(member), title="Stammtisch im Juni")
    html = german_editor.open(reverse("wagtailadmin_pages:search") + "?q=Stammtisch")
    text = visible_text(html.content.decode())
    assert "None" not in text
    assert re.search(r"\b1-\d+ von \d+\b", text), text[:500]


def test_dashboard_is_named_after_the_member_and_counts_what_its_lists_show(member, german_editor):
    text = visible_text(german_editor.open(reverse("wagtailadmin_home")).content.decode())
    assert member.name in text
    assert "LAG Queeres Netzwerk Sachsen" not in text.split(member.name)[0]


def test_translation_form_offers_languages_by_their_german_name(member, german_editor, news_index):
    page = make_news(news_index(member), title="Sprachen")[0]
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    text = visible_text(german_editor.open(url).content.decode())
    assert "Locale" not in text
    assert "Sprachen" in text or "Sprache" in text
    assert Locale.objects.filter(language_code="en").exists()


GERMAN_CATALOGS = sorted(
    path
    for pattern in ("**/locale/de/LC_MESSAGES/django.po", "locale_overrides/de/LC_MESSAGES/*.po")
    for path in BASE_DIR.glob(pattern)
    if ".venv" not in path.parts
)


@pytest.mark.parametrize("catalog", GERMAN_CATALOGS, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_project_german_strings_use_the_formal_address(catalog):
    informal = []
    for entry in polib.pofile(str(catalog)):
        texts = [entry.msgstr, *entry.msgstr_plural.values()]
        informal += [entry.msgid for text in texts if INFORMAL.search(text)]
    assert informal == []


def test_project_catalog_overrides_are_searched_before_the_packages():
    from django.utils import translation

    with translation.override("de"):
        assert translation.gettext("Locale") == "Sprache"
        assert translation.gettext("Update") == "Aktualisieren"
        assert translation.gettext("Cancelled") == "Abgebrochen"
