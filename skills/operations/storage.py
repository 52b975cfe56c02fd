"""WhiteNoise's static files storage, remembering each file's URL.

The manifest of hashed names is read once, when the process starts, so a file's URL can't
change while it runs; working it out again (parsing, cleaning and joining the name) took some
20 µs, twice a page (docs/performance.md). Only names found in the manifest are remembered:
an unknown one raises ValueError every time, as before.
"""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if settings.DEBUG and not force:  # unhashed names, and files that may change
            return super().url(name, force)
        if name not in self._urls:
            self._urls[name] = super().url(name, force)
        return self._urls[name]
