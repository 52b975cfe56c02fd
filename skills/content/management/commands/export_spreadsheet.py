"""`manage.py export_spreadsheet --language LANG FILE.xlsx`: the content in the official
workbook's layout."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from skills.content.workbook.exporter import export_workbook
from skills.framework.languages import LANGUAGE_CODES
from skills.framework.text import printable


class Command(BaseCommand):
    help = (
        "Write the content in one language to FILE.xlsx in the official SFIA workbook's layout "
        "(Skills, Attributes, Levels). A text not translated is an empty cell."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, metavar="FILE.xlsx")
        parser.add_argument(
            "--language",
            required=True,
            choices=LANGUAGE_CODES,
            help="The language whose texts the workbook holds.",
        )

    def handle(self, file, language, **options):
        if file.suffix.lower() != ".xlsx":
            raise CommandError(f"{printable(str(file))}: the workbook's name must end in .xlsx")
        try:
            report = export_workbook(file, language)
        except OSError as error:
            raise CommandError(
                f"{printable(str(file))}: cannot be written: {error.strerror}"
            ) from None
        for line in report.lines(file, language):
            self.stdout.write(printable(line))
