"""Provisioning: everything a site of the network needs, created and repaired idempotently.

``provision_network()`` sets up the umbrella site and the network-wide parts (locales, the
LAG staff group, the shared collection, the LAG approval task). ``provision_member(member)``
creates a member's site, pages in German and English, collection, groups, permissions, site
settings and workflow. Both run in one transaction, only add what is missing and repair what
is wrong, so running them twice changes nothing. The management commands and the admin call
these functions; there is no second implementation.

Other apps add their default pages with the ``register_default_pages`` hook (a function returning
``DefaultPage`` entries) and further parts with the ``provision_member`` hook (called with the
member and the report inside the same transaction).
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, When
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from tenancy.registry import member_owned_permission_names

from .models import Member, MemberSiteSettings, SiteSettings

UMBRELLA = "umbrella"
MEMBER = "member"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


class ProvisioningError(Exception):
    """Provisioning was refused; the message says why, nothing was changed."""


@dataclass
class ProvisioningReport:
    created: list = field(default_factory=list)
    changed: list = field(default_factory=list)

    def add(self, text):
        self.created.append(str(text))

    def change(self, text):
        self.changed.append(str(text))

    @property
    def is_noop(self):
        return not (self.created or self.changed)


@dataclass(frozen=True)
class DefaultPage:
    """A page every site (or every site of one kind) gets below its home page."""

    model: str  # "app_label.ModelName"
    titles: dict  # language code -> title
    slugs: dict  # language code -> slug
    kinds: tuple = (UMBRELLA, MEMBER)
    # True/False, or called as live(member_or_none) -> bool.
    live: object = True
    show_in_menus: bool = True
    # Called as fields(member_or_none, language_code) -> dict of extra field values.
    fields: object = None

    @property
    def page_model(self):
        return apps.get_model(self.model)


def _contact_form_fields():
    from contact.models import default_form_fields

    return default_form_fields()


def _contact_address(member):
    if member is None:
        return settings.NETWORK_CONTACT_EMAIL
    return member.contact_email or ""


def _legal_fields(member, language_code):
    owner = member.name if member else settings.NETWORK_NAME
    email = (member.contact_email if member else "") or ""
    return {"organisation_name": owner, "contact_email": email}


BUILTIN_DEFAULT_PAGES = [
    DefaultPage(
        "news.NewsIndexPage",
        {"de": "Aktuelles", "en": "News"},
        {"de": "aktuelles", "en": "news"},
    ),
    DefaultPage(
        "contact.ContactPage",
        {"de": "Kontakt", "en": "Contact"},
        {"de": "kontakt", "en": "contact"},
        # A contact form goes live only with a recipient address; otherwise it waits as a draft.
        live=lambda member: bool(_contact_address(member)),
        fields=lambda member, code: {
            "to_address": _contact_address(member),
            "form_fields": _contact_form_fields(),
        },
    ),
    DefaultPage(
        "legal.ImprintPage",
        {"de": "Impressum", "en": "Legal notice"},
        {"de": "impressum", "en": "legal-notice"},
        live=False,
        show_in_menus=False,
        fields=_legal_fields,
    ),
    DefaultPage(
        "legal.PrivacyPage",
        {"de": "Datenschutz", "en": "Privacy"},
        {"de": "datenschutz", "en": "privacy"},
        live=False,
        show_in_menus=False,
        fields=_legal_fields,
    ),
    DefaultPage(
        "legal.AccessibilityStatementPage",
        {"de": "Erklärung zur Barrierefreiheit", "en": "Accessibility statement"},
        {"de": "barrierefreiheit", "en": "accessibility"},
        live=False,
        show_in_menus=False,
        fields=_legal_fields,
    ),
]


def default_pages(kind):
    pages = list(BUILTIN_DEFAULT_PAGES)
    for hook in hooks.get_hooks("register_default_pages"):
        pages.extend(hook())
    return [page for page in pages if kind in page.kinds]


# --- Permissions --------------------------------------------------------------------------


def _permission(name):
    app_label, codename = name.split(".")
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist as exc:
        raise ProvisioningError(f"Permission {name} is missing; run migrate first.") from exc


PAGE_PERMISSIONS_EDITORS = ["add_page", "change_page"]
PAGE_PERMISSIONS_APPROVERS = ["add_page", "change_page", "lock_page", "unlock_page"]
PAGE_PERMISSIONS_LAG = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
]
MEDIA_PERMISSIONS_EDITORS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
MEDIA_PERMISSIONS_APPROVERS = MEDIA_PERMISSIONS_EDITORS + [
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
]
MEDIA_PERMISSIONS_SHARED = ["wagtailimages.choose_image", "wagtaildocs.choose_document"]
MEMBER_GLOBAL_PERMISSIONS = ["wagtail_localize.submit_translation"]
# "Freigabe" also looks after the member's own site and people: redirects of its own site and
# the member's team (invite, deactivate, assign the member's two roles; see tenancy/team.py).
APPROVER_GLOBAL_PERMISSIONS = [
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
    "tenancy.add_teammember",
    "tenancy.change_teammember",
    "tenancy.view_teammember",
]
LAG_GLOBAL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    "microsites.add_member",
    "microsites.change_member",
    "microsites.view_member",
    "microsites.change_sitesettings",
    "microsites.change_networksettings",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
    "wagtailcore.add_workflow",
    "wagtailcore.change_workflow",
    "wagtailcore.add_task",
    "wagtailcore.change_task",
    "wagtailcore.view_workflow",
    "wagtailcore.view_task",
    "tenancy.add_teammember",
    "tenancy.change_teammember",
    "tenancy.view_teammember",
]
ALL_MEDIA_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtaildocs.choose_document",
]


def _sync_group_permissions(group, names, report):
    wanted = {_permission(name) for name in names}
    current = set(group.permissions.all())
    for permission in wanted - current:
        group.permissions.add(permission)
        report.add(
            _("Recht %(perm)s für %(group)s") % {"perm": permission.codename, "group": group}
        )
    for permission in current - wanted:
        group.permissions.remove(permission)
        report.change(
            _("Recht %(perm)s von %(group)s entfernt")
            % {"perm": permission.codename, "group": group}
        )


def _sync_page_permissions(group, pages, codenames, report):
    permissions = [_permission(f"wagtailcore.{codename}") for codename in codenames]
    page_ids = {page.pk for page in pages}
    for page in pages:
        for permission in permissions:
            _obj, created = GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission
            )
            if created:
                report.add(
                    _("Seitenrecht %(perm)s auf %(page)s für %(group)s")
                    % {"perm": permission.codename, "page": page.title, "group": group}
                )
    # A member group must never hold a page permission it was not given here (e.g. publish).
    stray = GroupPagePermission.objects.filter(group=group).exclude(
        page_id__in=page_ids, permission__in=permissions
    )
    if stray.exists():
        report.change(_("Überzählige Seitenrechte von %(group)s entfernt") % {"group": group})
        stray.delete()


def _sync_collection_permissions(group, grants, report):
    """grants: list of (collection, [permission names])."""
    wanted = set()
    for collection, names in grants:
        for name in names:
            permission = _permission(name)
            wanted.add((collection.pk, permission.pk))
            _obj, created = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
            if created:
                report.add(
                    _("Medienrecht %(perm)s auf %(collection)s für %(group)s")
                    % {"perm": permission.codename, "collection": collection, "group": group}
                )
    for grant in GroupCollectionPermission.objects.filter(group=group):
        if (grant.collection_id, grant.permission_id) not in wanted:
            grant.delete()
            report.change(_("Überzähliges Medienrecht von %(group)s entfernt") % {"group": group})


def _sync_site_permission(group, site, report):
    """The group may change the settings of ``site`` (of no site when ``site`` is None)."""
    permission = _permission("microsites.change_sitesettings")
    if site is not None:
        _obj, created = GroupSitePermission.objects.get_or_create(
            group=group, site=site, permission=permission
        )
        if created:
            report.add(
                _("Einstellungsrecht auf %(site)s für %(group)s") % {"site": site, "group": group}
            )
    stray = GroupSitePermission.objects.filter(group=group)
    if site is not None:
        stray = stray.exclude(site=site, permission=permission)
    if stray.exists():
        stray.delete()
        report.change(_("Überzählige Einstellungsrechte von %(group)s entfernt") % {"group": group})


# --- Pages --------------------------------------------------------------------------------


def ensure_locales(report):
    locales = {}
    for code in LANGUAGE_CODES:
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            report.add(_("Sprache %(code)s") % {"code": code})
        locales[code] = locale
    return locales


def _publish(page):
    page.save_revision(log_action=True).publish()


def _ensure_home(model, locales, existing_de, titles, slug, report, fields=None):
    """The home page in every language, siblings under the tree root, sharing a translation key."""
    root = Page.get_first_root_node()
    fields = fields or {}
    homes = {}
    de_home = existing_de
    if de_home is None:
        de_home = model(title=titles["de"], slug=slug, locale=locales["de"], **fields)
        root.add_child(instance=de_home)
        _publish(de_home)
        report.add(_("Startseite (de) %(title)s") % {"title": de_home.title})
    homes["de"] = de_home
    for code in LANGUAGE_CODES:
        if code == "de":
            continue
        page = model.objects.filter(
            translation_key=de_home.translation_key, locale=locales[code]
        ).first()
        if page is None:
            page = model(
                title=titles[code],
                slug=f"{slug}-{code}",
                locale=locales[code],
                translation_key=de_home.translation_key,
                **fields,
            )
            root.add_child(instance=page)
            _publish(page)
            report.add(_("Startseite (%(code)s) %(title)s") % {"code": code, "title": page.title})
        homes[code] = page
    return homes


def _ensure_default_pages(homes, kind, member, report):
    created_pages = []
    for spec in default_pages(kind):
        model = spec.page_model
        de_page = model.objects.child_of(homes["de"]).first()
        for code in LANGUAGE_CODES:
            home = homes[code]
            if code == "de":
                page = de_page
            else:
                page = (
                    model.objects.filter(
                        translation_key=de_page.translation_key, locale=home.locale
                    ).first()
                    if de_page
                    else None
                )
            if page is not None:
                continue
            with translation.override(code):
                extra = spec.fields(member, code) if spec.fields else {}
            live = spec.live(member) if callable(spec.live) else spec.live
            page = model(
                title=spec.titles[code],
                slug=spec.slugs[code],
                locale=home.locale,
                show_in_menus=spec.show_in_menus,
                live=live,
                **extra,
            )
            if code != "de":
                page.translation_key = de_page.translation_key
            home.add_child(instance=page)
            if live:
                _publish(page)
            else:
                # A draft to complete: required-to-publish fields may still be empty.
                page.save_revision(log_action=True, clean=False)
            created_pages.append(page)
            report.add(
                _("Seite %(title)s (%(code)s)%(draft)s")
                % {
                    "title": page.title,
                    "code": code,
                    "draft": "" if live else _(" als Entwurf"),
                }
            )
            if code == "de":
                de_page = page
    return created_pages


def _ensure_site(hostname, root_page, site_name, is_default, existing, report):
    port = settings.NETWORK_PORT
    site = existing
    if site is None:
        site = Site.objects.filter(hostname=hostname).first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=root_page,
            site_name=site_name,
            is_default_site=is_default,
        )
        report.add(_("Website %(host)s") % {"host": hostname})
        return site
    wanted = {
        "hostname": hostname,
        "port": port,
        "root_page_id": root_page.pk,
        "site_name": site_name,
        "is_default_site": is_default,
    }
    changed = {key: value for key, value in wanted.items() if getattr(site, key) != value}
    if changed:
        for key, value in changed.items():
            setattr(site, key, value)
        site.save()
        report.change(
            _("Website %(host)s angepasst (%(fields)s)")
            % {"host": hostname, "fields": ", ".join(changed)}
        )
    return site


def _ensure_site_settings(site, name, contact_email, report):
    site_settings, created = SiteSettings.objects.get_or_create(
        site=site, defaults={"site_name": name, "contact_email": contact_email or ""}
    )
    if created:
        report.add(_("Website-Einstellungen für %(site)s") % {"site": name})
    return site_settings


def _ensure_member_site_settings(member, site_settings, report):
    """The member's site settings with approval, starting from what readers see now."""
    if MemberSiteSettings.objects.filter(member=member).exists():
        return
    MemberSiteSettings.objects.create(
        member=member,
        live=True,
        **{name: getattr(site_settings, name) for name in SiteSettings.APPEARANCE_FIELDS},
    )
    report.add(_("Auftritt und Kontakt für %(member)s") % {"member": member.name})


