"""Tables kept on disk: built once, read back by later processes, built again when code or data change."""
from __future__ import annotations

import pickle

import pytest

from pipeline import built


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(built.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_table_is_built_once_and_read_back(cache):
    calls = []

    def build():
        calls.append(1)
        return {"bekasi": ("Kota Bekasi", "Kabupaten Bekasi")}

    first = built.built("regions", build)
    second = built.built("regions", build)
    assert first == second == {"bekasi": ("Kota Bekasi", "Kabupaten Bekasi")}
    assert len(calls) == 1
    assert [p.name for p in cache.iterdir()] == [f"regions-{built.source_digest()[:20]}.pickle"]


def test_a_damaged_file_is_built_again(cache):
    built.built("regions", lambda: [1, 2])
    (path,) = cache.iterdir()
    path.write_bytes(b"not a pickle")
    assert built.built("regions", lambda: [3]) == [3]
    assert pickle.loads(path.read_bytes()) == [3]


def test_a_table_of_older_code_or_data_is_replaced(cache):
    cache.mkdir()
    stale = cache / "regions-00000000000000000000.pickle"
    stale.write_bytes(pickle.dumps("old"))
    other = cache / "regions-extra-00000000000000000000.pickle"  # another table, whose name starts alike
    other.write_bytes(pickle.dumps("kept"))
    assert built.built("regions", lambda: "new") == "new"
    assert not stale.exists() and other.exists()


def test_an_unwritable_cache_folder_costs_only_the_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv(built.CACHE_ENV, str(blocker / "cache"))
    assert built.built("regions", lambda: "built") == "built"
    assert built.built("regions", lambda: "built again") == "built again"


def test_the_digest_follows_the_code_and_data_files(tmp_path, monkeypatch):
    package = tmp_path / "pipeline"
    (package / "data").mkdir(parents=True)
    (package / "stage.py").write_text("RULE = 1\n")
    (package / "data" / "titles.json").write_text('{"titles": []}')
    monkeypatch.setattr(built, "PACKAGE_DIR", package)

    def digest() -> str:
        built.source_digest.cache_clear()
        return built.source_digest()

    try:
        first = digest()
        (package / "data" / "titles.json").write_text('{"titles": ["Bupati"]}')
        after_data = digest()
        (package / "stage.py").write_text("RULE = 2\n")
        after_code = digest()
        (package / "notes.txt").write_text("neither code nor data")
        assert len({first, after_data, after_code}) == 3 and digest() == after_code
    finally:
        built.source_digest.cache_clear()
