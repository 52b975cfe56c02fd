from django.apps import AppConfig


class ContentConfig(AppConfig):
    """The content pipeline: its management commands (build_fixtures, import_sources,
    load_content). It has no models."""

    name = "skills.content"
    label = "skills_content"
