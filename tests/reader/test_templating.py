"""The reader's Jinja2 templates: messages escaped as `{% translate %}` escapes them, markup
in a translated message trusted and its values escaped, as `{% blocktranslate %}` does;
plurals; groups kept in order; a missing variable an error. (Content is escaped: test_views.)"""

import jinja2
import pytest
from django.template import engines
from django.utils import translation

from skills.reader.templating import regroup

JINJA = engines["jinja2"].env


def render(source, **context):
    return JINJA.from_string(source).render(context)


def test_a_message_is_escaped():
    assert render('{{ _("Fish & <chips>") }}') == "Fish &amp; &lt;chips&gt;"


def test_a_message_with_markup_keeps_it_and_escapes_its_values():
    with translation.override("de"):
        page = render('{{ _("Level <bdi>%(number)s</bdi>")|fill(number=level) }}', level="<i>3</i>")

    assert page == "Ebene <bdi>&lt;i&gt;3&lt;/i&gt;</bdi>"


def test_plurals_in_each_language():
    counts = {}
    for language in ("en", "ru", "ar"):
        with translation.override(language):
            counts[language] = [render("{{ skills_defined(n) }}", n=n) for n in (1, 3, 11)]

    assert counts["en"][0] == "1 skill defined at this level"
    assert counts["en"][1] == "3 skills defined at this level"
    assert counts["ru"][:2] == [
        "1 навык определён на этом уровне",
        "3 навыка определены на этом уровне",
    ]
    assert len(set(counts["ar"])) == 3  # Arabic's one, few and many differ


def test_regroup_keeps_the_order_of_runs():
    class Item:
        def __init__(self, group, name):
            self.group, self.name = group, name

    items = [Item("b", 1), Item("b", 2), Item("a", 3), Item("b", 4)]

    assert [(group, [i.name for i in run]) for group, run in regroup(items, "group")] == [
        ("b", [1, 2]),
        ("a", [3]),
        ("b", [4]),
    ]


def test_a_missing_variable_is_an_error():
    with pytest.raises(jinja2.UndefinedError):
        render("{{ skil.code }}", skill=None)


def test_every_value_in_the_page_languages_is_escaped():
    # The codes and directions come from the settings and were once written into the markup
    # unescaped: the templates escape every value, whoever supplies it.
    hostile = '"><script>alert(1)</script>'
    language = {"code": hostile, "dir": hostile, "name": hostile, "current": False}
    language.update(url=hostile, switch_url=hostile)
    page = JINJA.get_template("base.html").render(
        {
            "LANGUAGE_CODE": "en",
            "LANGUAGE_BIDI": False,
            "page_languages": [language, {**language, "current": True}],
            "canonical_url": hostile,
            "x_default_url": hostile,
            # The search link's title names the language.
            "page_language_name": hostile,
            "SFIA_ATTRIBUTION": {"name": "SFIA Foundation", "url": "https://sfia-online.org/"},
            # The edition is the content's (stored with it), so a page escapes it too.
            "SFIA_EDITION": hostile,
        }
    )

    assert "<script" not in page
    assert page.count("&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;") == 16
    # The printed address, breakable after its slash.
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/<wbr>script&gt;</p>" in page
    assert '<li><span aria-current="page" lang="&#34;&gt;&lt;script&gt;' in page
