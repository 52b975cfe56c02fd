from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    """Search: the index of every text (models.SearchEntry), kept up to date as the content
    changes (index.py), and the search over it (engine.py)."""

    name = "skills.search"
    label = "skills_search"

    def ready(self):
        from . import index

        index.connect()
        # A database migrated with content and no index (one from before search): indexed,
        # with the models as they are once every migration has run.
        post_migrate.connect(index.build_if_empty, sender=self)
