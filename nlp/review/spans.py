"""Where a fact stands in its paragraph's text.

A record's offsets count in the report's text. A paragraph's ``text`` is that text with the
line breaks and indentation of wrapped lines (and page furniture between them) left out,
so a fact's offset minus its paragraph's start is only an upper bound of where it is in the
paragraph text, and the fact's own text may hold a line break the paragraph text has not.

>>> para = "我区在政府网站平台主动公开政府信息 1136 条，其中政策解读 20 条。"
>>> locate(para, "我区在政\\n  府网站平台主动公开政府信息 1136 条", 0)
(0, 24)
>>> locate(para, "政策解读 20 条", 31)
(27, 36)
>>> locate(para, "微信公众号", 3) is None
True
"""
from __future__ import annotations

import re
from typing import Optional

_SPACE = re.compile(r"\s+")


def locate(paragraph: str, fact_text: str, approx: int) -> Optional[tuple]:
    """(start, end) in ``paragraph`` of ``fact_text`` (white space may differ), the occurrence
    nearest to ``approx``; None when the text is not there."""
    chars = _SPACE.sub("", fact_text)
    if not chars:
        return None
    pattern = re.compile(r"\s*".join(map(re.escape, chars)))
    found = [m.span() for m in pattern.finditer(paragraph)]
    if not found:
        return None
    return min(found, key=lambda span: (abs(span[0] - approx), span[0]))

