"""`manage.py setup_roles`: create the Editor and Translator (<language>) groups."""

from django.core.management.base import BaseCommand

from skills.editorial.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the Editor group and one Translator group per translated language."

    def handle(self, **options):
        for name in setup_roles():
            self.stdout.write(f"Group ready: {name}")
