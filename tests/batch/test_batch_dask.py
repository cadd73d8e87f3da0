"""The same batch on a Dask cluster (a LocalCluster on the loopback, threads, two of them)."""
from __future__ import annotations

import pytest

from nlp import batch
from nlp.cli import main

distributed = pytest.importorskip("distributed")


@pytest.fixture
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp",
                                  host="127.0.0.1", dashboard_address=None) as local:
        yield local


def test_a_dask_cluster_writes_the_records_local_workers_write(make_reports, tmp_path, cluster):
    reports = make_reports(8)
    (reports / "empty.txt").write_bytes(b"")
    local, on_dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    batch.run_batch([reports], local, jobs=1, progress=False)

    summary = batch.run_batch([reports], on_dask, dask=cluster.scheduler_address, progress=False)

    assert on_dask.read_bytes() == local.read_bytes()
    assert (summary.reports, summary.failed) == (9, 1)


def test_resume_on_a_dask_cluster(make_reports, tmp_path, cluster):
    reports = make_reports(6)
    out = tmp_path / "out.jsonl"
    batch.run_batch([reports], out, jobs=1, progress=False)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[2][:40], encoding="utf-8")

    status = main(["annotate", str(reports), "-o", str(out), "--resume", "-q", "--dask", cluster.scheduler_address])

    assert status == 0
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == lines


def test_an_unreachable_scheduler_is_one_line(make_reports, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(batch, "DASK_TIMEOUT", 1)
    status = main(["annotate", str(make_reports(1)), "-o", str(tmp_path / "o.jsonl"), "-q",
                   "--dask", "tcp://127.0.0.1:9"])
    assert status == 2
    err = capsys.readouterr().err
    assert "[E500] cannot reach the Dask scheduler" in err and "Traceback" not in err


def test_the_work_of_one_input_stays_on_its_worker(make_reports, tmp_path, cluster):
    """Only annotate_input goes to the cluster: the classifier's own joblib call (scikit-learn's
    FeatureUnion) runs where its input is, not as a task of its own with the model pickled."""
    reports = make_reports(4)
    with distributed.Client(cluster) as client, distributed.get_task_stream(client) as stream:
        batch.run_batch([reports], tmp_path / "o.jsonl", dask=cluster.scheduler_address, progress=False)
    kinds = {str(task["key"]).rsplit("-", 1)[0] for task in stream.data}
    assert kinds and all("annotate_input" in kind for kind in kinds if kind.startswith("batch_of")), kinds
    assert any("annotate_input" in kind for kind in kinds), kinds
