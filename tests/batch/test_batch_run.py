"""The batch runner in process: error records, exit status, order, summary, engine reuse."""
from __future__ import annotations

import json

import pytest

from nlp import batch
from nlp.cli import main
from nlp.engine import Engine


def lines(path) -> list:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_bad_files_get_one_error_record_each_and_the_batch_goes_on(make_reports, tmp_path, capsys):
    reports = make_reports(3)
    (reports / "empty.txt").write_bytes(b"")
    (reports / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    out = tmp_path / "out.jsonl"

    status = main(["annotate", str(reports), "-o", str(out), "-j", "2", "-q"])

    assert status == 1
    records = lines(out)
    assert len(records) == 5
    errors = {r["source"].rsplit("/", 1)[-1]: r["error"] for r in records if "error" in r}
    assert set(errors) == {"empty.txt", "binary.txt"}
    assert all(e["code"].startswith("E1") and e["message"] for e in errors.values())
    assert sum("error" not in r for r in records) == 3
    err = capsys.readouterr().err.splitlines()
    for name, error in errors.items():
        [said] = [line for line in err if name in line]
        assert said.startswith("nianbao: ") and error["code"] in said and "Traceback" not in said
    assert "5 reports: 3 ok, 2 failed" in err[-1]


def test_all_good_exits_zero_and_every_record_has_its_hash(make_reports, tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(make_reports(4)), "-o", str(out), "-j", "1", "-q"]) == 0
    records = lines(out)
    assert [len(r["content_sha256"]) for r in records] == [64] * 4
    assert len({r["content_sha256"] for r in records}) == 4


def test_output_order_is_the_input_order_whatever_the_number_of_workers(make_reports, tmp_path):
    reports = make_reports(20)
    one, two = tmp_path / "j1.jsonl", tmp_path / "j2.jsonl"
    main(["annotate", str(reports), "-o", str(one), "-j", "1", "-q"])
    main(["annotate", str(reports), "-o", str(two), "-j", "2", "-q"])
    assert one.read_bytes() == two.read_bytes()
    sources = [r["source"] for r in lines(two)]
    assert sources == sorted(sources) and len(sources) == 20


def test_a_bug_in_the_engine_on_one_file_is_an_error_record_not_the_end(make_reports, tmp_path, monkeypatch, capsys):
    reports = make_reports(3)
    real = Engine.annotate

    def flaky(self, doc):
        if doc.source.endswith("00001.txt"):
            raise ZeroDivisionError("division by zero")
        return real(self, doc)

    monkeypatch.setattr(Engine, "annotate", flaky)
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(reports), "-o", str(out), "-j", "1", "-q"]) == 1
    records = lines(out)
    assert len(records) == 3
    [bad] = [r for r in records if "error" in r]
    assert bad["error"]["code"] == batch.INTERNAL_ERROR and "ZeroDivisionError" in bad["error"]["message"]
    assert "Traceback" not in capsys.readouterr().err


def test_summary_goes_to_stderr_and_no_progress_bar_when_not_a_terminal(make_reports, tmp_path, capsys):
    main(["annotate", str(make_reports(2)), "-o", str(tmp_path / "o.jsonl"), "-j", "1"])
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "2 files, 2 reports: 2 ok, 0 failed, 0 with failed checks" in err
    assert "reports/s" in err and "it/s" not in err


def test_records_go_to_stdout_without_an_output_file(make_reports, capsys):
    main(["annotate", str(make_reports(2)), "-j", "1", "-q"])
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_resume_needs_an_output_file(make_reports, capsys):
    assert main(["annotate", str(make_reports(1)), "--resume", "-q"]) == 2
    assert "--resume needs an output file" in capsys.readouterr().err


def test_engine_is_built_once_per_process():
    assert batch.engine_for(None) is batch.engine_for(None)


@pytest.mark.parametrize("value", ["0", "two"])
def test_jobs_must_be_a_non_zero_number(value, capsys):
    with pytest.raises(SystemExit):
        main(["annotate", "x.txt", "-j", value])
    assert "non-zero whole number" in capsys.readouterr().err


def test_an_archive_gives_a_record_per_member_and_resumes(make_reports, tmp_path):
    import zipfile

    reports = make_reports(2)
    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(reports.rglob("*.txt")):
            zf.write(path, path.name)
        zf.writestr("empty.txt", b"")
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(archive), "-o", str(out), "-j", "1", "-q"]) == 1
    records = lines(out)
    assert [("error" in r) for r in records] == [False, False, True]
    assert all(r["source"].startswith(str(archive)) for r in records)
    out.write_text(out.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
    main(["annotate", str(archive), "-o", str(out), "-j", "1", "-q", "--resume"])
    assert lines(out) == records


def test_an_output_that_cannot_be_written_is_one_line(make_reports, tmp_path, capsys):
    status = main(["annotate", str(make_reports(1)), "-o", str(tmp_path / "no" / "such" / "out.jsonl"), "-q"])
    assert status == 2
    err = capsys.readouterr().err
    assert "cannot write: No such file or directory" in err and "Traceback" not in err


class Terminal:
    """A stand-in for stderr on a terminal."""

    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass

    def isatty(self):
        return True


@pytest.mark.parametrize("wanted", [True, False])
def test_a_progress_bar_with_rate_on_a_terminal_unless_quiet(make_reports, tmp_path, wanted):
    terminal = Terminal()
    batch.run_batch([make_reports(3)], tmp_path / "o.jsonl", jobs=1, progress=wanted, err=terminal)
    assert ("100%" in terminal.text and "file/s" in terminal.text) is wanted
    assert terminal.text.rstrip().endswith("reports/s")
