"""What an exchange file brings back, whatever its format: its language, the export it was
made from and its units (Targets); and why a file is refused whole (ExchangeErrors)."""

from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from skills.framework.languages import TRANSLATED_LANGUAGES


class ExchangeErrors(Exception):
    """Why a file was refused, a line a problem, each naming where: nothing was imported."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Target:
    """A unit as a file brings it back."""

    id: str
    english: str
    translation: str
    line: int  # where the unit starts in the file
    needs_work: bool  # fuzzy (PO), a needs-… state (XLIFF): the translator has not confirmed it


@dataclass(frozen=True)
class ExchangeFile:
    """What a file brings back: its language, the export it was made from, its units."""

    name: str
    language: str
    export_id: str | None
    targets: list


def read_text(path, name):
    """The file's text; ExchangeErrors where it is not there or not UTF-8."""
    if not Path(path).is_file():  # polib would read the name itself as a PO file's text
        raise ExchangeErrors([_("%(file)s: no such file") % {"file": name}])
    data = Path(path).read_bytes()
    try:
        # Without the byte order mark Windows editors put first: it marks the encoding, it is
        # no text (msgfmt refuses it, polib and translate-toolkit read past it).
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise ExchangeErrors(
            [
                _("%(file)s: byte %(position)s is not text in the file's encoding (UTF-8)")
                % {"file": name, "position": error.start + 1}
            ]
        ) from None


def site_language(stated, name):
    """The site's language a file's header names (`de_DE` → `de`); ExchangeErrors if none."""
    language = stated.strip().replace("_", "-").split("-")[0].lower()
    if language not in TRANSLATED_LANGUAGES:
        raise ExchangeErrors(
            [
                _(
                    "%(file)s: its header's Language (%(stated)s) is not a translated language "
                    "of the site (%(languages)s)"
                )
                % {
                    "file": name,
                    "stated": stated or _("none"),
                    "languages": ", ".join(TRANSLATED_LANGUAGES),
                }
            ]
        )
    return language
