from wagtail.admin.forms import WagtailAdminPageForm


class RequiredToPublishMessagesMixin:
    """Shows a required field's own "blank" message (e.g. "Zum Veröffentlichen fehlt noch: die
    Anschrift.") when it is left empty on publishing, instead of the generic one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = self._meta.model
        for name, field in self.fields.items():
            try:
                model_field = model._meta.get_field(name)
            except Exception:  # noqa: BLE001 - form-only fields (comments, formsets)
                continue
            message = getattr(model_field, "error_messages", {}).get("blank")
            if message and not model_field.blank:
                field.error_messages["required"] = message


class LegalPageForm(RequiredToPublishMessagesMixin, WagtailAdminPageForm):
    pass
