"""Search in every language (engine.search): skills and generic attributes, their names,
descriptions, notes and levels' texts, in the page's language and in the English source.

models.py   the index, one entry per text and language, folded and stemmed
index.py    keeps it up to date as the content changes; rebuild()
folding.py  folding, words, Snowball stems and pg_trgm's trigrams, as both databases use them
backends.py PostgreSQL's full-text search and pg_trgm; the same on SQLite, in Python
engine.py   a search: ranked results, one a page, each with its snippet marked
"""
