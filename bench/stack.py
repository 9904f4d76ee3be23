"""``make bench``: the production stack under load, on 127.0.0.1 only.

For a network of 100 members (and of 10, to show how cost grows) seeded by ``bench/seed.py``
into its own SQLite databases under ``bench/.data/`` (reused while their seed version matches;
or the PostgreSQL database BENCH_DATABASE_URL names, for the 100-member run), it starts gunicorn
with the production settings (2 sync workers, as the reference measurement), Varnish in front
(deploy/varnish/default.vcl) and nginx serving one page as a static file, and loads every page
with wrk (bounded: ``--duration`` seconds per page and mode, 8 connections, 1 thread):

- uncached: gunicorn directly, the application's fragment cache off (raw rendering);
- app cache: gunicorn directly, fragment cache on (what a proxy miss costs);
- proxy: through Varnish, warm;
- nginx static: the umbrella home as a file (the ceiling).

It prints a table and writes ``bench/results/bench-<time>.json`` with requests/s, p50 and p99
(ms) and the query count of every page (counted in-process with the test client on the same
database and settings), the memory (RSS) of one worker after the load, and the LAG staff's
admin explorer and review inbox at 100 members."""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from serving.varnish import Varnish, find_varnishd, wait_for_port  # noqa: E402

DATA = BASE_DIR / "bench" / ".data"
RESULTS = BASE_DIR / "bench" / "results"
GUNICORN_PORT, VARNISH_PORT, NGINX_PORT = 8682, 8683, 8684
UMBRELLA = "localhost"
MEMBER = "bench-000.localhost"
PAGES = [
    ("umbrella home", UMBRELLA, "/"),
    ("umbrella home (en)", UMBRELLA, "/en/"),
    ("member home", MEMBER, "/"),
    ("news article", MEMBER, "/aktuelles/meldung-3/"),
    ("directory", UMBRELLA, "/angebote/"),
    ("directory (district)", UMBRELLA, "/angebote/?bezirk=14625"),
    ("network calendar", UMBRELLA, "/veranstaltungen/"),
    ("network search", UMBRELLA, "/suche/?q=Beratung"),
    ("sitemap", UMBRELLA, "/sitemap.xml"),
    ("API pages", UMBRELLA, "/api/v2/pages/?site=all"),
]
ADMIN_PAGES = [
    ("admin explorer (LAG)", UMBRELLA, "/admin/pages/{umbrella_home}/"),
    ("review inbox (LAG)", UMBRELLA, "/admin/redaktion/freigaben/"),
]
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def stack_env(database_url, *, fragment_cache):
    sys.path.insert(0, str(BASE_DIR / "deploy"))
    from serve import local_secret_key

    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=env.get("SECRET_KEY") or local_secret_key(),
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        ALLOWED_HOSTS="*",
        NETWORK_PORT="80",
        DATABASE_URL=database_url,
        FRAGMENT_CACHE="true" if fragment_cache else "false",
        API_RATE_LIMIT="100000000/minute",
        GUNICORN_ACCESS_LOG="",
        LOG_LEVEL="WARNING",
        WEB_CONCURRENCY=os.environ.get("BENCH_WORKERS", "2"),
        GUNICORN_THREADS="1",
        GUNICORN_BIND=f"127.0.0.1:{GUNICORN_PORT}",
    )
    env.pop("VARNISH_URL", None)
    return env


def ensure_seeded(members, database_url):
    env = stack_env(database_url, fragment_cache=False)
    command = [sys.executable, "bench/seed.py", "--members", str(members)]
    if members == 100 and database_url.startswith("sqlite"):
        small = DATA / "bench-10.sqlite3"
        big = Path(database_url.removeprefix("sqlite:///"))
        if not big.exists() and small.exists():
            shutil.copy(small, big)
            command += ["--extend", "10"]
    subprocess.run(command, cwd=BASE_DIR, env=env, check=True)


def start_gunicorn(env):
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    if not wait_for_port("127.0.0.1", GUNICORN_PORT, timeout=90):
        process.kill()
        raise SystemExit("gunicorn did not start")
    return process


