"""A list of codes from a fixed choice list, stored as ",a,b," in one text column.

Revisions and drafts of snippets serialise plain field values, so the list lives on the row
itself (a many-to-many relation would change the live object while a draft is being edited).
The delimited form lets both SQLite and PostgreSQL filter by one code with ``contains``."""

from django import forms
from django.core import checks, exceptions
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SEPARATOR = ","


class ChoiceListField(models.CharField):
    description = _("Liste von Auswahlwerten")

    def __init__(self, *args, choice_list=None, **kwargs):
        self.choice_list = choice_list
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if self.choice_list is None:
            errors.append(checks.Error("ChoiceListField needs choice_list.", obj=self))
        return errors

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # The vocabulary lives in code (directory/choices.py); migrations need not follow it.
        kwargs.pop("choice_list", None)
        if kwargs.get("default") is list:
            kwargs.pop("default")
        return name, path, args, kwargs

    @property
    def allowed_values(self):
        return [value for value, _label in self.choice_list.choices]

    def to_python(self, value):
        if value is None:
            return []
        if isinstance(value, list | tuple):
            return [str(item) for item in value if item]
        return [item for item in str(value).split(SEPARATOR) if item]

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        values = self.to_python(value)
        if not values:
            return ""
        # Sorted in the order of the choice list, so equal sets are stored alike.
        order = {code: position for position, code in enumerate(self.allowed_values)}
        values = sorted(set(values), key=lambda code: (order.get(code, len(order)), code))
        return SEPARATOR + SEPARATOR.join(values) + SEPARATOR

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        values = self.to_python(value)
        unknown = [item for item in values if item not in self.allowed_values]
        if unknown:
            raise exceptions.ValidationError(
                _("Unbekannter Wert: %(values)s"),
                code="invalid_choice",
                params={"values": ", ".join(unknown)},
            )
        if not values and not self.blank:
            raise exceptions.ValidationError(self.error_messages["blank"], code="blank")

    def run_validators(self, value):
        # Length is checked on the stored form.
        super().run_validators(self.get_prep_value(value))

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.choice_list.choices,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
            "widget": forms.CheckboxSelectMultiple,
        }
        defaults.update(kwargs)
        defaults.pop("max_length", None)
        defaults.pop("empty_value", None)
        form_class = defaults.pop("form_class")
        defaults.pop("choices_form_class", None)
        return form_class(**defaults)


def has_code(field_name, code):
    """A condition: the list field ``field_name`` contains ``code``."""
    return Q(**{f"{field_name}__contains": f"{SEPARATOR}{code}{SEPARATOR}"})
