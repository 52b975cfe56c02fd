"""The SFIA site's code, one package a job; each uses only its own modules and those below it
(tests/test_architecture.py holds them to it).

framework/   the framework's data: the models and their QuerySets, the translated fields
             (translation.py) and what each translation was made from and whether it was
             reviewed (translation_state.py), the languages and levels, the limits a text is checked
             against, where each object's page is (links.py). A Django app, label "skills".
search/      search in every language: an index of every text, folded and stemmed, kept up
             to date as the content changes; PostgreSQL's full-text search and pg_trgm, the
             same on SQLite in Python. Command: rebuild_search_index. A layer of its own:
             the reader's pages use it.
content/     the content pipeline: source texts parsed (sources/) and the official workbook
             read (workbook/), imported with a three-way merge, built into the fixture, loaded
             into a new database; the synthetic corpus and workbook the tests and bench/ use.
             Commands: build_fixtures, import_sources, import_spreadsheet,
             export_spreadsheet, load_content.
reader/      the reader's pages: URLs, views, the skill page read in one query, translated
             texts with their fallback and state, the page's note on its review, the Jinja2
             set-up, the page in every language, the search page (search/'s results) and its
             OpenSearch description, sitemaps.
editorial/   the translators' and editors' admin: forms by role, outdated translations and
             their review (four eyes), history in each reader's language, translation status.
             Exchange files for CAT tools (exchange/: PO and XLIFF out and back, each export
             on record; exchange_admin.py: the admin's download and upload); the glossary
             and its TBX file. Commands: setup_roles, export_translations,
             import_translations.
page_cache/  whole reader pages from the cache, retired by any content change.
opendata/    the framework as data: the JSON API (/api/v1/, django-ninja) and its reference
             page, the SKOS file, the Downloads page and its files in every language. Above
             the content pipeline, whose workbook it offers.
operations/  running the site: /healthz, log lines, the login throttle, the 400 page, the
             static files' storage (named in the settings).

From a URL to its code: sfia_site/urls.py → reader/urls.py → reader/views.py.
"""
