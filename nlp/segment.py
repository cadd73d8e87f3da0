"""Segment a report into the template's six sections (character offsets into the text).

Headings are found by their words (nlp/data/sections.json), in template order, anywhere
on a line: scraped reports often run a whole section onto one line. A heading is a
numbered title (``二、主动公开政府信息情况``) or the words alone at the start of a line.

>>> text = "前言。\\n一、总体情况\\n正文。\\n二、主动公开政府信息情况\\n表\\n五、存在的主要问题及改进情况\\n问题。\\n六、其他需要报告的事项\\n无。"
>>> [(s.number, text[s.body_start:s.end].strip()) for s in find_sections(text)]
[(1, '前言。\\n一、总体情况\\n正文。'), (2, '表'), (5, '问题。'), (6, '无。')]
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .vocabulary import ITEM_WORD, PAREN_MARKER, SECTION_PART_MARKER, TOP_MARKER_ANY_STOP


@dataclass(frozen=True)
class Section:
    """Section ``number`` spans ``[start, end)``; its body starts after its heading."""

    number: int
    start: int
    body_start: int
    end: int
    heading: str


# top-level numbering only: （一） starts a sub-heading, never a section
_NUMERAL = rf"(?:{TOP_MARKER_ANY_STOP}|{SECTION_PART_MARKER})"

#: A line after the section-4 table that opens narrative: a sub-heading or a sentence.
_NARRATIVE_LINE = re.compile(rf"^\s*(?:{PAREN_MARKER}|{ITEM_WORD}|\S[^|\d\n]{{14,}}[。；;，,])")
_TABLE_NOTE = re.compile(r"^\s*(?:注|备注|说明)[：:]")


@lru_cache(maxsize=1)
def _heading_patterns() -> dict:
    data = json.loads(resources.files("nlp.data").joinpath("sections.json").read_text(encoding="utf-8"))
    patterns = {}
    for number, words in data["sections"].items():
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        # numbered anywhere (run-together pages), or bare words opening a line (markdown ##)
        patterns[int(number)] = re.compile(
            rf"(?:{_NUMERAL}\s*(?:政府信息公开工作|政府信息公开)?\s*(?:{alternatives})[^\n。；;]{{0,12}}?(?=[\s:：（(]|$|[^\n]))"
            rf"|(?:^[#\s]*(?:政府信息公开工作|政府信息公开)?(?:{alternatives})[^\n。]{{0,12}}$)",
            re.MULTILINE)
    return patterns


def find_sections(text: str) -> list:
    """The sections present, in order. Section 1 always starts at 0 (preamble included)."""
    found = {}
    cursor = 0
    for number in range(2, 7):
        m = _heading_patterns()[number].search(text, cursor) or _table_anchor(text, number, cursor)
        if m:
            found[number] = m
            cursor = m.end()
    if 5 not in found:
        begin = max((m.end() for n, m in found.items() if n < 5), default=0)
        stop = found[6].start() if 6 in found else len(text)
        start = _problems_subheading(text, begin, stop)
        if start is None and 4 in found:
            start = _narrative_after_table(text, begin, stop)
        if start is not None:
            found[5] = _Found(start)
    starts = [(0, 0, 0, "")] + [(n, m.start(), m.end(), m.group(0).strip()) for n, m in sorted(found.items())]
    sections = []
    for i, (number, start, body_start, heading) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(text)
        sections.append(Section(number or 1, start, body_start, end, heading))
    return sections


class _Found:
    """A section start told by layout (no heading printed): behaves like a regex match."""

    def __init__(self, start: int):
        self._start = start

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start

    def group(self, _=0) -> str:
        return ""


@lru_cache(maxsize=1)
def _anchor_patterns() -> dict:
    data = json.loads(resources.files("nlp.data").joinpath("sections.json").read_text(encoding="utf-8"))
    anchors = {k: v for k, v in data["table_anchors"].items() if k != "about"}
    spaced = lambda word: r"[\s|]*".join(re.escape(ch) for ch in word if ch not in " |")  # noqa: E731
    return {int(k): re.compile("|".join(spaced(w) for w in words)) for k, words in anchors.items()}


#: an anchor followed by 情况 is a section's title named in prose (a preamble listing the
#: sections: 全文包括…政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况…), not its table
_TITLE_NAMED = re.compile(r"\s*情况")
#: an anchor followed by a count in 件 is a sentence of section 1's request paragraph (收到行政复议66件,
#: 结果维持33件…: r6 h510, h517; collected lhqzf.haikou.gov.cn, szlhq.gov.cn 其中结果维持0件), not the
#: section-4 table's header: read as one, it made the rest of section 1 sections 4 and 5
_COUNTED = re.compile(r"\s*\d+\s*件")


def _table_anchor(text: str, number: int, begin: int):
    """A table section without its heading, found by its table's first words; it starts
    at the line holding them."""
    pattern = _anchor_patterns().get(number)
    m = pattern.search(text, begin) if pattern else None
    while m is not None and (_TITLE_NAMED.match(text, m.end()) or _COUNTED.match(text, m.end())):
        m = pattern.search(text, m.end())
    if m is None:
        return None
    return _Found(text.rfind("\n", begin, m.start()) + 1 if "\n" in text[begin:m.start()] else m.start())


@lru_cache(maxsize=1)
def _subheading_pattern():
    data = json.loads(resources.files("nlp.data").joinpath("sections.json").read_text(encoding="utf-8"))
    words = "|".join(re.escape(w) for w in sorted(data["section5_subheadings"]["words"], key=len, reverse=True))
    return re.compile(rf"^[ \t\u3000]*{PAREN_MARKER}[ \t\u3000]*(?:{words})", re.MULTILINE)


def _problems_subheading(text: str, begin: int, stop: int):
    """Where section 5 starts when only its first sub-heading (（一）存在问题) is printed."""
    m = _subheading_pattern().search(text, begin, stop)
    return m.start() + len(m.group(0)) - len(m.group(0).lstrip()) if m else None


def _narrative_after_table(text: str, begin: int, stop: int):
    """Where section 5 starts when its heading is lost: the first narrative line after
    the section-4 table (a report that prints 问题 and 改进 under sub-headings only)."""
    offset = begin
    for line in text[begin:stop].splitlines(keepends=True):
        if _NARRATIVE_LINE.match(line) and not _TABLE_NOTE.match(line) and "|" not in line:
            return offset + len(line) - len(line.lstrip())
        offset += len(line)
    return None

