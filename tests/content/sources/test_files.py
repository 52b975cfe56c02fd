"""A source tree can only lead the import to the regular files inside it, of a sane size:
links, devices, pipes and huge files are refused by name, before anything is read."""

import io
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from skills.content.sources import SourceErrors, read_sources
from skills.content.sources.files import MAX_SOURCE_BYTES
from tests.conftest import content_snapshot
from tests.content.test_importer import break_skill


def refusal(root, framework):
    with pytest.raises(SourceErrors) as refused:
        read_sources(root, framework)
    return str(refused.value)


def test_a_linked_folder_is_refused(sources_dir, tmp_path, framework):
    outside = break_skill(tmp_path, "OUTS")
    (sources_dir / "OUTS").symlink_to(outside, target_is_directory=True)

    message = refusal(sources_dir, framework)

    assert (
        message
        == f"{sources_dir}/OUTS:1: is a symbolic link: skill folders must be folders inside it"
    )


def test_a_linked_text_is_refused_without_reading_it(sources_dir, framework):
    german = sources_dir / "SLMO" / "de.txt"
    german.unlink()
    german.symlink_to("/etc/passwd")

    message = refusal(sources_dir, framework)

    assert message == f"{german}:1: is a symbolic link: sources must be files inside the folder"


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(sources_dir, framework, target):
    english = sources_dir / "SLMO" / "en.txt"
    english.unlink()
    english.symlink_to(target)

    assert "en.txt:1: is a symbolic link" in refusal(sources_dir, framework)


def test_a_pipe_is_refused_without_waiting_for_it(sources_dir):
    german = sources_dir / "SLMO" / "de.txt"
    german.unlink()
    os.mkfifo(german)
    # In another process, so a regression hangs there, not the suite.
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_AND_PRINT, str(sources_dir)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert f"{german}:1: is not a regular file" in result.stdout, result.stderr


IMPORT_AND_PRINT = """
import sys
from pathlib import Path
from skills.content.sources.folders import read_sources
from skills.content.sources.framework import read_framework
from skills.content.sources.errors import SourceErrors
try:
    read_sources(Path(sys.argv[1]), read_framework(Path("fixtures/sources/framework.toml")))
except SourceErrors as errors:
    print(errors)
"""


def test_a_folder_where_a_text_should_be_is_refused(sources_dir, framework):
    german = sources_dir / "SLMO" / "de.txt"
    german.unlink()
    german.mkdir()

    assert f"{german}:1: is not a regular file" in refusal(sources_dir, framework)


def test_a_huge_text_is_refused_before_it_is_read(sources_dir, framework):
    english = sources_dir / "SLMO" / "en.txt"
    with english.open("ab") as file:
        file.truncate(MAX_SOURCE_BYTES + 1)  # sparse: nothing to read but its size

    assert refusal(sources_dir, framework) == f"{english}:1: is larger than 1024 kB"


def test_a_text_of_the_largest_size_is_still_read(sources_dir, framework):
    english = sources_dir / "SLMO" / "en.txt"
    text = english.read_bytes()
    english.write_bytes(text + b" " * (MAX_SOURCE_BYTES - len(text)))

    (source,) = read_sources(sources_dir, framework)
    assert source.texts["en"].description


@pytest.mark.django_db
def test_the_import_refuses_a_hostile_tree_and_changes_nothing(sources_dir):
    call_command("import_sources", str(sources_dir), stdout=io.StringIO())
    before = content_snapshot()
    german = sources_dir / "SLMO" / "de.txt"
    german.unlink()
    german.symlink_to("/etc/passwd")

    with pytest.raises(CommandError, match="de.txt:1: is a symbolic link"):
        call_command("import_sources", str(sources_dir), stdout=io.StringIO())
    assert content_snapshot() == before


def test_a_file_that_is_no_source_text_is_not_quoted(sources_dir, framework):
    german = sources_dir / "SLMO" / "de.txt"
    german.write_text("root:x:0:0:root:/root:/bin/bash\nsecret line\n", encoding="utf-8")

    message = refusal(sources_dir, framework)

    assert message.startswith(f"{german}:1: expected the skill's name and code")
    assert "root:x" not in message and "secret" not in message
