"""Submit admin forms the way a person in a browser does.

``AdminForm.from_response(response)`` reads a form out of a rendered admin page: every field it
contains with its current value, and every button that submits it. ``submit(client, button)``
posts exactly those fields plus the pressed button's ``name=value``; a button the form does not
render cannot be pressed (``ButtonMissing``). Only what the admin's JavaScript builds in the
browser is built here, as that JavaScript does:

- StreamField: the widget carries its value as JSON (``data-w-block-arguments-value``); the
  browser turns it into ``<prefix>-count``, ``<prefix>-N-type``/``-value``/``-id``/``-order``/
  ``-deleted`` fields. ``set_stream`` replaces a stream with paragraphs of rich text.
- The comments formset's management fields (the comments app renders them with JavaScript).
- Workflow actions in the page editor (``data-workflow-action-name``): the button adds
  ``action-workflow-action``, ``workflow-action-name`` and, after the comment dialog
  (``data-workflow-action-modal-url``), ``workflow-action-extra-data`` to the edit form.

Fields are kept as a list of (name, value) pairs, in document order, so repeated names (multiple
selects, checkbox groups) survive.
"""

import json
from dataclasses import dataclass

from bs4 import BeautifulSoup


class ButtonMissing(AssertionError):
    """The button to press is not in the rendered form."""


@dataclass
class FormButton:
    name: str
    value: str
    label: str
    workflow_action: str = ""
    modal_url: str = ""

    def __str__(self):
        return self.label or self.name


def _text(tag):
    return " ".join(tag.get_text(" ").split())


def _rich_text(html):
    """A rich text value as the Draftail editor posts it."""
    from wagtail.test.utils.form_data import rich_text

    return rich_text(html)


class AdminForm:
    def __init__(self, form, url):
        self.url = url
        self.action = form.get("action") or url
        self.fields = []
        self.buttons = []
        self.streams = {}
        self._read(form)

    @classmethod
    def from_response(cls, response, form_id="page-edit-form", url=None):
        """The form ``form_id`` (or the first form when None) of an HTML response."""
        html = response.content.decode() if hasattr(response, "content") else str(response)
        return cls.from_html(html, form_id=form_id, url=url or _request_url(response))

    @classmethod
    def from_html(cls, html, form_id=None, url=""):
        soup = BeautifulSoup(html, "html.parser")
        form = soup.find("form", id=form_id) if form_id else soup.find("form")
        if form is None:
            raise AssertionError(f"no form {form_id or ''} in the page {url}")
        return cls(form, url)

    # --- reading ---

    def _read(self, form):
        for tag in form.find_all(["input", "textarea", "select", "button", "div"]):
            if tag.name == "div":
                if tag.get("data-controller") == "w-block" and tag.get("id"):
                    value, _errors = json.loads(tag["data-w-block-arguments-value"])
                    self.streams[tag["id"]] = value
                continue
            name = tag.get("name")
            if tag.name == "button" or tag.get("type") == "submit":
                self._read_button(tag)
                continue
            if not name or tag.has_attr("disabled"):
                continue
            if tag.name == "textarea":
                # html.parser keeps the newline after <textarea> that browsers drop.
                text = tag.string or ""
                self.fields.append((name, text[1:] if text.startswith("\n") else text))
            elif tag.name == "select":
                chosen = tag.find_all("option", selected=True)
                if not chosen and not tag.has_attr("multiple"):
                    chosen = tag.find_all("option")[:1]
                for option in chosen:
                    self.fields.append((name, option.get("value", option.get_text())))
            elif tag.get("type") in ("checkbox", "radio"):
                if tag.has_attr("checked"):
                    self.fields.append((name, tag.get("value", "on")))
            elif tag.get("type") in ("file", "image", "reset"):
                continue
            else:
                self.fields.append((name, tag.get("value", "")))

    def _read_button(self, tag):
        if tag.get("type") in ("button", "reset") and not tag.get("data-workflow-action-name"):
            return
        self.buttons.append(
            FormButton(
                name=tag.get("name", ""),
                value=tag.get("value", ""),
                label=_text(tag),
                workflow_action=tag.get("data-workflow-action-name", ""),
                modal_url=tag.get("data-workflow-action-modal-url", ""),
            )
        )

    def field_names(self):
        return {name for name, _value in self.fields}

    def get(self, name, default=None):
        for field_name, value in self.fields:
            if field_name == name:
                return value
        return default

    def button(self, name=None, label=None, workflow_action=None):
        """The rendered button with this name, label (substring) or workflow action."""
        for candidate in self.buttons:
            if name is not None and candidate.name != name:
                continue
            if label is not None and label not in candidate.label:
                continue
            if workflow_action is not None and candidate.workflow_action != workflow_action:
                continue
            return candidate
        raise ButtonMissing(
            f"no button name={name!r} label={label!r} workflow_action={workflow_action!r} "
            f"in {self.url}; the form offers: {[str(b) for b in self.buttons]}"
        )

    def has_button(self, **kwargs):
        try:
            self.button(**kwargs)
        except ButtonMissing:
            return False
        return True

    # --- changing what the person changes ---

    def set(self, name, value):
        """Type into a field the form shows (a field it does not show cannot be set)."""
        if name not in self.field_names() and not self._is_stream_field(name):
            raise AssertionError(f"the form {self.url} has no field {name!r}")
        if isinstance(value, bool):
            self.fields = [(n, v) for n, v in self.fields if n != name]
            if value:
                self.fields.append((name, "on"))
            return self
        self.fields = [(n, v) for n, v in self.fields if n != name]
        self.fields.append((name, "" if value is None else str(value)))
        return self

    def set_stream(self, name, paragraphs):
        """Replace the StreamField ``name`` with paragraph blocks holding ``paragraphs``."""
        if name not in self.streams:
            raise AssertionError(f"the form {self.url} has no StreamField {name!r}")
        self.streams[name] = [
            {"type": "paragraph", "value": _rich_text(f"<p>{text}</p>"), "id": ""}
            for text in paragraphs
        ]
        return self

    def _is_stream_field(self, name):
        return any(name.startswith(f"{stream}-") for stream in self.streams)

    # --- submitting ---

    def data(self, button=None, extra=None):
        """The POST data a browser sends when ``button`` is pressed."""
        pairs = list(self.fields)
        for name, value in self.streams.items():
            pairs.extend(_stream_pairs(name, value))
        names = {name for name, _value in pairs}
        for key, default in (
            ("comments-TOTAL_FORMS", "0"),
            ("comments-INITIAL_FORMS", "0"),
            ("comments-MIN_NUM_FORMS", "0"),
            ("comments-MAX_NUM_FORMS", "1000"),
        ):
            if key not in names:
                pairs.append((key, default))
        if button is not None and button.name:
            pairs.append((button.name, button.value))
        pairs.extend((extra or {}).items())
        data = {}
        for name, value in pairs:
            data.setdefault(name, []).append(value)
        return data

    def submit(self, client, button=None, **button_query):
        """Press ``button`` (a ``FormButton`` or a query for ``button()``) and post the form."""
        if button is None and button_query:
            button = self.button(**button_query)
        extra = {}
        if button is not None and button.workflow_action:
            extra = {
                "action-workflow-action": "true",
                "workflow-action-name": button.workflow_action,
            }
        return client.post(self.action, self.data(button, extra))

    def workflow_action(self, client, action, comment=None, label=None):
        """Press a review action in the editor's menu: for actions with a dialog, open it, fill
        the comment, send it, then submit the edit form with the dialog's result."""
        candidates = [b for b in self.buttons if b.workflow_action == action]
        if comment is not None and label is None:
            # "Freigeben" and "Freigeben mit Kommentar" share the action; the latter has the dialog.
            candidates = [b for b in candidates if b.modal_url] or candidates
        button = (
            candidates[0]
            if candidates and label is None
            else self.button(workflow_action=action, label=label)
        )
        extra = {"action-workflow-action": "true", "workflow-action-name": action}
        if button.modal_url:
            response = client.get(button.modal_url)
            assert response.status_code == 200, (button.modal_url, response.status_code)
            dialog = AdminForm.from_html(response.json()["html"], url=button.modal_url)
            if comment is not None:
                dialog.set("comment", comment)
            result = client.post(dialog.action, dialog.data())
            payload = result.json()
            assert payload.get("step") == "success", payload
            extra["workflow-action-extra-data"] = json.dumps(payload["cleaned_data"])
        elif comment:
            raise AssertionError(f"the action {action!r} has no comment dialog")
        return client.post(self.action, self.data(None, extra))