# --- Network --------------------------------------------------------------------------------


def lag_staff_group():
    return Group.objects.get_or_create(name=settings.LAG_STAFF_GROUP_NAME)[0]


def network_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=settings.NETWORK_COLLECTION_NAME).first()
    return existing or root.add_child(name=settings.NETWORK_COLLECTION_NAME)


LAG_TASK_NAME = "Freigabe durch die LAG"


def lag_approval_task():
    task = GroupApprovalTask.objects.filter(name=LAG_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=LAG_TASK_NAME)
    task.groups.add(lag_staff_group())
    return task


def umbrella_homes():
    """The umbrella home page per language code (empty before ``provision_network``)."""
    from home.models import HomePage

    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}


@transaction.atomic
def provision_network():
    from home.models import HomePage

    report = ProvisioningReport()
    locales = ensure_locales(report)
    existing = HomePage.objects.filter(locale=locales["de"]).first()
    homes = _ensure_home(
        HomePage,
        locales,
        existing,
        {"de": settings.NETWORK_NAME, "en": settings.NETWORK_NAME},
        "lag",
        report,
    )
    _ensure_default_pages(homes, UMBRELLA, None, report)
    # Wagtail's migration installs a welcome page and a site for it; the umbrella replaces both.
    placeholder_sites = Site.objects.exclude(root_page__in=[p.pk for p in homes.values()]).filter(
        member__isnull=True
    )
    umbrella_site = Site.objects.filter(root_page=homes["de"]).first()
    for site in placeholder_sites:
        if site.root_page.specific_class is Page:
            report.change(_("Platzhalter-Website %(host)s entfernt") % {"host": site.hostname})
            site.delete()
    site = _ensure_site(
        settings.NETWORK_DOMAIN, homes["de"], settings.NETWORK_NAME, True, umbrella_site, report
    )
    _ensure_site_settings(site, settings.NETWORK_NAME, "", report)
    for welcome in Page.objects.filter(
        depth=2, content_type__model="page", content_type__app_label="wagtailcore"
    ):
        if not welcome.get_children().exists():
            report.change(_("Willkommensseite %(title)s entfernt") % {"title": welcome.title})
            welcome.delete()

    group = lag_staff_group()
    _sync_group_permissions(
        group, LAG_GLOBAL_PERMISSIONS + member_owned_permission_names(for_staff=True), report
    )
    root_page = Page.get_first_root_node()
    for codename in PAGE_PERMISSIONS_LAG:
        _obj, created = GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=_permission(f"wagtailcore.{codename}")
        )
        if created:
            report.add(_("Seitenrecht %(perm)s für %(group)s") % {"perm": codename, "group": group})
    root_collection = Collection.get_first_root_node()
    for name in ALL_MEDIA_PERMISSIONS:
        _obj, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=_permission(name)
        )
        if created:
            report.add(_("Medienrecht %(perm)s für %(group)s") % {"perm": name, "group": group})
    network_collection()
    lag_approval_task()
    for hook in hooks.get_hooks("provision_network"):
        hook(report)
    return report


