from django.http import Http404
from wagtail import hooks

from microsites.provisioning import DefaultPage

from .access import may_download


@hooks.register("before_serve_document")
def keep_member_documents_private_until_published(document, request):
    if not may_download(document, request.user):
        raise Http404


@hooks.register("register_default_pages")
def materials_page():
    # A draft until the site's editors have added downloads and publish it.
    return [
        DefaultPage(
            "materials.MaterialsPage",
            {"de": "Materialien", "en": "Materials"},
            {"de": "materialien", "en": "materials"},
            live=False,
        )
    ]


@hooks.register("seed_demo")
def seed_materials(context):
    from .demo import seed_materials

    seed_materials(context)
