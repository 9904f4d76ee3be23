"""Fill and submit an admin form as a browser would, with Django's test client.

``AdminForm.from_response(client, response)`` parses the form a view rendered: every field it
shows (hidden inputs included, disabled ones left out, as browsers do), its options and its
buttons. Tests then change only fields the form has (``set`` refuses a name the form does not
show, ``set`` on a select refuses a value it does not offer) and press a button the form
renders (``press``), or a workflow action of Wagtail's action menu (``workflow_action``, with the
comment dialog where the action has one). Nothing else is posted.

    form = AdminForm.from_response(client, client.get(add_url))
    form.set("name", "Beratung")
    response = form.press("action-submit")
"""

import json
from urllib.parse import urljoin

from bs4 import BeautifulSoup

# Wagtail's editor form; other admin forms are found by selector.
EDIT_FORM_SELECTOR = "form[data-edit-form]"


class FormError(AssertionError):
    pass


class AdminForm:
    def __init__(self, client, form, url):
        self.client = client
        self.form = form
        self.url = url
        self.action = urljoin(url, form.get("action") or url)
        self.method = (form.get("method") or "get").lower()
        self.values = {}
        self.options = {}
        self.multiple = set()
        self.kinds = {}
        self._read()

    @classmethod
    def from_response(cls, client, response, selector=None):
        assert response.status_code == 200, f"{response.status_code} for {response.request}"
        content = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            content = json.loads(content)["html"]
        soup = BeautifulSoup(content, "html.parser")
        form = soup.select_one(selector) if selector else None
        if form is None and selector is None:
            form = soup.select_one(EDIT_FORM_SELECTOR) or soup.select_one("form[method=post]")
        if form is None:
            raise FormError(f"No form {selector or ''} on the page")
        return cls(client, form, response.request["PATH_INFO"])

    # --- reading ---

    def _fields(self):
        # Fields may sit outside the <form> element and point at it with form="id".
        fields = list(self.form.find_all(["input", "select", "textarea", "button"]))
        form_id = self.form.get("id")
        if form_id:
            root = self.form
            while root.parent is not None:
                root = root.parent
            fields += [
                field
                for field in root.find_all(["input", "select", "textarea", "button"])
                if field.get("form") == form_id and field not in fields
            ]
        return fields

    def _read(self):
        for field in self._fields():
            name = field.get("name")
            if not name or field.has_attr("disabled") or field.name == "button":
                continue
            kind = (field.get("type") or "text").lower() if field.name == "input" else field.name
            if kind in ("submit", "button", "image", "reset", "file"):
                continue
            self.kinds[name] = kind
            if kind in ("checkbox", "radio"):
                self.options.setdefault(name, []).append(field.get("value", "on"))
                if kind == "checkbox":
                    self.multiple.add(name)
                self.values.setdefault(name, [])
                if field.has_attr("checked"):
                    self.values[name].append(field.get("value", "on"))
            elif kind == "select":
                options = [option.get("value", option.text) for option in field.find_all("option")]
                self.options[name] = options
                selected = [
                    option.get("value", option.text)
                    for option in field.find_all("option")
                    if option.has_attr("selected")
                ]
                if field.has_attr("multiple"):
                    self.multiple.add(name)
                    self.values[name] = selected
                else:
                    self.values[name] = selected[-1:] or options[:1]
            elif kind == "textarea":
                self.values.setdefault(name, []).append(field.text.lstrip("\n"))
            else:
                self.values.setdefault(name, []).append(field.get("value", ""))

    def __contains__(self, name):
        return name in self.values

    def get(self, name):
        values = self.values[name]
        return values if name in self.multiple else (values[0] if values else "")

    def buttons(self):
        """The submit buttons the form renders: [(name, value)]."""
        found = []
        for field in self._fields():
            kind = (field.get("type") or "submit").lower()
            if (
                field.name in ("button", "input")
                and kind == "submit"
                and field.get("name")
                and not field.has_attr("disabled")
            ):
                found.append((field["name"], field.get("value", "")))
        return found

    def workflow_actions(self):
        """Wagtail's review actions in the action menu: {name: modal URL or None}, for the
        action without dialog and the one with (e.g. approve and approve with comment) under
        ``name`` and ``name+comment``."""
        actions = {}
        for button in self.form.select("[data-workflow-action-name]"):
            name = button["data-workflow-action-name"]
            modal = button.get("data-workflow-action-modal-url")
            actions[f"{name}+comment" if modal else name] = modal
        return actions

    # --- filling ---

    def set(self, name, value):
        if name not in self.values:
            raise FormError(f"The form shows no field {name!r}; it has {sorted(self.values)}")
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        values = [str(v) for v in values]
        if name in self.options:
            missing = [v for v in values if v not in self.options[name]]
            if missing:
                raise FormError(f"{name!r} offers no {missing}; it offers {self.options[name]}")
        if name not in self.multiple and len(values) > 1:
            raise FormError(f"{name!r} takes one value")
        self.values[name] = values
        return self

    def fill(self, **values):
        for name, value in values.items():
            self.set(name, value)
        return self

    # --- submitting ---

    def data(self, extra=()):
        data = {name: list(values) for name, values in self.values.items() if values}
        for name, value in extra:
            data.setdefault(name, []).append(value)
        return data

    def press(self, name, value=None, **client_kwargs):
        """Press the submit button ``name`` (with ``value`` if several share the name)."""
        buttons = self.buttons()
        matching = [(n, v) for n, v in buttons if n == name and (value is None or v == value)]
        if not matching:
            raise FormError(f"The form has no button {name!r}={value!r}; it has {buttons}")
        return self._submit(self.data([matching[0]]), **client_kwargs)

    def submit(self, **client_kwargs):
        """Submit without pressing a named button (a form with a plain submit button)."""
        return self._submit(self.data(), **client_kwargs)

    def workflow_action(self, name, comment=None, **client_kwargs):
        """Press a review action of the action menu, as Wagtail's script does: with a comment
        the action's dialog is opened, filled and sent first."""
        actions = self.workflow_actions()
        key = f"{name}+comment" if comment is not None else name
        if key not in actions:
            raise FormError(f"The action menu offers no {key!r}; it offers {sorted(actions)}")
        extra = {}
        if comment is not None:
            dialog = AdminForm.from_response(
                self.client, self.client.get(actions[key]), selector="form"
            )
            dialog.set("comment", comment)
            answer = dialog.submit()
            result = json.loads(answer.content)
            if result.get("step") != "success":
                raise FormError(f"The dialog did not accept the comment: {result}")
            extra = result["cleaned_data"]
        return self._submit(
            self.data(
                [
                    ("action-workflow-action", "true"),
                    ("workflow-action-name", name),
                    ("workflow-action-extra-data", json.dumps(extra)),
                ]
            ),
            **client_kwargs,
        )

    def _submit(self, data, **client_kwargs):
        if self.method == "get":
            return self.client.get(self.action, data, **client_kwargs)
        return self.client.post(self.action, data, **client_kwargs)


def open_form(client, url, selector=None):
    """GET ``url`` and parse its form."""
    return AdminForm.from_response(client, client.get(url), selector=selector)
