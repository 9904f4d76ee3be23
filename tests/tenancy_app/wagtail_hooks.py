from wagtail.snippets.models import register_snippet

from editorial.snippets import ReviewedSnippetEditView
from tenancy.viewsets import MemberOwnedSnippetViewSet

from .models import MemberNote


class MemberNoteViewSet(MemberOwnedSnippetViewSet):
    model = MemberNote
    edit_view_class = ReviewedSnippetEditView
    icon = "doc-full"
    list_display = ["title", "member"]
    list_export = ["title", "member"]
    search_fields = ["title"]


register_snippet(MemberNoteViewSet)
