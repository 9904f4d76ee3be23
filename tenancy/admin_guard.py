"""The admin guard: which admin URLs a member role may open, and with which objects.

Wagtail checks page permissions on page views, but many views take an object id without
checking that the object belongs to the user's site (the explorer, the page chooser, workflow
previews, translations, bulk actions), and some are not meant for member roles at all. This
module declares, keyed by URL name patterns:

* ``DENIED``: views member roles never use (the LAG and administrators do);
* ``OBJECT_GUARDS``: for each URL keyword argument, how to find the object it names, which
  must be visible to the user (``tenancy.ownership``) or the answer is 404;
* ``SCOPED_VIEWS`` (in ``tenancy.admin_views``): Wagtail views replaced for member roles by
  subclasses that filter what they list.

``AdminTenancyMiddleware`` applies the three to every admin request of a member role. Network
staff are never affected. Snippets of member-owned models are scoped by their viewset
(``tenancy.viewsets``), not here.
"""

from dataclasses import dataclass
from fnmatch import fnmatchcase

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404

from .ownership import has_scope, is_visible, visible_queryset


@dataclass(frozen=True)
class ObjectRef:
    """How to find the object a URL keyword argument names."""

    resolve: object  # fn(value, kwargs, request) -> instance or None
    label: str

    def __call__(self, value, kwargs, request):
        try:
            return self.resolve(value, kwargs, request)
        except (ObjectDoesNotExist, ValueError, TypeError, ValidationError, LookupError):
            return None


def _model_ref(model_path, label=None):
    def resolve(value, kwargs, request):
        model = apps.get_model(model_path)
        return model._default_manager.get(pk=unquote(str(value)))

    return ObjectRef(resolve, label or model_path)


def _page(value, kwargs, request):
    from wagtail.models import Page

    return Page.objects.get(pk=value)


def _page_or_root(value, kwargs, request):
    page = _page(value, kwargs, request)
    # The tree root is the common parent of every site; listing it is filtered elsewhere.
    return ROOT if page.is_root() else page


def _image(value, kwargs, request):
    from wagtail.images import get_image_model

    return get_image_model().objects.get(pk=value)


def _document(value, kwargs, request):
    from wagtail.documents import get_document_model

    return get_document_model().objects.get(pk=value)


def _revision(value, kwargs, request):
    from wagtail.models import Revision

    return Revision.objects.get(pk=value).content_object


def _workflow_state(value, kwargs, request):
    from wagtail.models import WorkflowState

    return WorkflowState.objects.get(pk=value).content_object


def _task_state(value, kwargs, request):
    from wagtail.models import TaskState

    return (
        TaskState.objects.select_related("workflow_state")
        .get(pk=value)
        .workflow_state.content_object
    )


def _translation(value, kwargs, request):
    from wagtail_localize.models import Translation

    return Translation.objects.select_related("source").get(pk=value).source.get_source_instance()


def _translation_source(value, kwargs, request):
    from wagtail_localize.models import TranslationSource

    return TranslationSource.objects.get(pk=value).get_source_instance()


def _own_upload(value, kwargs, request):
    from wagtail.models import UploadedFile

    upload = UploadedFile.objects.get(pk=value)
    return OWN if upload.uploaded_by_user_id == request.user.pk else None


def _own_editing_session(value, kwargs, request):
    from wagtail.admin.models import EditingSession

    session = EditingSession.objects.get(pk=value)
    return OWN if session.user_id == request.user.pk else None


def _object_of_model_in_url(value, kwargs, request):
    model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    if not has_scope(model):
        return UNSCOPED
    return model._default_manager.get(pk=unquote(str(value)))


def _site_setting(value, kwargs, request):
    from wagtail.models import Site

    return Site.objects.get(pk=value)


class _Marker:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


ROOT = _Marker("ROOT")  # the tree root: may be opened, shows only what the user may see
OWN = _Marker("OWN")  # already checked to belong to the user
UNSCOPED = _Marker("UNSCOPED")  # a model tenancy does not scope; Wagtail's permissions apply

PAGE = ObjectRef(_page, "page")
PAGE_OR_ROOT = ObjectRef(_page_or_root, "page or tree root")
IMAGE = ObjectRef(_image, "image")
DOCUMENT = ObjectRef(_document, "document")
REVISION = ObjectRef(_revision, "object of a revision")
WORKFLOW_STATE = ObjectRef(_workflow_state, "object in a workflow")
TASK_STATE = ObjectRef(_task_state, "object of a workflow task")
TRANSLATION = ObjectRef(_translation, "source of a translation")
TRANSLATION_SOURCE = ObjectRef(_translation_source, "translation source")
OWN_UPLOAD = ObjectRef(_own_upload, "own pending upload")
OWN_EDITING_SESSION = ObjectRef(_own_editing_session, "own editing session")
MODEL_OBJECT = ObjectRef(_object_of_model_in_url, "object of the model named in the URL")
SITE = ObjectRef(_site_setting, "site")
REDIRECT = _model_ref("wagtailredirects.Redirect", "redirect")


