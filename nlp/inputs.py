"""Which files a command line names: files, directories (recursive), glob patterns, each
real file once, in a stable order; a name that names nothing becomes the InputError that
says why, reported in place like any unreadable input."""
from __future__ import annotations

import glob
import os
from typing import Iterable

from .errors import InputError
from .read import SUFFIXES as READABLE_SUFFIXES
from .read import missing_reason

_GLOB_CHARS = "*?["


def expand_paths(paths: Iterable, suffixes: tuple = READABLE_SUFFIXES) -> list:
    """The inputs the command line names, each once, in a stable order.

    A file named is taken whatever its suffix (its reader says if it cannot read it); files
    found in a directory or by a glob pattern are taken when their suffix is readable, hidden
    ones (``.name``) never. A file reached by several paths (symbolic links, a ``**``
    pattern through a link back to a parent directory) is taken once, by its shortest
    path. A name that matches nothing, or a symbolic link that leads nowhere, becomes an
    :class:`InputError`, reported in place like any unreadable input.
    """
    out, seen = [], set()

    def add(path: str, key: str = None) -> None:
        key = key or os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            out.append(path)

    for arg in map(str, paths):
        if os.path.isdir(arg):
            for path, key in _walk_real(arg, os.path.realpath(arg), suffixes):
                add(path, key)
            continue
        elif os.path.exists(arg):
            found = [arg]
        elif os.path.islink(arg):
            found = []
            out.append(InputError(missing_reason(arg), source=arg))
        elif any(ch in arg for ch in _GLOB_CHARS):
            found = _each_file_once([f for m in sorted(glob.glob(arg, recursive=True)) for f in _walk(m, suffixes)])
            if not found:
                out.append(InputError("no readable file matches this pattern", source=arg))
        else:
            found = []
            out.append(InputError("no such file or directory", source=arg))
        for path in found:
            add(path)
    return out


def _each_file_once(paths: list) -> list:
    """One path per real file, the shortest (fewest directories), in the order of ``paths``."""
    best: dict = {}
    for path in paths:
        key = os.path.realpath(path)
        if key not in best or path.count(os.sep) < best[key].count(os.sep):
            best[key] = path
    chosen = set(best.values())
    return [path for path in paths if path in chosen]


def _walk(root: str, suffixes: tuple):
    """Readable files at or under ``root``, directories and files in sorted order."""
    if not os.path.isdir(root):
        if _wanted(os.path.basename(root), suffixes):
            yield root
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if _wanted(name, suffixes):
                yield os.path.join(dirpath, name)


def _walk_real(directory: str, real: str, suffixes: tuple):
    """(path, real path) of the readable files under ``directory``, whose real path is
    ``real``, in the order of :func:`_walk`. Like ``os.walk`` it goes into no symbolic link
    to a directory, so the real path of a file that is no link is its directory's real path
    and its name: one ``realpath`` a directory and one a link, where a ``realpath`` a file
    costs a system call for every directory above it (a parent that lists a million files
    before its workers start)."""
    try:
        with os.scandir(directory) as listing:
            entries = list(listing)
    except OSError:  # as os.walk: a directory that cannot be listed is skipped
        return
    files, dirs = [], []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        (dirs if is_dir else files).append(entry)
    for entry in sorted(files, key=lambda e: e.name):
        if _wanted(entry.name, suffixes):
            path = os.path.join(directory, entry.name)
            yield path, os.path.realpath(path) if entry.is_symlink() else os.path.join(real, entry.name)
    for entry in sorted(dirs, key=lambda e: e.name):
        if not entry.name.startswith(".") and not entry.is_symlink():
            yield from _walk_real(os.path.join(directory, entry.name), os.path.join(real, entry.name), suffixes)


def _wanted(name: str, suffixes: tuple) -> bool:
    return not name.startswith(".") and name.lower().endswith(suffixes)
