"""Which answers are compressed (skills/operations/compression.py compresses them), for the
caches' 304s to say what the 200 would have said."""

from django.utils.cache import patch_vary_headers

# Files that are zip archives already (an .xlsx is one): gzip would only add to them.
COMPRESSED_TYPES = (
    "application/zip",
    "application/vnd.openxmlformats-officedocument.",
)


def compressible(content_type):
    return not content_type.startswith(COMPRESSED_TYPES)


def vary_as_compressed(response):
    """What GZipMiddleware says of a compressible answer, said of its 304 too (which, short,
    GZipMiddleware leaves alone): it varies on Accept-Encoding."""
    if compressible(response.get("Content-Type", "")):
        patch_vary_headers(response, ("Accept-Encoding",))
    return response
