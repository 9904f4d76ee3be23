"""Readable snippets of a search result with the searched words marked.

The text comes from the fields the page is indexed with, read from the page row itself (stream
fields from their raw JSON), so building snippets costs no database query."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.fields import StreamValue
from wagtail.search import index

from .text import query_terms, stem

SNIPPET_LENGTH = 240
# Parts of stream blocks that are not reading text.
NON_TEXT_KEYS = {
    "level",
    "alt_text",
    "credit",
    "external_url",
    "url",
    "page",
    "image",
    "document",
    "decorative",
    "platform",
    "style",
    # Codes of choice blocks (a download's kind and language): not words a reader reads.
    "category",
    "language",
    "kind",
}
# Blocks that name their own language (a download).
LANGUAGE_KEY = "language"
OTHER_LANGUAGE_KEYS = ("title",)
# A word, including a gender gap ending (Berater*innen counts as one word here).
WORD_IN_TEXT = re.compile(r"[^\W_]+(?:(?:[*:_·]|/-?)(?:in|innen)\b)?")
WHITESPACE = re.compile(r"\s+")


def _other_language(value, language_code):
    """Whether a block says its content is in another language than the reader's."""
    tag = value.get(LANGUAGE_KEY)
    if not language_code or not isinstance(tag, str) or not tag:
        return False
    return tag.split("-", 1)[0].lower() != language_code


def _raw_stream_text(value, key=None, language_code=None):
    if isinstance(value, str):
        if key in NON_TEXT_KEYS:
            return []
        return [strip_tags(value)]
    if isinstance(value, dict):
        if "type" in value and "value" in value:
            return _raw_stream_text(value["value"], value["type"], language_code)
        # The title of a download in another language is in that language ("Who we are" on
        # a German page); its description is written for the page's readers.
        skipped = OTHER_LANGUAGE_KEYS if _other_language(value, language_code) else ()
        texts = []
        for child_key, child in value.items():
            if child_key not in skipped:
                texts.extend(_raw_stream_text(child, child_key, language_code))
        return texts
    if isinstance(value, (list, tuple)):
        texts = []
        for child in value:
            texts.extend(_raw_stream_text(child, key, language_code))
        return texts
    return []


def _field_text(page, field_name, language_code=None):
    value = getattr(page, field_name, None)
    if callable(value):
        return []
    if isinstance(value, StreamValue):
        return _raw_stream_text(list(value.raw_data), language_code=language_code)
    if isinstance(value, str):
        return [strip_tags(value)]
    return []


def page_text(page, language_code=None):
    """The reading text of a page: its description and every indexed text field but the title,
    without codes and without blocks in another language than ``language_code`` (a download
    of an English flyer on a German page)."""
    texts = [page.search_description or ""]
    for field in type(page).get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            texts.extend(_field_text(page, field.field_name, language_code))
    seen = []
    for text in texts:
        text = WHITESPACE.sub(" ", text).strip()
        if text and text not in seen:
            seen.append(text)
    return " ".join(seen)


def highlight_terms(query):
    """Lower-case stems of every searched word and its alternatives."""
    return {stem(word) for group in query_terms(query) for word in group if len(word) > 1}


def _is_hit(word, terms):
    lowered = word.lower()
    word_stem = stem(lowered)
    # Short stems ("in", "zu") only match whole words; longer ones also match compounds' starts.
    return any(word_stem == term or (len(term) > 3 and lowered.startswith(term)) for term in terms)


def mark(text, terms):
    """``text`` escaped, with every word that matches a search term in <mark>."""
    parts = []
    position = 0
    for match in WORD_IN_TEXT.finditer(text):
        parts.append(escape(text[position : match.start()]))
        word = match.group(0)
        base = re.split(r"[*:_·/]", word, maxsplit=1)[0]
        if _is_hit(base, terms):
            parts.append(f"<mark>{escape(word)}</mark>")
        else:
            parts.append(escape(word))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def snippet(text, terms, length=SNIPPET_LENGTH):
    """A window of ``text`` around the first matching word, marked; the start if none matches."""
    if not text:
        return ""
    start = 0
    for match in WORD_IN_TEXT.finditer(text):
        base = re.split(r"[*:_·/]", match.group(0), maxsplit=1)[0]
        if _is_hit(base, terms):
            start = max(0, match.start() - length // 3)
            break
    if start:
        # Begin at a word boundary.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    excerpt = Truncator(text[start:]).chars(length)
    prefix = "… " if start else ""
    return mark_safe(escape(prefix) + mark(excerpt, terms))  # noqa: S308 - mark() escapes
