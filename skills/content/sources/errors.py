"""Errors in source texts, each located as `PATH:LINE: what is wrong`."""

from skills.framework.text import printable


class SourceError(Exception):
    """One problem in one file, at one line (1 for problems with the file as a whole)."""

    def __init__(self, path, line, message):
        self.path = str(path)
        self.line = line
        self.message = message
        # Printed on terminals: a name with escape sequences or a newline forges nothing.
        super().__init__(printable(f"{self.path}:{self.line}: {message}"))


class SourceErrors(Exception):
    """Every problem found in a batch of sources; the batch is refused as a whole."""

    def __init__(self, errors):
        self.errors = sorted(errors, key=lambda error: (error.path, error.line))
        super().__init__("\n".join(str(error) for error in self.errors))
