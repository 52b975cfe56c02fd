"""What an .xlsx file's zip holds, checked before openpyxl parses any of it, and the bounds every
sheet is read within (a "workbook bomb" is a few hundred KB that costs tens of seconds, hundreds
of MB, or a database of GBs).

The zip's directory first: what each part says it unpacks to (Python's zipfile never reads
past it), in all and against its compressed size. Then the sheets the import reads and the
shared strings are streamed through expat, which builds nothing, counting rows, cells in a row
and strings: openpyxl builds a whole row before it hands it over, and all the shared strings
when it opens the file, so a row of 500,000 cells or a million strings cost it seconds and
hundreds of MB however few of them are read.

The bounds stand far above SFIA's own workbook (about 1 MB zipped: 147 skills, 22 columns, a
few thousand strings, 600,000 characters of text in English), as what is not that workbook."""

import posixpath
import zipfile
from xml.etree import ElementTree
from xml.parsers import expat

from skills.content.workbook.errors import Place, WorkbookError

MAX_UNPACKED_BYTES = 16 * 1024 * 1024  # what all the parts unpack to
MAX_MEMBERS = 64
# Real XML packs 5 to 20 times; a part that packs a hundred times or more is repetition made to
# unpack (it is checked from 1 MB on: a small part may pack as it likes, it costs nothing).
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM = 2**20
# An XML part openpyxl reads whole that is neither a sheet nor the shared strings (the styles,
# the workbook's list of sheets, the document's properties): SFIA's are a few KB each.
MAX_OTHER_PART_BYTES = 2 * 2**20
# A sheet's rows, and the cells of one row (the widest sheet has 22 columns).
MAX_ROWS = 500
MAX_COLUMNS = 256
MAX_SHARED_STRINGS = 100_000
# The text of a file's cells, all its sheets together, in characters (its shared strings may
# repeat one text in every cell: the XML's size does not bound it).
MAX_TEXT_CHARACTERS = 4_000_000

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OFFICE_DOCUMENT = f"{DOCUMENT_RELATIONSHIPS}/officeDocument"
SHARED_STRINGS = f"{DOCUMENT_RELATIONSHIPS}/sharedStrings"


def check_archive(path, archive, sheets):
    """Refuses `archive` (a ZipFile of the file at `path`), unparsed, where it unpacks to more
    than a workbook can need, packs like a bomb, or where the sheets named `sheets` or its shared
    strings hold more rows, cells or strings than the import reads."""
    members = archive.infolist()
    _check_directory(path, members)
    package = _Package(path, archive)
    read_whole = set()
    for name, member in package.sheets().items():
        read_whole.add(member)
        if name in sheets:
            package.stream(member, _SheetCounter(Place(path, name)))
    if shared := package.shared_strings():
        read_whole.add(shared)
        package.stream(shared, _StringCounter(Place(path)))
    for member in members:
        # XML is what openpyxl parses; an image or a printer's settings it leaves unread.
        if member.filename.endswith((".xml", ".rels")) and member.filename not in read_whole:
            package.check_part_size(member.filename)


