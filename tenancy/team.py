"""Member self-administration: a member's "Freigabe" role looks after the member's people.

The "Team" admin (Einstellungen → Team) lists the people of the members whose approvers the
user is (all members for LAG staff). It can invite a person (a new account gets an e-mail with
a link to set a password; an existing account is added to the member), assign and withdraw
the member's two roles ("Redaktion", "Freigabe") and deactivate an account. It never offers
the administrator flag, never the LAG's groups, and never touches people who are
administrators, LAG staff or (beyond their roles for this member) people who also work for
another member.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.functional import cached_property
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from .models import TeamMember
from .scoping import approver_member_ids_for_user, is_network_staff

User = get_user_model()


# --- Who manages whom ---------------------------------------------------------------------------


def managed_members(user):
    """The members whose people ``user`` administers."""
    from microsites.models import Member

    if not (user and user.is_authenticated and user.is_active):
        return Member.objects.none()
    if is_network_staff(user):
        return Member.objects.all()
    return Member.objects.filter(pk__in=approver_member_ids_for_user(user))


def role_groups(members):
    """The role groups of ``members``: [(member, group, role label)], in member order."""
    roles = []
    for member in members.select_related("editors_group", "approvers_group").order_by("name"):
        if member.editors_group_id:
            roles.append((member, member.editors_group, _("Redaktion")))
        if member.approvers_group_id:
            roles.append((member, member.approvers_group, _("Freigabe")))
    return roles


def managed_group_ids(user):
    return {group.pk for _member, group, _label in role_groups(managed_members(user))}


def protected_users_q():
    """Accounts only administrators change: administrators and the LAG's staff."""
    return Q(is_superuser=True) | Q(groups__name=settings.LAG_STAFF_GROUP_NAME)


def manageable_users(user, model=TeamMember):
    """The accounts ``user`` may see and manage in the team admin."""
    queryset = model._default_manager.all()
    if user.is_superuser:
        return queryset
    protected = model._default_manager.filter(protected_users_q()).values("pk")
    if is_network_staff(user):
        return queryset.exclude(pk__in=protected)
    groups = managed_group_ids(user)
    if not groups:
        return queryset.none()
    return queryset.filter(groups__in=groups).exclude(pk__in=protected).distinct()


def manages_whole_account(user, person):
    """Whether ``user`` may change ``person``'s account itself (name, e-mail, active), not just
    their roles: only if every group ``person`` has is one ``user`` administers."""
    if user.is_superuser or is_network_staff(user):
        return True
    own = managed_group_ids(user)
    return set(person.groups.values_list("pk", flat=True)) <= own


class TeamPermissionPolicy(ModelPermissionPolicy):
    """Model permissions for the team admin, held only while the user is LAG staff or the
    approver of an active member; instances are the people of those members."""

    def _may_manage(self, user):
        return bool(user.is_active and (is_network_staff(user) or managed_members(user).exists()))

    def user_has_permission(self, user, action):
        if action == "delete" and not user.is_superuser:
            # Accounts are deactivated, never deleted: their history stays attributable.
            return False
        return super().user_has_permission(user, action) and self._may_manage(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and manageable_users(user, self.model).filter(pk=instance.pk).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return manageable_users(user, self.model)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


# --- Invitations ----------------------------------------------------------------------------------


def send_invitation(person, member, invited_by, new_account):
    """E-mail to a person added to a member's team: a link to set a password for a new account,
    a note for an existing one. German and English, as the person's language is not known."""
    context = {
        "person": person,
        "member": member,
        "invited_by": invited_by,
        "new_account": new_account,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
    }
    if new_account:
        context["set_password_url"] = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "wagtailadmin_password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
                "token": default_token_generator.make_token(person),
            },
        )
    bodies = []
    for language in ("de", "en"):
        with override(language):
            bodies.append(render_to_string("tenancy/team/invitation.txt", context).strip())
    with override("de"):
        subject = str(_("Einladung ins Team von %(member)s") % {"member": member.name})
    send_mail(subject, "\n\n----\n\n".join(bodies), None, [person.email])


