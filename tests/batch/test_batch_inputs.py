"""Which files a command line names: directories, globs, files, names that match nothing."""
from __future__ import annotations

import os

from nlp.batch import expand_paths
from nlp.errors import InputError


def test_directories_are_searched_recursively_in_sorted_order(tmp_path):
    for name in ["b/2.txt", "b/1.TXT", "a/z.md", "top.txt", "a/skip.jpg", ".hidden/x.txt", "a/.x.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [os.path.relpath(p, tmp_path) for p in expand_paths([tmp_path])]
    assert found == ["top.txt", "a/z.md", "b/1.TXT", "b/2.txt"]


def test_a_glob_pattern_takes_readable_files_and_a_named_file_is_taken_whatever_its_suffix(tmp_path):
    for name in ["r1.txt", "r2.txt", "r3.pdf.part", "notes.jpg"]:
        (tmp_path / name).write_text("x")
    found = expand_paths([str(tmp_path / "r*"), str(tmp_path / "notes.jpg")])
    assert [os.path.basename(p) for p in found] == ["r1.txt", "r2.txt", "notes.jpg"]


def test_each_file_is_taken_once(tmp_path):
    (tmp_path / "r.txt").write_text("x")
    assert len(expand_paths([tmp_path, tmp_path / "r.txt", str(tmp_path / "*.txt")])) == 1


def test_names_that_match_nothing_become_errors_in_place(tmp_path):
    (tmp_path / "r.txt").write_text("x")
    missing, pattern, found = expand_paths([tmp_path / "nope.txt", str(tmp_path / "*.md"), tmp_path / "r.txt"])
    assert isinstance(missing, InputError) and "no such file" in missing.message
    assert isinstance(pattern, InputError) and "matches" in pattern.message
    assert found.endswith("r.txt")