def stop(process):
    if process and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


def worker_rss_mb(master):
    children = subprocess.run(
        ["pgrep", "-P", str(master.pid)], capture_output=True, text=True
    ).stdout.split()
    sizes = []
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        if match:
            sizes.append(int(match[1]) / 1024)
    return round(max(sizes), 1) if sizes else None


def wrk(url, host, duration, headers=()):
    command = ["wrk", "-t1", "-c8", f"-d{duration}s", "--latency", "--timeout", "10s"]
    command += ["-H", f"Host: {host}"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=duration + 30
    ).stdout
    result = {"rps": None, "p50": None, "p99": None, "errors": 0}
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if match:
        result["rps"] = round(float(match[1]), 1)
    for label, key in (("50%", "p50"), ("99%", "p99")):
        match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if match:
            result[key] = round(float(match[1]) * UNITS[match[2]], 2)
    match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if match:
        result["errors"] = int(match[1])
    return result


def warm(url, host, headers=(), times=4):
    """A few plain requests first: every worker has compiled its templates and filled its
    caches before wrk measures (a cold worker's first page takes seconds)."""
    command = ["curl", "-s", "-o", "/dev/null", "--max-time", "60", "-H", f"Host: {host}"]
    for header in headers:
        command += ["-H", header]
    for _ in range(times):
        subprocess.run([*command, url], check=False)


