from django.core.management.base import BaseCommand

from editorial.notifications import send_digests


class Command(BaseCommand):
    help = (
        "Send the daily digest of waiting approvals to everyone who chose it instead of one "
        "e-mail per submission. Run once a day (e.g. from cron or a systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only list who would get a digest with how many items.",
        )

    def handle(self, *args, dry_run=False, **options):
        report = send_digests(dry_run=dry_run)
        for user, count in report:
            self.stdout.write(f"{user.get_username()}: {count}")
        verb = "would get" if dry_run else "got"
        self.stdout.write(self.style.SUCCESS(f"{len(report)} reviewer(s) {verb} a digest."))
