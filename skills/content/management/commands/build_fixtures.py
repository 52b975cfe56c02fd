"""`manage.py build_fixtures`: rebuild fixtures/sfia.json from fixtures/sources/."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from skills.content.fixture import build_fixture
from skills.content.sources import SourceErrors, read_framework, read_sources


class Command(BaseCommand):
    help = "Rebuild the content fixture from the source texts (deterministic)."

    def add_arguments(self, parser):
        parser.add_argument("--sources", type=Path, default=settings.SFIA_SOURCES_DIR)
        parser.add_argument("--output", type=Path, default=settings.SFIA_FIXTURE_FILE)
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail if the committed fixture differs from a fresh build.",
        )

    def handle(self, sources, output, check, **options):
        try:
            framework = read_framework(sources / "framework.toml")
            text = build_fixture(read_sources(sources, framework), framework)
        except SourceErrors as errors:
            raise CommandError(f"Fixture not built.\n{errors}") from None
        current = output.read_text(encoding="utf-8") if output.exists() else None
        if check:
            if current != text:
                raise CommandError(f"{output} is out of date: run manage.py build_fixtures")
            self.stdout.write(f"{output} is up to date.")
        elif current == text:
            self.stdout.write(f"{output} is already up to date.")
        else:
            output.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {output}.")
