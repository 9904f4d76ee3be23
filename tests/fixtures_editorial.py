"""Roles and an admin "session" for the editorial workflow tests.

``AdminSession`` drives the real admin views the way a person does: it loads a form, reads the
fields from the HTML, changes what the person would change and posts it back. Only the parts
that the browser builds with JavaScript (StreamField and the comments formset) are filled in here.
"""

import json
from datetime import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html, rich_text
from wagtail.users.models import UserProfile

from microsites.provisioning import member_homes

from . import baseline
from .factories import make_user, news_index_of

__all__ = [
    "AdminSession",
    "approving_member",
    "member_approver",
    "approving_member_editor",
    "session",
    "commit",
    "mails_to",
    "refused",
    "set_language",
    "news_index",
    "en_news_index",
]


class AdminSession:
    """A logged-in admin user, talking to the admin on the umbrella host."""

    def __init__(self, user, host="localhost"):
        self.user = user
        self.client = Client(HTTP_HOST=host)
        self.client.force_login(user)

    # --- reading forms ---

    def get(self, url, data=None, **kwargs):
        return self.client.get(url, data, **kwargs)

    def post(self, url, data=None, **kwargs):
        return self.client.post(url, data or {}, **kwargs)

    def page_form(self, url):
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        html = response.content.decode()
        data = querydict_from_html(html, form_id="page-edit-form")
        # A ticked checkbox without a value attribute is sent as "on" by browsers.
        form = WagtailTestUtils.get_soup(html).find("form", attrs={"id": "page-edit-form"})
        for box in form.find_all("input", type="checkbox", checked=True):
            if box.get("name") and "value" not in box.attrs:
                data[box["name"]] = "on"
        return data, response

    @staticmethod
    def _stream(page):
        """The page's body as the StreamField widget would post it (paragraph blocks)."""
        items = []
        body = getattr(page, "body", None) or []
        for child in body:
            if child.block_type == "paragraph":
                items.append(("paragraph", rich_text(child.value.source)))
        return items

    def _fill(self, data, fields, page=None):
        body = fields.pop("body", None)
        if body is None and page is not None:
            items = self._stream(page)
        else:
            items = [("paragraph", rich_text(f"<p>{text}</p>")) for text in (body or [])]
        for key in [key for key in data if key.startswith("body-")]:
            del data[key]
        data["body-count"] = str(len(items))
        for index, (block_type, value) in enumerate(items):
            data[f"body-{index}-type"] = block_type
            data[f"body-{index}-value"] = value
            data[f"body-{index}-deleted"] = ""
            data[f"body-{index}-order"] = str(index)
        for key, default in (
            ("comments-TOTAL_FORMS", "0"),
            ("comments-INITIAL_FORMS", "0"),
            ("comments-MIN_NUM_FORMS", "0"),
            ("comments-MAX_NUM_FORMS", "1000"),
        ):
            data.setdefault(key, default)
        for name, value in fields.items():
            if isinstance(value, bool):
                if value:
                    data[name] = "on"
                else:
                    data.pop(name, None)
            elif isinstance(value, datetime):
                # The admin reads dates in the user's time zone (here the server's).
                data[name] = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
            elif value is None:
                data[name] = ""
            else:
                data[name] = str(value)
        return data

    @staticmethod
    def _action(data, action):
        if action == "submit":
            data["action-submit"] = "1"
        elif action == "publish":
            data["action-publish"] = "1"
        elif action == "save":
            pass
        elif action is not None:
            raise ValueError(action)
        return data

    # --- pages ---

    def add_news(self, index, *, action="submit", **fields):
        """Create a news item below ``index`` through the add view; returns (page, response)."""
        from news.models import NewsPage

        url = reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk])
        data, _response = self.page_form(url)
        fields.setdefault("teaser", "Ein kurzer Anreißer.")
        fields.setdefault("slug", fields["title"].lower().replace(" ", "-"))
        self._fill(data, fields)
        response = self.client.post(url, self._action(data, action))
        page = NewsPage.objects.child_of(index).filter(slug=fields["slug"]).first()
        return page, response

    def edit(self, page, *, action="submit", comment=None, **fields):
        """Change fields of ``page`` through the edit view and save/submit/publish it;
        ``comment`` adds a comment on the title, as the editor's comment button does."""
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data, _response = self.page_form(url)
        latest = page.specific.get_latest_revision_as_object()
        self._fill(data, fields, page=latest)
        if comment:
            index = int(data.get("comments-TOTAL_FORMS", 0))
            data["comments-TOTAL_FORMS"] = str(index + 1)
            prefix = f"comments-{index}"
            data.update(
                {
                    f"{prefix}-id": "",
                    f"{prefix}-DELETE": "",
                    f"{prefix}-resolved": "",
                    f"{prefix}-contentpath": "title",
                    f"{prefix}-text": comment,
                    f"{prefix}-position": "",
                    f"{prefix}-replies-TOTAL_FORMS": "0",
                    f"{prefix}-replies-INITIAL_FORMS": "0",
                    f"{prefix}-replies-MIN_NUM_FORMS": "0",
                    f"{prefix}-replies-MAX_NUM_FORMS": "0",
                }
            )
        response = self.client.post(url, self._action(data, action))
        return response

    def decide(self, page, action, comment="", *, via="modal"):
        """Approve or request changes ("reject") on the page's current step.

        ``via="modal"`` posts to the workflow action view the dashboard and the review modal
        use; ``via="editor"`` posts the edit form with the action, as the editor's menu does."""
        page = Page.objects.get(pk=page.pk).specific
        task_state = page.current_workflow_task_state
        assert task_state is not None, "page is not waiting for a decision"
        if via == "modal":
            url = reverse(
                "wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]
            )
            return self.client.post(url, {"comment": comment} if comment else {})
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data, _response = self.page_form(url)
        self._fill(data, {}, page=page.get_latest_revision_as_object())
        data["action-workflow-action"] = "1"
        data["workflow-action-name"] = action
        data["workflow-action-extra-data"] = json.dumps({"comment": comment} if comment else {})
        return self.client.post(url, data)

    def translate(self, page, language_code="en"):
        """Translate ``page`` with wagtail-localize's "Translate this page"; returns the copy."""
        locale = Locale.objects.get(language_code=language_code)
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        response = self.client.post(url, {"locales": [locale.pk]})
        assert response.status_code == 302, response.status_code
        return Page.objects.get(translation_key=page.translation_key, locale=locale).specific


approving_member = baseline.member_fixture(
    "approving_member",
    "Queeres Leipzig e. V.: a member whose own approvers release items before they go to the LAG.",
)


@pytest.fixture
def member_approver(approving_member):
    return make_user("vorstand-leipzig", approving_member.approvers_group, first_name="Vorstand")


@pytest.fixture
def approving_member_editor(approving_member):
    return make_user("redaktion-leipzig", approving_member.editors_group, first_name="Robin")


@pytest.fixture
def session():
    return AdminSession


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit (e-mails) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def refused(response):
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def set_language(user, code):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()


@pytest.fixture
def news_index():
    return lambda member: news_index_of(member_homes(member)["de"])


@pytest.fixture
def en_news_index():
    return lambda member: news_index_of(member_homes(member)["en"])
