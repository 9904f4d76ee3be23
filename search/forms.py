from django import forms
from django.utils.translation import gettext_lazy as _

from .text import MAX_QUERY_LENGTH, WORD, has_searchable_text

SCOPE_SITE = "website"
SCOPE_NETWORK = "netzwerk"
# Characters that are dropped from a query; a reader who typed them is told so.
IGNORED_CHARACTERS = set("<>\"'`;=%&|\\{}[]()^~$#@+!?")


class SearchForm(forms.Form):
    """The reader's search: a query, optionally the whole network and one content type."""

    # The ids are those of the inputs in search/search.html, for the links of the error summary.
    q = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        widget=forms.TextInput(attrs={"id": "search-query"}),
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "Der Suchbegriff ist zu lang: höchstens %(limit_value)d Zeichen, "
                "eingegeben wurden %(show_value)d."
            ),
            "null_characters_not_allowed": _("Der Suchbegriff enthält ungültige Zeichen."),
        },
    )
    bereich = forms.ChoiceField(
        label=_("Wo suchen?"),
        required=False,
        widget=forms.RadioSelect(attrs={"id": "search-scope"}),
        choices=[
            (SCOPE_SITE, _("Nur diese Website")),
            (SCOPE_NETWORK, _("Im ganzen Netzwerk")),
        ],
    )
    typ = forms.CharField(
        label=_("Art der Seite"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"id": "search-kind"}),
    )

    def clean_q(self):
        query = " ".join(self.cleaned_data["q"].split())
        if query and not has_searchable_text(query):
            raise forms.ValidationError(
                _(
                    "Bitte geben Sie mindestens einen Buchstaben oder eine Ziffer ein; Satz- und "
                    "Sonderzeichen allein werden nicht gesucht."
                )
            )
        return query

    def clean_bereich(self):
        return self.cleaned_data["bereich"] or SCOPE_SITE

    @property
    def ignored_characters(self):
        """The special characters of a valid query that the search leaves out."""
        query = self.cleaned_data.get("q", "") if self.is_bound and not self.errors else ""
        return sorted({char for char in query if char in IGNORED_CHARACTERS})

    @property
    def words(self):
        return WORD.findall(self.cleaned_data.get("q", ""))
