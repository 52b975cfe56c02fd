"""Path converters that make the URL contract strict: anything else is a 404."""

from skills.framework.text import CODE_PATTERN


class SkillCodeConverter:
    """A skill's or a generic attribute's code in any case (views redirect to the lower-case
    form)."""

    regex = CODE_PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value.lower()


class LevelConverter:
    """A level of responsibility, 1–7: "0", "8" and "05" don't match."""

    regex = "[1-7]"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


class LanguageCodeConverter:
    """A language compared with, as two letters in any case: the view answers a language the
    site lacks (or the page's own) with a 404, and upper case with a redirect."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value.lower()
