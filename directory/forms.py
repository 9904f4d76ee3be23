from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Accessibility, Kind, TargetGroup

QUERY_MAX_LENGTH = 100


class DirectoryFilterForm(forms.Form):
    """The reader's filters (a GET form; every field optional). Invalid values are reported
    and ignored; the valid ones still apply."""

    q = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        max_length=QUERY_MAX_LENGTH,
        error_messages={
            "max_length": _("Der Suchbegriff darf höchstens %(limit_value)d Zeichen lang sein.")
        },
    )
    bezirk = forms.ChoiceField(label=_("Kreis"), required=False)
    art = forms.ChoiceField(
        label=_("Art des Angebots"),
        required=False,
        choices=[("", _("alle Arten"))] + Kind.choices,
    )
    zielgruppe = forms.ChoiceField(
        label=_("Zielgruppe"),
        required=False,
        choices=[("", _("alle Zielgruppen"))] + TargetGroup.choices,
    )
    barrierefrei = forms.MultipleChoiceField(
        label=_("Barrierefreiheit des Ortes"),
        required=False,
        choices=Accessibility.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    online = forms.BooleanField(label=_("nur online/telefonisch"), required=False)
    geoeffnet = forms.BooleanField(label=_("jetzt geöffnet"), required=False)

    def __init__(self, data=None, *, districts):
        super().__init__(data)
        self.fields["bezirk"].choices = [("", _("alle Kreise"))] + [
            (district.ars, str(district)) for district in districts
        ]

    def clean_q(self):
        # Django's CharField already refuses null characters with its own message.
        return " ".join(self.cleaned_data["q"].split())

    @property
    def values(self):
        """The valid filter values (invalid fields left out)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class MemberFilterForm(forms.Form):
    bezirk = forms.ChoiceField(label=_("Kreis"), required=False)
    art = forms.ChoiceField(
        label=_("Art der Angebote"),
        required=False,
        choices=[("", _("alle Arten"))] + Kind.choices,
    )

    def __init__(self, data=None, *, districts):
        super().__init__(data)
        self.fields["bezirk"].choices = [("", _("alle Kreise"))] + [
            (district.ars, str(district)) for district in districts
        ]

    @property
    def values(self):
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
