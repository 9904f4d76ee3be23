from functools import cached_property
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseRedirect
from django.urls import reverse

from .policy import has_second_factor, second_factor_required

# Admin views anybody signed in may open before the second factor.
ALWAYS_OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "otp_webauthn:js-i18n-catalog",
}
# ... people with a second factor, to prove it.
VERIFICATION = {
    "accounts:verify",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
}
# ... people who must set one up and have none yet.
ENROLMENT = {
    "accounts:overview",
    "accounts:totp",
    "accounts:passkey",
    "otp_webauthn:credential-registration-begin",
    "otp_webauthn:credential-registration-complete",
}


class SecondFactorMiddleware:
    """Holds admin sessions at the second factor.

    After the password, a person with an authenticator app or passkey sees only the
    verification page until they have used it (or a recovery code) in this session; a person
    who must have a second factor and has none sees only the set-up pages. Outside the admin
    (restricted pages, private documents, previews of the user bar) such a session counts as
    signed out. Runs after django-otp's ``OTPMiddleware``, which tells whether the session is
    verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if not request.path.startswith(self.admin_prefix):
            if has_second_factor(user) or second_factor_required(user):
                request.user = AnonymousUser()
            return None
        if not user.has_perm("wagtailadmin.access_admin"):
            return None  # Wagtail refuses them anyway.
        match = request.resolver_match
        url_name = match.view_name if match else ""
        if url_name in ALWAYS_OPEN:
            return None
        if has_second_factor(user):
            if url_name in VERIFICATION:
                return None
            return self._redirect(request, "accounts:verify")
        if second_factor_required(user):
            if url_name in ENROLMENT:
                return None
            return self._redirect(request, "accounts:overview")
        return None

    def _redirect(self, request, url_name):
        target = reverse(url_name)
        if request.method == "GET" and request.get_full_path() != self.admin_prefix:
            target += "?" + urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(target)
