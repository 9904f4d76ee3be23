from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .scoping import members_for_user, scope_to_user


class MemberOwnedSnippetViewSet(SnippetViewSet):
    """Admin for a member-owned model: lists, forms and choosers limited to the user's members."""

    def get_queryset(self, request):
        return scope_to_user(self.model._default_manager.all(), request.user)

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update=for_update)
        return _scoped_form(form_class)


def _scoped_form(form_class):
    class MemberScopedForm(form_class):
        def __init__(self, *args, for_user=None, **kwargs):
            super().__init__(*args, for_user=for_user, **kwargs)
            field = self.fields.get("member")
            if field is not None and for_user is not None:
                allowed = members_for_user(for_user)
                field.queryset = allowed
                if not self.instance.pk and allowed.count() == 1:
                    field.initial = allowed.first()

        def clean_member(self):
            member = self.cleaned_data.get("member")
            allowed = members_for_user(self.for_user) if self.for_user is not None else None
            if (
                member is not None
                and allowed is not None
                and not allowed.filter(pk=member.pk).exists()
            ):
                raise ValidationError(_("Du kannst nur für deine eigene Organisation anlegen."))
            return member

    MemberScopedForm.__name__ = form_class.__name__
    return MemberScopedForm