# --- Members --------------------------------------------------------------------------------


def _ensure_member_collection(member, report):
    collection = member.collection
    if collection is None:
        root = Collection.get_first_root_node()
        collection = root.add_child(name=member.name)
        member.collection = collection
        report.add(_("Sammlung %(name)s") % {"name": member.name})
    elif collection.name != member.name:
        collection.name = member.name
        collection.save()
        report.change(_("Sammlung umbenannt in %(name)s") % {"name": member.name})
    return collection


def _ensure_group(member, attribute, suffix, report):
    name = f"{member.short_name} ({member.slug}): {suffix}"
    group = getattr(member, attribute)
    if group is None:
        group, created = Group.objects.get_or_create(name=name)
        setattr(member, attribute, group)
        if created:
            report.add(_("Gruppe %(name)s") % {"name": name})
    elif group.name != name:
        group.name = name
        group.save()
        report.change(_("Gruppe umbenannt in %(name)s") % {"name": name})
    return group


def _ensure_workflow(member, homes, report):
    name = f"Freigabe {member.short_name}"
    workflow = member.workflow
    if workflow is None:
        workflow = Workflow.objects.create(name=name, active=True)
        member.workflow = workflow
        report.add(_("Workflow %(name)s") % {"name": name})
    elif workflow.name != name or not workflow.active:
        workflow.name = name
        workflow.active = True
        workflow.save()
        report.change(_("Workflow %(name)s angepasst") % {"name": name})

    member_task = GroupApprovalTask.objects.filter(groups=member.approvers_group).first()
    if member.requires_member_approval:
        task_name = f"Freigabe im Verein: {member.short_name}"
        if member_task is None:
            member_task = GroupApprovalTask.objects.create(name=task_name)
            member_task.groups.set([member.approvers_group])
            report.add(_("Aufgabe %(name)s") % {"name": task_name})
        elif member_task.name != task_name or not member_task.active:
            member_task.name = task_name
            member_task.active = True
            member_task.save()
            report.change(_("Aufgabe %(name)s angepasst") % {"name": task_name})
    lag_task = lag_approval_task()

    current = list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True))
    # LAG staff may add steps of their own in the workflow editor; they stay between the
    # member's step (first, if the member wants one) and the LAG's approval (always last).
    own_steps = {lag_task.pk, member_task.pk if member_task else None}
    tasks = [member_task] if member.requires_member_approval else []
    added_by_staff = [pk for pk in current if pk not in own_steps]
    if added_by_staff:
        in_current_order = Case(*[When(pk=pk, then=pos) for pos, pk in enumerate(current)])
        tasks += list(Task.objects.filter(pk__in=added_by_staff).order_by(in_current_order))
    tasks.append(lag_task)
    if current != [task.pk for task in tasks]:
        workflow.workflow_tasks.all().delete()
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        report.change(_("Schritte des Workflows %(name)s gesetzt") % {"name": name})

    for home in homes.values():
        link = WorkflowPage.objects.filter(page=home).first()
        if link is None:
            WorkflowPage.objects.create(page=home, workflow=workflow)
            report.add(
                _("Workflow für %(page)s (%(code)s)")
                % {"page": home.title, "code": home.locale.language_code}
            )
        elif link.workflow_id != workflow.pk:
            link.workflow = workflow
            link.save()
            report.change(_("Workflow für %(page)s korrigiert") % {"page": home.title})
    return workflow


