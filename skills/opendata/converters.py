"""The path converter of the Downloads page's files: a file's name is one of those the formats
table makes (downloads.DOWNLOADS), or the address is a 404."""

from skills.opendata.downloads import DOWNLOADS, Download


class DownloadConverter:
    """A file's name ↔ its Download ("sfia-de.csv" ↔ Download("csv", "de")); any other name, in any
    case, is no file."""

    regex = r"sfia-[a-z]+\.[a-z]+"

    def to_python(self, value):
        try:
            return DOWNLOADS[value]
        except KeyError:
            raise ValueError(value) from None  # Django's "no match": the next pattern, or 404

    def to_url(self, value):
        """A Download, or its name: reverse("download", kwargs={"download": "sfia-de.csv"})."""
        name = value.address_name if isinstance(value, Download) else value
        if name not in DOWNLOADS:
            raise ValueError(value)
        return name
