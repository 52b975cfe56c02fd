"""Pages on paper, as Chromium prints them to PDF: the text a reader would copy off the sheets,
and the size and place each piece of text is set at (test helper)."""

import io
import math
import re
import unicodedata
from dataclasses import dataclass

from pypdf import PdfReader


@dataclass(frozen=True)
class Printout:
    pdf: PdfReader
    text: str
    # (size in points, x of its start in points, its text) of every piece of text set.
    pieces: list

    @property
    def heading_size(self):
        """The size of the largest text, the page's heading (a page shrunk to fit its sheet
        sets all its text smaller)."""
        return round(max(size for size, _, _ in self.pieces), 1)

    def outside_the_sheet(self):
        """The pieces set beyond the sheet's left or right edge (text lost to the reader)."""
        width = float(self.pdf.pages[0].mediabox.width)
        return [text for _, x, text in self.pieces if not 0 <= x <= width]


def printout(page, **options):
    """`page` printed as Chromium prints it (its own @page size and margins)."""
    pdf = PdfReader(
        io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=False, **options))
    )
    pieces = []

    def piece(text, cm, tm, font, font_size):
        if text.strip():
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            pieces.append((font_size * scale, tm[4] * cm[0] + tm[5] * cm[2] + cm[4], text))

    text = " ".join(sheet.extract_text(visitor_text=piece) for sheet in pdf.pages)
    # NFKC undoes the typesetter's ligatures ("ﬁ" → "fi") and Arabic's presentation forms.
    return Printout(pdf, " ".join(unicodedata.normalize("NFKC", text).split()), pieces)


def printed(phrase, text, lang):
    """Whether the PDF's text holds the phrase.

    Arabic comes out of a PDF as the typesetter's runs in visual order, each run's words in
    reading order, and where a line splits into runs depends on the font: so an Arabic
    phrase counts as printed when its words and signs stand together, in any order.
    """
    if lang != "ar":
        return phrase in text
    wanted = sorted(_tokens(phrase))
    words = _tokens(text)
    return any(
        sorted(words[start : start + len(wanted)]) == wanted
        for start in range(len(words) - len(wanted) + 1)
    )


def _tokens(text):
    # Latin letters, digits and other scripts apart: the PDF may set "SLMO" against a word.
    # Bidi isolates and marks order the text; they are not on paper.
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return re.findall(r"[A-Za-z]+|\d+|[^\W\dA-Za-z_]+|[^\w\s]", text)
