"""The service's record models are the dataclasses of nlp/record.py, seen as JSON: the same
fields in the order ``to_dict`` writes them, the same types and closed vocabularies; and
every record the engine makes validates against them and comes out of them unchanged."""
from __future__ import annotations

import dataclasses
import typing

import pytest

from nlp import record
from nlp.service import models

#: a dataclass type → the type of its JSON: tuples are lists, records are models
_DATACLASS_MODEL = dict(models.RECORD_MODELS)


def as_json_type(hint):
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in _DATACLASS_MODEL:
        return _DATACLASS_MODEL[hint]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return list[as_json_type(args[0])]
    if origin is typing.Union:
        return typing.Union[tuple(as_json_type(a) for a in args)]
    return hint


def full(cls):
    """An instance with every optional part present, for the keys ``to_dict`` writes."""
    fact = record.Fact("publication_count", "website", None, 1, "条", "exact", "x", 0, 1, "verb in clause")
    cell = record.Cell("a.total", 1.0, "1", 0, 1, "", "", 0.0, "total")
    return {
        record.Record: record.Record("s", "2021", 2022, None, cells=(cell,), facts=(fact,), warnings=("w",),
                                     paragraph_model=record.ParagraphModel(None, None)),
        record.Fact: fact, record.Cell: cell,
        record.Paragraph: record.Paragraph(1, "x", 0, 1),
        record.Check: record.Check("r", "pass", (), "m"),
        record.Ambiguity: record.Ambiguity(("a.total",), "why"),
        record.ParagraphModel: record.ParagraphModel(None, None),
    }[cls]


@pytest.mark.parametrize("cls", list(models.RECORD_MODELS), ids=lambda c: c.__name__)
def test_the_model_has_the_fields_of_the_json_in_order(cls):
    model = models.RECORD_MODELS[cls]
    assert list(model.model_fields) == list(full(cls).to_dict()), cls.__name__


@pytest.mark.parametrize("cls", list(models.RECORD_MODELS), ids=lambda c: c.__name__)
def test_the_model_has_the_types_of_the_dataclass(cls):
    model = models.RECORD_MODELS[cls]
    hints = typing.get_type_hints(cls)
    for field in dataclasses.fields(cls):
        if field.name == "tables":  # derived: its model type says what it holds
            continue
        expected = as_json_type(hints[field.name])
        annotation = model.model_fields[field.name].annotation
        if expected is dict:
            assert typing.get_origin(annotation) is dict, field.name
        else:
            assert annotation == expected, (cls.__name__, field.name, annotation, expected)


def test_the_literals_are_the_records_own():
    """One source of truth: the schema's enums are the record's Literal types."""
    schema = models.Record.model_json_schema()
    fact = schema["$defs"]["Fact"]["properties"]
    assert tuple(fact["kind"]["enum"]) == record.FACT_KINDS and tuple(fact["unit"]["enum"]) == record.UNITS
    assert tuple(fact["channel"]["anyOf"][0]["enum"]) == record.CHANNELS
    assert tuple(schema["$defs"]["Check"]["properties"]["status"]["enum"]) == record.STATUSES
    assert tuple(schema["$defs"]["Paragraph"]["properties"]["labels"]["items"]["enum"]) == record.LABELS


def test_the_paragraph_labels_are_the_classifiers():
    from nlp.paragraphs.model import LABELS

    assert record.LABELS == LABELS


def test_every_record_of_the_bundled_reports_goes_through_the_model_unchanged(engine):
    from pathlib import Path

    from nlp.read import read_path

    root = Path(__file__).resolve().parents[2]
    for path in sorted((root / "data" / "samples").glob("*.txt")) + sorted((root / "data" / "corpus" / "reports").glob("*")):
        written = engine.annotate(read_path(path)).to_dict()
        served = models.Record.model_validate(written).model_dump(mode="json", exclude_unset=True)
        assert served == written, path.name
