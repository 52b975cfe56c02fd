"""The Downloads page, and its files: each served from the cache (downloads.py) with the
content version in its name, its ETag and Last-Modified, and answered 304 on revalidation."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date

from skills.framework.languages import BY_CODE
from skills.opendata import downloads
from skills.page_cache.compression import vary_as_compressed
from skills.page_cache.version import content_version, validators


def downloads_page(request):
    """Every file, in each language and for all: links to their lasting addresses, named as
    they will be saved. No file is made for the page."""
    version, _ = content_version()
    context = {
        "offered": downloads.offered(),
        "file_stem": downloads.file_stem(version),
        "content_version": version,
        "own_names": {code: language.own_name for code, language in BY_CODE.items()},
    }
    return render(request, "opendata/downloads.html", context)


def download_file(request, download):
    """One file (a downloads.Download, from its address), as the page cache answers a page:
    the same ETag, Last-Modified and Cache-Control, and 304 to a browser that has it."""
    version, etag, modified = validators()
    headers = {
        "ETag": etag,
        "Last-Modified": http_date(modified),
        "Cache-Control": settings.SFIA_PAGE_CACHE_CONTROL,
    }
    response = vary_as_compressed(HttpResponse(content_type=download.content_type, headers=headers))
    conditional = get_conditional_response(request, etag, modified, response)
    if conditional is not response:  # 304 with these headers (or 412): no file needed
        conditional["Content-Language"] = download.content_language  # not the reader's
        return conditional
    try:
        content = downloads.file_content(download, settings.SFIA_SITE_URL, version)
    except downloads.Unavailable:
        return unavailable(request, download)
    name = download.file_name(downloads.file_stem(version))
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Content-Language"] = download.content_language
    response.content = content
    return response


def unavailable(request, download):
    """A file that could not be made from the content as it is: said in the reader's language,
    503 (a later content change may mend it), never cached."""
    context = {"download": download}
    response = render(request, "opendata/download_unavailable.html", context, status=503)
    response["Cache-Control"] = "no-store"
    return response
