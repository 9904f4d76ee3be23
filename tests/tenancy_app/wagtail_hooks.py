from wagtail.snippets.models import register_snippet

from tenancy.viewsets import MemberOwnedSnippetViewSet

from .models import MemberNote


class MemberNoteViewSet(MemberOwnedSnippetViewSet):
    model = MemberNote
    icon = "doc-full"
    list_display = ["title", "member"]
    list_export = ["title", "member"]
    search_fields = ["title"]


register_snippet(MemberNoteViewSet)