# --- Forms ------------------------------------------------------------------------------------------


class RolesField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, roles, **kwargs):
        self.role_labels = {group.pk: f"{member.name}: {label}" for member, group, label in roles}
        super().__init__(
            queryset=Group.objects.filter(pk__in=self.role_labels).order_by("name"), **kwargs
        )

    def label_from_instance(self, obj):
        return self.role_labels.get(obj.pk, obj.name)


class TeamMemberForm(WagtailAdminModelForm):
    """Roles (and, for people only this user administers, the account) of one person."""

    class Meta:
        model = TeamMember
        fields = ["first_name", "last_name", "email", "is_active"]
        labels = {
            "first_name": _("Vorname"),
            "last_name": _("Nachname"),
            "email": _("E-Mail-Adresse"),
            "is_active": _("Zugang aktiv"),
        }
        help_texts = {
            "is_active": _(
                "Ohne Haken kann sich die Person nicht mehr anmelden; nichts von ihr geht verloren."
            ),
        }

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.managed_roles = role_groups(managed_members(for_user))
        self.fields["roles"] = RolesField(
            self.managed_roles,
            required=False,
            label=_("Rollen"),
            help_text=_(
                "„Redaktion“ schreibt und reicht zur Freigabe ein; „Freigabe“ gibt im Verein frei "
                "und verwaltet das Team."
            ),
        )
        self.fields["email"].required = True
        person = self.instance
        self.initial["roles"] = list(
            person.groups.filter(pk__in=self.fields["roles"].role_labels).values_list(
                "pk", flat=True
            )
        )
        whole_account = manages_whole_account(for_user, person)
        editing_self = person.pk == for_user.pk
        if not whole_account:
            for name in ("first_name", "last_name", "email", "is_active"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Die Person arbeitet auch für eine andere Organisation; ihr Konto ändert "
                    "die LAG."
                )
        if editing_self:
            # Nobody withdraws their own access by accident.
            self.fields["is_active"].disabled = True
            self.fields["roles"].disabled = True

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        clash = User._default_manager.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                _("Diese E-Mail-Adresse gehört schon zu einem anderen Konto.")
            )
        return email

    @transaction.atomic
    def save(self, commit=True):
        person = super().save(commit=commit)
        if "roles" not in self.changed_data or self.fields["roles"].disabled:
            return person
        managed = set(self.fields["roles"].role_labels)
        wanted = {group.pk for group in self.cleaned_data["roles"]}
        person.groups.remove(*(managed - wanted))
        person.groups.add(*(wanted & managed))
        if not person.groups.exists() and person.is_active:
            # Somebody who works for no member any more cannot sign in either.
            person.is_active = False
            person.save(update_fields=["is_active"])
        return person


class InviteForm(WagtailAdminModelForm):
    """Invite a person to a member's team by e-mail address."""

    class Meta:
        model = TeamMember
        fields = ["first_name", "last_name", "email"]
        labels = {
            "first_name": _("Vorname"),
            "last_name": _("Nachname"),
            "email": _("E-Mail-Adresse"),
        }

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.managed_roles = role_groups(managed_members(for_user))
        self.fields["email"].required = True
        self.fields["roles"] = RolesField(
            self.managed_roles,
            label=_("Rollen"),
            help_text=_("Mindestens eine Rolle, alle bei derselben Organisation."),
        )
        self.existing_person = None

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        existing = User._default_manager.filter(email__iexact=email).first()
        if existing is not None:
            if User._default_manager.filter(pk=existing.pk).filter(protected_users_q()).exists():
                raise forms.ValidationError(_("Dieses Konto kann nur die Administration ändern."))
            self.existing_person = existing
        return email

    def clean_roles(self):
        roles = self.cleaned_data["roles"]
        members = {member.pk for member, group, _label in self.managed_roles if group in roles}
        if len(members) > 1:
            raise forms.ValidationError(
                _("Bitte jeweils nur in das Team einer Organisation einladen.")
            )
        return roles

    def _post_clean(self):
        if self.existing_person is not None:
            # The invitation adds an existing account to the team; its data stays as it is.
            self.instance = TeamMember._default_manager.get(pk=self.existing_person.pk)
            return
        super()._post_clean()

    @transaction.atomic
    def save(self, commit=True):
        roles = list(self.cleaned_data["roles"])
        member = next(m for m, group, _label in self.managed_roles if group in roles)
        new_account = self.existing_person is None
        if new_account:
            person = super().save(commit=False)
            person.username = _free_username(self.cleaned_data["email"])
            person.set_unusable_password()
            person.save()
        else:
            person = self.instance
        person.groups.add(*roles)
        self.member = member
        self.new_account = new_account
        send_invitation(person, member, self.for_user, new_account)
        return person


