"""The image sizes public templates use, in one place.

Renditions for these sizes are generated when an image is saved (see ``signals.py``), so that a
reader's request finds them ready and writes nothing to the database. Listings prefetch exactly
these specs with ``prefetch_renditions``.
"""

from wagtail.images import get_image_model

PICTURE_FORMATS = ("webp", "jpeg")

# name -> (filter specs from small to large, `sizes` attribute)
IMAGE_SIZES = {
    "card": (("fill-480x270", "fill-960x540"), "(min-width: 60em) 20rem, 100vw"),
    "lead": (("fill-960x540", "fill-1600x900"), "(min-width: 60em) 50rem, 100vw"),
    "figure": (("max-640x640", "max-1280x1280"), "(min-width: 60em) 50rem, 100vw"),
    "logo": (("height-80", "height-160"), "10rem"),
    "social": (("fill-1200x630",), ""),
}
SOCIAL_FORMAT = "jpeg"


def specs_for(size):
    """All filter specs (size × format) rendered for one named size."""
    dimensions, _sizes = IMAGE_SIZES[size]
    if size == "social":
        return [f"{dim}|format-{SOCIAL_FORMAT}" for dim in dimensions]
    return [f"{dim}|format-{fmt}" for dim in dimensions for fmt in PICTURE_FORMATS]


def all_specs():
    return [spec for size in IMAGE_SIZES for spec in specs_for(size)]


def images_with_renditions(*sizes):
    """An image queryset that fetches the renditions of the given sizes in one extra query."""
    specs = [spec for size in sizes for spec in specs_for(size)]
    return get_image_model().objects.prefetch_renditions(*specs)


def warm_renditions(image):
    """Create every public rendition of an image ahead of the first reader."""
    image.get_renditions(*all_specs())
