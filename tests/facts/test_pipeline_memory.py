"""The facts pipeline's vocabulary is bounded: spaCy keeps every string a Doc meets, and the
stretches between candidate sentences are new strings in every report, so the pipeline is
built afresh every DOCS_PER_PIPELINE Docs (benchmarks/bench_memory_growth.py measures the
process: flat at ~117 MB over 20,000 different reports, where it grew by 1.3 KB a report).
Facts found across a rebuild are the facts found without one."""
from pathlib import Path

from nlp.facts import pipeline
from nlp.segment import find_sections

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
REPORT = (SAMPLES / "001_e849864efb6c45e2.txt").read_text(encoding="utf-8")


def facts_of(text: str) -> list:
    doc = pipeline.annotate(text, find_sections(text))
    return [span._.fact for span in doc.spans[pipeline.SPANS_KEY]]


def variant(k: int) -> str:
    """The report with a line of its own, as every real report has (an index number, a date)."""
    return f"索引号：{k:08d}-{chr(0x4e00 + k)}{chr(0x4e00 + 7 * k)}\n" + REPORT


def test_the_pipeline_and_its_vocabulary_are_built_afresh(monkeypatch):
    monkeypatch.setattr(pipeline, "DOCS_PER_PIPELINE", 5)
    monkeypatch.setitem(pipeline._docs_made, "count", 0)
    vocabularies = []
    for k in range(12):
        facts_of(variant(k))
        vocabularies.append(pipeline.build_pipeline().vocab)  # kept, so no two share an id
    distinct = {id(v) for v in vocabularies}
    assert all(v is vocabularies[0] for v in vocabularies[:5])  # one vocabulary for 5 Docs, then a new one
    assert vocabularies[5] is not vocabularies[4] and vocabularies[10] is not vocabularies[9]
    assert len(distinct) == 3


def test_facts_are_the_same_across_a_rebuild(monkeypatch):
    before = facts_of(REPORT)
    assert before  # the seed states publication counts
    monkeypatch.setattr(pipeline, "DOCS_PER_PIPELINE", 1)
    monkeypatch.setitem(pipeline._docs_made, "count", 1)
    assert facts_of(REPORT) == before