def page_facts(env):
    """Query counts per page (test client, same database and settings) and a LAG staff
    session cookie for the admin pages."""
    script = r"""
import json, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from django.contrib.auth import get_user_model
pages = json.loads(input())
out = {"queries": {}}
for name, host, path in pages:
    client = Client(HTTP_HOST=host)
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    out["queries"][name] = len(queries)
staff = Client(HTTP_HOST="localhost")
staff.force_login(get_user_model().objects.get(username="bench-lag"))
out["session"] = staff.cookies["sessionid"].value
out["umbrella_home"] = Site.objects.get(is_default_site=True).root_page_id
print("FACTS" + json.dumps(out))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env={**env, "FRAGMENT_CACHE": "false"},
        input=json.dumps(PAGES),
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("FACTS"))
    return json.loads(line[5:])


def start_nginx(root):
    workdir = Path(tempfile.mkdtemp(prefix="qns-bench-nginx-"))
    (workdir / "logs").mkdir()
    config = workdir / "nginx.conf"
    config.write_text(
        f"""
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/logs/error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    types {{ text/html html; }}
    server {{
        listen 127.0.0.1:{NGINX_PORT};
        root {root};
        location / {{ index index.html; }}
    }}
}}
"""
    )
    process = subprocess.Popen(
        ["/usr/sbin/nginx", "-p", str(workdir), "-c", str(config), "-g", "daemon off;"]
    )
    if not wait_for_port("127.0.0.1", NGINX_PORT):
        process.kill()
        raise SystemExit("nginx did not start")
    return process, workdir


def run_size(members, database_url, duration, modes, admin):
    print(f"\n== {members} members ==", flush=True)
    ensure_seeded(members, database_url)
    base_env = stack_env(database_url, fragment_cache=False)
    facts = page_facts(base_env)
    results = {"pages": {}, "queries": facts["queries"]}
    url = f"http://127.0.0.1:{GUNICORN_PORT}"
    for mode in modes:
        env = stack_env(database_url, fragment_cache=mode != "uncached")
        gunicorn = start_gunicorn(env)
        varnish = None
        try:
            target = url
            if mode == "proxy":
                varnish = Varnish(("127.0.0.1", VARNISH_PORT), ("127.0.0.1", GUNICORN_PORT))
                varnish.start()
                target = varnish.url
            for name, host, path in PAGES:
                warm(target + path, host)
                measured = wrk(target + path, host, duration)
                results["pages"].setdefault(name, {})[mode] = measured
                print(f"  {mode:<10} {name:<22} {measured}", flush=True)
            if mode == "uncached":
                results["worker_rss_mb"] = worker_rss_mb(gunicorn)
                if admin:
                    cookie = f"Cookie: sessionid={facts['session']}"
                    for name, host, path in ADMIN_PAGES:
                        target_path = path.format(umbrella_home=facts["umbrella_home"])
                        warm(url + target_path, host, [cookie])
                        measured = wrk(url + target_path, host, duration, [cookie])
                        results["pages"].setdefault(name, {})[mode] = measured
                        print(f"  {mode:<10} {name:<22} {measured}", flush=True)
                if admin:
                    # The umbrella home as a file for nginx (the same bytes the app sends).
                    html = subprocess.run(
                        ["curl", "-s", "-H", f"Host: {UMBRELLA}", url + "/"],
                        capture_output=True,
                        check=True,
                    ).stdout
                    results["static_html_bytes"] = len(html)
                    results["_static_html"] = html
        finally:
            if varnish:
                varnish.stop()
            stop(gunicorn)
    return results


def print_table(report):
    modes = ["uncached", "app cache", "proxy"]
    print("\n" + "page".ljust(24) + "".join(f"{m + ' rps':>14}{'p50':>8}{'p99':>8}" for m in modes))
    for size, results in report["runs"].items():
        print(
            f"-- {size} members; queries per page counted uncached; worker RSS "
            f"{results.get('worker_rss_mb')} MB"
        )
        for name, by_mode in results["pages"].items():
            row = name.ljust(24)
            for mode in modes:
                m = by_mode.get(mode) or {}
                row += f"{m.get('rps') or '-':>14}{m.get('p50') or '-':>8}{m.get('p99') or '-':>8}"
            queries = results["queries"].get(name)
            print(row + (f"  q={queries}" if queries is not None else ""))
    if report.get("nginx_static"):
        n = report["nginx_static"]
        print(f"nginx static umbrella home: {n['rps']} rps, p50 {n['p50']} ms, p99 {n['p99']} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=5, help="seconds per page and mode")
    parser.add_argument("--sizes", default="100,10")
    args = parser.parse_args()
    for tool in ("wrk", "/usr/sbin/nginx"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed (Debian: apt-get install -y wrk nginx)")
    DATA.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    report = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "runs": {}}
    report["machine"] = {"cpus": os.cpu_count(), "workers": os.environ.get("BENCH_WORKERS", "2")}
    sizes = [int(s) for s in args.sizes.split(",")]
    for members in sorted(sizes):
        if members == 100 and os.environ.get("BENCH_DATABASE_URL"):
            database_url = os.environ["BENCH_DATABASE_URL"]
        else:
            database_url = f"sqlite:///{DATA / f'bench-{members}.sqlite3'}"
        big = members == max(sizes)
        modes = ["uncached", "app cache", "proxy"] if big else ["uncached"]
        if big and not find_varnishd():
            modes.remove("proxy")
            print("varnishd not installed (apt-get install -y varnish): no proxy figures")
        report["runs"][members] = run_size(members, database_url, args.duration, modes, big)
    static_html = None
    for results in report["runs"].values():
        static_html = results.pop("_static_html", None) or static_html
    if static_html:
        root = Path(tempfile.mkdtemp(prefix="qns-bench-static-"))
        (root / "index.html").write_bytes(static_html)
        root.chmod(0o755)
        (root / "index.html").chmod(0o644)
        nginx, workdir = start_nginx(root)
        try:
            warm(f"http://127.0.0.1:{NGINX_PORT}/", UMBRELLA)
            report["nginx_static"] = wrk(f"http://127.0.0.1:{NGINX_PORT}/", UMBRELLA, args.duration)
        finally:
            stop(nginx)
            shutil.rmtree(workdir, ignore_errors=True)
            shutil.rmtree(root, ignore_errors=True)
    report["seconds"] = round(time.monotonic() - started)
    print_table(report)
    path = RESULTS / f"bench-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, indent=2))
    print(f"\nWritten to {path.relative_to(BASE_DIR)} ({report['seconds']} s)")


if __name__ == "__main__":
    main()
