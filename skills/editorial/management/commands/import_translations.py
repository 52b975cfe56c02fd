"""`manage.py import_translations FILE.po [--user NAME]`: bring a CAT tool's file back, all
or nothing (editorial/exchange.py)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from skills.editorial.exchange import ExchangeErrors, import_targets, read_po
from skills.framework.text import printable


class Command(BaseCommand):
    help = (
        "Apply the translations of a PO file written by export_translations and edited in a "
        "CAT tool, in one transaction and one revision. The language is read from the file. "
        "The whole file is refused, each unit named, if a unit's English changed since the "
        "export, an id is unknown, or a translation breaks its text's lines."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .po file")
        parser.add_argument(
            "--user", help="the admin user the history names as the importer (default: none)"
        )

    def handle(self, *, file, user, **options):
        importer = None
        if user is not None:
            importer = get_user_model().objects.filter(username=user).first()
            if importer is None:
                raise CommandError(f"--user {printable(user)}: no such user")
        try:
            language, targets = read_po(file)
            report = import_targets(language, targets, source=file, user=importer)
        except ExchangeErrors as errors:
            problems = "\n".join(printable(problem) for problem in errors.problems)
            raise CommandError(f"Nothing imported.\n{problems}") from None
        for line in report.lines():
            self.stdout.write(printable(line))
