"""The editors' and translators' admin, by job: the forms (forms.py) and the translation's
input (widgets.py), what an admin request knows (scope.py), the admins' shared base (base.py),
the lists' filters (filters.py), and each model's admin, registered (registration.py).

Django's admin autodiscovery imports this package; importing it registers the admins."""

from skills.editorial.admin import registration  # noqa: F401
