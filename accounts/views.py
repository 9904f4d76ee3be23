"""The second factor in the admin: verification after the password, and the pages where people
set up authenticator apps, passkeys and recovery codes (docs/accounts.md)."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.admin import messages

from . import devices
from .forms import ConfirmAppForm, VerifyForm
from .policy import (
    has_second_factor,
    passkeys,
    remaining_recovery_codes,
    second_factor_required,
    totp_devices,
)


def _next_url(request):
    """The admin page to continue with: ``next`` if it is on this host, else the dashboard."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


@never_cache
def verify(request):
    """The second step of signing in, for people who have an app or a passkey."""
    user = request.user
    if user.is_verified() or not has_second_factor(user):
        return redirect(_next_url(request))
    form = VerifyForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        if isinstance(form.device, StaticDevice):
            left = remaining_recovery_codes(user)
            messages.warning(
                request,
                _(
                    "Sie haben sich mit einem Wiederherstellungscode angemeldet; er ist jetzt "
                    "verbraucht. Es bleiben %(count)d Codes. Richten Sie bei Bedarf eine neue "
                    "Authenticator-App oder einen neuen Passkey ein."
                )
                % {"count": left},
            )
        return redirect(_next_url(request))
    return TemplateResponse(
        request,
        "accounts/verify.html",
        {
            "form": form,
            "next": _next_url(request),
            "has_app": totp_devices(user).exists(),
            "has_passkey": passkeys(user).exists(),
        },
    )


@never_cache
def overview(request):
    """The person's second factors, with the ways to add and remove them."""
    user = request.user
    return TemplateResponse(
        request,
        "accounts/overview.html",
        {
            "required": second_factor_required(user),
            "enrolled": has_second_factor(user),
            "apps": totp_devices(user),
            "passkeys": passkeys(user),
            "recovery_codes_left": remaining_recovery_codes(user),
            "next": _next_url(request),
        },
    )


@never_cache
def set_up_app(request):
    """Set up an authenticator app: show the secret as QR code and as text, confirm a code."""
    user = request.user
    device = devices.pending_totp_device(user)
    form = ConfirmAppForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if devices.confirm_totp_device(device, form.cleaned_data["code"]):
            if not user.is_verified():
                otp_login(request, device)
            messages.success(request, _("Die Authenticator-App ist eingerichtet."))
            if remaining_recovery_codes(user) == 0:
                return _show_recovery_codes(request, devices.new_recovery_codes(user))
            return redirect(_next_url(request))
        form.add_error(
            "code",
            _(
                "Dieser Code passt nicht. Prüfen Sie, ob die Uhrzeit Ihres Geräts stimmt, und "
                "geben Sie den Code ein, den die App gerade anzeigt."
            ),
        )
    return TemplateResponse(
        request,
        "accounts/set_up_app.html",
        {
            "form": form,
            "qr_code": devices.qr_code_svg(device.config_url),
            "secret": devices.base32_secret(device),
            "next": _next_url(request),
        },
    )


@never_cache
def set_up_passkey(request):
    """Register a passkey (the browser's WebAuthn dialogue, driven by django-otp-webauthn)."""
    return TemplateResponse(
        request,
        "accounts/set_up_passkey.html",
        {"next": _next_url(request), "passkeys": passkeys(request.user)},
    )


@never_cache
def recovery_codes(request):
    """How many recovery codes are left; a new set replaces the old one (POST)."""
    user = request.user
    if not has_second_factor(user):
        return redirect("accounts:overview")
    if request.method == "POST":
        return _show_recovery_codes(request, devices.new_recovery_codes(user))
    return TemplateResponse(
        request,
        "accounts/recovery_codes.html",
        {"codes": None, "left": remaining_recovery_codes(user), "next": _next_url(request)},
    )


def _show_recovery_codes(request, codes):
    return TemplateResponse(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "left": len(codes), "next": _next_url(request)},
    )


@never_cache
@require_POST
def remove(request, kind, pk):
    """Remove an app or a passkey; the last one only where no second factor is required."""
    user = request.user
    queryset = {"app": totp_devices(user), "passkey": passkeys(user)}.get(kind)
    if queryset is None:
        raise Http404
    device = queryset.filter(pk=pk).first()
    if device is None:
        raise Http404
    others = totp_devices(user).count() + passkeys(user).count() - 1
    if others == 0 and second_factor_required(user):
        messages.error(
            request,
            _(
                "Für Ihre Rolle ist ein zweiter Faktor vorgeschrieben. Richten Sie zuerst eine "
                "andere App oder einen anderen Passkey ein, bevor Sie diesen entfernen."
            ),
        )
        return redirect("accounts:overview")
    device.delete()
    if others == 0:
        devices.remove_recovery_codes(user)
    messages.success(
        request, _("Der zweite Faktor „%(name)s“ wurde entfernt.") % {"name": device.name}
    )
    return redirect("accounts:overview")
