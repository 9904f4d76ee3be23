from django.conf import settings
from django.core.management.base import BaseCommand

from demo.content import DEMO_PASSWORD
from microsites.models import Member


class Command(BaseCommand):
    help = "Print the demo network's addresses and logins."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, **options):
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
