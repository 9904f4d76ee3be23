// After django-otp-webauthn has registered a passkey, continue on the overview page.
document.addEventListener("otp_webauthn.register_complete", () => {
  const container = document.getElementById("accounts-passkey-setup");
  if (container) {
    window.location.assign(container.dataset.doneUrl);
  }
});
