from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from districts.models import District
from microsites.models import Member
from microsites.provisioning import ProvisioningError, provision_member

# Options that map 1:1 onto Member fields.
FIELD_OPTIONS = {
    "name": "name",
    "short_name": "short_name",
    "town": "town",
    "custom_domain": "custom_domain",
    "website": "website",
    "contact_email": "contact_email",
}


class Command(BaseCommand):
    help = (
        "Create a member association with everything it needs (site, pages in de/en, collection, "
        "groups, permissions, settings, workflow), or repair an existing one. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", nargs="?", help="Kürzel, becomes <slug>.NETWORK_DOMAIN")
        parser.add_argument("--name", help="Full name with legal form")
        parser.add_argument("--short-name", help="Short name (defaults to the name)")
        parser.add_argument("--district", help="Official ARS key of the district, e.g. 14523")
        parser.add_argument("--town")
        parser.add_argument("--custom-domain", help="Optional own domain, e.g. verein.de")
        parser.add_argument("--website")
        parser.add_argument("--contact-email")
        approval = parser.add_mutually_exclusive_group()
        approval.add_argument(
            "--member-approval", dest="member_approval", action="store_true", default=None
        )
        approval.add_argument("--no-member-approval", dest="member_approval", action="store_false")
        state = parser.add_mutually_exclusive_group()
        state.add_argument("--deactivate", dest="active", action="store_false", default=None)
        state.add_argument("--activate", dest="active", action="store_true")
        parser.add_argument(
            "--update",
            action="store_true",
            help="Allow changing the fields of an existing member; without it they must match.",
        )
        parser.add_argument("--all", action="store_true", help="Repair every existing member.")

    def handle(self, *args, **options):
        if options["all"]:
            for member in Member.objects.all():
                self._provision(member)
            return
        slug = options["slug"]
        if not slug:
            raise CommandError(_("Bitte ein Kürzel angeben (oder --all)."))
        member = Member.objects.filter(slug=slug).first()
        values = {
            field: options[option]
            for option, field in FIELD_OPTIONS.items()
            if options[option] is not None
        }
        if options["member_approval"] is not None:
            values["requires_member_approval"] = options["member_approval"]
        if options["active"] is not None:
            values["active"] = options["active"]
        if options["district"] is not None:
            district = District.objects.filter(ars=options["district"]).first()
            if district is None:
                raise CommandError(
                    _("Unbekannter Kreis %(ars)s. Gültige Schlüssel: %(keys)s")
                    % {
                        "ars": options["district"],
                        "keys": ", ".join(f"{d.ars} {d}" for d in District.objects.order_by("ars")),
                    }
                )
            values["district"] = district

        if member is None:
            missing = [opt for opt in ("name", "district", "town") if opt not in values]
            if missing:
                raise CommandError(
                    _("Für ein neues Mitglied fehlen: %(options)s")
                    % {"options": ", ".join(f"--{opt}" for opt in missing)}
                )
            values.setdefault("short_name", values["name"][:60])
            member = Member(slug=slug, **values)
        else:
            differing = [
                field for field, value in values.items() if getattr(member, field) != value
            ]
            if differing and not options["update"]:
                raise CommandError(
                    _(
                        "Das Kürzel „%(slug)s“ gehört bereits zu „%(name)s“ mit anderen Angaben "
                        "(%(fields)s). Mit --update ändern oder ein anderes Kürzel wählen."
                    )
                    % {"slug": slug, "name": member.name, "fields": ", ".join(differing)}
                )
            for field, value in values.items():
                setattr(member, field, value)
        self._provision(member)

    def _provision(self, member):
        try:
            with transaction.atomic():
                report = provision_member(member)
        except ProvisioningError as error:
            raise CommandError(str(error)) from error
        for line in report.created:
            self.stdout.write(f"+ {line}")
        for line in report.changed:
            self.stdout.write(f"~ {line}")
        if report.is_noop:
            self.stdout.write(
                _("%(name)s: nichts zu tun, alles ist eingerichtet.") % {"name": member.name}
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _("%(name)s ist eingerichtet: %(url)s")
                    % {"name": member.name, "url": member.site.root_url}
                )
            )
