"""A directory's files with their real paths computed a directory at a time (nlp/inputs.py
_walk_real): the same files, order and real paths as os.walk and os.path.realpath a file."""
from __future__ import annotations

import os

import pytest

from nlp.batch import expand_paths
from nlp.inputs import _walk, _walk_real
from nlp.read import SUFFIXES

FILES = ["r/z.txt", "r/A.txt", "r/b/x.txt", "r/b/c/y.md", "r/b/c/Up.TXT", "r/a/q.txt", "r/.h/h.txt",
         "r/.hid.txt", "r/n.jpg", "other/o.txt", "other/deep/p.txt"]
#: (link, target relative to the tree): links to files, to directories, nowhere, relative
LINKS = [("r/a/link.txt", "r/b/x.txt"), ("r/dirlink", "other"), ("r/broken.txt", "nowhere.txt"),
         ("r/0o.txt", "other/o.txt"), ("rl", "r"), ("r/b/c/rel.txt", "r/a/q.txt")]


@pytest.fixture
def tree(tmp_path):
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    for link, target in LINKS:
        os.symlink(tmp_path / target, tmp_path / link)
    return tmp_path


@pytest.mark.parametrize("root", ["r", "rl", "r/b", "other", "r/dirlink"])
def test_each_file_and_its_real_path_as_os_walk_and_realpath_give_them(tree, root):
    top = str(tree / root)
    found = list(_walk_real(top, os.path.realpath(top), SUFFIXES))
    assert [path for path, _ in found] == list(_walk(top, SUFFIXES))
    assert [real for _, real in found] == [os.path.realpath(path) for path, _ in found]


def test_a_linked_directory_is_not_entered_and_hidden_or_unreadable_names_are_left(tree):
    found = [os.path.relpath(path, tree) for path, _ in _walk_real(str(tree / "r"), str(tree / "r"), SUFFIXES)]
    assert "r/0o.txt" in found and "r/broken.txt" in found  # links to files are files
    assert not [p for p in found if p.startswith("r/dirlink") or "/." in p or p.endswith(".jpg")]


@pytest.mark.parametrize("names, expected", [
    (["r"], ["r/0o.txt", "r/A.txt", "r/broken.txt", "r/z.txt", "r/a/link.txt", "r/a/q.txt",
             "r/b/c/Up.TXT", "r/b/c/y.md"]),  # r/b/x.txt is r/a/link.txt; r/b/c/rel.txt is r/a/q.txt
    (["r/b", "r"], ["r/b/x.txt", "r/b/c/Up.TXT", "r/b/c/rel.txt", "r/b/c/y.md", "r/0o.txt", "r/A.txt",
                    "r/broken.txt", "r/z.txt"]),
    (["rl", "r", "other"], ["rl/0o.txt", "rl/A.txt", "rl/broken.txt", "rl/z.txt", "rl/a/link.txt", "rl/a/q.txt",
                            "rl/b/c/Up.TXT", "rl/b/c/y.md", "other/deep/p.txt"]),
])
def test_a_real_file_is_taken_once_by_the_first_path_that_reaches_it(tree, names, expected):
    found = expand_paths([str(tree / name) for name in names])
    assert [os.path.relpath(path, tree) for path in found] == expected
