"""A records file (JSON Lines written by ``nianbao annotate``), read for review."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError, OutputError
from ..exports import read_records


def load_records(path) -> list:
    """Every record of the file; a missing or unreadable file is an InputError naming it."""
    path = Path(path)
    try:
        return list(read_records(path))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None


@contextmanager
def writing(path):
    """Turns an OSError while writing ``path`` (no such directory, no permission, a directory
    in the way) into an OutputError naming it."""
    try:
        yield
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", source=str(path)) from None
