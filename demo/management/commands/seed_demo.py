from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.seeding import seed_demo


class Command(BaseCommand):
    help = "Load the fictitious demo network (umbrella site, members, news, accounts). Idempotent."

    def handle(self, *args, **options):
        if not settings.DEBUG or settings.SETTINGS_MODULE.endswith(".production"):
            raise CommandError(
                "seed_demo is for development and demonstration only and refuses to run with "
                "production settings."
            )
        context = seed_demo()
        for line in context.lines:
            self.stdout.write(f"+ {line}")
        self.stdout.write(self.style.SUCCESS("Demo-Netzwerk ist bereit."))
