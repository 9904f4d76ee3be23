"""Start a Varnish for this project from ``deploy/varnish/default.vcl`` (``make serve``, the
benchmark and the tests use it): the VCL is written with the backend's address filled in and
``varnishd`` runs in the foreground in its own working directory."""

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VCL_TEMPLATE = BASE_DIR / "deploy" / "varnish" / "default.vcl"
VARNISHD_CANDIDATES = ("/usr/sbin/varnishd", "varnishd")
APT_PACKAGES = "varnish"


def find_varnishd():
    for candidate in VARNISHD_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def render_vcl(backend_host, backend_port):
    return (
        VCL_TEMPLATE.read_text()
        .replace("{{BACKEND_HOST}}", backend_host)
        .replace("{{BACKEND_PORT}}", str(backend_port))
    )


def wait_for_port(host, port, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


class Varnish:
    """A running ``varnishd`` listening on ``listen`` (host, port) in front of ``backend``."""

    def __init__(self, listen, backend, memory="128m", workdir=None):
        self.listen = listen
        self.backend = backend
        self.memory = memory
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="qns-varnish-"))
        self.process = None

    @property
    def url(self):
        return f"http://{self.listen[0]}:{self.listen[1]}"

    def start(self):
        varnishd = find_varnishd()
        if varnishd is None:
            raise RuntimeError(
                f"varnishd is not installed (Debian package: {APT_PACKAGES}; "
                f"apt-get install -y {APT_PACKAGES})"
            )
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.workdir.chmod(0o755)
        vcl = self.workdir / "default.vcl"
        vcl.write_text(render_vcl(*self.backend))
        vcl.chmod(0o644)
        self.process = subprocess.Popen(
            [
                varnishd,
                "-F",
                "-n", str(self.workdir / "instance"),
                "-a", f"{self.listen[0]}:{self.listen[1]}",
                "-T", "none",
                "-f", str(vcl),
                "-s", f"malloc,{self.memory}",
                "-p", "default_ttl=0",
                "-p", "default_grace=0",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        if not wait_for_port(*self.listen) or self.process.poll() is not None:
            self.stop()
            raise RuntimeError("varnishd did not start: " + self._stderr())
        return self

    def _stderr(self):
        if self.process and self.process.poll() is not None and self.process.stderr:
            return self.process.stderr.read().decode(errors="replace")
        return ""

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
