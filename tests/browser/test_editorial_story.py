"""One editorial story, walked as people do it in Chromium: a member editor writes a German news
item for the network and submits it; the LAG reviewer finds it in the inbox and asks for a change;
the editor changes it and submits again; the reviewer approves; the item is live on the member's
site and in the network list; the editor translates it, and the translation appears only once the
reviewer approved it too."""

import re

import pytest
from playwright.sync_api import expect

from microsites.provisioning import lag_staff_group, member_homes
from news.models import NewsIndexPage, NewsPage

from ..factories import make_member, make_user
from .conftest import reader_without_http_cache

PASSWORD = "correct-horse-battery"
TITLE = "Queerer Stammtisch in Plauen"
ENGLISH_TITLE = "Queer regulars' table in Plauen"


@pytest.fixture
def story_network(live_network):
    member = make_member(
        "queer-vogtland", name="Queer im Vogtland e. V.", short_name="Queer im Vogtland"
    )
    editor = make_user(
        "redaktion-vogtland", member.editors_group, first_name="Alex", last_name="Vogt"
    )
    reviewer = make_user("lag-redaktion", lag_staff_group(), first_name="Sam", last_name="Lag")
    live_network.sync_ports()
    live_network.member = member
    live_network.editor = editor
    live_network.reviewer = reviewer
    return live_network


def log_in(browser, live, user):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live.url_for("localhost", "/admin/login/"))
    page.fill('input[name="username"]', user.username)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('form button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def open_action_menu(page):
    """The footer's save button has a dropdown with the further actions."""
    page.locator("footer .w-dropdown-button [aria-expanded]").first.click()


def submit_for_approval(page):
    open_action_menu(page)
    page.locator('button[name="action-submit"]').click()
    expect(page.locator(".messages")).to_contain_text("eingereicht")


def open_from_inbox(page, live, title):
    page.goto(live.url_for("localhost", "/admin/redaktion/freigaben/"))
    row = page.locator("tr[data-inbox-entry]", has_text=title)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Queer im Vogtland")
    row.get_by_role("link", name="Prüfen und entscheiden").click()
    expect(page.locator("#page-edit-form")).to_be_visible()


def decide(page, action, comment=None):
    """Use the review actions in the editor's action menu (with the comment dialog if given)."""
    open_action_menu(page)
    if comment is None:
        page.locator(
            f'button[data-workflow-action-name="{action}"]:not([data-workflow-action-modal-url])'
        ).click()
    else:
        page.locator(
            f'button[data-workflow-action-name="{action}"][data-workflow-action-modal-url]'
        ).click()
        dialog = page.locator(".modal-content, [role=dialog]").filter(
            has=page.locator('textarea[name="comment"]')
        )
        dialog.locator('textarea[name="comment"]').fill(comment)
        dialog.locator('button[type="submit"]').click()
    page.wait_for_load_state("networkidle")


def test_a_network_news_item_from_draft_to_translation(story_network, browser, axe):
    live = story_network
    member = live.member
    index = NewsIndexPage.objects.child_of(member_homes(member)["de"]).get()

    # 1. The member editor writes a German item for the network and submits it.
    editor = log_in(browser, live, live.editor)
    editor.goto(live.url_for("localhost", f"/admin/pages/add/news/newspage/{index.pk}/"))
    editor.fill("#id_title", TITLE)
    editor.fill("#id_teaser", "Jeden zweiten Donnerstag im Café Vielfalt.")
    editor.get_by_role("tab", name=re.compile("Einstellungen|Settings")).click()
    editor.get_by_role("checkbox", name="Auch im Netzwerk zeigen").check()
    editor.get_by_role("tab", name=re.compile("Inhalt|Content")).first.click()
    submit_for_approval(editor)
    item = NewsPage.objects.get(title=TITLE)
    assert not item.live

    # 2. The reviewer finds it in the inbox and asks for a change.
    reviewer = log_in(browser, live, live.reviewer)
    open_from_inbox(reviewer, live, TITLE)
    decide(reviewer, "reject", "Bitte nennt die Uhrzeit.")

    # 3. The editor sees the request on the dashboard, changes the item and submits again.
    editor.goto(live.url_for("localhost", "/admin/"))
    panel = editor.locator("#editorial-my-submissions-section")
    expect(panel).to_contain_text("Änderungen erbeten")
    expect(panel).to_contain_text("Bitte nennt die Uhrzeit.")
    panel.get_by_role("link", name=TITLE).click()
    editor.fill("#id_teaser", "Jeden zweiten Donnerstag um 19 Uhr im Café Vielfalt.")
    submit_for_approval(editor)

    # 4. The reviewer approves.
    open_from_inbox(reviewer, live, TITLE)
    decide(reviewer, "approve")
    item.refresh_from_db()
    assert item.live

    # 5. Live on the member's site and in the network list of the umbrella site.
    visitor = reader_without_http_cache(browser)
    visitor.goto(live.url_for("queer-vogtland.localhost", f"/aktuelles/{item.slug}/"))
    expect(visitor.locator("h1")).to_have_text(TITLE)
    expect(visitor.locator("main")).to_contain_text("19 Uhr")
    visitor.goto(live.url_for("localhost", "/aktuelles/"))
    card = visitor.locator("article.card", has_text=TITLE)
    expect(card).to_contain_text("Aus dem Netzwerk: Queer im Vogtland e. V.")
    href = card.get_by_role("link", name=TITLE).get_attribute("href")
    assert href.startswith("http://queer-vogtland.localhost:")

    # 6. The editor translates it; the English version appears only after approval.
    editor.goto(live.url_for("localhost", f"/admin/localize/submit/page/{item.pk}/"))
    editor.get_by_label(re.compile("English|Englisch")).check()
    editor.locator('main input[type="submit"]').click()
    expect(editor.locator("#page-edit-form")).to_be_visible()
    editor.fill("#id_title", ENGLISH_TITLE)
    editor.fill("#id_teaser", "Every other Thursday at 7 pm at Café Vielfalt.")
    submit_for_approval(editor)

    visitor.goto(live.url_for("localhost", "/en/news/"))
    expect(visitor.locator("main")).not_to_contain_text(ENGLISH_TITLE)

    open_from_inbox(reviewer, live, ENGLISH_TITLE)
    decide(reviewer, "approve")
    visitor.goto(live.url_for("localhost", "/en/news/"))
    english_card = visitor.locator("article.card", has_text=ENGLISH_TITLE)
    expect(english_card).to_contain_text("Queer im Vogtland e. V.")
    visitor.goto(live.url_for("localhost", "/aktuelles/"))
    expect(visitor.locator("main")).not_to_contain_text(ENGLISH_TITLE)

    # The network lists stay accessible and private with the network's items in them.
    for path in ("/", "/aktuelles/", "/en/", "/en/news/"):
        visitor.goto(live.url_for("localhost", path))
        visitor.wait_for_load_state("networkidle")
        assert axe(visitor) == [], path
    assert visitor.context.cookies() == []
    visitor.context.close()
    editor.context.close()
    reviewer.context.close()
