"""`manage.py export_translations --language de [--only missing,outdated] [--user NAME] FILE`:
the content's texts in one language as an exchange file for a CAT tool (editorial/exchange/),
gettext PO (FILE.po) or XLIFF 1.2 (FILE.xlf, FILE.xliff), each with the glossary's terms its
English has, recorded as an export for the file's import to be checked against; beside it,
FILE.tbx, the glossary as a term base, when the glossary has terms."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from skills.editorial.exchange import PO_SUFFIXES, XLIFF_SUFFIXES, exchange_file_content
from skills.editorial.exchange.units import SELECTABLE, record_export, units
from skills.editorial.glossary import Glossary
from skills.editorial.tbx import tbx_file
from skills.framework.languages import TRANSLATED_LANGUAGES
from skills.framework.text import printable


def selected_states(value):
    """The Statuses named in "missing,outdated" (an error naming any other)."""
    names = [name.strip() for name in value.split(",") if name.strip()]
    by_name = {state.value: state for state in SELECTABLE}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise CommandError(
            f"--only: {', '.join(unknown)} is not a state; choose from {', '.join(by_name)}"
        )
    return tuple(by_name[name] for name in names)


def user_named(username):
    """The admin user `username` (None for none); an error naming one that does not exist."""
    if username is None:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"--user {printable(username)}: no such user")
    return user


class Command(BaseCommand):
    help = (
        "Write one language's translations, each with its English source, stable id and "
        "state, as a file for a CAT tool: gettext PO (Poedit, OmegaT, Weblate) or XLIFF 1.2 "
        "(Trados, memoQ, Phrase, Smartcat), as the file's name ends."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", required=True, help="de, ru, it or ar")
        parser.add_argument(
            "--only",
            default="",
            help="only texts in these states, comma-separated: missing, outdated, unreviewed",
        )
        parser.add_argument("--user", help="the admin user the export is recorded for")
        parser.add_argument("file", help="where to write it: a .po, .xlf or .xliff file")

    def handle(self, *, language, only, user, file, **options):
        if language not in TRANSLATED_LANGUAGES:
            raise CommandError(
                f"--language {language}: not a translated language of the site; choose from "
                f"{', '.join(TRANSLATED_LANGUAGES)}"
            )
        path = Path(file)
        if path.suffix.lower() not in PO_SUFFIXES + XLIFF_SUFFIXES:
            raise CommandError(
                f"{file}: name a .po file (gettext PO) or a .xlf or .xliff file (XLIFF 1.2)"
            )
        states = selected_states(only)
        exported = units(language, states)
        if not exported:
            which = " or ".join(state.value for state in states) if states else "to translate"
            raise CommandError(
                f"No text in {language} is {which}: nothing to export, no file written."
            )
        glossary = Glossary.load()
        content = exchange_file_content(
            file, language, exported, glossary, record_export(language, exported, user_named(user))
        )
        term_base = path.with_suffix(".tbx")
        try:
            path.write_bytes(content)
            if glossary:
                tbx_file(glossary, language).savefile(str(term_base))
        except OSError as error:
            where = error.filename or file
            raise CommandError(f"{where}: cannot write it ({error.strerror})") from None
        self.stdout.write(f"{len(exported)} texts in {language} written to {file}")
        if glossary:
            self.stdout.write(f"The glossary's {len(glossary)} terms written to {term_base}")
