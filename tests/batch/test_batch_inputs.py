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


def test_a_glob_through_a_directory_symlink_loop_takes_each_real_file_once(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "sub" / "r.txt").write_text("x")
    (tmp_path / "d" / "top.txt").write_text("x")
    os.symlink("..", tmp_path / "d" / "sub" / "loop")  # d/sub/loop → d: a ** pattern goes round it
    found = expand_paths([str(tmp_path / "d" / "**" / "*.txt"), tmp_path / "d"])
    assert [os.path.relpath(p, tmp_path) for p in found] == ["d/sub/r.txt", "d/top.txt"]


def test_a_file_named_through_a_link_is_the_file_already_taken(tmp_path):
    (tmp_path / "r.txt").write_text("x")
    os.symlink("r.txt", tmp_path / "alias.txt")
    assert [os.path.basename(p) for p in expand_paths([tmp_path / "r.txt", tmp_path / "alias.txt"])] == ["r.txt"]


def test_a_symlink_loop_and_a_dangling_link_say_what_they_are(tmp_path):
    os.symlink("b", tmp_path / "a")
    os.symlink("a", tmp_path / "b")
    os.symlink("gone.txt", tmp_path / "dangling.txt")
    loop, dangling = expand_paths([tmp_path / "a", tmp_path / "dangling.txt"])
    assert "symbolic link loop" in loop.message and loop.source.endswith("/a")
    assert dangling.message == "a symbolic link to 'gone.txt', which does not exist"