# Views member roles never use: workflow and task administration, collections, sites,
# locales, Wagtail's user and group administration (members use the team admin instead),
# members, search promotions (they show what readers searched for).
DENIED = [
    "wagtailadmin_workflows:*",
    "wagtailadmin_collections:*",
    "wagtailsites:*",
    "wagtaillocales:*",
    "wagtailusers_groups:*",
    "wagtailusers_users:*",
    "wagtailsearchpromotions:*",
    # Imports create redirects for whatever site the file names; the LAG imports.
    "wagtailredirects:start_import",
    "wagtailredirects:process_import",
    "wagtailsnippets_microsites_member:*",
    "wagtailsnippetchoosers_microsites_member:*",
]

# URL name pattern -> {keyword argument: ObjectRef}. Every named object must be visible.
OBJECT_GUARDS = [
    ("wagtailadmin_explore", {"parent_page_id": PAGE_OR_ROOT}),
    ("wagtailadmin_explore_results", {"parent_page_id": PAGE_OR_ROOT}),
    ("wagtailadmin_choose_page_child", {"parent_page_id": PAGE_OR_ROOT}),
    (
        "wagtailadmin_pages:*",
        {
            "page_id": PAGE,
            "parent_page_id": PAGE,
            "page_to_move_id": PAGE,
            "destination_id": PAGE,
            "pk": PAGE,
            "revision_id": REVISION,
            "task_state_id": TASK_STATE,
            "workflow_state_id": WORKFLOW_STATE,
        },
    ),
    ("wagtailadmin_api:pages:*", {"pk": PAGE}),
    ("wagtailadmin_api:images:*", {"pk": IMAGE}),
    ("wagtailadmin_api:documents:*", {"pk": DOCUMENT}),
    ("wagtailimages:*", {"image_id": IMAGE, "uploaded_file_id": OWN_UPLOAD}),
    ("wagtailimages_chooser:*", {"pk": IMAGE, "image_id": IMAGE}),
    (
        "wagtaildocs:*",
        {"document_id": DOCUMENT, "doc_id": DOCUMENT, "uploaded_file_id": OWN_UPLOAD},
    ),
    ("wagtaildocs_chooser:*", {"pk": DOCUMENT}),
    ("wagtailforms:*", {"page_id": PAGE}),
    ("wagtailredirects:*", {"redirect_id": REDIRECT}),
    ("wagtailsettings:*", {"pk": SITE}),
    (
        "wagtail_localize:*",
        {
            "page_id": PAGE,
            "translation_id": TRANSLATION,
            "translation_source_id": TRANSLATION_SOURCE,
            "pk": MODEL_OBJECT,
        },
    ),
    (
        "wagtailadmin_editing_sessions:*",
        {"session_id": OWN_EDITING_SESSION, "object_id": MODEL_OBJECT},
    ),
]


def matches(patterns, url_name):
    return any(fnmatchcase(url_name, pattern) for pattern in patterns)


def guards_for(url_name):
    """The keyword argument guards that apply to ``url_name`` (merged, first match wins)."""
    merged = {}
    for pattern, guards in OBJECT_GUARDS:
        if fnmatchcase(url_name, pattern):
            for key, ref in guards.items():
                merged.setdefault(key, ref)
    return merged


def object_allowed(instance, user):
    if instance in (ROOT, OWN, UNSCOPED):
        return True
    return is_visible(instance, user)


def check_objects(url_name, kwargs, request):
    """Raise Http404 unless every object the URL names is visible to the request's user."""
    guards = guards_for(url_name)
    for key, ref in guards.items():
        if key not in kwargs:
            continue
        instance = ref(kwargs[key], kwargs, request)
        if instance is None or not object_allowed(instance, request.user):
            raise Http404(f"{ref.label} not found")


def check_bulk_action(kwargs, request):
    """Bulk actions name their objects in ``?id=``; each must be visible."""
    try:
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except LookupError as error:
        raise Http404 from error
    ids = [value for value in request.GET.getlist("id") if value != "all"]
    if not ids:
        return
    if not has_scope(model):
        return
    try:
        visible = visible_queryset(model, request.user).filter(pk__in=ids).count()
    except (ValueError, ValidationError) as error:
        raise Http404 from error
    if visible != len(set(ids)):
        raise Http404("object not found")
