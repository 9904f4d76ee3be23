"""A small network with something of everything, for the tenancy tests.

Two members (A "Queer im Vogtland", B "Rosa Lausitz", both with their own approval step) and
the umbrella site each get a draft page with two revisions, a live news item with an English
translation, a contact form with a submission, an image and a document in their own
collection, a redirect, a locked page, a page in the workflow, a member-owned snippet in its
own workflow, an editing session and a pending multiple upload. Every title carries the
owner's marker (``GeheimVogtland``, ``GeheimLausitz``, ``GeheimDachverband``), so a test can
assert that a response shows nothing of somebody else's.

Users: per member an editor ("Redaktion") and an approver ("Freigabe"), LAG staff and an
administrator (superuser).
"""

from dataclasses import dataclass, field
from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    Locale,
    Page,
    UploadedFile,
    Workflow,
    WorkflowContentType,
    WorkflowTask,
)
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from contact.models import ContactPage
from home.models import StandardPage
from microsites.provisioning import (
    lag_approval_task,
    lag_staff_group,
    network_collection,
    provision_network,
)
from tests.tenancy_app.models import MemberNote

from . import baseline
from .factories import homes_of, make_image, make_member, make_news, make_user, news_index_of

A, B, LAG = "A", "B", "LAG"
SCOPES = (A, B, LAG)
MARKERS = {A: "GeheimVogtland", B: "GeheimLausitz", LAG: "GeheimDachverband"}
PASSWORD = "correct-horse-battery"


@dataclass
class ScopeObjects:
    """Everything one owner (member A, member B or the umbrella) has."""

    key: str
    marker: str
    member: object = None
    site: object = None
    homes: dict = field(default_factory=dict)
    draft_page: object = None
    news_page: object = None
    translated_page: object = None
    contact_page: object = None
    submission: object = None
    image: object = None
    document: object = None
    redirect: object = None
    collection: object = None
    note: object = None
    note_task_state: object = None
    note_workflow_state: object = None
    workflow: object = None
    task: object = None
    task_state: object = None
    workflow_state: object = None
    revision: object = None
    first_revision: object = None
    group: object = None
    user: object = None
    translation: object = None
    translation_source: object = None
    string_segment: object = None
    editing_session: object = None
    image_upload: object = None
    document_upload: object = None
    owned: dict = field(default_factory=dict)  # "app_label.ModelName" -> OwnedSample


@dataclass
class OwnedSample:
    """An object of a member-owned model with what its admin URLs need."""

    instance: object
    first_revision_id: object = None
    revision_id: object = None
    workflow_state: object = None
    task_state: object = None


@dataclass
class World:
    scopes: dict
    users: dict
    shared_image: object
    shared_document: object
    search_promotion: object
    note_workflow: object

    def __getitem__(self, key):
        return self.scopes[key]

    @property
    def markers(self):
        return MARKERS


def make_document(title, collection, content=b"%PDF-1.4\n% Testdokument\n"):
    document = get_document_model()(title=title, collection=collection)
    document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(content), save=False)
    document.save()
    return document


def _draft_page(home, marker, owner):
    page = StandardPage(title=f"{marker} Entwurf", slug=f"{marker.lower()}-entwurf", live=False)
    page.locale = home.locale
    home.add_child(instance=page)
    first = page.save_revision(user=owner, log_action=True)
    page.title = f"{marker} Entwurf, zweite Fassung"
    second = page.save_revision(user=owner, log_action=True)
    return page, first, second


def _translate(page, user):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en"), enabled=True
    )
    translation.save_target(user=user, publish=False)
    return source, translation


def _upload(content_type_model, user, name):
    upload = UploadedFile(
        for_content_type=ContentType.objects.get_for_model(content_type_model),
        uploaded_by_user=user,
    )
    upload.file.save(name, ContentFile(b"pending"), save=False)
    upload.save()
    return upload


def _fill_scope(scope, homes, collection, site, editor, approver, note_workflow):
    marker = scope.marker
    scope.homes = homes
    scope.site = site
    scope.collection = collection
    scope.draft_page, scope.first_revision, scope.revision = _draft_page(
        homes["de"], marker, editor
    )
    scope.news_page = make_news(news_index_of(homes["de"]), title=f"{marker} Nachricht")[0]
    scope.translation_source, scope.translation = _translate(scope.news_page, editor)
    scope.translated_page = scope.news_page.get_translation(Locale.objects.get(language_code="en"))
    scope.string_segment = StringSegment.objects.filter(source=scope.translation_source).first()
    scope.contact_page = ContactPage.objects.child_of(homes["de"]).get()
    ContactPage.objects.filter(pk=scope.contact_page.pk).update(
        locked=True, locked_by=approver, locked_at=timezone.now()
    )
    scope.submission = FormSubmission.objects.create(
        page=scope.contact_page,
        form_data={"nachricht": f"{marker} Anfrage", "name": f"{marker} Person"},
    )
    scope.image = make_image(f"{marker} Bild", collection)
    scope.image.tags.add(f"{marker.lower()}-schlagwort")
    scope.document = make_document(f"{marker} Dokument", collection)
    scope.document.tags.add(f"{marker.lower()}-dokumentwort")
    scope.redirect = Redirect.objects.create(
        old_path=f"/{marker.lower()}-alt", site=site, redirect_link="https://example.org/neu"
    )
    scope.editing_session = EditingSession.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(scope.draft_page.pk),
        last_seen_at=timezone.now(),
    )
    scope.image_upload = _upload(type(scope.image), editor, f"{marker.lower()}-upload.png")
    scope.document_upload = _upload(type(scope.document), editor, f"{marker.lower()}-upload.pdf")


