"""The Downloads page's files: each format, each file's address and name, and each file made
once per content version, language and site, then served from the cache.

A file's address names only its format and language (/downloads/sfia-de.csv), so a link to it
lasts; the name it is saved under carries the edition and the content version it was made from
(sfia-9-v42-de.csv), so two downloads of different content never overwrite each other.
"""

import hashlib
import io
import json
import logging
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.text import slugify

from skills.content.workbook.exporter import export_workbook
from skills.framework.languages import LANGUAGE_CODES
from skills.framework.models import Edition
from skills.opendata import documents, tables
from skills.opendata.documents import ALL, SHAPES, Shape
from skills.page_cache.outage import CACHE_OUTAGE
from skills.page_cache.release import release
from skills.page_cache.version import content_version

logger = logging.getLogger(__name__)


def framework_json(language, base):
    """The whole framework as the API gives it (`?lang=`), in one document."""
    framework = documents.framework(Shape(language, base))
    # DjangoJSONEncoder for the content's change time; the letters as they are, not escaped.
    return json.dumps(framework, cls=DjangoJSONEncoder, ensure_ascii=False).encode("utf-8")


def workbook_file(language, base):
    """The official workbook's layout in one language (its URL column names SFIA's own site,
    so `base` plays no part); for all languages, a zip of the five."""
    if language == ALL:
        return workbooks_zip()
    # The exporter writes to a path: a folder that is gone once the bytes are read.
    with tempfile.TemporaryDirectory(prefix="sfia-workbook-") as folder:
        path = Path(folder) / f"{language}.xlsx"
        export_workbook(path, language)
        return path.read_bytes()


def workbooks_zip():
    stem = file_stem(content_version()[0])
    out = io.BytesIO()
    # Deflated, though each workbook is a zip already: it still saves some 7%.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for code in LANGUAGE_CODES:
            name = Download("workbook", code).file_name(stem)
            archive.writestr(name, workbook_file(code, base=None))
    return out.getvalue()


def skos_file(language, base):
    # Imported here: the SKOS file and rdflib are another module's, which no other format needs.
    from skills.opendata.skos import skos_turtle

    return skos_turtle(base, language)


@dataclass(frozen=True)
class Format:
    """A kind of file: its extension and media type (for all languages too, where they
    differ), and how a file of it is made from a language (or ALL) and the site's address."""

    extension: str
    content_type: str
    make: Callable[[str, str], bytes]
    extension_for_all: str | None = None
    content_type_for_all: str | None = None


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# In the order the Downloads page offers them.
FORMATS = {
    "csv": Format("csv", "text/csv; charset=utf-8", tables.csv_file),
    "json": Format("json", "application/json", framework_json),
    "workbook": Format("xlsx", XLSX, workbook_file, "zip", "application/zip"),
    "skos": Format("ttl", "text/turtle; charset=utf-8", skos_file),
}


@dataclass(frozen=True)
class Download:
    """One file: a format (a key of FORMATS) in a language, or in ALL."""

    format: str
    language: str

    @property
    def kind(self):
        return FORMATS[self.format]

    @property
    def for_all(self):
        return self.language == ALL

    @property
    def extension(self):
        return (self.for_all and self.kind.extension_for_all) or self.kind.extension

    @property
    def content_type(self):
        return (self.for_all and self.kind.content_type_for_all) or self.kind.content_type

    @property
    def content_language(self):
        return ", ".join(LANGUAGE_CODES) if self.for_all else self.language

    @property
    def address_name(self):
        """The last part of the file's address, which no content change alters."""
        return f"sfia-{self.language}.{self.extension}"

    def file_name(self, stem):
        """The name the file is saved under: `stem` (file_stem) and the language."""
        return f"{stem}-{self.language}.{self.extension}"

    def make(self, base):
        return self.kind.make(self.language, base)


# Every file, by the last part of its address; anything else there is no file.
DOWNLOADS = {
    download.address_name: download
    for download in (Download(name, shape) for name in FORMATS for shape in SHAPES)
}


def offered():
    """{format: its files, in each language and then for all}, as the page lists them."""
    return {name: [Download(name, shape) for shape in SHAPES] for name in FORMATS}


def file_stem(version):
    """The start of every file's name: the edition and the content version ("sfia-9-v42")."""
    return f"{slugify(Edition.current(settings.SFIA_EDITION))}-v{version}"


def cache_key(download, base, version):
    # The release too: a new release may head the columns or build the files otherwise.
    site = hashlib.sha256(base.encode()).hexdigest()[:16]
    return f"sfia:download:{release()[0]}:{version}:{download.format}:{download.language}:{site}"


class Unavailable(Exception):
    """The file could not be made from this content version (the log says why)."""


# The files whose making failed, by cache key, for the content version they were tried at: a
# failure is not tried again on every request (each try reads the whole framework), only once
# the content changes. In each process, and no bigger than the files offered.
FAILED = {}


def file_content(download, base, version):
    """The file as made from content version `version` for the site at `base`: from the cache,
    or made now and kept there (a shared cache: once for every process). While the cache is
    out of reach, made for every request. Unavailable if it can't be made from this version."""
    key = cache_key(download, base, version)
    if FAILED.get(key) == version:
        raise Unavailable(key)
    content = CACHE_OUTAGE.call(cache.get, key)
    if content is None:
        try:
            content = download.make(base)
        except Exception as error:
            logger.exception("The download %s could not be made", download.address_name)
            for failed in [failed for failed, tried in FAILED.items() if tried != version]:
                del FAILED[failed]
            FAILED[key] = version
            raise Unavailable(key) from error
        CACHE_OUTAGE.call(cache.set, key, content, settings.SFIA_PAGE_CACHE_SECONDS)
    return content
