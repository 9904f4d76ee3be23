"""Content for the API tests: pages with images and documents, in several states."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from home.models import StandardPage

from .fixtures_search import make_page


def make_document(title, collection=None):
    document = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    document.file.save(f"{title.lower().replace(' ', '-')}.txt", ContentFile(b"Inhalt"), save=False)
    document.save()
    return document


def page_with_media(parent, title, *, image=None, documents=(), publish=True):
    """A standard page showing ``image`` as a figure and ``documents`` as downloads."""
    page = make_page(parent, title, "Text.", publish=False)
    body = []
    if image is not None:
        body.append(("image", {"image": image, "alt_text": "Bild", "caption": ""}))
    if documents:
        body.append(("downloads", {"title": "Material", "documents": list(documents)}))
    page = StandardPage.objects.get(pk=page.pk)
    page.body = body
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.save()
    return StandardPage.objects.get(pk=page.pk)
