"""The release: the code, templates and translations this process serves."""

import hashlib
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from django.conf import settings


@cache
def release():
    """(digest, time) of the code, templates and translations this process serves."""
    base = Path(settings.BASE_DIR)
    files = sorted(
        path
        for folder in ("skills", "sfia_site", "templates", "locale", "static")
        for path in (base / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    newest = max((path.stat().st_mtime for path in files), default=0)
    return digest.hexdigest()[:12], datetime.fromtimestamp(int(newest), UTC)
