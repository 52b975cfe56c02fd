"""The content version: bumped once a transaction that changed content commits, in any
process, and announced to the others."""

import threading
from functools import partial

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from skills.framework.models import ContentVersion

from .outage import CACHE_OUTAGE
from .release import release
from .watch import ContentVersionWatch, read_content_version


def content_version():
    """(version, changed_at) of the content."""
    watch = ContentVersionWatch.for_this_process()
    if watch is None:
        return read_content_version()
    return watch.current()


def bump_content_version(using=None, **kwargs):
    """Connected to every content model's post_save and post_delete (apps.py): the version
    moves once when the transaction commits, however many rows it saved.

    Every save asks for a bump after the commit; the first of those callbacks bumps and the
    others, run right after it, find nothing pending. A rolled-back transaction drops its
    callbacks and leaves the flag set, which only means the next commit's first callback
    bumps, as it would anyway."""
    _pending_bumps.databases.add(using)
    transaction.on_commit(partial(_bump_if_pending, using), using=using, robust=True)


class _PendingBumps(threading.local):
    """The databases whose transactions, in this thread, changed content not yet bumped for."""

    def __init__(self):
        self.databases = set()


_pending_bumps = _PendingBumps()


def _bump_if_pending(using):
    if using in _pending_bumps.databases:
        _pending_bumps.databases.discard(using)
        _bump()


def _bump():
    now = timezone.now()
    if not ContentVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
        ContentVersion.objects.create(pk=1, version=2, changed_at=now)
    # This process needn't wait for its own announcement.
    ContentVersionWatch.forget_in_this_process()
    watch = ContentVersionWatch.for_this_process()
    if watch is not None:
        CACHE_OUTAGE.call(watch.announce)


def validators(variant=""):
    """(version, ETag, Last-Modified as a timestamp) of whatever this release makes from the
    content: a cached page, a downloaded file. The ETag is "<release>-<version>", and the
    `variant` of an address that has several (a sitemap's page, the API's language); the time
    is the later of the content's last change and the release's."""
    version, changed_at = content_version()
    code, released_at = release()
    # Weak: the same content, gzipped or not (GZipMiddleware would weaken a strong one on the
    # compressed answer, and the 304, which it leaves alone, would then name another).
    etag = f'W/"{code}-{version}{variant}"'
    return version, etag, int(max(changed_at, released_at).timestamp())
