from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from contact.retention import purge_expired_submissions


class Command(BaseCommand):
    help = (
        "Deletes contact form submissions older than the retention period of their page. "
        "Run it once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be deleted.",
        )

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            counts = purge_expired_submissions(dry_run=dry_run)
        titles = dict(Page.objects.filter(pk__in=counts).values_list("pk", "url_path"))
        verb = "would be deleted" if dry_run else "deleted"
        for page_id, number in sorted(counts.items()):
            self.stdout.write(f"{titles.get(page_id, page_id)}: {number} {verb}")
        self.stdout.write(f"{sum(counts.values())} submission(s) {verb}.")
