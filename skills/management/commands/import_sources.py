"""`manage.py import_sources DIR`: load every skill folder in DIR, all or nothing."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from skills.importer import import_sources
from skills.sources import SourceErrors, read_framework, read_sources


class Command(BaseCommand):
    help = (
        "Parse every skill folder in DIR (skill.toml and <language>.txt) and load it into the "
        "database in one transaction: new skills are added, existing ones updated."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, metavar="DIR")
        parser.add_argument(
            "--framework",
            type=Path,
            default=settings.SFIA_FRAMEWORK_FILE,
            help="The levels of responsibility and categories (default: %(default)s).",
        )

    def handle(self, directory, framework, **options):
        try:
            framework = read_framework(framework)
            sources = read_sources(directory, framework)
        except SourceErrors as errors:
            raise CommandError(f"Nothing imported.\n{errors}") from None
        report = import_sources(sources, framework)
        for line in report.lines():
            self.stdout.write(line)