def _start_page_workflow(scope, editor):
    workflow = scope.draft_page.get_workflow()
    scope.workflow_state = workflow.start(scope.draft_page, editor)
    scope.task_state = scope.workflow_state.current_task_state


def _member_note(scope, editor, note_workflow):
    note = MemberNote(member=scope.member, title=f"{scope.marker} Notiz", text="intern")
    note.save()
    note.save_revision(user=editor, log_action=True)
    note.title = f"{scope.marker} Notiz, überarbeitet"
    note.save_revision(user=editor, log_action=True)
    scope.note = note
    scope.note_workflow_state = note_workflow.start(note, editor)
    scope.note_task_state = scope.note_workflow_state.current_task_state


def _member_owned_samples(scope, editor):
    from wagtail.models import RevisionMixin, WorkflowMixin

    from tenancy.registry import member_owned_models

    for model in member_owned_models():
        if model is MemberNote:
            instance = scope.note
        else:
            instance = autofill(model, scope.member, scope.marker)
            if isinstance(instance, RevisionMixin):
                instance.save_revision(user=editor, log_action=True)
                instance.save_revision(user=editor, log_action=True)
            if isinstance(instance, WorkflowMixin) and instance.get_workflow() is not None:
                instance.get_workflow().start(instance, editor)
        sample = OwnedSample(instance)
        if isinstance(instance, RevisionMixin):
            revisions = instance.revisions.order_by("pk").values_list("pk", flat=True)
            sample.first_revision_id = revisions.first()
            sample.revision_id = revisions.last()
        if isinstance(instance, WorkflowMixin):
            sample.workflow_state = instance.workflow_states.order_by("-pk").first()
            if sample.workflow_state is not None:
                sample.task_state = sample.workflow_state.current_task_state
        scope.owned[model._meta.label] = sample


# --- Objects of any member-owned model -----------------------------------------------------------


# "app_label.ModelName" -> fn(member, marker) returning a saved instance. Models not listed are
# filled in automatically (see ``autofill``); add a builder when that is not enough.
def _offer(member, marker):
    from directory.models import Offer
    from districts.models import District

    offer = Offer(
        member=member,
        name=f"{marker} Angebot",
        kind="beratung",
        target_groups=["alle"],
        district=District.objects.get(pk=member.district_id),
        town=f"{marker} Ort",
        phone="0351 123456",
        locale=Locale.get_default(),
        live=False,
    )
    offer.full_clean()
    offer.save()
    return offer


def _member_site_settings(member, marker):
    """Provisioning created the one per member; it carries the marker like other samples."""
    from microsites.models import MemberSiteSettings

    instance = MemberSiteSettings.objects.get(member=member)
    instance.site_name = f"{marker} Website"
    instance.tagline = f"{marker} Untertitel"
    instance.save()
    return instance


SAMPLE_BUILDERS = {
    "directory.Offer": _offer,
    "microsites.MemberSiteSettings": _member_site_settings,
}


def _sample_value(field, member, marker, number):
    from django.db import models as m

    if field.choices:
        return field.choices[0][0]
    if isinstance(field, m.ForeignKey | m.OneToOneField):
        related = field.related_model
        if related._meta.label == "microsites.Member":
            return member
        if related._meta.label == "wagtailcore.Locale":
            return Locale.get_default()
        existing = related._default_manager.first()
        if existing is None:
            raise LookupError(f"no {related._meta.label} to point {field} at")
        return existing
    if isinstance(field, m.EmailField):
        return f"kontakt-{number}@example.org"
    if isinstance(field, m.URLField):
        return "https://example.org/"
    if isinstance(field, m.SlugField):
        return f"{marker.lower()}-{number}"
    if isinstance(field, m.CharField | m.TextField):
        return f"{marker} {field.name} {number}"[: field.max_length or 200]
    if isinstance(field, m.BooleanField):
        return False
    if isinstance(field, m.IntegerField | m.DecimalField | m.FloatField):
        return 1
    if isinstance(field, m.DateTimeField):
        return timezone.now()
    if isinstance(field, m.DateField):
        return date.today()
    raise LookupError(f"cannot fill {field}")