def _check_directory(path, members):
    if len(members) > MAX_MEMBERS:
        raise WorkbookError(
            Place(path),
            f"holds {len(members)} files: an .xlsx workbook holds a few dozen at most",
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        largest = max(members, key=lambda member: member.file_size)
        raise WorkbookError(
            Place(path),
            f"unpacks to {unpacked // 2**20} MB ({largest.filename} alone: "
            f"{largest.file_size // 2**20} MB), more than the {MAX_UNPACKED_BYTES // 2**20} MB "
            "a workbook of SFIA can need: it is not read",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size >= RATIO_CHECKED_FROM and ratio >= MAX_COMPRESSION_RATIO:
            raise WorkbookError(
                Place(path),
                f"{member.filename} unpacks to {_megabytes(member.file_size)} from "
                f"{member.compress_size // 1024} KB, {ratio:.0f} times: a workbook's parts pack "
                f"less than {MAX_COMPRESSION_RATIO} times, so it is not read",
            )


def _megabytes(size):
    return f"{size / 2**20:.1f} MB"


class _Package:
    """The parts of an .xlsx file as its relationships name them (ECMA-376 part 2): the
    workbook is the package's office document, and names its sheets and its shared strings."""

    def __init__(self, path, archive):
        self.path = path
        self.archive = archive
        workbook = self.targets("", "_rels/.rels").get(OFFICE_DOCUMENT, [None])[0]
        self.workbook = workbook
        folder, name = posixpath.split(workbook or "")
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        self.related = self.relationships(folder, rels) if workbook else {}

    def sheets(self):
        """{sheet name: its part}."""
        if not self.workbook:
            return {}
        found = {}
        for sheet in self.parsed(self.workbook).iter(f"{{{MAIN}}}sheet"):
            related = self.related.get(sheet.get(f"{{{DOCUMENT_RELATIONSHIPS}}}id"))
            if related:
                found[sheet.get("name")] = related[1]
        return found

    def shared_strings(self):
        shared = [target for kind, target in self.related.values() if kind == SHARED_STRINGS]
        return shared[0] if shared else None

    def relationships(self, folder, rels):
        """{relationship id: (type, the part it targets)} of the relationships part `rels`,
        whose relative targets are from `folder`."""
        if rels not in self.archive.NameToInfo:
            return {}
        found = {}
        for relationship in self.parsed(rels).iter(f"{{{RELATIONSHIPS}}}Relationship"):
            target = relationship.get("Target", "")
            if relationship.get("TargetMode") == "External":
                continue
            target = target[1:] if target.startswith("/") else posixpath.join(folder, target)
            found[relationship.get("Id")] = (relationship.get("Type"), posixpath.normpath(target))
        return found

    def targets(self, folder, rels):
        by_type = {}
        for kind, target in self.relationships(folder, rels).values():
            by_type.setdefault(kind, []).append(target)
        return by_type

    def check_part_size(self, member):
        """Refuses a part that openpyxl would read whole, neither a sheet nor the shared
        strings, bigger than such a part needs."""
        size = self.archive.getinfo(member).file_size
        if size > MAX_OTHER_PART_BYTES:
            raise WorkbookError(
                Place(self.path),
                f"{member} unpacks to {_megabytes(size)}, more than the "
                f"{_megabytes(MAX_OTHER_PART_BYTES)} such a part of a workbook needs: it is not "
                "read",
            )

    def parsed(self, member):
        """A small part (its size checked first), as an ElementTree."""
        if member not in self.archive.NameToInfo:
            return ElementTree.Element("missing")
        self.check_part_size(member)
        try:
            with self.archive.open(member) as stream:
                return ElementTree.parse(stream).getroot()
        except (ElementTree.ParseError, zipfile.BadZipFile) as error:
            raise self.unreadable(error) from None

    def stream(self, member, counter):
        """Feeds `member` through expat to `counter`, whose refusal stops it there."""
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = counter.start
        parser.StartDoctypeDeclHandler = _refuse_doctype
        try:
            with self.archive.open(member) as stream:
                parser.ParseFile(stream)
        except (expat.ExpatError, ValueError, zipfile.BadZipFile, KeyError) as error:
            raise self.unreadable(error) from None

    def unreadable(self, error):
        return WorkbookError(Place(self.path), f"cannot be read as an .xlsx workbook: {error}")


class _SheetCounter:
    """Counts a sheet's rows (by their numbers: openpyxl hands over every row up to the last)
    and each row's cells, refusing the first row or cell past the bounds."""

    def __init__(self, place):
        self.place = place
        self.row = 0
        self.cells = 0

    def start(self, tag, attributes):
        if tag == f"{MAIN} row":
            number = attributes.get("r")
            self.row = int(number) if number and number.isdigit() else self.row + 1
            self.cells = 0
            if self.row > MAX_ROWS:
                raise WorkbookError(
                    self.place,
                    f"has a row {self.row}: more than {MAX_ROWS} rows, it is not the workbook",
                )
        elif tag == f"{MAIN} c":
            self.cells += 1
            if self.cells > MAX_COLUMNS:
                raise WorkbookError(
                    Place(self.place.path, self.place.sheet, self.row),
                    f"has more than {MAX_COLUMNS} cells: the workbook's widest sheet has 22 "
                    "columns",
                )


class _StringCounter:
    def __init__(self, place):
        self.place = place
        self.strings = 0

    def start(self, tag, attributes):
        if tag == f"{MAIN} si":
            self.strings += 1
            if self.strings > MAX_SHARED_STRINGS:
                raise WorkbookError(
                    self.place,
                    f"has more than {MAX_SHARED_STRINGS:,} different texts (shared strings): "
                    "the workbook has a few thousand",
                )


def _refuse_doctype(*arguments):
    # An OOXML part has no DTD; one that declares entities could expand without end.
    raise ValueError("a part declares a DTD, which no workbook has")
