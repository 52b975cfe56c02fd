"""Static files' hashed URLs in production: the manifest's, remembered by each process."""

import json

import pytest

from skills.operations.storage import StaticFilesStorage


@pytest.fixture
def storage(tmp_path, settings):
    settings.DEBUG = False
    manifest = {"version": "1.1", "paths": {"css/site.css": "css/site.0123abcd.css"}}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return StaticFilesStorage(location=tmp_path, base_url="/static/")


def test_the_hashed_url_is_remembered(storage):
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    storage.hashed_files.clear()  # the manifest isn't read again

    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"


def test_a_name_missing_from_the_manifest_is_an_error_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="css/missing.css"):
            storage.url("css/missing.css")


def test_debug_mode_serves_the_files_as_named(storage, settings):
    settings.DEBUG = True

    assert storage.url("css/site.css") == "/static/css/site.css"
