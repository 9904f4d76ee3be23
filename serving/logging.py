"""Log records as JSON lines on stdout, for the production server.

One object per line with ``time``, ``level``, ``logger`` and ``message`` (and ``exception``
with the traceback). Gunicorn's access records also get ``method``, ``path``, ``status``,
``bytes`` and ``duration_ms``; the client address, the query string and the user agent are
never logged (readers may be people at risk)."""

import json
import logging
from datetime import UTC, datetime

# Gunicorn access-log atoms: r'%(m)s' method, U path, s status, B bytes, M duration (ms).
ACCESS_FIELDS = {"method": "m", "path": "U", "status": "s", "bytes": "B", "duration_ms": "M"}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        data = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            data["message"] = "request"
            for field, atom in ACCESS_FIELDS.items():
                value = record.args.get(atom)
                if value not in (None, "-"):
                    data[field] = int(value) if field != "method" and field != "path" else value
        else:
            data["message"] = record.getMessage()
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)
