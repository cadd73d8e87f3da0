"""Hostile and unlucky inputs through the real command line (issue 17): each row is an input
made on disk, the command run on it, the exit status it must end with and the line it must
say; none may print a traceback or leave a half-written file.

The service's side of the same inputs (413 for text over the limit, the docs offline) is in
tests/service; the death of workers with their parent in tests/batch/test_batch_orphans.py.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "000_c322f99bcfb5564c.txt"
REPORT = SAMPLE.read_text(encoding="utf-8")


#: Address space of the command: an input that makes it grow without bound fails the test
#: (MemoryError, E900) instead of taking the machine down.
MEMORY_LIMIT = 3 * 1024 ** 3


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def nianbao(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "nlp.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env=env, preexec_fn=_limit_memory)


# ---- the inputs: each makes its files in a directory and returns the command's arguments ----

def export_readme(d: Path) -> list:
    (d / "README.md").write_text("# nianbao\n\nnot records\n", encoding="utf-8")
    return ["export", "README.md", "--to", "x.xlsx"]


def glob_round_a_link_loop(d: Path) -> list:
    (d / "reports" / "sub").mkdir(parents=True)
    (d / "reports" / "sub" / "r.txt").write_text(REPORT, encoding="utf-8")
    os.symlink("..", d / "reports" / "sub" / "loop")
    return ["annotate", "reports/**/*.txt", "-o", "out.jsonl", "-j", "1", "-q"]


def link_loop(d: Path) -> list:
    os.symlink("b.txt", d / "a.txt")
    os.symlink("a.txt", d / "b.txt")
    return ["annotate", "a.txt", "-o", "out.jsonl", "-j", "1", "-q"]


def dangling_link(d: Path) -> list:
    os.symlink("gone.txt", d / "r.txt")
    return ["annotate", "r.txt", "-o", "out.jsonl", "-j", "1", "-q"]


def pdf_with_user_password(d: Path) -> list:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "annual report")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    (d / "locked.pdf").write_bytes(bytes(pdf.output()))
    return ["annotate", "locked.pdf", "-o", "out.jsonl", "-j", "1", "-q"]


def pdf_page_of_five_metres(d: Path) -> list:
    """An 814-byte PDF declaring a 5 × 5 m page without a text layer: rendered for OCR at
    200 dpi it was 1.6 billion pixels (22 GB resident before the kernel killed it)."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(14400, 14400))
    pdf.add_page()
    pdf.rect(100, 100, 3000, 200, "F")
    (d / "poster.pdf").write_bytes(bytes(pdf.output()))
    return ["annotate", "poster.pdf", "-o", "out.jsonl", "-j", "1", "-q"]


def image_of_ten_thousand_pixels_square(d: Path) -> list:
    """A 120 KB PNG of 10,000 × 10,000 pixels at 90 dpi: read as it is, 1.8 GB and 40 s."""
    from PIL import Image

    Image.new("L", (10_000, 10_000), 255).save(d / "scan.png", dpi=(90, 90))
    return ["annotate", "scan.png", "-o", "out.jsonl", "-j", "1", "-q"]


def gbk_and_utf8_lines(d: Path) -> list:
    lines = REPORT.split("\n")
    (d / "mixed.txt").write_bytes(b"\n".join(line.encode("gb18030" if i % 3 == 0 else "utf-8")
                                             for i, line in enumerate(lines)))
    return ["annotate", "mixed.txt", "-o", "out.jsonl", "-j", "1", "-q"]


