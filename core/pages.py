"""Short, neutral pages for answers that must not depend on the database: 413, 400 for a
malformed form, 503 while the database is unreachable. Rendered without a request context, so
that nothing on them queries the database or differs per reader."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

ENGLISH_PREFIX = "/en/"


def language_for(request):
    """The page's language: the user's admin language in the admin (as the rest of the admin
    speaks it), English below ``/en/``, German everywhere else."""
    if request.path_info.startswith("/admin/"):
        language = getattr(request, "LANGUAGE_CODE", None)
        if language in dict(settings.LANGUAGES):
            return language
    if request.path_info.startswith(ENGLISH_PREFIX):
        return "en"
    return settings.LANGUAGE_CODE


def neutral_page(request, status, title, message, *, language=None):
    language = language or language_for(request)
    with translation.override(language):
        body = render_to_string(
            "core/neutral_page.html",
            {
                "title": title(),
                "message": message(),
                "network_name": settings.NETWORK_NAME,
                "language": language,
            },
        )
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def outage_response(request):
    """503 while the database cannot be reached: the reader is asked to come back shortly."""
    response = neutral_page(
        request,
        503,
        lambda: gettext("Die Website ist gleich wieder da"),
        lambda: gettext(
            "Wir können Ihre Anfrage gerade nicht bearbeiten. Bitte versuchen Sie es in einer "
            "Minute noch einmal. Wenn Sie ein Formular abgeschickt haben, ist es nicht "
            "angekommen: Bitte senden Sie es dann noch einmal."
        ),
    )
    response["Retry-After"] = str(getattr(settings, "OUTAGE_RETRY_AFTER", 30))
    return response


def body_too_large_response(request, limit):
    megabytes = limit // (1024 * 1024)
    return neutral_page(
        request,
        413,
        lambda: gettext("Die Anfrage ist zu groß"),
        lambda: (
            gettext(
                "Es können höchstens %(megabytes)s MB auf einmal gesendet werden. Bitte senden "
                "Sie weniger oder kleinere Dateien."
            )
            % {"megabytes": megabytes}
        ),
    )


def incomplete_form_response(request, language=None):
    return neutral_page(
        request,
        400,
        lambda: gettext("Das Formular ist unvollständig angekommen"),
        lambda: gettext(
            "Dem gesendeten Formular fehlen Felder, die es beim Anzeigen hatte. Bitte laden "
            "Sie die Seite neu und senden Sie Ihre Eingaben noch einmal. Es wurde nichts "
            "gespeichert."
        ),
        language=language,
    )
