"""The narrative a fact can come from, cut into sentences and clauses (offsets kept).

Facts come from the prose of sections 1, 5 and 6; sections 2-4 hold the tables. Lines
that are table rows (``a | b | c``) are left out wherever they stand.

A line break ends a sentence only where the line looks finished: it ends with
punctuation, it is short (a heading, a page footer) or the next line opens a heading.
PDF text wraps lines in the middle of a sentence (``粉丝数\\n54373``), scraped text
prints one paragraph a line; both read right this way.

>>> text = "一、总体情况\\n通过网站发布信息10条；通过微博发布\\n信息5条。其中：规章1件；文件2件。"
>>> [text[s.start:s.end] for s in sentences(text, 0, len(text))]
['一、总体情况', '通过网站发布信息10条', '通过微博发布\\n信息5条', '其中：规章1件；文件2件']
>>> sent = sentences(text, 0, len(text))[3]
>>> [text[c.start:c.end] for c in sent.clauses]
['其中', '规章1件', '文件2件']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .. import regexes
from ..vocabulary import ANY_MARKER_ANY_STOP, PAREN_MARKER, PART_MARKER, TOP_MARKER

#: The template's table sections: their table rows hold no prose facts (``_without_table_rows``),
#: their sentences do (an older report writes section 2 as narrative: r5 h412
#: ``二、主动公开政府信息情况 2020年,我局公开政府信息新增信息14条。具体情况是:…``; collected rows
#: 248 guyang ``在政府网站主动公开信息36条``, 478 szlhq, 683 dlweishan, 714 dazhu, 798 rongcheng).
TABLE_SECTIONS = frozenset({2, 3, 4})
#: A line of a table section up to its last sentence end: the sentences it holds, a fragment
#: after them (a table label run on, or the end of an excerpt) left out (…微信公开信息数11条;制发规范性文件:
#: round-18 h1716; …微信公众号公开政府信息 70条。…按要求在门户网站公布了贵州: round-18 h1719).
_SENTENCE_LINE = re.compile(r"^[^|\n]*[。！？!?；;]", re.M)

_STOP = "。！？!?"
#: The marks that end one statement of a sentence.
SEMICOLONS = "；;"
_COLON = "：:"
#: Words that open a list whose items ； separates (其中…；…, 在主动公开的信息中,…；…,
#: 按照主题分类,行政许可类77条;统计信息类14条;…: round-2 h141; 从公开渠道来看,…;…: round-8 h712).
_LIST_OPENER = regexes.compile(r"其中|包括|(?:信息|内容)\s*中(?=\s*[，,：:])|[从按][^，,。；;\d]{0,10}?(?:划分|分类看|分类|来看|上看)(?=[，,：:])")
_LIST_HEADS = frozenset("其包信内从按")
_CLAUSE = regexes.compile(r"[，,、；;：:（）()]|\s{2,}")
_LINE_END_PUNCT = tuple("。；;：:！？!?")
_HEADING = re.compile(rf"^\s*(?:#|{ANY_MARKER_ANY_STOP}|{PART_MARKER})")
_SHORT_LINE = 18


#: Where a paragraph ends: a blank line, or a line break after the end of a sentence or before a heading.
PARAGRAPH_BREAK = regexes.compile(rf"\n\s*\n|[。！？!?]\s*\n|\n\s*(?:{TOP_MARKER}|{PAREN_MARKER})")


def paragraph_end(text: str, at: int, end: int) -> int:
    """Where the paragraph that holds ``at`` ends (``end`` at the latest)."""
    m = PARAGRAPH_BREAK.search(text, at, end)
    return m.start() if m else end


@dataclass(frozen=True)
class Clause:
    start: int
    end: int


class Sentence:
    """A sentence of the text, ``start``-``end``, and its clauses. Made with the text instead
    of the clauses, it works them out when they are first read: a candidate sentence whose
    numbers are all years and dates (two in five) is never read clause by clause."""

    __slots__ = ("start", "end", "_clauses", "_text")

    def __init__(self, start: int, end: int, clauses: Optional[tuple] = None, text: Optional[str] = None):
        if clauses is None and text is None:
            raise ValueError("a Sentence needs its clauses or the text they are found in")
        self.start, self.end, self._clauses, self._text = start, end, clauses, text

    @property
    def clauses(self) -> tuple:
        if self._clauses is None:
            self._clauses = tuple(_clauses(self._text, self.start, self.end))
            self._text = None
        return self._clauses

    def __eq__(self, other) -> bool:
        if not isinstance(other, Sentence):
            return NotImplemented
        return (self.start, self.end, self.clauses) == (other.start, other.end, other.clauses)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.clauses))

    def __repr__(self) -> str:
        return f"Sentence(start={self.start!r}, end={self.end!r}, clauses={self.clauses!r})"


def prose_ranges(text: str, sections) -> list:
    """``(start, end)`` of the text read for facts: the narrative sections whole, and of the
    tables' sections (2-4) the lines that end a sentence (residue of a table, its labels and
    its cells, ends none)."""
    if not sections:
        return [(0, len(text))]
    out = []
    for s in sections:
        if s.number not in TABLE_SECTIONS:
            out.append((s.start, s.end))
            continue
        out.extend(m.span() for m in _SENTENCE_LINE.finditer(text, s.start, s.end))
    return out


def sentences(text: str, start: int, end: int) -> list:
    """The sentences of ``text[start:end]`` with their clauses; table rows left out."""
    return [sentence(text, s, e) for s, e in sentence_spans(text, start, end)]


def sentence_spans(text: str, start: int, end: int) -> list:
    """``(start, end)`` of each of sentences(), without their clauses (for a caller that
    keeps few of them: sentence() then makes those)."""
    out = []
    for s, e in _sentence_spans(text, start, end):
        s, e = _strip(text, s, e)
        if e > s:
            out.append((s, e))
    return out


def sentence(text: str, start: int, end: int) -> Sentence:
    """The sentence of sentence_spans() at ``start``-``end``, with its clauses (worked out
    when first read)."""
    return Sentence(start, end, text=text)


#: The characters a sentence's end is decided at (the rest are skipped in one step).
_SENTENCE_MARKS = re.compile("[" + re.escape(_STOP + SEMICOLONS + _COLON + "".join(sorted(_LIST_HEADS))) + "\n]")


def _sentence_spans(text: str, start: int, end: int):
    begin = start
    colon = False
    for m in _SENTENCE_MARKS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch in _COLON or (ch in _LIST_HEADS and _LIST_OPENER.match(text, i)):
            colon = True  # a list follows: its items are split by ； and stay one sentence
        if ch in _STOP or (ch in SEMICOLONS and not colon) or (ch == "\n" and _line_break_ends(text, begin, i)):
            yield from _without_table_rows(text, begin, i)
            begin, colon = i + 1, False
    yield from _without_table_rows(text, begin, end)


def _line_break_ends(text: str, begin: int, i: int) -> bool:
    line_start = text.rfind("\n", 0, i) + 1
    line = text[line_start:i].strip()
    nxt_end = text.find("\n", i + 1)
    nxt = text[i + 1:nxt_end if nxt_end >= 0 else len(text)]
    return (not line or line.endswith(_LINE_END_PUNCT) or len(line) < _SHORT_LINE
            or "|" in line or "|" in nxt or bool(_HEADING.match(nxt)) or not nxt.strip())


def _without_table_rows(text: str, s: int, e: int):
    if "|" not in text[s:e]:
        yield s, e
        return
    pos = s
    for line in text[s:e].splitlines(keepends=True):
        if "|" not in line:
            yield pos, pos + len(line)
        pos += len(line)


#: A quoted name or a title is one word: no clause ends inside it (“招投标…征集、…公示”专栏).
_NAMED = re.compile(r"“[^”\n]{0,40}”|《[^》\n]{0,60}》")
#: A bracketed aside without numbers ends no clause either (发布(更新)各类政务信息759条,
#: 财政类45条(含预算、决算)、人事信息12条).
ASIDE = re.compile(r"[（(][^（）()\d\n]{1,30}[)）]")


def _clauses(text: str, s: int, e: int) -> list:
    out = []
    begin = s
    named = [m.span() for m in _NAMED.finditer(text, s, e)]
    asides = [m.span() for m in ASIDE.finditer(text, s, e)]
    for m in _CLAUSE.finditer(text, s, e):
        if any(a < m.start() < b for a, b in named) or any(a <= m.start() < b for a, b in asides):
            continue
        if m.start() > begin:
            out.append(Clause(*_strip(text, begin, m.start())))
        begin = m.end()
    if e > begin:
        out.append(Clause(*_strip(text, begin, e)))
    return [c for c in out if c.end > c.start]


def _strip(text: str, s: int, e: int) -> tuple:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


@lru_cache(maxsize=1)
def _converter():
    import opencc  # only reports in traditional script need it

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional script to simplified, one character for one so offsets hold.

    >>> simplified("通過政府門戶網站共發布信息18篇")
    '通过政府门户网站共发布信息18篇'
    """
    convert = _converter().convert
    if convert(text) == text:
        return text
    return "".join(convert(ch) if ord(ch) > 0x2E7F else ch for ch in text)


