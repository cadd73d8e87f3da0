"""Writing records: JSON Lines, one record per line, flushed as it goes so that a crash
or Ctrl-C never loses what was already written."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager


def record_line(record_dict: dict) -> str:
    return json.dumps(record_dict, ensure_ascii=False, separators=(",", ":"))


@contextmanager
def jsonl_writer(path=None, append: bool = False):
    """Yields ``write(dict)``; ``path`` None writes to stdout."""
    if path is None:
        stream, close = sys.stdout, False
    else:
        stream, close = open(path, "a" if append else "w", encoding="utf-8"), True

    def write(record_dict: dict) -> None:
        stream.write(record_line(record_dict) + "\n")
        stream.flush()

    try:
        yield write
    finally:
        if close:
            stream.close()
