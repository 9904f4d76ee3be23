from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp import match_token


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={
                    "autocomplete": "one-time-code",
                    "autocapitalize": "off",
                    "spellcheck": "false",
                }
            ),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        return "".join((super().to_python(value) or "").split())


class VerifyForm(forms.Form):
    """The second step of signing in: a code from the app or one recovery code."""

    code = CodeField(
        label=_("Code"),
        help_text=_(
            "Der sechsstellige Code aus Ihrer Authenticator-App oder einer Ihrer "
            "Wiederherstellungscodes."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.device = match_token(self.user, code)
        if self.device is None:
            raise forms.ValidationError(
                _(
                    "Dieser Code ist nicht gültig. Bitte geben Sie den aktuellen Code ein; "
                    "ein Wiederherstellungscode gilt nur einmal."
                ),
                code="invalid",
            )
        return code


class ConfirmAppForm(forms.Form):
    """Setting up an authenticator app: the app's first code proves the secret arrived."""

    code = CodeField(
        label=_("Code aus der App"),
        help_text=_("Geben Sie den sechsstelligen Code ein, den Ihre App jetzt anzeigt."),
    )
