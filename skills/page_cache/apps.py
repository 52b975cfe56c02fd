from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class PageCacheConfig(AppConfig):
    """The page cache: any change to the content, from anywhere, retires every cached page."""

    name = "skills.page_cache"
    label = "skills_page_cache"

    def ready(self):
        from skills.framework.models import CONTENT_MODELS

        from .version import bump_content_version

        for model in CONTENT_MODELS:
            post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{model}")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"bump-d-{model}")
