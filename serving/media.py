"""Images from the media folder: originals and renditions are public, so the app serves them
when no web server in front does (``make serve``). Documents are not served from here: they
go through Wagtail's document view, which checks each collection's privacy."""

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.views.static import serve

# Rendition file names change whenever the image or the filter does.
IMAGE_MAX_AGE = 30 * 24 * 3600
IMAGE_DIRECTORIES = ("images", "original_images")


def serve_image(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=IMAGE_MAX_AGE)
    return response
