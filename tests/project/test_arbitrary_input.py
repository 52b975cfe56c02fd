"""Arbitrary Unicode at every way text comes in (issue 32): Hypothesis sends texts of any
character (noncharacters, C0 and C1 controls, bidi controls left open, lone surrogates as a
server meets them, in invalid UTF-8), and huge ones, to the admin's forms, the exchange import,
the workbook import, the profile and search addresses and the API's paths. Whatever comes in:
no 5xx and no traceback (the test client raises a view's exception), and a refusal writes
nothing; what is stored passes the one text policy (skills/framework/text.py)."""

import io
import re
from urllib.parse import quote_from_bytes

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from skills.content.synthetic_workbook import write_workbook
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.models import Skill, SkillLevel
from skills.framework.text import find_character_problem
from tests.conftest import content_snapshot
from tests.content.workbook.books import import_spreadsheet, set_cells, sheets
from tests.editorial.conftest import database_rows
from tests.forms import form_fields

pytestmark = pytest.mark.django_db

# What a hostile or clumsy hand types: every kind of character the policy is about, beside
# letters of the site's scripts, a line break and a space.
SPECIAL = [
    "\x00", "\x07", "\t", "\x1b", "\x7f",  # C0 controls and DEL
    "\x85", "\x9b",  # C1 controls: NEXT LINE, CONTROL SEQUENCE INTRODUCER
    "\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff",  # noncharacters
    "\ud800", "\udc80",  # lone surrogates (a server's surrogateescape of a bad byte)
    "\u202e", "\u202c", "\u2066", "\u2069", "\u200f", "\u061c",  # bidi controls and marks
    "\ufeff", "\u2028", "\u0301", "\ufdfa", "ﷺ",  # BOM, LINE SEPARATOR, a mark, NFKC bombs
    "a", "ß", "ж", "ع", "1", " ", "\n", "\r", "=", '"', "<", "%",
]  # fmt: skip
hostile = st.one_of(
    st.text(st.sampled_from(SPECIAL), max_size=30),
    st.text(max_size=30),  # anything Hypothesis thinks of (it leaves out surrogates)
    # Huge: far beyond every limit (the search index's too), of a few characters repeated.
    st.builds(
        lambda part, times: part * times,
        st.text(st.sampled_from(["a", "ж", " ", "\n", "ﷺ", "\x85"]), min_size=1, max_size=3),
        st.integers(20_000, 120_000),
    ),
)
EXAMPLES = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def raw(text):
    """`text` as bytes on the wire: lone surrogates become the invalid UTF-8 they stand for."""
    return text.encode("utf-8", "surrogatepass")


def in_query(text):
    return quote_from_bytes(raw(text), safe="")


def stored_texts_are_clean():
    """Every text of the content passes the policy: nothing refused got in."""
    for model in (Skill, SkillLevel):
        for row in model.objects.values_list(flat=False):
            for value in row:
                if isinstance(value, str):
                    for line in value.split("\n"):
                        assert find_character_problem(line) is None, (model, value[:80])


def assert_answered(response):
    assert response.status_code < 500, response.status_code
    assert b"Traceback" not in response.content


# The reader's addresses and the API.


@EXAMPLES
@given(text=hostile, lang=st.sampled_from(["en", "ar"]))
def test_any_search_query_is_answered(client, content, text, lang):
    assert_answered(client.get(f"/{lang}/search/?q={in_query(text)}"))


@EXAMPLES
@given(text=hostile, download=st.sampled_from(["", "&format=csv", "&format=json", "&format=docx"]))
def test_any_profile_title_is_answered(client, content, text, download):
    assert_answered(client.get(f"/de/profile/?title={in_query(text)}&s=slmo-5{download}"))


@EXAMPLES
@given(text=hostile.filter(lambda text: len(text) < 5000), data=st.data())
def test_any_api_path_is_answered(client, content, text, data):
    path = data.draw(
        st.sampled_from(
            [
                "/api/v1/skills/{}/",
                "/api/v1/skills/slmo/levels/{}/",
                "/api/v1/levels/{}/",
                "/api/v1/attributes/{}/",
                "/api/v1/categories/{}/",
                "/downloads/sfia-{}",
            ]
        )
    )
    response = client.get(path.format(in_query(text)))

    assert_answered(response)
    # What there is: the skill, the attribute, and every level (the API answers a skill at a
    # level it is not defined at too).
    if text.strip().lower() not in ("slmo", "zeal", *map(str, LEVEL_NUMBERS)):
        assert response.status_code in (301, 302, 400, 404)


# The admin's forms and the exchange import: a German translator's (`translator`).


