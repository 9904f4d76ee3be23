"""Image uploads that can neither crash nor stall a worker.

``WAGTAILIMAGES_IMAGE_FORM_BASE`` points at :class:`ReadableImageForm`; its file field reads
only the image header to refuse images above ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` before any pixel
is decoded (a decompression bomb costs nothing), and turns every decoding failure of a corrupt
file (truncated data, broken compressed stream, a header without pixels) into Wagtail's own
"not a supported image" form error, in the editor's language."""

from io import BytesIO

from django.core.exceptions import ValidationError
from PIL import Image as PillowImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises for corrupt files, besides its own UnidentifiedImageError (an OSError).
DECODING_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, KeyError)


class ReadableImageField(WagtailImageField):
    def _header_pixels(self, data):
        source = data if hasattr(data, "temporary_file_path") else BytesIO(data.read())
        try:
            with PillowImage.open(source) as header:  # reads the header only
                width, height = header.size
                frames = getattr(header, "n_frames", 1) or 1
        except PillowImage.DecompressionBombError:
            return None  # larger than Pillow's own ceiling: certainly too large
        except DECODING_ERRORS:
            return 0  # not readable: Wagtail's checks below say so
        finally:
            data.seek(0)
        return width * height * frames

    def to_python(self, data):
        if data and hasattr(data, "read") and self.max_image_pixels:
            pixels = self._header_pixels(data)
            if pixels is None or pixels > self.max_image_pixels:
                raise ValidationError(
                    self.error_messages["file_too_many_pixels"]
                    % {
                        "num_pixels": pixels if pixels else "?",
                        "max_pixels_count": self.max_image_pixels,
                    },
                    code="file_too_many_pixels",
                )
        try:
            return super().to_python(data)
        except PillowImage.DecompressionBombError as error:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": "?", "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            ) from error
        except DECODING_ERRORS as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class ReadableImageForm(BaseImageForm):
    """Wagtail's image form with :class:`ReadableImageField` as its file field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField) and not isinstance(field, ReadableImageField):
            readable = ReadableImageField(label=field.label, required=field.required)
            readable.widget = field.widget
            self.fields["file"] = readable
