"""The public surface of the library: ``nlp.__all__``, pinned (as httpx pins its own), and
what a library user writes."""
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import nlp

ROOT = Path(__file__).resolve().parents[1]

PUBLIC = [
    "Engine", "Document", "read_path", "read_bytes", "iter_documents",
    "Record", "Cell", "Fact", "Paragraph", "Check", "Ambiguity", "ParagraphModel", "ErrorRecord",
    "read_records", "load_records", "record_line",
    "NianbaoError", "InputError", "EmptyInput", "UndecodableInput", "NotAReport", "UnsupportedInput",
    "InputTooLarge", "UnsafeArchive", "DamagedInput", "TextTooLong", "DataError", "ModelError", "SchemaError",
    "OutputError", "RunError", "InternalError",
    "__version__",
]


def test_all_is_pinned():
    assert nlp.__all__ == PUBLIC


def test_every_public_name_is_there():
    for name in nlp.__all__:
        assert getattr(nlp, name) is not None, name
    assert set(nlp.__all__) <= set(dir(nlp))


def test_the_version_is_the_package_metadata():
    assert nlp.__version__ == version("nianbao")


def test_a_library_user_annotates_a_report_in_three_lines(engine):
    from nlp import Engine, Record, read_path

    assert isinstance(engine, Engine)
    record = engine.annotate(read_path(ROOT / "data" / "samples" / "000_c322f99bcfb5564c.txt"))
    assert isinstance(record, Record) and record.edition == "2019" and record.tables
    assert Record.from_dict(record.to_dict()).to_dict() == record.to_dict()


def test_importing_nlp_loads_no_pipeline():
    """``import nlp`` is cheap: the engine's libraries load when Engine is first used."""
    code = "import sys, nlp; print(sorted(m for m in ('spacy', 'jieba', 'numpy', 'pdfplumber') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_an_unknown_name_is_an_attribute_error():
    try:
        nlp.Engin  # noqa: B018
    except AttributeError as exc:
        assert "Engin" in str(exc)
    else:
        raise AssertionError("nlp.Engin resolved")
