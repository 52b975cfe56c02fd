from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editorial side: the admin, the roles (setup_roles) and the history's template
    tags. It has no models: it edits the framework's."""

    name = "skills.editorial"
    label = "skills_editorial"
