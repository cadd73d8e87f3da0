"""The real reports bundled in data/ and their hand-checked gold records (for training
scripts and tests)."""
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
SOURCE_FOLDERS = ("samples", "corpus/reports", "corpus/excerpts")


def gold_records() -> dict:
    """stem → gold record, the damaged sources the gold marks unusable left out."""
    out = {}
    for path in sorted((DATA / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not gold.get("unusable"):
            out[path.stem] = gold
    return out


def source_path(stem: str) -> Path:
    for folder in SOURCE_FOLDERS:
        found = sorted((DATA / folder).glob(stem + ".*"))
        if found:
            return found[0]
    raise FileNotFoundError(stem)


def source_text(stem: str) -> str:
    return source_path(stem).read_text(encoding="utf-8")
