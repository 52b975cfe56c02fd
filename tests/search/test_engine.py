"""Search as a native speaker types: every language's stems, folded spellings, misspellings,
codes, the English source from a translated page, ranking, snippets and hostile input. The
suite runs on SQLite and on PostgreSQL (CI runs it on both), so each case holds on both."""

import pytest
from django.core.management import call_command
from django.db import connection

from skills.framework.models import GenericAttribute, Skill, SkillLevel
from skills.search.engine import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, search
from skills.search.folding import fold, words
from skills.search.index import batched
from skills.search.models import SearchEntry
from tests.attributes import load_page_content
from tests.skills import copy_of_slmo

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(db):
    load_page_content()


def found(query, language):
    return [(hit.code, hit.level) for hit in search(query, language).hits]


def first(query, language):
    return search(query, language).hits[0]


# The query's words are not in the text; a word sharing their stem is (fixtures/sources/SLMO).
STEMMED = [
    ("de", "Vereinbarung", "<mark>Vereinbaren</mark>"),
    ("ru", "соглашение", "<mark>соглашений</mark>"),
    ("it", "accordo", "<mark>accordi</mark>"),
    ("en", "negotiation", "<mark>Negotiates</mark>"),
    ("ar", "الاتفاقية", "<mark>الاتفاقات</mark>"),
]


@pytest.mark.parametrize(("language", "query", "marked"), STEMMED)
def test_a_word_finds_the_texts_with_its_stem(content, language, query, marked):
    hits = search(query, language).hits

    assert {hit.code for hit in hits} == {"SLMO"}
    assert all(hit.language == language for hit in hits)
    assert any(marked in hit.snippet for hit in hits)


@pytest.mark.parametrize(
    "query",
    [
        "ادارة",  # no hamza
        "إِدَارَة",  # vowel marks
        "إدارـة",  # a tatweel
        "اداره",  # ha for ta marbuta
    ],
)
def test_arabic_is_found_however_hamza_vowels_and_ta_marbuta_are_typed(content, query):
    hit = first(query, "ar")

    assert (hit.code, hit.field, hit.language) == ("SLMO", "name", "ar")
    assert "<mark>إدارة</mark> مستوى الخدمة" in hit.snippet


def test_arabic_alef_maqsura_and_ya_are_alike(content):
    hit = first("مستوي", "ar")  # the name has مستوى

    assert (hit.code, hit.field) == ("SLMO", "name")
    assert "<mark>مستوى</mark>" in hit.snippet


def test_russian_yo_and_ye_are_alike(content):
    skill = Skill.objects.get(code="SLMO")
    skill.description_ru = "Учёт услуг и их качества."
    skill.save()

    assert ("SLMO", None) in found("учет", "ru")
    assert ("SLMO", None) in found("УЧЁТ", "ru")
    assert "<mark>Учёт</mark>" in first("учет", "ru").snippet


def test_german_sharp_s_and_umlauts_as_postgresql_folds_them(content):
    skill = Skill.objects.get(code="SLMO")
    skill.description_de = "Regeln für die Straße."
    skill.save()

    assert "<mark>Straße</mark>" in first("Strasse", "de").snippet
    # The German stemmer drops the umlauts: "uberwachen" is "Überwachen".
    assert any("<mark>Überwachen</mark>" in hit.snippet for hit in search("uberwachen", "de").hits)


def test_a_misspelled_name_finds_its_skill(content):
    copy_of_slmo("COPY")
    Skill.objects.filter(code="COPY").update(name_en="Invented copy")

    hit = first("servce levl managment", "en")

    assert (hit.code, hit.field) == ("SLMO", "name")
    assert "<mark>Service</mark>" in hit.snippet


def test_a_code_puts_its_skill_first_in_any_case(content):
    # Another skill whose texts name SLMO, in every language.
    copy_of_slmo("COPY")
    copy = Skill.objects.get(code="COPY")
    copy.name_en, copy.description_en = "Invented copy", "Works like SLMO does."
    copy.save()

    for query in ("slmo", "SLMO", " Slmo "):
        hits = search(query, "de").hits
        assert [hit.code for hit in hits][:2] == ["SLMO", "COPY"]
        assert hits[0].field == "code"
        assert hits[0].url == "/de/skills/slmo/"


def test_a_name_match_comes_before_a_match_in_a_level_text(content):
    copy_of_slmo("COPY")  # the same level texts as SLMO's, and another name
    skill = Skill.objects.get(code="COPY")
    skill.name_en = "Invented copy"
    skill.description_en = "An invented copy."
    skill.save()

    hits = search("monitoring", "en").hits  # SLMO's level texts, and SLMO's description
    levels = [hit for hit in hits if hit.level]

    assert hits[0].code == "SLMO" and hits[0].field == "description"
    assert levels and hits.index(levels[0]) > 0
    assert {hit.code for hit in levels} == {"SLMO", "COPY"}


