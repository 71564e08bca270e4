"""Scaling out: the same records from one worker, several, and a Dask cluster; a rerun that extracts only what changed."""
import importlib
import json
import shutil
from pathlib import Path

import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from cli import app
from pipeline import process_folder
from pipeline.runner.run import Engine, run

run_module = importlib.import_module("pipeline.runner.run")  # the module; `pipeline.run` is the function

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "raw"
OUTPUTS = ("events.jsonl", "manifest.jsonl", "summary.json")
runner = CliRunner()


def as_data(result) -> tuple[list[dict], list[dict]]:
    return [r.model_dump() for r in result.records], [r.model_dump() for r in result.reports]


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory) -> Path:
    """The sample articles with files that are skipped or have no event, and one the sample's twin."""
    folder = tmp_path_factory.mktemp("mixed")
    shutil.copytree(SAMPLE, folder, dirs_exist_ok=True)
    (folder / "kosong.txt").write_bytes(b"")
    (folder / "biner.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "rusak.json").write_text('{"text": "Pemkot', encoding="utf-8")
    (folder / "cabai.txt").write_text("Harga cabai di pasar naik.", encoding="utf-8")
    nested = folder / "salinan"
    nested.mkdir()
    twin = next(p for p in sorted(SAMPLE.glob("*.txt")))
    shutil.copy(twin, nested / twin.name)  # another outlet's copy: merged with the original
    return folder


@pytest.fixture(scope="module")
def single_worker(mixed_folder):
    return {folder: process_folder(folder, engine=Engine(workers=1)) for folder in (SAMPLE, mixed_folder)}


def test_several_workers_give_the_records_and_manifest_of_one(mixed_folder, single_worker):
    for folder in (SAMPLE, mixed_folder):
        assert as_data(process_folder(folder, engine=Engine(workers=3))) == as_data(single_worker[folder])
    assert {r.status for r in single_worker[mixed_folder].reports} == {"ok", "no_event", "skipped"}


def test_a_rerun_extracts_only_the_changed_and_new_files(tmp_path, monkeypatch):
    folder, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SAMPLE, folder)
    run(folder, out, engine=Engine(workers=2))
    changed = next(p for p in sorted(folder.glob("*.txt")))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nDiperbarui.", encoding="utf-8")
    (folder / "baru.txt").write_text("Rapat internal dinas.", encoding="utf-8")
    extracted = tmp_path / "extracted.txt"
    real_extract = run_module.extract_file

    def extract_and_note(task):
        with extracted.open("a", encoding="utf-8") as note:  # the workers are other processes: they note in a file
            note.write(task.loaded.path.name + "\n")
        return real_extract(task)
    monkeypatch.setattr(run_module, "extract_file", extract_and_note)

    run(folder, out, engine=Engine(workers=2))

    assert sorted(extracted.read_text(encoding="utf-8").split()) == sorted([changed.name, "baru.txt"])
    monkeypatch.setattr(run_module, "extract_file", real_extract)
    run(folder, tmp_path / "fresh", engine=Engine(workers=1))
    assert all((out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes() for name in OUTPUTS)


# --- Dask -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local


def test_a_dask_cluster_gives_the_records_and_manifest_of_one_worker(cluster, mixed_folder, single_worker):
    engine = Engine("dask", scheduler=cluster.scheduler_address)
    for folder in (SAMPLE, mixed_folder):
        assert as_data(process_folder(folder, engine=engine)) == as_data(single_worker[folder])


def test_cli_run_on_dask_writes_what_the_local_run_writes(cluster, tmp_path):
    local, distributed = tmp_path / "local", tmp_path / "dask"
    assert runner.invoke(app, ["run", str(SAMPLE), "--out", str(local), "--quiet", "--workers", "2"]).exit_code == 0
    result = runner.invoke(app, ["run", str(SAMPLE), "--out", str(distributed), "--quiet", "--engine", "dask",
                                 "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert {name: (distributed / name).read_bytes() for name in OUTPUTS} == {name: (local / name).read_bytes()
                                                                            for name in OUTPUTS}
    assert json.loads((distributed / "summary.json").read_text())["events"] > 0


def test_dask_without_a_scheduler_starts_a_local_cluster_of_the_workers_asked_for(tmp_path):
    result = process_folder(SAMPLE, engine=Engine("dask", workers=2))
    assert as_data(result) == as_data(process_folder(SAMPLE, engine=Engine(workers=1)))


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["run", str(SAMPLE), "--out", str(tmp_path / "out"), "--engine", "dask",
                                 "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_a_scheduler_needs_the_dask_engine(tmp_path):
    result = runner.invoke(app, ["run", str(SAMPLE), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "--scheduler is for --engine dask" in result.output


def test_the_warm_up_article_reaches_every_extractor():
    """Else the tables of the extractors it misses would be built again in every worker."""
    from pipeline.stages.extract import record_from_doc
    from pipeline.ner.nlp import shared_nlp

    record = record_from_doc(run_module.WARM_UP_ARTICLE, shared_nlp()(run_module.WARM_UP_ARTICLE.text))
    assert record is not None and record.officials and record.sectors and record.date.start
