"""A member's state reaches every running process at once: a server that has already answered
410 for a deactivated member answers again as soon as ``provision_member --activate`` has run in
another process, without a restart.

The test runs real processes against a file-based SQLite database and the file cache they share
(the setup of ``make run`` and of app servers without Redis)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PORT = 8643
HOST = "queer-proc.localhost"


def free_port():
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) != 0:
            return PORT
        probe2 = socket.socket()
        probe2.bind(("127.0.0.1", 0))
        port = probe2.getsockname()[1]
        probe2.close()
        return port


def status_of(port, path="/"):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": HOST})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - local server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def environment(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CACHE_DIR": str(tmp_path / "cache"),
    }
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args):
    done = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)}: {done.stderr[-2000:]}"


def test_reactivation_reaches_a_running_server_without_restart(environment):
    manage(environment, "migrate", "--noinput", "-v0")
    manage(environment, "provision_network")
    manage(
        environment,
        "provision_member",
        "queer-proc",
        "--name",
        "Queer Prozess e. V.",
        "--district",
        "14523",
        "--town",
        "Plauen",
        "--contact-email",
        "info@example.org",
    )
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=PROJECT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                active_status = status_of(port)
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        assert active_status != 410

        manage(environment, "provision_member", "queer-proc", "--update", "--deactivate")
        assert status_of(port) == 410
        # The server now holds the table with the member inactive; another process changes it.
        manage(environment, "provision_member", "queer-proc", "--update", "--activate")
        assert status_of(port) == active_status
    finally:
        server.terminate()
        server.wait(timeout=20)
