from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, latest, restore


class Command(BaseCommand):
    help = (
        "Restores a backup (the newest in BACKUP_DIR unless a folder is given) into the "
        "database and the media folder, replacing what is there."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", help="backup folder (qns-<time>)")
        parser.add_argument("--database-url", help="restore into this database instead")
        parser.add_argument("--media-root", help="restore the media files into this folder")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, folder=None, database_url=None, media_root=None, yes=False, **opts):
        try:
            folder = folder or latest()
            if not yes:
                answer = input(f"Replace the database and media files with {folder}? [y/N] ")
                if answer.strip().lower() not in ("y", "yes", "j", "ja"):
                    raise CommandError("Nothing restored.")
            restore(folder, database_url=database_url, media_root=media_root)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {folder}")
