from django.core.management.base import BaseCommand

from microsites.provisioning import provision_network


class Command(BaseCommand):
    help = "Create or repair the umbrella site and the network-wide groups, collection and task."

    def handle(self, *args, **options):
        report = provision_network()
        for line in report.created:
            self.stdout.write(f"+ {line}")
        for line in report.changed:
            self.stdout.write(f"~ {line}")
        self.stdout.write(self.style.SUCCESS("Netzwerk ist eingerichtet."))