def test_a_level_text_links_to_the_skill_at_that_level(content):
    hit = first("Negotiates", "en")

    assert (hit.code, hit.level, hit.field) == ("SLMO", 5, "description")
    assert hit.url == "/en/skills/slmo/5/"


def test_the_english_source_is_searched_from_a_translated_page(content):
    hits = search("negotiation", "ru").hits

    assert hits and {hit.code for hit in hits} == {"SLMO"}
    assert all(hit.language == "en" for hit in hits)
    # The result is named in the page's language, and links to its pages.
    assert hits[0].name == "Управление уровнем услуг" and hits[0].name_language == "ru"
    assert hits[0].url.startswith("/ru/skills/slmo/")


def test_a_match_in_the_page_language_comes_before_the_same_in_english(content):
    # "Service" is in SLMO's German name and in its English one.
    hit = first("Service", "de")

    assert (hit.code, hit.field, hit.language) == ("SLMO", "name", "de")


def test_an_untranslated_name_is_given_in_english(content):
    hit = first("Takt", "de")
    assert (hit.kind, hit.code, hit.name, hit.name_language) == ("attribute", "TACT", "Takt", "de")

    # TACT has no Arabic name: its English one stands in, and says so.
    hit = first("tact", "ar")
    assert (hit.code, hit.name, hit.name_language) == ("TACT", "Tact", "en")


def test_attributes_and_their_levels_are_found(content):
    hit = first("Eifer", "de")
    assert (hit.kind, hit.code, hit.field, hit.url) == (
        "attribute",
        "ZEAL",
        "name",
        "/de/attributes/zeal/",
    )

    levels = [hit for hit in search("рвение", "ru").hits if hit.level]
    assert {hit.level for hit in levels} == {2, 3, 4, 5, 6}
    assert "/ru/attributes/zeal/#level-5" in {hit.url for hit in levels}


def test_the_snippet_is_escaped_and_marks_only_the_words(content):
    skill = Skill.objects.get(code="SLMO")
    skill.description_en = 'Negotiation <script>alert("x")</script> & more.'
    skill.save()

    hit = [hit for hit in search("negotiation", "en").hits if hit.field == "description"][0]

    assert hit.snippet == (
        "<mark>Negotiation</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more."
    )


def test_a_long_text_is_cut_around_the_match(content):
    skill = Skill.objects.get(code="SLMO")
    skill.description_en = " ".join(["Filler words here."] * 40 + ["Negotiation."] + ["More."] * 40)
    skill.save()

    snippet = [hit for hit in search("negotiation", "en").hits if hit.field == "description"][0]

    assert snippet.snippet.startswith("…") and snippet.snippet.endswith("…")
    assert "<mark>Negotiation</mark>" in snippet.snippet
    assert len(snippet.snippet) < 300


HOSTILE = [
    "",
    "   ",
    '"',
    '"unfinished quote',
    "' OR 1=1 --",
    "'; DROP TABLE skills_skill; --",
    "!:* & | <-> ( ) ::",
    "service & ! | management:*",
    "-",
    "or or or",
    "a\x00b",
    "\u202eevil\u202c \u2066x\u2069",
    "%",
    "_",
    "\\",
    "x" * 2000,
]


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_any_input_gives_results_or_none(content, query, language):
    results = search(query, language)

    assert len(results.query) <= MAX_QUERY_LENGTH
    assert "\x00" not in results.query
    assert isinstance(results.hits, list)
    assert Skill.objects.filter(code="SLMO").exists()


def test_an_overlong_query_is_cut(content):
    results = search("negotiation " + "x" * 2000, "en")

    assert results.cut == "characters" and len(results.query) == MAX_QUERY_LENGTH
    assert not search("negotiation", "en").cut


@pytest.mark.parametrize(
    ("query", "searched"),
    [
        # NFKC makes "ﷺ" four words, and 200 of them run together 601 words: 601 conditions
        # a language (0.45 s on SQLite with 147 skills). Five make 16 words (each one's last
        # word runs into the next one's first).
        ("ﷺ" * 200, "ﷺ" * 5),
        ("ﷺ " * 100, " ".join(["ﷺ"] * 4)),
        (" ".join(f"w{n}" for n in range(40)), " ".join(f"w{n}" for n in range(16))),
        ("negotiation " * 15 + "ﷺ", "negotiation " * 15),
    ],
)
def test_a_query_is_cut_to_its_first_words_as_folded(content, query, searched):
    results = search(query, "ar")

    assert results.cut == "words"
    assert results.query == searched.strip()
    assert len(words(fold(results.query))) <= MAX_QUERY_WORDS


def test_a_query_of_as_many_words_as_searched_is_not_cut(content):
    query = " ".join(["negotiation"] * MAX_QUERY_WORDS)

    results = search(query, "en")

    assert results.cut is None and results.query == query and results.hits


def test_a_like_wildcard_in_a_query_matches_nothing_but_itself(content):
    assert search("%", "en").hits == []
    assert search("_", "en").hits == []


