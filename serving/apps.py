from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "serving"
    verbose_name = "Auslieferung"

    def ready(self):
        from . import signals  # noqa: F401
