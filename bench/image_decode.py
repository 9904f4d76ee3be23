"""How long this machine takes to decode the largest images, to choose
WAGTAILIMAGES_MAX_IMAGE_PIXELS (docs/security.md, "Image size").

    .venv/bin/python bench/image_decode.py

Decodes PNG and JPEG images of increasing pixel counts (noise, which compresses worst and so
costs most to decode) and prints the time of the slowest of three decodes each."""

import io
import os
import time

from PIL import Image

SIZES_MP = [8, 12, 16, 20, 24, 30, 35]


def encoded(width, height, fmt):
    noise = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    buffer = io.BytesIO()
    noise.save(buffer, fmt, **({"quality": 90} if fmt == "JPEG" else {"compress_level": 1}))
    return buffer.getvalue()


def decode_seconds(data):
    slowest = 0.0
    for _ in range(3):
        start = time.perf_counter()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
        slowest = max(slowest, time.perf_counter() - start)
    return slowest


def main():
    Image.MAX_IMAGE_PIXELS = None
    print(f"{'megapixels':>10} {'PNG s':>7} {'JPEG s':>7}")
    for megapixels in SIZES_MP:
        width = int((megapixels * 1_000_000 * 4 / 3) ** 0.5)
        height = megapixels * 1_000_000 // width
        times = [decode_seconds(encoded(width, height, fmt)) for fmt in ("PNG", "JPEG")]
        print(f"{megapixels:>10} {times[0]:>7.2f} {times[1]:>7.2f}", flush=True)


if __name__ == "__main__":
    main()
