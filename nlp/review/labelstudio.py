"""Label Studio: records out as tasks with pre-annotations, its JSON export back in as rows.

One task per narrative paragraph: ``data.text`` is the paragraph, the prediction holds the
paragraph's labels as ``choices`` (control ``paragraph``) and each fact stated in it as a
``labels`` span (control ``fact``, the fact's kind) with its channel as a per-region choice
(control ``channel``, same region id). :func:`labeling_config` is the project's XML.

Offsets. Label Studio's editor measures text in JavaScript string units: UTF-16 code units,
where a character outside the Basic Multilingual Plane (CJK Extension B and later, such as
𠮷, or an emoji) counts two. Python counts code points. Chinese text is mostly in the BMP,
where both agree, but rare characters in place and person names are not, so offsets are
converted on the way out (:func:`js_offset`) and back (:func:`py_offset`); on the way in
every span is checked against the text it says it covers, under either count, because
exports of some Label Studio versions count code points.

>>> text = "𠮷野区网站发布信息244条"
>>> js_offset(text, 2), py_offset(text, 3)
(3, 2)
>>> js_slice(text, 10, 14)
'244条'
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import InputError
from ..record import CHANNELS, FACT_KINDS, LABELS, ErrorRecord, Fact, Paragraph, Record
from .labelled import row_of
from .spans import locate

TO_NAME = "text"
_LS_NAME = re.compile(r"label[-_ ]?studio", re.IGNORECASE)
MODEL_VERSION = "nianbao"


def js_offset(text: str, index: int) -> int:
    """The JavaScript (UTF-16) offset of the code-point offset ``index`` in ``text``."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def py_offset(text: str, js_index: int) -> int:
    """The code-point offset of the JavaScript (UTF-16) offset ``js_index`` in ``text``."""
    units = 0
    for i, ch in enumerate(text):
        if units >= js_index:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def js_slice(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with UTF-16 offsets."""
    return text[py_offset(text, start):py_offset(text, end)]


# --- out: records → tasks ---------------------------------------------------------------

def is_labelstudio_target(out) -> bool:
    """Whether ``nianbao export --to OUT`` means Label Studio tasks: a ``.json`` file whose
    name says so (``labelstudio.json``, ``2024.label-studio.json``); other names are left to
    the spreadsheet exports.

    >>> [is_labelstudio_target(n) for n in ("labelstudio.json", "x/Label_Studio-tasks.json", "x.json", "labelstudio.csv")]
    [True, True, False, False]
    """
    out = Path(out)
    return out.suffix.lower() == ".json" and _LS_NAME.search(out.stem) is not None


def config_path(out) -> Path:
    """Where the labeling configuration goes: beside the tasks (``labelstudio.json`` → ``labelstudio.config.xml``)."""
    out = Path(out)
    return out.with_name(f"{out.stem}.config.xml")


def export_tasks(records, out) -> dict:
    """Write the tasks of ``records`` (Records; ErrorRecords give none) to ``out`` and the
    labeling config beside it."""
    tasks = [task for record in records for task in tasks_of(record)]
    out = Path(out)
    out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    config_path(out).write_text(labeling_config(), encoding="utf-8")
    regions = [r for t in tasks for r in t["predictions"][0]["result"] if r["from_name"] == "fact"]
    return {"records": len(records), "tasks": len(tasks), "fact spans": len(regions)}


def tasks_of(record) -> list:
    """The tasks of one record: one per paragraph (an ErrorRecord gives none)."""
    if isinstance(record, ErrorRecord):
        return []
    return [_task(record, para, [f for f in record.facts if para.start <= f.start and f.end <= para.end])
            for para in record.paragraphs]


def model_version(record: Record) -> str:
    """``nianbao-<first 12 hex digits of the paragraph model's sha256>``, or ``nianbao`` for
    records that do not say which model labelled them (older outputs)."""
    sha = record.paragraph_model.sha256 if record.paragraph_model else None
    return f"{MODEL_VERSION}-{sha[:12]}" if sha else MODEL_VERSION


def _task(record: Record, para: Paragraph, facts: list) -> dict:
    text = para.text
    data = {"text": text, "ref": f"{record.source}#{para.start}-{para.end}", "source": record.source,
            "agency": record.agency, "year": record.year, "section": para.section,
            "start": para.start, "end": para.end}
    result = []
    if para.labels:
        result.append({"id": "paragraph", "from_name": "paragraph", "to_name": TO_NAME, "type": "choices",
                       "value": {"choices": list(para.labels)}})
    for n, fact in enumerate(facts):
        span = locate(text, fact.text, fact.start - para.start)
        if span is not None:
            result += _fact_results(f"fact{n}", text, *span, fact)
    scores = para.scores
    prediction = {"model_version": model_version(record), "result": result}
    if scores:
        prediction["score"] = round(max(scores.values()), 4)
    return {"data": data, "predictions": [prediction]}


def _fact_results(region: str, text: str, start: int, end: int, fact: Fact) -> list:
    span = {"start": js_offset(text, start), "end": js_offset(text, end), "text": text[start:end]}
    out = [{"id": region, "from_name": "fact", "to_name": TO_NAME, "type": "labels",
            "value": {**span, "labels": [fact.kind]}}]
    if fact.channel:
        out.append({"id": region, "from_name": "channel", "to_name": TO_NAME, "type": "choices",
                    "value": {**span, "choices": [fact.channel]}})
    return out


def labeling_config() -> str:
    """The Label Studio labeling configuration (XML) the tasks are made for."""
    def options(tag, values):
        return "\n".join(f'    <{tag} value="{v}"/>' for v in values)

    return f"""<View>
  <Header value="$agency $year · section $section · $ref"/>
  <Text name="{TO_NAME}" value="$text" granularity="symbol"/>
  <Header value="Paragraph labels (data/OUTPUT.md § paragraphs)"/>
  <Choices name="paragraph" toName="{TO_NAME}" choice="multiple" showInline="true">
{options("Choice", LABELS)}
  </Choices>
  <Header value="Facts: numbers stated in the text (data/OUTPUT.md § facts)"/>
  <Labels name="fact" toName="{TO_NAME}">
{options("Label", FACT_KINDS)}
  </Labels>
  <Choices name="channel" toName="{TO_NAME}" perRegion="true" choice="single" showInline="true">
{options("Choice", CHANNELS)}
  </Choices>
</View>
"""


# --- in: a Label Studio JSON export → labelled rows --------------------------------------

def rows_from_export(tasks, where: str) -> tuple:
    """(rows, tasks skipped because nobody annotated them) of a Label Studio JSON export.

    Each task's most recent annotation that was not cancelled is the reviewer's word; a
    task with none is skipped (a pre-annotation nobody checked is no label).
    """
    if not isinstance(tasks, list):
        raise InputError("not a Label Studio JSON export (expected a list of tasks; export as 'JSON', "
                         "not 'JSON-MIN' or CSV)", source=where)
    rows, skipped = [], 0
    for n, task in enumerate(tasks, 1):
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise InputError(f"task {n} has no data.text; not a task these tools wrote", source=where)
        annotation = _latest(task.get("annotations") or ())
        if annotation is None:
            skipped += 1
            continue
        rows.append(_row(data, annotation, f"{where}: task {task.get('id', n)}"))
    return rows, skipped


def _latest(annotations):
    done = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")]
    return max(done, key=lambda a: str(a.get("updated_at") or a.get("created_at") or ""), default=None)


def _row(data: dict, annotation: dict, where: str) -> dict:
    text = data["text"]
    labels, spans, channels = [], {}, {}
    for item in annotation.get("result") or ():
        value = item.get("value") or {}
        if item.get("from_name") == "paragraph":
            labels = list(value.get("choices") or ())
        elif item.get("from_name") == "fact":
            spans[item.get("id")] = _span(text, value, where)
        elif item.get("from_name") == "channel" and value.get("choices"):
            channels[item.get("id")] = value["choices"][0]
    facts = [{**span, "channel": channels.get(region)} for region, span in spans.items()]
    reviewer = annotation.get("completed_by")
    if isinstance(reviewer, dict):
        reviewer = reviewer.get("email") or reviewer.get("id")
    return row_of(text, labels, facts, where, source=data.get("ref") or data.get("source"),
                  section=data.get("section"), agency=data.get("agency"), year=data.get("year"),
                  reviewer=reviewer)


def _span(text: str, value: dict, where: str) -> dict:
    """A labelled span in code points, whichever way the export counted it."""
    start, end, said = value.get("start"), value.get("end"), value.get("text")
    kinds = value.get("labels") or [None]
    if not isinstance(start, int) or not isinstance(end, int):
        raise InputError("a fact span has no start/end offsets", source=where)
    candidates = [(py_offset(text, start), py_offset(text, end)), (start, end)]
    for s, e in candidates:
        if said is None or text[s:e] == said:
            return {"kind": kinds[0], "start": s, "end": e, "text": text[s:e]}
    found = text.find(said) if said else -1
    if found < 0:
        raise InputError(f"fact span {start}-{end} says {said!r}, which is not in the task's text", source=where)
    return {"kind": kinds[0], "start": found, "end": found + len(said), "text": said}
