"""One JSON object per line: the shape of every log line, Django's and gunicorn's alike."""

import json
import logging
from datetime import UTC, datetime

# gunicorn's access-log atoms (gunicorn.conf.py) and what they are called here.
ACCESS_FIELDS = {
    "h": "remote",
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "a": "user_agent",
}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry["event"] = "request"
            for atom, name in ACCESS_FIELDS.items():
                value = record.args.get(atom)
                entry[name] = (
                    int(value)
                    if name in ("status", "bytes", "duration_ms") and str(value).isdigit()
                    else value
                )
        else:
            entry["message"] = record.getMessage()
            status = getattr(record, "status_code", None)
            if status:
                entry["status"] = status
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
