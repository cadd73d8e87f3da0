"""Writing records: JSON Lines, one record per line, flushed as it goes so that a crash
or Ctrl-C never loses what was already written."""
from __future__ import annotations

import json


def record_line(record_dict: dict) -> str:
    return json.dumps(record_dict, ensure_ascii=False, separators=(",", ":"))
