"""``make serve``: the production settings under gunicorn, with Varnish in front if installed.

    PORT=8000 make serve      # http://localhost:8000/ (Varnish), gunicorn on PORT+1

For a local run on plain http it sets (unless already set): the production settings, a secret
key derived from the checkout's ``.secret_key`` (the one the development settings use),
SECURE_SSL_REDIRECT=false, SECURE_HSTS_SECONDS=0, NETWORK_PORT=PORT and ALLOWED_HOSTS=*. It
collects the static files (compressed, fingerprinted) first. With DATABASE_URL and REDIS_URL set
it uses those. Without varnishd (Debian package ``varnish``) gunicorn answers on PORT itself.
Stops both on Ctrl-C or SIGTERM."""

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from serving.varnish import Varnish, find_varnishd, wait_for_port  # noqa: E402


def local_secret_key():
    """A key for local production-settings runs, derived from (never equal to) the development
    key in ``.secret_key``; created like the development settings do if missing."""
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        import secrets

        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return hashlib.sha256(b"qns-serve:" + path.read_text().strip().encode()).hexdigest()


def serve_environment(port, backend_port, use_varnish):
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    if not env.get("SECRET_KEY"):
        env["SECRET_KEY"] = local_secret_key()
    env.setdefault("SECURE_SSL_REDIRECT", "false")
    env.setdefault("SECURE_HSTS_SECONDS", "0")
    env.setdefault("NETWORK_PORT", str(port))
    env.setdefault("ALLOWED_HOSTS", "*")
    env["GUNICORN_BIND"] = f"{env.get('SERVE_HOST', '127.0.0.1')}:{backend_port}"
    if use_varnish:
        env.setdefault("VARNISH_URL", f"http://127.0.0.1:{port}")
    return env


def main():
    port = int(os.environ.get("PORT") or 8000)
    use_varnish = find_varnishd() is not None and os.environ.get("VARNISH", "on") != "off"
    backend_port = int(os.environ.get("BACKEND_PORT") or (port + 1 if use_varnish else port))
    env = serve_environment(port, backend_port, use_varnish)
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    gunicorn = subprocess.Popen(
        [python, "-m", "gunicorn", "--config", str(BASE_DIR / "deploy" / "gunicorn.conf.py")],
        cwd=BASE_DIR,
        env=env,
    )
    varnish = None
    try:
        if not wait_for_port("127.0.0.1", backend_port, timeout=60):
            raise SystemExit("gunicorn did not start")
        if use_varnish:
            host = env.get("SERVE_HOST", "127.0.0.1")
            varnish = Varnish((host, port), ("127.0.0.1", backend_port)).start()
            print(f"Varnish on http://localhost:{port}/ in front of gunicorn on {backend_port}")
        else:
            print(f"gunicorn on http://localhost:{port}/ (varnishd not installed: no proxy cache)")
        signal.signal(signal.SIGTERM, lambda *_: gunicorn.terminate())
        gunicorn.wait()
    except KeyboardInterrupt:
        pass
    finally:
        if varnish:
            varnish.stop()
        if gunicorn.poll() is None:
            gunicorn.terminate()
            gunicorn.wait(20)


if __name__ == "__main__":
    main()