def member_homes(member):
    """The member's home page per language code."""
    if not member.site_id:
        return {}
    root = member.site.root_page
    return {
        page.locale.language_code: page.specific
        for page in Page.objects.filter(translation_key=root.translation_key).select_related(
            "locale"
        )
    }


def validate_member(member):
    """Raise ProvisioningError with every problem of the record, in the user's language."""
    try:
        member.full_clean()
    except ValidationError as error:
        messages = []
        for field_name, errors in error.message_dict.items():
            if field_name == "__all__":
                messages.extend(errors)
            else:
                label = member._meta.get_field(field_name).verbose_name
                messages.extend(f"{label}: {message}" for message in errors)
        raise ProvisioningError("\n".join(messages)) from error


def _save_member_record(member, report):
    """Save the member only when something differs from the stored row, so reruns change nothing."""
    if member.pk is None:
        member.save()
        report.add(_("Mitglied %(name)s") % {"name": member.name})
        return
    stored = Member.objects.filter(pk=member.pk).values().first()
    current = {f.attname: getattr(member, f.attname) for f in Member._meta.concrete_fields}
    differing = [
        name
        for name, value in current.items()
        if name != "updated_at" and stored.get(name) != value
    ]
    if differing:
        member.save()
        report.change(
            _("Mitglied %(name)s geändert (%(fields)s)")
            % {"name": member.name, "fields": ", ".join(differing)}
        )


