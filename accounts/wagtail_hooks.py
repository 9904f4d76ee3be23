"""Admin wiring of the second factor: its pages, the WebAuthn endpoints, the account menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("zweiter-faktor/", include(urls, namespace="accounts")),
        # django-otp-webauthn's JSON endpoints and its JavaScript catalogue, under the admin so
        # that they answer in the user's admin language and only to admin users.
        path("zweiter-faktor/webauthn/", include("django_otp_webauthn.urls")),
    ]


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    return {
        "url": reverse("accounts:overview"),
        "label": _("Zweiter Faktor"),
        "help_text": _(
            "Authenticator-App, Passkeys und Wiederherstellungscodes für die Anmeldung."
        ),
    }
