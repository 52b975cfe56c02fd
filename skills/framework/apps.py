from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworkConfig(AppConfig):
    """The framework's data. Its label stays "skills", the app's name before the code was
    split by job: it names the tables, migrations, permissions and fixtures' model labels."""

    name = "skills.framework"
    label = "skills"
    verbose_name = _("SFIA skills")

    def ready(self):
        from skills.framework import checks  # noqa: F401 (registers the checks)
