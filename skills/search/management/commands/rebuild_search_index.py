from django.core.management.base import BaseCommand
from django.db import transaction

from skills.search import index
from skills.search.models import SearchEntry


class Command(BaseCommand):
    help = (
        "Writes the search index again from the content. Saves keep it up to date; this is "
        "for a database changed by other means (SQL, a restored dump)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            index.rebuild()
        self.stdout.write(f"Indexed {SearchEntry.objects.count()} texts.")
