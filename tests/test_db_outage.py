"""A PostgreSQL restart under load: readers get 503 with Retry-After while the database is
down, never a 500, and every contact message that was acknowledged is stored.

The test restarts the machine's PostgreSQL cluster, which cuts every other connection to it as
well. It is therefore collected only when ``QNS_FAULT_TESTS=1`` and run on its own, after the
suite (``.ci/run``), with ``DATABASE_URL`` pointing at PostgreSQL."""

import os
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

if os.environ.get("QNS_FAULT_TESTS") != "1":
    pytest.skip("fault tests run only with QNS_FAULT_TESTS=1", allow_module_level=True)
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    pytest.skip("the outage test needs PostgreSQL (DATABASE_URL)", allow_module_level=True)
if not shutil.which("pg_ctlcluster"):
    pytest.skip("pg_ctlcluster is not available", allow_module_level=True)

from django.db import connections  # noqa: E402
from wagtail.contrib.forms.models import FormSubmission  # noqa: E402
from wagtail.models import Site  # noqa: E402

from contact import spam  # noqa: E402
from contact.models import ContactPage  # noqa: E402

from .factories import homes_of  # noqa: E402

pytestmark = [pytest.mark.pg_restart, pytest.mark.django_db(transaction=True)]

HOST = "queer-vogtland.localhost"
# The load is bounded by responses, not seconds, so that a slow machine still sees requests
# before, during and after the restart: restart after BEFORE responses, stop AFTER responses
# after PostgreSQL is back (or at MAX_SECONDS).
BEFORE = 6
AFTER = 12
MAX_SECONDS = 240
# The thank-you page does not show the form again.
WORKERS = 4


def cluster():
    version = sorted(Path("/etc/postgresql").iterdir())[0].name
    return version, "main"


def restart_postgres():
    version, name = cluster()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", "-m", "fast", version, name, "restart"],
        check=True,
        timeout=60,
    )


def wait_for_postgres():
    for _ in range(60):
        if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"], check=False).returncode == 0:
            return
        time.sleep(0.5)
    raise AssertionError("PostgreSQL did not come back")


def send(url, data=None):
    body = urllib.parse.urlencode(data).encode() if data else None
    request = urllib.request.Request(url, data=body, headers={"Host": HOST})
    if body:
        request.add_header("Origin", f"http://{HOST}")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read().decode(errors="replace"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace"), dict(error.headers)
    except OSError as error:  # no answer at all (timeout, reset): recorded, never hidden
        return f"no answer: {error}", "", {}


def test_a_database_restart_under_load_loses_nothing_and_shows_no_500(
    live_server, member, settings
):
    settings.CONTACT_RATE_LIMIT = (10**6, 600)
    settings.CONTACT_MIN_SECONDS = 0
    port = int(live_server.url.rsplit(":", 1)[1])
    Site.objects.update(port=port)
    page = ContactPage.objects.child_of(homes_of(member)["de"]).get().specific
    base = f"http://127.0.0.1:{port}"
    field_names = [field.clean_name for field in page.get_form_fields()]
    connections.close_all()

    results = []
    lock = threading.Lock()
    stop = threading.Event()

    def worker(number):
        sequence = 0
        while not stop.is_set():
            sequence += 1
            started = time.monotonic()
            if sequence % 2 == 0:
                data = dict.fromkeys(field_names, "")
                data.update(
                    {
                        "nachricht": f"Nachricht {number}-{sequence}",
                        spam.STARTED_FIELD: spam.started_token(time.time() - 10),
                        spam.HONEYPOT_FIELD: "",
                    }
                )
                status, body, headers = send(f"{base}{page.url}", data)
                kind = "post"
            else:
                status, body, headers = send(f"{base}{'/en/' if sequence % 2 else '/'}")
                kind = "get"
            with lock:
                results.append((started, time.monotonic(), kind, status, body, headers))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + MAX_SECONDS

    def wait_for(count):
        while len(results) < count and time.monotonic() < deadline:
            time.sleep(0.2)

    wait_for(BEFORE)
    down_from = time.monotonic()
    restart_postgres()
    wait_for_postgres()
    down_until = time.monotonic()
    wait_for(len(results) + AFTER)
    stop.set()
    for thread in threads:
        thread.join()
    connections.close_all()

    statuses = [status for _s, _e, _k, status, _b, _h in results]
    summary = {}
    for _s, _e, kind, status, _b, _h in results:
        summary[(kind, status)] = summary.get((kind, status), 0) + 1
    print(f"\noutage: responses by kind and status {summary}")
    assert 500 not in statuses, f"{statuses.count(500)} × 500"
    assert set(statuses) <= {200, 503}, sorted(set(statuses))
    # 503 only around the outage (a request may have started just before it).
    for started, ended, _kind, status, body, headers in results:
        if status == 503:
            assert ended >= down_from and started <= down_until + 2, (started, ended)
            assert headers.get("Retry-After") == "30"
            assert "gleich wieder da" in body
    acknowledged = sum(
        1
        for _s, _e, kind, status, body, _h in results
        if kind == "post" and status == 200 and 'name="nachricht"' not in body
    )
    assert acknowledged > 0
    stored = FormSubmission.objects.filter(page=page).count()
    assert stored == acknowledged, (stored, acknowledged)
    print(
        f"\noutage: {len(results)} requests, {statuses.count(503)} × 503, "
        f"{acknowledged} messages acknowledged and stored, "
        f"database down for {down_until - down_from:.1f} s"
    )
