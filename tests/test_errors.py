"""The error tree (nlp/errors.py): one code per class, and the status and title each
class gives the HTTP service and the line the CLI prints, with no mapping by name."""
import inspect

import pytest

from nlp import errors
from nlp.cli import main

CLASSES = [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.NianbaoError)]


def test_every_class_has_its_own_code():
    codes = [c.code for c in CLASSES]
    assert len(codes) == len(set(codes)), codes


# (class, its parent, status the service answers, title)
TREE = [
    (errors.EmptyInput, errors.InputError, 422, "Empty input"),
    (errors.UndecodableInput, errors.InputError, 400, "Undecodable input"),
    (errors.NotAReport, errors.InputError, 422, "Not a report"),
    (errors.UnsupportedInput, errors.InputError, 415, "Unsupported file type"),
    (errors.InputTooLarge, errors.UnsupportedInput, 413, "Input too large"),
    (errors.UnsafeArchive, errors.InputError, 422, "Unsafe archive"),
    (errors.DamagedInput, errors.InputError, 400, "Damaged input"),
    (errors.TextTooLong, errors.InputError, 413, "Text too long"),
    (errors.DataError, errors.InputError, 422, "Invalid data"),
    (errors.InputError, errors.NianbaoError, 422, "Input cannot be annotated"),
    (errors.ModelError, errors.NianbaoError, 503, "Model not loaded"),
    (errors.RunError, errors.NianbaoError, 503, "Service unavailable"),
    (errors.OutputError, errors.NianbaoError, 500, "Output error"),
    (errors.SchemaError, errors.NianbaoError, 500, "Internal error"),
    (errors.InternalError, errors.NianbaoError, 500, "Internal error"),
]


def test_the_tree_is_drawn_as_it_is():
    assert {c for c, *_ in TREE} == set(CLASSES) - {errors.NianbaoError}
    doc = errors.__doc__
    for cls, parent, *_ in TREE:
        assert cls.__bases__ == (parent,)
        assert f"── {cls.__name__} " in doc, cls


@pytest.mark.parametrize("cls, parent, status, title", TREE, ids=[c[0].__name__ for c in TREE])
def test_each_class_says_its_status_and_title(cls, parent, status, title):
    from nlp.service.problems import status_of

    assert status_of(cls("x")) == (status, title)
    assert (400 <= status < 500) == issubclass(cls, errors.InputError)


def test_the_service_maps_no_class_by_name():
    from nlp.service import problems

    source = inspect.getsource(problems)
    assert not [c.__name__ for c in CLASSES if f'"{c.__name__}"' in source]


def test_a_command_raises_and_the_cli_says_it_in_one_line(tmp_path, capsys):
    missing = tmp_path / "nothing.jsonl"
    assert main(["evaluate-classifier", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err == f"nianbao: {missing}: [E100] cannot read: no such file or directory\n"


def test_the_service_settings_are_a_line_too(capsys, monkeypatch):
    monkeypatch.setenv("NIANBAO_TIMEOUT", "soon")
    assert main(["serve", "--port", "1"]) == 2
    assert capsys.readouterr().err == "nianbao: serve: [E100] NIANBAO_TIMEOUT must be a number of seconds above 0, not 'soon'\n"
