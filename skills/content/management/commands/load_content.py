"""`manage.py load_content`: the SFIA content (and the glossary's key terms) into a new
database, and never over content (nor over a glossary)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from skills.content.loading import content_counts, load_content, project_path
from skills.framework.glossary_seed import seed_glossary


class Command(BaseCommand):
    help = (
        "Load the content fixture into a database that has no content yet. A database with "
        "content is left exactly as it is: run import_sources to bring changed sources in."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixture",
            type=Path,
            default=settings.SFIA_FIXTURE_FILE,
            help="The content to load (default: %(default)s).",
        )

    def handle(self, fixture, **options):
        glossary = settings.SFIA_GLOSSARY_FILE
        if seeded := seed_glossary(glossary):
            self.stdout.write(f"Added {seeded} glossary terms from {project_path(glossary)}.")
        loaded = load_content(fixture)
        if loaded:
            self.stdout.write(
                f"Loaded {loaded} objects from {project_path(fixture)}, as the first revision."
            )
            return
        found = ", ".join(counted(model, count) for model, count in content_counts().items())
        self.stdout.write(
            f"The database already has content ({found}): nothing loaded. "
            "To bring changed sources in, run import_sources."
        )


def counted(model, count):
    """ "1 skill", "7 skill levels"."""
    meta = model._meta
    return f"{count} {meta.verbose_name if count == 1 else meta.verbose_name_plural}"