def _free_username(email):
    base = email.lower()[:140]
    candidate, number = base, 1
    while User._default_manager.filter(username=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


# --- Views ------------------------------------------------------------------------------------------


class ManageablePersonMixin:
    """Every team view that names a person answers 404 unless the user may manage them."""

    def setup(self, request, *args, **kwargs):
        if "pk" in kwargs and not manageable_users(request.user).filter(pk=kwargs["pk"]).exists():
            raise Http404
        super().setup(request, *args, **kwargs)


class TeamIndexView(generic.IndexView):
    page_title = _("Team")
    add_item_label = _("Person einladen")
    search_fields = ["first_name", "last_name", "email", "username"]

    @cached_property
    def columns(self):
        roles = {
            group.pk: f"{member.short_name}: {label}"
            for member, group, label in role_groups(managed_members(self.request.user))
        }

        def role_names(person):
            return ", ".join(
                sorted(roles[group.pk] for group in person.groups.all() if group.pk in roles)
            )

        return [
            self._get_title_column_class(TitleColumn)(
                "name",
                accessor=lambda person: person.get_full_name() or person.get_username(),
                label=_("Name"),
                sort_key="last_name",
                get_url=self.get_edit_url,
            ),
            Column("email", label=_("E-Mail-Adresse")),
            Column("roles", accessor=role_names, label=_("Rollen")),
            BooleanColumn("is_active", label=_("Zugang aktiv")),
            DateColumn("last_login", label=_("Zuletzt angemeldet")),
        ]

    def get_base_queryset(self):
        return (
            manageable_users(self.request.user)
            .prefetch_related("groups")
            .order_by("last_name", "first_name", "email")
        )


class TeamCreateView(generic.CreateView):
    page_title = _("Person einladen")
    success_message = _("Einladung an „%(object)s“ verschickt.")

    def save_instance(self):
        person = self.form.save()
        log(
            person,
            "wagtail.create" if self.form.new_account else "wagtail.edit",
            user=self.request.user,
        )
        return person

    def get_success_message(self, instance):
        return self.success_message % {"object": instance.email}


class TeamEditView(generic.EditView):
    success_message = _("„%(object)s“ gespeichert.")

    def save_instance(self):
        person = self.form.save()
        log(person, "wagtail.edit", user=self.request.user)
        return person

    def get_object(self, queryset=None):
        person = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", person
        ):
            raise PermissionDenied
        return person


class TeamViewSet(ModelViewSet):
    model = TeamMember
    icon = "group"
    menu_label = _("Team")
    menu_name = "team"
    menu_order = 590
    add_to_settings_menu = True
    url_prefix = "team"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = TeamIndexView
    add_view_class = TeamCreateView
    edit_view_class = TeamEditView
    add_to_reference_index = False
    list_filter = ["is_active"]

    def get_form_class(self, for_update=False):
        return TeamMemberForm if for_update else InviteForm

    def construct_view(self, view_class, **kwargs):
        scoped = type(view_class.__name__, (ManageablePersonMixin, view_class), {})
        return super().construct_view(scoped, **kwargs)
