"""`dev.py`: the README's development commands work on a machine with nothing set up."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def dev(*args, tmp_path):
    """`python3 dev.py ARGS` as a person runs it: no secret key, no settings in the environment."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name != "DATABASE_URL"
    }
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'dev.sqlite3'}"
    return subprocess.run(
        [sys.executable, "dev.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_manage_runs_admin_commands_with_the_development_settings(tmp_path):
    migrate = dev("manage", "migrate", "--no-input", "-v0", tmp_path=tmp_path)
    assert migrate.returncode == 0, migrate.stderr
    result = dev(
        "manage",
        "createsuperuser",
        "--no-input",
        "--username",
        "ada",
        "--email",
        "ada@example.org",
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "Superuser created successfully." in result.stdout


def test_development_logs_are_lines_a_person_reads(tmp_path):
    result = dev(
        "manage",
        "shell",
        "-c",
        "import logging; logging.getLogger('sfia').warning('Hallo')",
        tmp_path=tmp_path,
    )

    assert result.returncode == 0, result.stderr
    assert " WARNING sfia: Hallo" in result.stderr
    assert '"level"' not in result.stderr
