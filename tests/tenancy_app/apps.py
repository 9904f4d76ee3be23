from django.apps import AppConfig


class TenancyTestAppConfig(AppConfig):
    """A member-owned snippet with every optional Wagtail feature, installed only in tests.

    It stands in for the member-owned content types (offers, events) that other apps add: the
    isolation matrix and the registration check run against every URL it brings."""

    name = "tests.tenancy_app"
    label = "tenancy_testapp"
    default_auto_field = "django.db.models.BigAutoField"