@transaction.atomic
def provision_member(member):
    """Create or repair everything the member owns. Saves the member record too."""
    from .models import MicrositeHomePage

    validate_member(member)
    report = ProvisioningReport()
    if not umbrella_homes():
        raise ProvisioningError(
            _("Die Website des Dachverbands fehlt: zuerst provision_network ausführen.")
        )
    locales = ensure_locales(report)
    _save_member_record(member, report)

    existing_home = member.site.root_page.specific if member.site_id else None
    homes = _ensure_home(
        MicrositeHomePage,
        locales,
        existing_home,
        {"de": member.name, "en": member.name},
        member.slug,
        report,
    )
    _ensure_default_pages(homes, MEMBER, member, report)
    member.site = _ensure_site(
        member.hostname, homes["de"], member.name, False, member.site, report
    )
    site_settings = _ensure_site_settings(member.site, member.name, member.contact_email, report)
    _ensure_member_site_settings(member, site_settings, report)

    collection = _ensure_member_collection(member, report)
    editors = _ensure_group(member, "editors_group", "Redaktion", report)
    approvers = _ensure_group(member, "approvers_group", "Freigabe", report)
    _sync_member_roles(member, homes, collection, editors, approvers, report)
    _ensure_workflow(member, homes, report)
    _save_member_record(member, report)

    for hook in hooks.get_hooks("provision_member"):
        hook(member, report)
    return report


