"""`manage.py import_spreadsheet PATH… [--language LANG]`: the official workbook, all or
nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from skills.content.workbook.errors import WorkbookErrors
from skills.content.workbook.importer import import_workbook
from skills.content.workbook.reader import read_workbook
from skills.framework.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from skills.framework.text import printable


class Command(BaseCommand):
    help = (
        "Import the official SFIA workbook (.xlsx), or CSV files exported from its sheets, in "
        "one transaction. English adds and updates skills, attributes, levels and categories; "
        "another language fills in its translations of them. A text changed in the admin "
        "since the last import is kept, and reported."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--language",
            default=SOURCE_LANGUAGE,
            choices=LANGUAGE_CODES,
            help="The language of the workbook's texts (default: %(default)s).",
        )
        parser.add_argument(
            "--overwrite-edits",
            action="store_true",
            help="Where a text was changed both in the admin and in the workbook since the last "
            "import, write the workbook's (the default keeps the admin's and reports it).",
        )

    def handle(self, paths, language, overwrite_edits, **options):
        try:
            workbook = read_workbook(paths, language)
            report = import_workbook(workbook, overwrite_edits=overwrite_edits, progress=self.say)
        except WorkbookErrors as errors:
            raise CommandError(f"Nothing imported.\n{errors}") from None
        for line in report.lines():
            self.say(line)

    def say(self, line):
        self.stdout.write(printable(line))
        self.stdout.flush()
