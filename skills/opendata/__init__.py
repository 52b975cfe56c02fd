"""The framework as open data: the JSON API under /api/v1/ (django-ninja) and its reference
page, the SKOS file (rdflib), and the Downloads page with its files (CSV, JSON, the official
workbook, SKOS) in every language, each made once per content version."""
