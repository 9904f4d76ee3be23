from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import SwitchInput

from .models import NetworkWithdrawal, NotificationSettings


class WithdrawalForm(forms.ModelForm):
    class Meta:
        model = NetworkWithdrawal
        fields = ["reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = [
            "submission_delivery",
            "published_notifications",
            "outdated_translation_notifications",
        ]
        widgets = {
            "submission_delivery": forms.RadioSelect,
            "published_notifications": SwitchInput(),
            "outdated_translation_notifications": SwitchInput(),
        }

    def __init__(self, *args, reviewer=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not reviewer:
            # Only people who approve receive submissions; no need to ask the others.
            del self.fields["submission_delivery"]


DRAFT_LABEL = _("Übersetzungen als Entwurf aktualisieren")
DRAFT_HELP = _(
    "Die Änderungen des Originals werden in die Übersetzungen übernommen und als Entwurf "
    "gespeichert. Veröffentlicht werden sie erst nach der Freigabe."
)
