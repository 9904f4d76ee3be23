from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup


class Command(BaseCommand):
    help = "Writes a backup of the database and the media files to BACKUP_DIR (or --output)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="folder to write the backup into (BACKUP_DIR)")
        parser.add_argument(
            "--keep", type=int, default=None, help="keep only this many newest backups there"
        )

    def handle(self, *args, output=None, keep=None, **options):
        try:
            folder = backup(output, keep=keep)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written to {folder}")
