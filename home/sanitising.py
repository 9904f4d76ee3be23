"""Server-side HTML sanitising of stored rich text and translated strings (nh3/Ammonia).

Wagtail's rich text editor already turns what an editor types into an allow-listed storage
format. Other doors store HTML without that conversion: wagtail-localize's string editor (a
translated segment is stored as typed and later written into the translated page), code, imports.
Whatever comes through them is reduced here to what the rich text feature set can produce:
comments, CDATA sections, processing instructions, scripts, event attributes and every other
element or attribute not on the list are removed; links keep only http(s), mailto and tel
addresses (and relative ones), so ``javascript:`` URLs disappear.
"""

import json
import re

import nh3
from wagtail.blocks import ListBlock, RichTextBlock, StreamBlock, StructBlock
from wagtail.fields import RichTextField, StreamField

# What a segment of wagtail-localize may contain (its INLINE_TAGS; links are placeholders
# <a id="a1"> whose address stays with the original).
SEGMENT_TAGS = {"a", "abbr", "acronym", "b", "code", "em", "i", "strong", "br"}
SEGMENT_ATTRIBUTES = {"a": {"id"}}

# Wagtail's storage format of rich text for the features this project enables (and a few more
# that Wagtail's editor can produce): block elements carry data-block-key, internal links and
# embedded images are <a linktype=… id=…> and <embed embedtype=… …/>.
RICH_TEXT_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "b",
    "i",
    "strong",
    "em",
    "u",
    "s",
    "sub",
    "sup",
    "code",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "embed",
}
RICH_TEXT_ATTRIBUTES = {
    "*": {"data-block-key"},
    "a": {"href", "linktype", "id"},
    "embed": {"embedtype", "id", "format", "alt", "url"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Wagtail's rewriters find embeds by "<embed …/>"; nh3 writes void elements without the slash.
_EMBED = re.compile(r"<embed(\b[^>]*?)\s*/?>")


def clean_segment(html):
    """A translated string reduced to the inline markup a wagtail-localize segment may hold."""
    if not html or ("<" not in html and ">" not in html):
        return html
    return nh3.clean(
        html,
        tags=SEGMENT_TAGS,
        attributes=SEGMENT_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def clean_rich_text(html):
    """Rich text in Wagtail's storage format with everything outside the feature set removed."""
    if not html:
        return html
    cleaned = nh3.clean(
        html,
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return _EMBED.sub(r"<embed\1/>", cleaned)


def _clean_block_value(block, value):
    """The JSON value of ``block`` with every rich text inside it cleaned."""
    if isinstance(block, RichTextBlock):
        return clean_rich_text(value) if isinstance(value, str) else value
    if isinstance(block, StreamBlock) and isinstance(value, list):
        for child in value:
            if isinstance(child, dict) and child.get("type") in block.child_blocks:
                child["value"] = _clean_block_value(
                    block.child_blocks[child["type"]], child.get("value")
                )
        return value
    if isinstance(block, ListBlock) and isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict) and "value" in item and "type" in item:
                item["value"] = _clean_block_value(block.child_block, item["value"])
            else:
                value[index] = _clean_block_value(block.child_block, item)
        return value
    if isinstance(block, StructBlock) and isinstance(value, dict):
        for name, child_block in block.child_blocks.items():
            if name in value:
                value[name] = _clean_block_value(child_block, value[name])
        return value
    return value


def _has_rich_text(block):
    if isinstance(block, RichTextBlock):
        return True
    if isinstance(block, (StreamBlock, StructBlock)):
        return any(_has_rich_text(child) for child in block.child_blocks.values())
    if isinstance(block, ListBlock):
        return _has_rich_text(block.child_block)
    return False


_FIELDS_BY_MODEL = {}


def rich_text_fields(model):
    """The RichTextFields and StreamFields holding rich text of ``model`` (remembered)."""
    if model not in _FIELDS_BY_MODEL:
        _FIELDS_BY_MODEL[model] = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, RichTextField)
            or (isinstance(field, StreamField) and _has_rich_text(field.stream_block))
        ]
    return _FIELDS_BY_MODEL[model]


def clean_instance(instance):
    """Clean every rich text of ``instance`` in place (before it is saved)."""
    for field in rich_text_fields(type(instance)):
        value = getattr(instance, field.attname)
        if isinstance(field, RichTextField):
            if isinstance(value, str):
                setattr(instance, field.attname, clean_rich_text(value))
            continue
        if value is None:
            continue
        raw = field.get_prep_value(value)
        if isinstance(raw, str):
            raw = json.loads(raw)
        if not raw:
            continue
        cleaned = _clean_block_value(field.stream_block, raw)
        setattr(instance, field.attname, field.to_python(cleaned))
