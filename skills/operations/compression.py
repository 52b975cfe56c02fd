"""Compression and HEAD, for every answer the site makes (static files come compressed from
WhiteNoise already)."""

from django.middleware.gzip import GZipMiddleware

from skills.page_cache.compression import compressible


class CompressionMiddleware:
    """Django's GZipMiddleware (its random padding against BREACH included), for what gzip
    makes smaller: not a workbook or a zip."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.gzip = GZipMiddleware(get_response)

    def __call__(self, request):
        response = self.get_response(request)
        if not compressible(response.get("Content-Type", "")):
            return response
        return self.gzip.process_response(request, response)


class HeadAsGetMiddleware:
    """HEAD answered as GET would be, headers and all (its Content-Length and Content-Encoding:
    the compressed length where GET's would be compressed), without the body. Outside the
    compression, so that HEAD is compressed as GET is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        response = self.get_response(request)
        if not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response