def form_post(fields):
    """A form's fields as a browser posts them, each value's bytes as they are."""
    return "&".join(f"{quote_from_bytes(raw(k))}={in_query(v)}" for k, v in fields.items())


@EXAMPLES
@given(text=hostile, field=st.sampled_from(["name_de", "description_de", "guidance_notes_de"]))
def test_any_text_typed_into_the_admin_is_saved_clean_or_refused(client, translator, text, field):
    slmo = Skill.objects.get(code="SLMO")
    url = f"/de/admin/skills/skill/{slmo.pk}/change/"
    page = client.get(url)
    fields = form_fields(page.text, "skill_form")
    assert field in fields
    before = content_snapshot()

    response = client.post(
        url, form_post({**fields, field: text}), content_type="application/x-www-form-urlencoded"
    )

    assert_answered(response)
    # Saved (a redirect), or else the form again with its errors (or a body too big for
    # Django to read, 400) and nothing saved.
    if response.status_code != 302:
        assert content_snapshot() == before
    stored_texts_are_clean()


@EXAMPLES
@given(text=hostile)
def test_any_text_in_an_exchange_file_is_imported_clean_or_refused(client, translator, text):
    page = "/de/admin/skills/skill/exchange/"
    catalogue = polib.pofile(client.get(page, {"language": "de"}).content.decode("utf-8"))
    unit = next(unit for unit in catalogue if unit.msgctxt == "skill/SLMO/level/5/description")
    level_5 = SkillLevel.objects.filter(skill__code="SLMO", level=5)
    unit.msgstr = text
    before, German = database_rows(), level_5.get().description_de

    sent = SimpleUploadedFile("de.po", raw(str(catalogue)), "text/x-gettext-translation")
    response = client.post(page, {"file": sent})

    assert_answered(response)
    if level_5.get().description_de == German:  # left as it was: refused, or nothing new
        assert database_rows() == before
        if text.strip() and text != German:  # refused: the file, or the unit, named
            assert re.search('id="(report-)?refused"', response.text)
    stored_texts_are_clean()


# The workbook import.


def as_excel_writes(text):
    """U+FFFE and U+FFFF, which XML can't carry, as Excel writes them: `_xFFFE_`. (The
    writer escapes the C0 controls itself.)"""
    return text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")


@pytest.fixture
def imported(tmp_path):
    """The synthetic workbook's skills, imported in English: a German workbook's cell to
    change."""
    call_command("load_content", stdout=io.StringIO())
    import_spreadsheet(write_workbook(tmp_path / "sfia-en.xlsx", sheets("en")))


@EXAMPLES
@given(
    text=hostile.filter(lambda text: not any("\ud800" <= c <= "\udfff" for c in text)),
    cell=st.sampled_from(["K2", "N2", "O2", "T3"]),  # a name, a description, guidance, a level
)
def test_any_text_in_a_workbook_cell_is_imported_clean_or_refused(
    tmp_path_factory, imported, text, cell
):
    book = set_cells(sheets("de"), "Skills", **{cell: as_excel_writes(text)})
    path = write_workbook(tmp_path_factory.mktemp("any") / "sfia-de.xlsx", book)
    before = content_snapshot()

    try:
        import_spreadsheet(path, language="de")
    except CommandError as refusal:
        assert str(refusal).startswith("Nothing imported.")
        assert content_snapshot() == before
    stored_texts_are_clean()


@EXAMPLES
@given(text=hostile, field=st.sampled_from(["term_de", "avoid_de", "term_ar"]))
@example(text="Dienstgüte", field="term_de").via("a plain word is saved")
def test_any_text_typed_into_the_glossary_is_saved_clean_or_refused(
    client, translator, text, field
):
    from django.contrib.auth.models import Group

    from skills.framework.models import GlossaryTerm

    translator.groups.set([Group.objects.get(name="Editor")])
    term, _ = GlossaryTerm.objects.get_or_create(term_en="service level")
    url = f"/de/admin/skills/glossaryterm/{term.pk}/change/"
    fields = form_fields(client.get(url).text, "glossaryterm_form")
    assert field in fields
    before = list(GlossaryTerm.objects.values())

    response = client.post(
        url, form_post({**fields, field: text}), content_type="application/x-www-form-urlencoded"
    )

    assert_answered(response)
    if text.isalpha() and len(text) <= 200:  # a word: saved as typed
        assert response.status_code == 302
        assert getattr(GlossaryTerm.objects.get(pk=term.pk), field) == text
    if response.status_code != 302:
        assert list(GlossaryTerm.objects.values()) == before
    for row in GlossaryTerm.objects.values():
        for value in row.values():
            if isinstance(value, str):
                assert all(find_character_problem(line) is None for line in value.split("\n"))
