"""gunicorn's settings (read from the working directory): workers from the environment, and
logs as JSON lines through the same formatter as Django's (skills/operations/log.py)."""

import os

# The same environment, read the same way as the application's (it fails the same way too).
from sfia_site.settings import SFIA_BEHIND_HTTPS_PROXY

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
# Worker memory stays bounded even if something leaks. Not more often: a worker's start costs
# about half a second of CPU, which at every 2,000 requests under full load was a third of
# the cost of serving a static file (docs/performance.md).
max_requests = 20000
max_requests_jitter = 2000
# gunicorn's defaults believe X-Forwarded-Proto (and two other scheme headers) from 127.0.0.1:
# without a proxy in front, a plain-HTTP request saying "https" would then get https links and
# HSTS. Only behind the proxy Django's settings name, and only its header.
if SFIA_BEHIND_HTTPS_PROXY:
    forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
    secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}

accesslog = "-"
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "skills.operations.log.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        }
    },
    # gunicorn merges this over its defaults, whose root logger names handlers replaced here.
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
