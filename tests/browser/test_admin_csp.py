"""The admin's main screens and a reader page work in Chromium under the Content-Security-Policy
the app sends, with no violation reported: every ``securitypolicyviolation`` event (from every
frame, the preview included) and every console error is collected."""

import re

import pytest
from playwright.sync_api import expect

from microsites.provisioning import lag_staff_group, member_homes

from ..factories import make_image, make_member, make_news, make_user, news_index_of

PASSWORD = "correct-horse-battery"

LISTEN = """
document.addEventListener('securitypolicyviolation', (event) => {
  window.reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI} `
    + `in ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`);
});
"""


@pytest.fixture
def csp_network(live_network, settings):
    # Avatars come from gravatar.com unless switched off: another origin the admin must not
    # contact (the account settings turn it off for good).
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    member = make_member(
        "queer-vogtland", name="Queer im Vogtland e. V.", short_name="Queer im Vogtland"
    )
    live_network.member = member
    live_network.editor = make_user("redaktion-vogtland", member.editors_group)
    live_network.staff = make_user("lag-redaktion", lag_staff_group())
    homes = member_homes(member)
    live_network.news = make_news(news_index_of(homes["de"]), 1, image=make_image("Titelbild"))[0]
    live_network.sync_ports()
    return live_network


class Watch:
    def __init__(self, context, page):
        self.violations = []
        self.errors = []
        context.expose_binding(
            "reportViolation", lambda _source, text: self.violations.append(text)
        )
        context.add_init_script(LISTEN)
        page.on(
            "console",
            lambda message: self.errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def clean(self, where):
        assert self.violations == [], (where, self.violations)
        assert [e for e in self.errors if "Content Security Policy" in e or "Refused" in e] == [], (
            where,
            self.errors,
        )
        assert self.errors == [], (where, self.errors)


def log_in(browser, live, user):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(20_000)
    watch = Watch(context, page)
    page.goto(live.url_for("localhost", "/admin/login/"))
    page.fill('input[name="username"]', user.username)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('form button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.wait_for_load_state("networkidle")
    watch.clean("dashboard")
    return context, page, watch


def visit(page, watch, url):
    response = page.goto(url)
    assert response.status == 200, url
    assert "Content-Security-Policy" in {name.title(): 1 for name in response.headers} or (
        "content-security-policy" in response.headers
    )
    page.wait_for_load_state("networkidle")
    watch.clean(url)


def test_the_admin_works_under_its_policy_without_violations(browser, csp_network):
    live = csp_network
    url = lambda path: live.url_for("localhost", path)  # noqa: E731
    news = live.news
    context, page, watch = log_in(browser, live, live.staff)
    try:
        visit(page, watch, url("/admin/pages/"))
        visit(page, watch, url(f"/admin/pages/{news.get_parent().pk}/"))
        # The page editor: StreamField, rich text, date pickers, the lead image chooser.
        visit(page, watch, url(f"/admin/pages/{news.pk}/edit/"))
        page.locator(
            '[data-contentpath="body"] button[title], [data-streamfield-stream-container] button'
        ).first.click()
        page.wait_for_timeout(500)
        watch.clean("stream field menu")
        page.keyboard.press("Escape")
        # Preview in the side panel (an iframe under the admin's policy).
        page.locator('[data-side-panel-toggle="preview"]').click()
        preview = page.frame_locator("iframe[title]").first
        expect(preview.locator("body")).to_be_visible()
        page.wait_for_timeout(1500)
        watch.clean("preview")
        # The image chooser, from a new news item whose lead image is still empty.
        visit(page, watch, url(f"/admin/pages/add/news/newspage/{news.get_parent().pk}/"))
        page.locator("[data-chooser-action-choose]:visible").first.click()
        expect(page.locator(".modal-dialog")).to_be_visible()
        page.wait_for_load_state("networkidle")
        watch.clean("image chooser")
        page.keyboard.press("Escape")
        # wagtail-localize: the translation form.
        visit(page, watch, url(f"/admin/localize/submit/page/{news.pk}/"))
        visit(page, watch, url("/admin/images/"))
        visit(page, watch, url("/admin/snippets/directory/offer/add/"))
    finally:
        context.close()


def test_a_member_editor_edits_an_offer_without_violations(browser, csp_network):
    live = csp_network
    context, page, watch = log_in(browser, live, live.editor)
    try:
        visit(page, watch, live.url_for("localhost", "/admin/snippets/directory/offer/add/"))
        visit(page, watch, live.url_for("localhost", f"/admin/pages/{live.news.pk}/edit/"))
    finally:
        context.close()


def test_reader_pages_with_json_ld_work_under_the_strict_policy(browser, csp_network):
    live = csp_network
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    watch = Watch(context, page)
    try:
        for host, path in (
            ("localhost", "/"),
            ("queer-vogtland.localhost", "/"),
            ("queer-vogtland.localhost", live.news.get_url_parts()[2]),
            ("queer-vogtland.localhost", "/en/"),
        ):
            visit(page, watch, live.url_for(host, path))
            if path == live.news.get_url_parts()[2]:
                assert page.locator('script[type="application/ld+json"]').count() >= 1
    finally:
        context.close()
