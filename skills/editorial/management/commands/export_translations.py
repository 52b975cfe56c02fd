"""`manage.py export_translations --language de [--only missing,outdated] FILE.po`: the
content's texts in one language as an exchange file for a CAT tool (editorial/exchange.py),
each with the glossary's terms its English has; beside it, FILE.tbx, the glossary as a term
base, when the glossary has terms."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from skills.editorial.exchange import SELECTABLE, po_file, tbx_file, units
from skills.editorial.glossary import Glossary
from skills.framework.languages import TRANSLATED_LANGUAGES


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


class Command(BaseCommand):
    help = (
        "Write one language's translations, each with its English source, stable id and "
        "state, as a gettext PO file for a CAT tool (Poedit, OmegaT, Weblate)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", required=True, help="de, ru, it or ar")
        parser.add_argument(
            "--only",
            default="",
            help="only texts in these states, comma-separated: missing, outdated, unreviewed",
        )
        parser.add_argument("file", help="where to write it: a .po file")

    def handle(self, *, language, only, file, **options):
        if language not in TRANSLATED_LANGUAGES:
            raise CommandError(
                f"--language {language}: not a translated language of the site; choose from "
                f"{', '.join(TRANSLATED_LANGUAGES)}"
            )
        path = Path(file)
        if path.suffix.lower() != ".po":
            raise CommandError(f"{file}: name a .po file (gettext PO is what this writes)")
        exported = units(language, selected_states(only))
        glossary = Glossary.load()
        term_base = path.with_suffix(".tbx")
        try:
            po_file(language, exported, glossary).save(str(path))
            if glossary:
                tbx_file(glossary, language).savefile(str(term_base))
        except OSError as error:
            where = error.filename or file
            raise CommandError(f"{where}: cannot write it ({error.strerror})") from None
        self.stdout.write(f"{len(exported)} texts in {language} written to {file}")
        if glossary:
            self.stdout.write(f"The glossary's {len(glossary)} terms written to {term_base}")
