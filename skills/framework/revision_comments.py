"""How an import names itself in the admin's history: language-neutral JSON, which the admin
words in each reader's language (editorial/history.py), naming the files it read by their names
alone. A server's paths are not the editors' business, and say where it keeps its files."""

import json
from pathlib import PurePath


def imported_comment(paths, language=None):
    """A revision's comment for an import of `paths` (of the translations into `language`,
    where it imported one language)."""
    details = {"files": [PurePath(str(path)).name for path in paths]}
    if language:
        details["language"] = language
    return json.dumps([{"imported": details}])
