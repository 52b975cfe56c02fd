"""Whole reader pages from the cache, and conditional GET.

Every cached page is stored with the content version it was rendered from, under a key made
of the release (code and templates) and the page's address; a page stored with another
version is rendered afresh. Saving or deleting any content row, in any process (the admin,
import_sources, loaddata, a revert), bumps the version in the database once its transaction
commits, and where the cache is shared (Redis) announces it on a Redis channel. Each process
then keeps the version it last read until an announcement comes (or VERSION_RECHECK_SECONDS
pass, in case one was lost), so a page served from the cache costs no query and no round trip
for its version: each request only polls its subscription for announcements. A process with
no subscription (its cache is process-local, or Redis is out of reach) reads the version from
the database on every request: one small query. Each process also keeps recent pages in
memory, so a hit usually costs nothing but the response.

The modules: `release` (the digest and time of the code this process serves, part of every
key), `version` (the content version, bumped once a transaction that changed content
commits), `watch` (the version as this process last read it, kept while Redis announces no
change), `outage` (the shared cache out of reach is a miss), `store` (the pages this process
served last, in its memory), `middleware` (keys, hits, misses and conditional GET).
"""
