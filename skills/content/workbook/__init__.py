"""The official SFIA workbook in and out (../shared/docs/SFIA-SPREADSHEET.md): `reader` (pure
Python, like sources/: an .xlsx or CSV files of its sheets → dataclasses, every problem
located), `importer` (into the database, merged three ways like the sources), `exporter` (the
content of one language, in the same layout); `layout` declares the sheets for all three."""