def test_results_beyond_the_limit_are_said_to_be_more(content):
    results = search("service", "en", limit=2)

    assert len(results.hits) == 2 and results.more
    assert not search("service", "en", limit=50).more


def test_a_search_is_one_query(content, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert search("servce levl managment negotiation", "de").hits is not None


def test_a_save_updates_the_index_and_nothing_else_is_kept(content):
    skill = Skill.objects.get(code="SLMO")
    skill.name_de = "Dienstgütevereinbarungen"
    skill.save()

    assert ("SLMO", None) in found("Dienstgütevereinbarung", "de")
    # The old German name is gone; the English name still matches.
    matched = {(hit.field, hit.language) for hit in search("Service-Level-Management", "de").hits}
    assert ("name", "de") not in matched and ("name", "en") in matched


def test_a_level_no_longer_defined_is_no_longer_found(content):
    level = SkillLevel.objects.get(skill__code="SLMO", level=5)
    level.defined = False
    level.save()

    assert ("SLMO", 5) not in found("Negotiates", "en")
    assert ("SLMO", 6) in found("Negotiates", "en")


def test_deleted_content_leaves_no_entry(content):
    SkillLevel.objects.filter(skill__code="SLMO", level=6).get().delete()
    assert ("SLMO", 6) not in found("Negotiates", "en")

    GenericAttribute.objects.get(code="ZEAL").delete()
    assert not SearchEntry.objects.filter(code="ZEAL").exists()
    assert found("Eifer", "de") == []


def test_the_index_can_be_rebuilt(content, capsys):
    columns = ("code", "level", "field", "language", "text")
    before = list(SearchEntry.objects.order_by(*columns).values_list(*columns))
    SearchEntry.objects.all().delete()

    call_command("rebuild_search_index")

    after = list(SearchEntry.objects.order_by(*columns).values_list(*columns))
    assert after == before
    assert f"Indexed {len(after)} texts." in capsys.readouterr().out
    assert ("SLMO", 5) in found("Negotiates", "en")


def test_a_migrated_database_with_content_and_no_index_is_indexed(content):
    SearchEntry.objects.all().delete()

    call_command("migrate", verbosity=0)

    assert ("SLMO", 5) in found("Negotiates", "en")


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("إِدَارَة", "ادارة"),
        ("أ إ آ", "ا ا ا"),
        ("ى", "ي"),
        ("الخدمه", "الخدمة"),
        ("هذه الخدمة", "هذة الخدمة"),
        ("ـ", ""),
        ("Ёлка", "елка"),
        ("ÉCOLE", "école"),
    ],
)
def test_folding(typed, text):
    assert fold(typed) == text


def test_within_a_batch_saves_are_indexed_once_on_leaving(content, django_assert_max_num_queries):
    skill = Skill.objects.get(code="SLMO")
    levels = list(skill.levels.all())
    with batched():
        skill.name_de = "Vereinbarte Dienstgüte"
        skill.save()
        for level in levels:
            level.description_de = f"Erfundene Ebene {level.level_id}."
            level.save()
        assert ("SLMO", None) not in found("Dienstgüte", "de")  # not yet
    assert ("SLMO", None) in found("Dienstgüte", "de")
    assert ("SLMO", 5) in found("erfunden", "de")


def test_an_import_keeps_the_index_up_to_date(sources_dir):
    call_command("import_sources", str(sources_dir), verbosity=0)
    assert "<mark>Vereinbaren</mark>" in first("Vereinbarung", "de").snippet
    german = sources_dir / "SLMO" / "de.txt"
    german.write_text(german.read_text().replace("Vereinbaren", "Aushandeln"))

    call_command("import_sources", str(sources_dir), verbosity=0)

    assert "<mark>Aushandeln</mark>" in first("aushandeln", "de").snippet
    assert all("Vereinbaren" not in hit.snippet for hit in search("Vereinbarung", "de").hits)


def test_postgresql_searches_through_gin_indexes_without_a_pending_list(db):
    """Migration 0002: on PostgreSQL, pg_trgm and two GIN indexes without "fast update" (whose
    pending list a search would read whole until a vacuum); on SQLite, none of them."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname, c.reloptions FROM pg_class c JOIN pg_index i "
                "ON i.indexrelid = c.oid WHERE i.indrelid = %s::regclass AND c.relam = "
                "(SELECT oid FROM pg_am WHERE amname = 'gin') ORDER BY 1",
                [SearchEntry._meta.db_table],
            )
            assert cursor.fetchall() == [
                ("search_entry_spelling", ["fastupdate=off"]),
                ("search_entry_vector", ["fastupdate=off"]),
            ]
            cursor.execute("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")
            assert cursor.fetchone() == (1,)
        else:
            indexes = connection.introspection.get_constraints(cursor, SearchEntry._meta.db_table)
            assert not {"search_entry_spelling", "search_entry_vector"} & set(indexes)
