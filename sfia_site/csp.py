"""django-csp's middleware, with the site's policy built once a process.

django-csp builds the Content-Security-Policy header from the settings for every response,
whether or not anything changed it: 0.1 ms a response, a twentieth of a page rendered afresh
(docs/performance.md). A response that changes the policy (a view decorated with
`csp_update`, `csp_replace`, `csp_override` or `csp_exempt`), a page that used a nonce, debug
mode and excluded URL prefixes are all left to django-csp, which builds the header as before.
"""

import functools

from csp import middleware
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# What a view sets on its response to change the policy (csp.decorators).
CHANGES = tuple(
    f"_csp_{change}{suffix}"
    for change in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)


class CSPMiddleware(middleware.CSPMiddleware):
    def process_response(self, request, response):
        headers = site_policy_headers()
        if (
            headers is None
            or getattr(request, "_csp_nonce", None) is not None
            or any(getattr(response, change, None) is not None for change in CHANGES)
        ):
            return super().process_response(request, response)
        for header, policy in headers.items():
            if header not in response:
                response[header] = policy
        # As django-csp does: a nonce asked for after the header is written raises an error.
        request.csp_nonce = middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response


@functools.cache
def site_policy_headers():
    """{header: policy} as the settings define it, or None where django-csp should decide
    for each response (debug mode, excluded URL prefixes)."""
    policies = {
        HEADER: getattr(settings, "CONTENT_SECURITY_POLICY", None) or {},
        HEADER_REPORT_ONLY: getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None) or {},
    }
    if settings.DEBUG or any(policy.get("EXCLUDE_URL_PREFIXES") for policy in policies.values()):
        return None
    built = {
        HEADER: build_policy(),
        HEADER_REPORT_ONLY: build_policy(report_only=True),
    }
    return {header: policy for header, policy in built.items() if policy}


@receiver(setting_changed)
def forget_policy(*, setting, **kwargs):
    if setting in ("DEBUG", "CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY"):
        site_policy_headers.cache_clear()