def autofill(model, member, marker):
    """A saved instance of ``model`` for ``member`` whose text fields carry ``marker``."""
    from wagtail.fields import StreamField

    builder = SAMPLE_BUILDERS.get(model._meta.label)
    if builder is not None:
        return builder(member, marker)
    instance = model()
    for number, model_field in enumerate(model._meta.concrete_fields, start=1):
        if model_field.name == "member":
            instance.member = member
            continue
        if (
            model_field.primary_key
            or model_field.auto_created
            or getattr(model_field, "auto_now", False)
            or model_field.name in ("translation_key", "latest_revision", "live_revision")
            or model_field.name == "locked_by"
            or isinstance(model_field, StreamField)
            or model_field.has_default()
            or model_field.blank
        ):
            continue
        setattr(instance, model_field.name, _sample_value(model_field, member, marker, number))
    instance.full_clean(exclude=["translation_key"])
    instance.save()
    return instance


def build_world():
    """Create the whole network; returns a ``World``. Runs in the caller's transaction."""
    provision_network()
    users = {}
    members = {
        A: make_member(
            "queer-vogtland",
            name="Queer im Vogtland e. V.",
            short_name="Queer im Vogtland",
            requires_member_approval=True,
        ),
        B: make_member(
            "rosa-lausitz",
            name="Rosa Lausitz e. V.",
            short_name="Rosa Lausitz",
            district="14625",
            town="Bautzen",
            requires_member_approval=True,
        ),
    }
    lag_group = lag_staff_group()
    users["lag"] = make_user("lag-redaktion", lag_group, first_name="Lara", last_name="LAG")
    users["admin"] = make_user("administration", is_superuser=True, is_staff=True)
    for key, member in members.items():
        prefix = key.lower()
        users[f"{prefix}_editor"] = make_user(
            f"redaktion-{member.slug}", member.editors_group, first_name="Rieke", last_name=key
        )
        users[f"{prefix}_approver"] = make_user(
            f"freigabe-{member.slug}", member.approvers_group, first_name="Frida", last_name=key
        )

    # Snippets follow one workflow per content type in Wagtail; the notes go to the LAG.
    note_workflow = Workflow.objects.create(name="Notizen", active=True)
    WorkflowTask.objects.create(workflow=note_workflow, task=lag_approval_task(), sort_order=0)
    WorkflowContentType.objects.create(
        workflow=note_workflow, content_type=ContentType.objects.get_for_model(MemberNote)
    )

    scopes = {}
    for key, member in members.items():
        prefix = key.lower()
        scope = ScopeObjects(key=key, marker=MARKERS[key], member=member)
        _fill_scope(
            scope,
            homes_of(member),
            member.collection,
            member.site,
            users[f"{prefix}_editor"],
            users[f"{prefix}_approver"],
            note_workflow,
        )
        scope.workflow = member.workflow
        scope.task = member.workflow.tasks.specific().first()
        scope.group = member.editors_group
        scope.user = users[f"{prefix}_editor"]
        _start_page_workflow(scope, users[f"{prefix}_editor"])
        _member_note(scope, users[f"{prefix}_editor"], note_workflow)
        _member_owned_samples(scope, users[f"{prefix}_editor"])
        scopes[key] = scope

    from microsites.provisioning import umbrella_homes

    homes = umbrella_homes()
    umbrella = ScopeObjects(key=LAG, marker=MARKERS[LAG])
    lag_collection = Collection.get_first_root_node().add_child(name="LAG intern")
    from wagtail.models import Site

    _fill_scope(
        umbrella,
        homes,
        lag_collection,
        Site.objects.get(root_page=homes["de"]),
        users["lag"],
        users["lag"],
        note_workflow,
    )
    umbrella.task = lag_approval_task()
    umbrella.group = lag_group
    umbrella.user = users["lag"]
    umbrella.workflow = note_workflow
    scopes[LAG] = umbrella

    shared = network_collection()
    shared_image = make_image("Netzwerkbild", shared)
    shared_document = make_document("Netzwerkdokument", shared)
    query = Query.get("beratung")
    promotion = SearchPromotion.objects.create(
        query=query, page=homes["de"], description=f"{MARKERS[LAG]} Empfehlung"
    )
    return World(
        scopes=scopes,
        users=users,
        shared_image=shared_image,
        shared_document=shared_document,
        search_promotion=promotion,
        note_workflow=note_workflow,
    )


@pytest.fixture(scope="module")
def tenancy_world(django_db_setup, django_db_blocker):
    """The world, built once per test module inside a transaction that is rolled back at the
    end; every test runs in a savepoint within it (use it together with ``db``). Tests that
    change objects must read them back from the database rather than trust these instances."""
    with baseline.module_world(django_db_blocker):
        yield build_world()
