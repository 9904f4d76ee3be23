"""Demo pictures drawn locally with Pillow: abstract compositions in the network's colours."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

PALETTES = [
    ["#e40303", "#ff8c00", "#ffed00", "#008026", "#004dff", "#750787"],  # rainbow
    ["#5bcefa", "#f5a9b8", "#ffffff", "#f5a9b8", "#5bcefa"],  # trans
    ["#d60270", "#9b4f96", "#0038a8"],  # bi
    ["#ffd800", "#7902aa"],  # inter*
    ["#5b2a86", "#f5c542", "#2a9d8f", "#e76f51"],  # network
]


def draw_picture(seed, size=(1600, 900)):
    rng = random.Random(seed)
    palette = PALETTES[rng.randrange(len(PALETTES))]
    picture = Image.new("RGB", size, "#f4f2f7")
    draw = ImageDraw.Draw(picture)
    width, height = size
    if rng.random() < 0.5:
        band = height / len(palette)
        for index, colour in enumerate(palette):
            draw.rectangle([0, index * band, width, (index + 1) * band], fill=colour)
    for _ in range(rng.randint(5, 12)):
        radius = rng.randint(height // 10, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=rng.choice(palette))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    buffer.seek(0)
    return buffer


def demo_image(title, collection, seed=None, alt=""):
    """The demo image with this title in this collection, created on first use."""
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    buffer = draw_picture(seed if seed is not None else title)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:40]
    image = Image_(title=title, collection=collection, description=alt)
    image.file = ImageFile(buffer, name=f"demo-{slug}.jpg")
    image.save()
    return image
