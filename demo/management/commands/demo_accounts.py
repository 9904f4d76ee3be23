import binascii

from django.conf import settings
from django.core.management.base import BaseCommand
from django_otp.oath import totp

from accounts.devices import key_hex_from_base32
from demo.content import DEMO_PASSWORD, DEMO_TOTP_SECRET
from microsites.models import Member


class Command(BaseCommand):
    help = "Print the demo network's addresses and logins."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--code",
            action="store_true",
            help="Print only the current second-factor code of the demo accounts.",
        )

    def handle(self, *args, **options):
        if options["code"]:
            self.print_code()
            return
        port = options["port"]
        base = f"http://{settings.NETWORK_DOMAIN}:{port}"
        out = self.stdout.write
        out("")
        out(self.style.SUCCESS("LAG Queeres Netzwerk Sachsen – Demo"))
        out(f"  Dachverband:     {base}/   (English: {base}/en/)")
        out(f"  Verwaltung:      {base}/admin/")
        for member in Member.objects.order_by("name"):
            out(f"  {member.short_name:<24} http://{member.hostname}:{port}/")
        out("")
        out(f"  Anmeldungen (Passwort für alle: {DEMO_PASSWORD}):")
        out("    admin                  Administration")
        out("    lag                    LAG-Redaktion (gibt frei, alle Mitglieder)")
        for member in Member.objects.order_by("name"):
            out(f"    {member.slug:<22} Redaktion {member.short_name}")
            if member.requires_member_approval:
                out(f"    {member.slug + '-freigabe':<22} Freigabe im Verein {member.short_name}")
        out("")
        out("  Zweiter Faktor (admin, lag, *-freigabe): Authenticator-App mit dem Schlüssel")
        out(f"    {DEMO_TOTP_SECRET}")
        out(f"    aktueller Code: {current_code()} (gilt 30 Sekunden;")
        out("    neu: manage.py demo_accounts --code)")
        out("")

    def print_code(self):
        self.stdout.write(current_code())


def current_code():
    """The code the demo accounts' authenticator app shows now."""
    return f"{totp(binascii.unhexlify(key_hex_from_base32(DEMO_TOTP_SECRET))):06d}"
