"""`manage.py import_translations FILE [--user NAME]`: bring a CAT tool's PO or XLIFF file
back (editorial/exchange/): every unit that passes the checks, in one revision."""

from django.core.management.base import BaseCommand, CommandError

from skills.editorial.exchange import read_exchange_file
from skills.editorial.exchange.files import ExchangeErrors
from skills.editorial.exchange.importing import import_targets
from skills.editorial.management.commands.export_translations import user_named
from skills.framework.text import printable


class Command(BaseCommand):
    help = (
        "Apply the translations of a PO or XLIFF file written by export_translations and "
        "edited in a CAT tool, in one transaction and one revision. The language is read from "
        "the file. Each unit whose English changed since the export, whose translation was "
        "changed on the site since, or that breaks its text's lines is not imported, and "
        "named; a malformed file, or one not made by an export of this site, is refused whole."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .po, .xlf or .xliff file")
        parser.add_argument(
            "--user", help="the admin user the history names as the importer (default: none)"
        )

    def handle(self, *, file, user, **options):
        importer = user_named(user)
        try:
            report = import_targets(read_exchange_file(file), user=importer)
        except ExchangeErrors as errors:
            problems = "\n".join(printable(problem) for problem in errors.problems)
            raise CommandError(f"Nothing imported.\n{problems}") from None
        for line in report.lines():
            self.stdout.write(printable(line))
