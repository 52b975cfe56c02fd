"""/sitemap.xml: an index of sections (/sitemap-skills.xml…) that list every reader page in
every language, each with its hreflang alternates. Sections are paged (`?p=2`) at LIMIT
addresses, so each renders in a fraction of a second however many skills there are."""

import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.models import GenericAttribute, ResponsibilityLevel, Skill


def at_site_address(view):
    """A sitemap view of Django's, made for the site's canonical address: Django's views take
    the domain from the request's Host header (RequestSite), which a request may set to any
    host ALLOWED_HOSTS lets through, with any port."""

    @functools.wraps(view)
    def for_the_site(request, *args, **kwargs):
        request.META["HTTP_HOST"] = urlsplit(settings.SFIA_SITE_URL).netloc
        request.META.pop("HTTP_X_FORWARDED_HOST", None)
        return view(request, *args, **kwargs)

    return for_the_site


class ReaderSitemap(Sitemap):
    # Addresses a page (each language's counts): some 0.1 s to render, 300 kB.
    limit = 500
    i18n = True

    @property
    def protocol(self):
        return urlsplit(settings.SFIA_SITE_URL).scheme

    alternates = True
    x_default = True


class PageSitemap(ReaderSitemap):
    priority = 0.6

    def items(self):
        # With the open data's pages, which every page's footer links to too.
        return [
            "skills:home",
            "skills:skill_list",
            "skills:skill_index",
            "skills:level_list",
            "skills:attribute_list",
            "opendata:downloads",
            "opendata:api_reference",
        ]

    def location(self, item):
        return reverse(item)


class SkillSitemap(ReaderSitemap):
    priority = 0.8

    def items(self):
        return Skill.objects.order_by("code").only("code")


class SkillLevelSitemap(ReaderSitemap):
    def items(self):
        return [
            (code, number)
            for code in Skill.objects.order_by("code").values_list("code", flat=True)
            for number in LEVEL_NUMBERS
        ]

    def location(self, item):
        code, number = item
        return reverse("skills:skill_level", kwargs={"code": code, "level": number})


class LevelSitemap(ReaderSitemap):
    def items(self):
        return ResponsibilityLevel.objects.only("number")


class AttributeSitemap(ReaderSitemap):
    def items(self):
        return GenericAttribute.objects.order_by("code").only("code")


SITEMAPS = {
    "pages": PageSitemap,
    "skills": SkillSitemap,
    "skill-levels": SkillLevelSitemap,
    "levels": LevelSitemap,
    "attributes": AttributeSitemap,
}