def text_over_the_limit(d: Path) -> list:
    (d / "long.txt").write_text((REPORT * (1_000_001 // len(REPORT) + 1))[:1_000_001], encoding="utf-8")
    return ["annotate", "long.txt", "-o", "out.jsonl", "-j", "1", "-q"]


def train_over_a_model(d: Path) -> list:
    (d / "m.joblib").write_bytes(b"an earlier model")
    return ["train", str(ROOT / "tests" / "paragraphs" / "fixture.jsonl"), "-o", "m.joblib"]


# (id, input, exit status, what stderr says, files that must be there afterwards, and only they)
HOSTILE = [
    ("export-of-a-non-record-file", export_readme, 2,
     "nianbao: README.md: [E108] line 1 is not an annotation record (not JSON)", {"README.md"}),
    ("glob-round-a-symlink-loop", glob_round_a_link_loop, 0,
     "1 files, 1 reports: 1 ok", {"reports", "out.jsonl"}),
    ("symlink-loop", link_loop, 1,
     "a.txt: [E100] a symbolic link loop (its links lead back to themselves)", {"a.txt", "b.txt", "out.jsonl"}),
    ("dangling-symlink", dangling_link, 1,
     "r.txt: [E100] a symbolic link to 'gone.txt', which does not exist", {"r.txt", "out.jsonl"}),
    ("pdf-with-a-user-password", pdf_with_user_password, 1,
     "locked.pdf: [E106] the PDF is protected by a password (a user password is needed to open it): "
     "open it with the password, save or print it as a PDF without one", {"locked.pdf", "out.jsonl"}),
    ("pdf-page-of-5-metres", pdf_page_of_five_metres, 1,
     "poster.pdf: [E109] page 1 is 5,080 × 5,080 mm, too large to read by OCR (1,600,000,000 pixels at 200 dpi; "
     "the limit is 16,000,000, a page of A2)", {"poster.pdf", "out.jsonl"}),
    ("image-of-100-million-pixels", image_of_ten_thousand_pixels_square, 1,
     "scan.png: [E109] an image of 10,000×10,000 pixels is 2,822 × 2,822 mm, too large to read by OCR "
     "(100,000,000 pixels at 90 dpi; the limit is 16,000,000", {"scan.png", "out.jsonl"}),
    ("gbk-and-utf8-lines", gbk_and_utf8_lines, 0,
     "mixed.txt: warning: the text mixes encodings: of its 70 lines, 24 were read as GB18030",
     {"mixed.txt", "out.jsonl"}),
    ("text-over-1m-characters", text_over_the_limit, 1,
     "long.txt: [E107] 1,000,001 characters of text, over the limit of 1,000,000", {"long.txt", "out.jsonl"}),
    ("train-over-an-existing-model", train_over_a_model, 2,
     "nianbao: m.joblib: [E400] exists; pass --force to replace it", {"m.joblib"}),
]


@pytest.mark.parametrize("make, status, says, files", [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_hostile_input(tmp_path, make, status, says, files):
    done = nianbao(*make(tmp_path), cwd=tmp_path)
    assert done.returncode == status, done.stderr
    assert says in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert {p.name for p in tmp_path.iterdir()} == files


def test_a_glob_round_a_link_loop_writes_each_report_once(tmp_path):
    assert nianbao(*glob_round_a_link_loop(tmp_path), cwd=tmp_path).returncode == 0
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and '"source":"reports/sub/r.txt"' in lines[0]


def test_a_model_is_never_replaced_by_default(tmp_path):
    model = tmp_path / "m.joblib"
    model.write_bytes(b"an earlier model")
    assert nianbao(*train_over_a_model(tmp_path), cwd=tmp_path).returncode == 2
    assert model.read_bytes() == b"an earlier model"


def test_evaluate_classifier_outside_a_clone_says_what_to_pass(tmp_path, monkeypatch, capsys):
    from nlp.cli import main
    from nlp.commands import evaluate_classifier

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(evaluate_classifier, "_REPO", tmp_path)  # as if installed, not cloned
    assert main(["evaluate-classifier"]) == 2
    err = capsys.readouterr().err
    assert "evaluate-classifier: [E100] no labelled data given" in err
    assert "nianbao evaluate-classifier mine.jsonl" in err and "Traceback" not in err


def test_train_writes_a_new_model_file_by_default_and_replaces_one_only_with_force(tmp_path, monkeypatch):
    from nlp.cli import main

    monkeypatch.chdir(tmp_path)
    fixture = str(ROOT / "tests" / "paragraphs" / "fixture.jsonl")
    shipped = (ROOT / "models" / "paragraphs.joblib").read_bytes()
    assert main(["train", fixture, "--folds", "1"]) == 0
    (made,) = [p.name for p in tmp_path.glob("*.joblib")]
    assert made.startswith("paragraphs-") and made != "paragraphs.joblib"
    assert (ROOT / "models" / "paragraphs.joblib").read_bytes() == shipped
    (tmp_path / "m.joblib").write_bytes(b"an earlier model")
    assert main(["train", fixture, "--folds", "1", "-o", "m.joblib", "--force"]) == 0
    assert (tmp_path / "m.joblib").read_bytes() != b"an earlier model"
