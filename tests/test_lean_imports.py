"""Annotating imports only what it uses (issue 14): exports, the service, a Dask backend,
training and the jieba segmenter import theirs when they run, not in every annotate; nor does the
facts' spaCy pipeline (its extractors run without a Doc: nlp/facts/find.py), half a second of
every process's start-up."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples" / "001_e849864efb6c45e2.txt"
HEAVY = ("pandas", "pyarrow", "dask", "fastapi", "scipy", "sklearn", "jieba", "openpyxl", "rapidocr_onnxruntime",
         "spacy", "thinc")

PROGRAM = """
import json, sys
from nlp.cli import main
code = main(["annotate", sys.argv[1], "-o", sys.argv[2], "-q"])
print(json.dumps([code, sorted({m.split('.')[0] for m in sys.modules})]))
"""


def test_annotate_imports_none_of_the_heavy_libraries(tmp_path):
    done = subprocess.run([sys.executable, "-c", PROGRAM, str(SAMPLE), str(tmp_path / "out.jsonl")],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0 and (tmp_path / "out.jsonl").stat().st_size > 0
    assert [m for m in HEAVY if m in modules] == []


#: what a quiet annotate of a report with no Chinese numeral past the simple ones never reads:
#: the progress bar's library (tqdm, which imports importlib.metadata), importlib.metadata (the
#: package's version, the pinned numpy's: asked of the packages themselves) and cn2an
#: (numbers._simple_numeral()); about 0.15 s of every process's start together
START_UP = ("tqdm", "importlib.metadata", "cn2an")

FULL_NAMES = """
import json, sys
from nlp.cli import main
code = main(["annotate", sys.argv[1], "-o", sys.argv[2], "-q", "-j", "1"])
print(json.dumps([code, sorted(sys.modules)]))
"""


def test_a_quiet_annotate_reads_no_progress_bar_metadata_or_numeral_library(tmp_path):
    report = tmp_path / "in.txt"
    report.write_text(SAMPLE.read_text(encoding="utf-8") + "\n通过门户网站发布信息二十一条，微信公众号发布信息五条。\n",
                      encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", FULL_NAMES, str(report), str(tmp_path / "out.jsonl")],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code in (0, 1) and (tmp_path / "out.jsonl").stat().st_size > 0
    assert [m for m in START_UP if m in modules] == []