def _sync_member_roles(member, homes, collection, editors, approvers, report):
    """The permissions of the member's two roles. An inactive member's groups hold none at all:
    its people keep their accounts and group memberships but can do nothing for it (and log in
    only if they work for another member too). Reactivation grants everything again."""
    if not member.active:
        for group in (editors, approvers):
            _sync_group_permissions(group, [], report)
            _sync_page_permissions(group, [], [], report)
            _sync_collection_permissions(group, [], report)
            _sync_site_permission(group, None, report)
        return
    shared = network_collection()
    home_pages = list(homes.values())
    access = ["wagtailadmin.access_admin"]
    owned = member_owned_permission_names()
    _sync_group_permissions(editors, access + MEMBER_GLOBAL_PERMISSIONS + owned, report)
    _sync_group_permissions(
        approvers,
        access + MEMBER_GLOBAL_PERMISSIONS + APPROVER_GLOBAL_PERMISSIONS + owned,
        report,
    )
    _sync_page_permissions(editors, home_pages, PAGE_PERMISSIONS_EDITORS, report)
    _sync_page_permissions(approvers, home_pages, PAGE_PERMISSIONS_APPROVERS, report)
    _sync_collection_permissions(
        editors,
        [(collection, MEDIA_PERMISSIONS_EDITORS), (shared, MEDIA_PERMISSIONS_SHARED)],
        report,
    )
    _sync_collection_permissions(
        approvers,
        [(collection, MEDIA_PERMISSIONS_APPROVERS), (shared, MEDIA_PERMISSIONS_SHARED)],
        report,
    )
    # Member roles change their site's settings only as MemberSiteSettings (drafts, approval);
    # Wagtail's settings form would change what readers see at once.
    _sync_site_permission(editors, None, report)
    _sync_site_permission(approvers, None, report)


def set_member_active(member, active):
    """Take a member offline (or back online) without losing anything.

    Offline: the site answers 410, the member's roles lose every permission (so its people can
    neither log in for it nor use a session that is still open), nothing is deleted. Online
    again: provisioning grants the roles' permissions as before."""
    member.active = active
    return provision_member(member)
