"""The seven levels of responsibility, by number: the framework's one fixed shape.

Importable anywhere (the sources' parser, the models, the sitemaps): it needs no Django.
"""

LEVEL_NUMBERS = range(1, 8)
