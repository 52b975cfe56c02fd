"""`manage.py import_sources DIR`: load every skill folder in DIR, all or nothing."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from skills.content.importer import import_sources
from skills.content.sources import SourceErrors, read_framework, read_sources
from skills.framework.text import printable


class Command(BaseCommand):
    help = (
        "Parse every skill folder in DIR (skill.toml and <language>.txt) and load it into the "
        "database in one transaction: new skills are added, existing ones updated. A text "
        "changed in the admin since the last import is kept, and reported."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, metavar="DIR")
        parser.add_argument(
            "--framework",
            type=Path,
            default=settings.SFIA_FRAMEWORK_FILE,
            help="The levels of responsibility and categories (default: %(default)s).",
        )
        parser.add_argument(
            "--overwrite-edits",
            action="store_true",
            help="Where a text was changed both in the admin and in the source since the last "
            "import, write the source's (the default keeps the admin's and reports it).",
        )

    def handle(self, directory, framework, overwrite_edits, **options):
        framework_file = framework
        try:
            framework = read_framework(framework_file)
            sources = read_sources(directory, framework)
        except SourceErrors as errors:
            raise CommandError(f"Nothing imported.\n{errors}") from None
        report = import_sources(
            sources, framework, framework_file=framework_file, overwrite_edits=overwrite_edits
        )
        for line in report.lines():
            self.stdout.write(printable(line))