def _request_url(response):
    request = getattr(response, "request", None) or {}
    return request.get("PATH_INFO", "")


def _is_chooser_state(value):
    return (
        isinstance(value, dict)
        and "id" in value
        and ({"title", "preview", "edit_url"} & set(value))
    )


def _stream_pairs(prefix, items):
    """The fields the StreamField widget posts for a stream value (see the module docstring)."""
    pairs = [(f"{prefix}-count", str(len(items)))]
    for index, item in enumerate(items):
        child = f"{prefix}-{index}"
        pairs += [
            (f"{child}-type", item["type"]),
            (f"{child}-id", item.get("id") or ""),
            (f"{child}-order", str(index)),
            (f"{child}-deleted", ""),
        ]
        pairs += _value_pairs(f"{child}-value", item["value"])
    return pairs


def _value_pairs(prefix, value):
    if _is_chooser_state(value):
        return [(prefix, str(value["id"]))]
    if isinstance(value, dict):
        pairs = []
        for key, child in value.items():
            pairs += _value_pairs(f"{prefix}-{key}", child)
        return pairs
    if isinstance(value, list):
        if all(isinstance(item, dict) and "type" in item for item in value):
            return _stream_pairs(prefix, value)
        pairs = [(f"{prefix}-count", str(len(value)))]
        for index, item in enumerate(value):
            child = f"{prefix}-{index}"
            pairs += [(f"{child}-id", ""), (f"{child}-order", str(index)), (f"{child}-deleted", "")]
            inner = item.get("value") if isinstance(item, dict) and "value" in item else item
            pairs += _value_pairs(f"{child}-value", inner)
        return pairs
    if value is None:
        return [(prefix, "")]
    if isinstance(value, bool):
        return [(prefix, "on")] if value else []
    return [(prefix, str(value))]