#: Stands in for text the rules read through: a pinyin gloss. Not whitespace (a run of
#: it splits no clause); cues match across it.
FILLER = "\u2060"
#: Stands in for a web address in brackets, read through like :data:`FILLER`; the
#: channel words read it as a website (广昌县人民政府(http://www.jxgc.gov.cn)主动公开…).
ADDRESS = "\u2062"

#: A gloss follows a character (or another gloss): 網(wǎng)站, 發(fa)布, 公(gong)(gong)開(kai)(kai).
_PINYIN_GLOSS = regexes.compile(r"(?<=[\u4e00-\u9fff)])\((?!app\))[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_ADDRESS = re.compile(r"[（(][^（）()\u4e00-\u9fff\n]{0,300}?(?:://|www\.|\.(?:cn|com|net|org)\b)[^（）()\u4e00-\u9fff\n]{0,300}[)）]")


def masked(text: str) -> str:
    """``text`` with pinyin glosses replaced by :data:`FILLER` and bracketed web addresses
    by :data:`ADDRESS`, one character for one: ``网(wǎng)站`` reads as 网站, and ``网站(http://…)发布`` keeps
    its channel in the clause of the count.

    >>> masked("通过网(wǎng)站发布信息80条").replace(FILLER, "_")
    '通过网______站发布信息80条'
    >>> masked("文(wen)章(zhang)来源:中央政府网 发(fa)布时(shi)间(jian)").replace(FILLER, "")
    '文章来源:中央政府网 发布时间'
    >>> masked("其中区政府网站(http://www.example.gov.cn)发布610条").replace(ADDRESS, "_")
    '其中区政府网站___________________________发布610条'
    >>> masked("微信公众账号(1个)发布信息149条；客户端(APP)")
    '微信公众账号(1个)发布信息149条；客户端(APP)'
    >>> masked("主动发布信息共?1340条?,是否公开? 是")
    '主动发布信息共 1340条 ,是否公开? 是'
    """
    for pattern, mark in ((_PINYIN_GLOSS, FILLER), (_ADDRESS, ADDRESS), (_LOST_CHARACTER, " ")):
        text = pattern.sub(lambda m: mark * len(m.group(0)), text)
    return text


#: An ASCII ? between Chinese characters, digits or Chinese punctuation is a character the
#: page lost (a non-breaking space, an unencodable character), no question mark: a Chinese
#: question ends with ？. 主動發布信息共?1340條?,通過…發布信息?764篇? (round-2 h119);
#: 現有總?口… (round-2 h111).
_LOST_CHARACTER = regexes.compile(r"(?<=[\u4e00-\u9fff\d])\?(?=[\u4e00-\u9fff\d，,。；;、：:）)])")


def analysis_text(text: str) -> str:
    """The text the rules read: simplified script, glosses and addresses masked; every
    offset is an offset into ``text``."""
    return masked(simplified(text))
