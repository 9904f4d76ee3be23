"""Gunicorn settings for ``make serve`` and production: everything from the environment.

WEB_CONCURRENCY   worker processes (default: 2 per CPU core)
GUNICORN_THREADS  threads per worker (default 1: sync workers; more than 1: gthread)
GUNICORN_BIND     address to listen on (default 127.0.0.1:8000)
GUNICORN_TIMEOUT  seconds before a stuck worker is restarted (default 30)
GUNICORN_ACCESS_LOG  "-" (stdout, default) or "" for none
Logs are JSON lines on stdout (serving/logging.py), without client addresses."""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * multiprocessing.cpu_count())
threads = int(os.environ.get("GUNICORN_THREADS") or 1)
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests (bounds slow memory growth).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS") or 5000)
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "serving.logging.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        }
    },
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
