"""German text as the search index and the search box see it.

Gender-inclusive spellings split one word into pieces that no stemmer joins again: PostgreSQL's
German configuration turns "Berater*innen" into "berat" and "inn", "Beraterin" into "beraterin".
The same rules are therefore applied to every indexed text and to every query:

* a gender gap form (``Berater*innen``, ``Berater:innen``, ``Berater_innen``, ``Berater/-innen``,
  ``BeraterInnen``) becomes the three words ``Berater Beraterin Beraterinnen``;
* a feminine form of a person noun (``Beraterin``, ``Studentinnen``) also yields its base form
  (``Berater``, ``Student``), so that a search for the base finds it.

On databases without a German text search configuration (SQLite) the Snowball German stemmer is
applied here as well, to the index text and to each query term alike.
"""

import re
from functools import lru_cache

import snowballstemmer

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12

# A gender gap between a base word and the feminine ending: Berater*innen, Berater:innen,
# Berater_innen, Berater/innen, Berater/-innen, Berater·innen, Berater'innen.
GENDER_GAP = re.compile(r"\b([^\W\d_]{2,})(?:[*:_·'’|]|/-?)(in|innen)\b", re.IGNORECASE)
# The "Binnen-I": BeraterInnen, StudentIn (a capital I after a lower-case letter).
BINNEN_I = re.compile(r"\b([^\W\d_]*[a-zäöüß])I(n|nnen)\b")
# Feminine person nouns whose base form is the masculine/generic noun: Beraterin -> Berater,
# Studentinnen -> Student. Restricted to agent-noun endings so that Termin, Medizin or Berlin
# keep their meaning.
FEMININE = re.compile(
    r"^([^\W\d_]{2,}(?:er|ent|ant|ist|eur|ör|at|loge|oge|graf|graph|ar|är|ier))(in|innen)$",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W_]+", re.UNICODE)

_stemmer = snowballstemmer.stemmer("german")


def _gap_forms(match):
    base = match.group(1)
    return f"{base} {base}in {base}innen"


def expand_gender_forms(text):
    """Rewrite gender gap spellings as base, singular and plural feminine words."""
    text = GENDER_GAP.sub(_gap_forms, text)
    return BINNEN_I.sub(_gap_forms, text)


def feminine_base(word):
    """The base form of a feminine person noun (``Beraterinnen`` -> ``Berater``), or None."""
    match = FEMININE.match(word)
    return match.group(1) if match else None


@lru_cache(maxsize=4096)
def stem(word):
    return _stemmer.stemWord(word.lower())


def normalise_for_index(text, *, stems=False):
    """The text to index for ``text``: gender forms expanded, feminine bases added and, where the
    database does not stem itself, the German stems of all words appended."""
    if not text:
        return text
    text = expand_gender_forms(text)
    extra = []
    for word in WORD.findall(text):
        base = feminine_base(word)
        if base:
            extra.append(base)
    if stems:
        words = WORD.findall(text) + extra
        extra.extend(
            {stem(word) for word in words if not word.isdigit() and stem(word) != word.lower()}
        )
    if not extra:
        return text
    return f"{text} {' '.join(extra)}"


def query_terms(query):
    """The query as a list of term groups; a document must match one word of every group.

    Punctuation, operators and markup are dropped: only words and numbers are searched for."""
    groups = []
    for word in WORD.findall(expand_gender_forms(query or "")):
        groups.append([word])
    # Merge the three words a gender gap form expands to back into one group.
    merged = []
    for group in groups:
        word = group[0]
        previous = merged[-1] if merged else None
        if (
            previous
            and len(previous) < 3
            and word.lower() in {f"{previous[0].lower()}in", f"{previous[0].lower()}innen"}
        ):
            previous.append(word)
            continue
        base = feminine_base(word)
        merged.append([word, base] if base else [word])
    return merged[:MAX_QUERY_TERMS]


def has_searchable_text(query):
    return bool(WORD.search(query or ""))
