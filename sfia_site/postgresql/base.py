"""Django's PostgreSQL backend, checking a kept connection's health only after it has been idle.

With CONN_HEALTH_CHECKS, Django sends `SELECT 1` before the first query of every request that
reuses a connection: a round trip that was an eighth of an uncached page's time. A check
guards against a connection that went stale while idle (the server restarted, a firewall
dropped it); one that answered a request less than a second ago is as good as checked, and
if the server has just gone away the requests under way fail with or without a check.
HikariCP skips its check the same way (aliveBypassWindowMs, 500 ms).
"""

import time

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    # Seconds after a request that used the connection without error during which the next
    # request may use it unchecked.
    unchecked_after_use = 1.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.worked_at = None

    def close_if_health_check_failed(self):
        recently = (
            self.worked_at is not None
            and time.monotonic() - self.worked_at < self.unchecked_after_use
        )
        if recently and self.connection is not None:
            self.health_check_done = True
        super().close_if_health_check_failed()

    def close_if_unusable_or_obsolete(self):
        # At the start and end of each request. A connection that was used (health_check_done:
        # checked, or let through above) with no error since worked.
        if self.connection is not None and self.health_check_done and not self.errors_occurred:
            self.worked_at = time.monotonic()
        super().close_if_unusable_or_obsolete()

    def close(self):
        self.worked_at = None
        super().close()
