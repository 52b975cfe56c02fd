from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "skills"
    verbose_name = _("SFIA skills")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import models
        from .page_cache import bump_content_version

        # Any change to the content, from anywhere, retires every cached page.
        for model in models.CONTENT_MODELS:
            post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{model}")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"bump-d-{model}")
