"""Find the narrative paragraphs of a report, with general layout rules.

A paragraph is narrative text: bare headings (no terminal punctuation), page numbers, page
chrome, contact lines, captions and table residue are not paragraphs. The rules follow the
conventions of the gold records (data/gold/*.json, ``notes``):

* one source line is one paragraph, unless the text was wrapped (PDF text, OCR): then
  lines are joined until a line ends a sentence and is short, or the next line is
  indented or opens with a sub-heading marker;
* a line cut mid-sentence (no terminal punctuation) continues on the next text line,
  across blank lines and page numbers;
* a run-in sub-heading that ends in 。 (``（一）主动公开情况。主要通过…``) stays in its
  paragraph; a heading line without terminal punctuation is dropped;
* a long line that runs several numbered items together (``…。（2）推进…``) is split
  before each marker; ``一是/二是`` items stay inside their paragraph unless each one
  opens a topic of the template (``一是主动公开方面…二是依申请公开方面…``), or the
  paragraph itself opens with a later item (``二是…。三是…``: the list is laid out one
  item a paragraph, and an item run into the line is a paragraph of its own);
* the last line of a text cut off mid-sentence (an excerpt) is still a paragraph, and so
  is a nil statement (``无其他需要报告的事项``) printed without a full stop.

``text`` of a paragraph is the source span ``[start, end)`` with line breaks and the
page-number lines inside it removed (what a reader sees); ``start``/``end`` are offsets of
its first and last character in the source.

>>> src = "一、总体情况\\n今年我局公开信息12条。\\n（一）主动公开\\n通过网站发布信息。\\n- 1 -\\n"
>>> [(p.text, src[p.start:p.end] == p.text) for p in split_lines(src, 0, len(src))]
[('今年我局公开信息12条。', True), ('通过网站发布信息。', True)]
>>> src = "今年工作如下。（1）推进公开。（2）加强审核。"
>>> [p.text for p in split_lines(src, 0, len(src))]
['今年工作如下。', '（1）推进公开。', '（2）加强审核。']
>>> src = "（一）主动公开。1.数量。公开信息5条。2.形式。通过网站发布。"
>>> [p.text for p in split_lines(src, 0, len(src))]
['（一）主动公开。1.数量。公开信息5条。2.形式。通过网站发布。']
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .. import regexes
from ..vocabulary import (ANY_MARKER, ITEM_WORD, LATER_ITEM_WORD, OUTLINE_MARKERS, PAGE_NUMBER_LINE, SECTION5_LEAD,
                          cjk_at_least)

#: a sentence ends here (closing quotes or brackets may follow)
_TERMINAL = re.compile(r"[。！？；!?;：:][”’」』）)]*\s*$")
_SENTENCE_INSIDE = re.compile(r"[。！？；!?;]")
#: markers that open a numbered item or sub-heading (not 一是/二是), by level: 一、 （一） 1. （1）
_LEVELS = OUTLINE_MARKERS
_MARKER = ANY_MARKER
_LEVEL_RES = [re.compile(level) for level in _LEVELS]
_STARTS_WITH_MARKER = re.compile(rf"^\s*{_MARKER}")
#: a marker run into the previous sentence, where a long line is split
_RUN_IN_MARKER = re.compile(rf"(?<=[。；;！？!?”：:])\s*(?={_MARKER})")
#: 一是… items that each open a topic of the template are paragraphs of their own
_ITEM = regexes.compile(ITEM_WORD)
#: a paragraph that opens with a later item (二是…) sits in a list laid out one item a
#: paragraph: further items run into it after a full stop are paragraphs of their own
_LATER_ITEM_OPENING = re.compile(rf"^\s*{LATER_ITEM_WORD}")
_RUN_IN_ITEM = re.compile(rf"(?<=[。；;！？!?])\s*(?={ITEM_WORD})")
#: (not after a colon, semicolon or comma: items that are clauses of one sentence are one
#: list, 存在一些不足：一是主动公开意识有待加强；二是主动公开信息内容有待充实；…)
_TOPIC_ITEM = regexes.compile(rf"(?<![；;：:，,、\s])\s*{ITEM_WORD}\s*(?=[^。，,；]{{0,10}}?(?:主动公开|依申请公开|政府信息管理|信息管理|平台建设|监督保障))")
#: a plan or remedy announced before the items: they are the steps of one measures list,
#: whatever topics they name (下一步，我局将…一是主动公开方面…二是依申请公开方面…)
_PLAN_LEAD = re.compile(r"下一步|今后|明年|下一年|将|改进|整改|措施|计划|打算")
#: a sentence end followed by spacing: where PDF or scraped text that lost its line
#: breaks still separates paragraphs (…公开质量。 （二）… / …存在差距。 下一步…)
_SPACED_END = regexes.compile(r"(?<=[。！？；;!?])[ \t\u3000\xa0]+(?=\S)")
#: a numbered title run into its first sentence after a space (一、总体情况 根据…)
_RUN_IN_TITLE = re.compile(rf"^\s*{_MARKER}[^。，,；;：:！？!?\s]{{1,14}}[ \t\u3000\xa0]+")
#: the pinyin gloss some sites print after a character (报(bào)告): no character of the title
GLOSS = r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]"
#: the same title where a paragraph opens (matched in place)
_TITLE_AT = regexes.compile(rf"{_MARKER}(?:[^。，,；;：:！？!?\s](?:{GLOSS})?){{1,14}}[ \t\u3000\xa0]+")
_LATER_ITEM = regexes.compile(LATER_ITEM_WORD)
#: a collapsed line: this long, with at least this many spaced sentence ends
_COLLAPSED_CHARS = 200
_COLLAPSED_GAPS = 2
#: section 5's turn from the problems to the improvement measures
_TURN = re.compile(r"(?<=[。！？!?])\s*(?=(?:对上述|对此|为此|针对(?:上述|以上|这些|存在的|工作中存在的)?[^。；;，,]{0,8}?(?:问题|不足)"
                   r"|下一步|今后|下一年度?|明年|我们将|20\d\d年[，,]?\s*[^。；;，,]{0,14}?将))")
_SHORTFALL = re.compile(r"存在|不足|差距|有待|不够|不夠|不及时|不及時|滞后|欠缺|薄弱|短板|问题|問題")

_CHROME = re.compile(
    r"^\s*(?:(?:标题|发布时间|发布日期|发布机构|时间|文号|栏目|原文链接|本地目录|来源|浏览次数|索引号|分类|成文日期|"
    r"主题分类|发文机关|页面链接|附件|附件下载|字号)\s*[:：]|当前位置|页面链接|打印本页|关闭窗口|扫一扫|无障碍(?:版|浏览|阅读)?\s*$|\S{0,2}公网安备|\S{0,2}ICP备|【|=+|\*{3,}|-{3,}|\|)")
_CHROME_MAX_CHARS = 100
_CONTACT = re.compile(r"^\s*(?:联系(?:电话|地址|方式|人)|地\s*址|邮\s*编|邮政编码|电\s*话|传\s*真|电子邮箱|邮\s*箱|网\s*址)\s*[：:]")
_CAPTION = re.compile(r"^\s*(?:图|表)\s*\d+")
_TABLE_NOTE = re.compile(r"^\s*(?:注|备注|说明)\s*\d*\s*[：:]")
_NIL_STATEMENT = re.compile(r"[^，,。]{0,6}?(?:无|没有|未)[^，,。]{0,20}(?:事项|情况|收费|费用|处理费)")
#: an addressee (市政务服务管理局:) or a label line
_ADDRESSEE = re.compile(r"^[^，,。；;！？!?]{1,20}[：:]$")
_SHORT_HEADING_CHARS = 20
#: shortfall words that make a short numbered line a statement (a problem), not a title
_SHORTFALL_STATED = re.compile(r"有待|不够|不夠|不及时|不及時|较慢|較慢|滞后|欠缺|单一|單一|不强|不高|不足(?!$)")
#: a section-5 problems part standing anywhere (an old report's one-line section 5)
_SECTION5_LEAD = re.compile(SECTION5_LEAD)
#: a short line with no terminal punctuation is a title, heading, signature or date
_HEADING_MAX_CHARS = 40
_MIN_CJK = 4



@dataclass(frozen=True)
class Block:
    """A paragraph found in the source: cleaned ``text`` and its source span;
    ``heading``: the numbered sub-heading line right above it, or the title run in before
    it on a one-line report, if any (not part of the paragraph; it tells the classifier
    where a paragraph stands)."""

    text: str
    start: int
    end: int
    heading: str = ""


@dataclass(frozen=True)
class _Line:
    text: str  # stripped, markdown '#' removed
    start: int
    end: int
    width: int
    indented: bool
    markdown_heading: bool


@lru_cache(maxsize=4096)
def display_width(s: str) -> int:
    """Columns a line takes: CJK and full-width characters count 2 (East Asian width W or F).
    Kept per line: find_paragraphs() measures each line twice (the wrap width of the whole
    narrative, then each section's lines)."""
    width = 2 * len(s) - len(_not_wide_bmp_characters().findall(s))
    astral = _ASTRAL.findall(s)
    return width + sum(unicodedata.east_asian_width(c) in "WF" for c in astral) if astral else width


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


@lru_cache(maxsize=1)
def _not_wide_bmp_characters() -> re.Pattern:
    """The complement of the wide characters of _wide_bmp_ranges() (astral characters included): in report
    text most characters are wide, and counting the few others builds a short list where
    counting the wide ones built one string a character. Only this class is compiled (the
    wide one, never used, took as long to compile: ~3 ms of start-up)."""
    return re.compile(f"[^{_wide_bmp_ranges()}]")


@lru_cache(maxsize=1)
def _wide_bmp_ranges() -> str:
    """The ranges, as a character class writes them, of the Basic Multilingual Plane's
    characters of East Asian width W or F, read from unicodedata once (5 ms): counting a
    class's matches is twenty times faster than asking unicodedata character by character."""
    width = unicodedata.east_asian_width
    wide = [width(ch) in "WF" for ch in map(chr, range(0x10000))]
    wide.append(False)  # past the plane: a range open at its end closes
    ranges, first, before = [], 0, False
    for code, now in enumerate(wide):
        if now is before:
            continue
        if now:
            first = code
        else:
            ranges.append(f"{re.escape(chr(first))}-{re.escape(chr(code - 1))}")
        before = now
    return "".join(ranges)


def text_lines(text: str, begin: int, end: int) -> list:
    """The lines of ``text[begin:end]``; None for a blank line."""
    out = []
    offset = begin
    for raw in text[begin:end].split("\n"):
        body = raw.strip()
        hashes = body.startswith("#")
        if hashes:
            body = body.lstrip("#").strip()
        if body:
            lead = raw.find(body)
            start = offset + lead
            indent = raw[:lead].replace("#", "")
            out.append(_Line(body, start, start + len(body), display_width(body),
                             len(indent) >= 2 or "\u3000" in indent, hashes))
        else:
            out.append(None)
        offset += len(raw) + 1
    return out


def _is_noise(line: _Line) -> bool:
    t = line.text
    if _CHROME.match(t) and len(t) <= _CHROME_MAX_CHARS:
        return True
    return bool(PAGE_NUMBER_LINE.match(t) or _CONTACT.match(t) or _CAPTION.match(t) or _TABLE_NOTE.match(t)
                or "|" in t or (not cjk_at_least(t, 2) and not _TERMINAL.search(t)))


def _is_heading(line: _Line, width, after_sentence: bool, more_follows: bool) -> bool:
    """A markdown heading, an addressee line, a numbered sub-heading standing alone on
    its line, or a short line that holds no sentence after a finished sentence (in wrapped
    text: also clearly shorter than a full line, which would be a wrap)."""
    if line.markdown_heading:
        return True
    t = line.text
    if _ADDRESSEE.match(t):
        return True
    marked = _STARTS_WITH_MARKER.match(t)
    stated = bool(re.search(r"[，,]", t) and _SHORTFALL_STATED.search(t))  # 1.部分信息公开不够及时，更新较慢。
    if marked and more_follows and len(t) <= _SHORT_HEADING_CHARS and len(_SENTENCE_INSIDE.findall(t)) <= 1 and not stated:
        return True
    if not (after_sentence or marked):
        return False
    if _TERMINAL.search(t) or _SENTENCE_INSIDE.search(t) or len(t) > _HEADING_MAX_CHARS or _NIL_STATEMENT.match(t):
        return False
    if len(re.findall(r"[，,]", t)) >= 2 or stated:  # clauses of a sentence cut off, not a title
        return False
    return width is None or line.width < width - 6


def line_widths(text: str, begin: int, end: int) -> list:
    """The display width of every non-blank line of ``text[begin:end]`` (as text_lines()
    measures them), without building the line records: wrap_width() needs no more."""
    return [display_width(body.lstrip("#").strip() if body.startswith("#") else body)
            for body in (raw.strip() for raw in text[begin:end].split("\n")) if body]


def wrap_width(widths: list):
    """The width of a full line when the text was wrapped (PDF, OCR), else None;
    ``widths``: the display widths of its lines (line_widths())."""
    widths = sorted(w for w in widths if w >= 30)
    if len(widths) < 6:
        return None
    full = widths[int(len(widths) * 0.75)]
    near = sum(1 for w in widths if abs(w - full) <= 4)
    return full if full <= 120 and near >= 0.4 * len(widths) else None


def split_lines(text: str, begin: int, end: int, width=None, last_in_text: bool = False,
                section5: bool = False) -> list:
    """The paragraphs in ``text[begin:end]`` (see the module rules). ``last_in_text``:
    this range ends the input, so a cut-off last line is kept; ``section5``: the range is
    section 5 (问题及改进), where the problems and the measures are paragraphs apart."""
    lines = [l for l in text_lines(text, begin, end) if l is not None and not _is_noise(l)]
    text_end = len(text.rstrip())  # a line cut off ends the input: no page footer follows it
    if width is None:
        width = wrap_width([l.width for l in lines])
    groups, current, prev, heading = [], [], None, ""
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        cut_off = last_in_text and last and line.end >= text_end and _cut_off(line.text)
        after_sentence = prev is None or not current or bool(_TERMINAL.search(prev.text))
        if _is_heading(line, width, after_sentence, not last) and not cut_off:
            if current:
                groups.append((current, heading))
            current = []
            heading = line.text if _STARTS_WITH_MARKER.match(line.text) else ""
            continue
        following = lines[i + 1] if i + 1 < len(lines) else None
        if current and (_breaks(prev, line, following, width) or _item_after_blank(text, prev, line)):
            groups.append((current, heading))
            current, heading = [], ""
        current.append(line)
        prev = line
    if current:
        groups.append((current, heading))
    blocks = []
    for group, above in groups:
        pieces = _split_run_in(text, group, section5)
        if pieces and above:
            pieces[0] = Block(pieces[0].text, pieces[0].start, pieces[0].end, above)
        blocks += pieces
    return [b for b in blocks if cjk_at_least(b.text, _MIN_CJK)]


def _item_after_blank(text: str, prev: _Line, line: _Line) -> bool:
    """A line that opens with a later item (二是, 三是 …) after a blank line opens a paragraph,
    even where the line before lost its full stop (…职能股室抓落实”\n\n二是主动公开政务信息情况。:
    round-16 h1503, two paragraphs in the readers' gold); a line before that ends mid-sentence
    (，、) keeps it."""
    return (bool(_LATER_ITEM_OPENING.match(line.text)) and text.count("\n", prev.end, line.start) >= 2
            and prev.text[-1:] not in "，,、")


#: a signature's date (…局 2020年1月17日) ends no sentence that was cut off
_DATE_END = re.compile(r"\d\s*日\s*$")


def _cut_off(line: str) -> bool:
    """Could the last line of the input be a sentence cut off by the end of an excerpt
    (接下来,市教育局 / 全力做好浦东), not a numbered title, a label (相关附件:) or a signature
    with its date?"""
    return not _STARTS_WITH_MARKER.match(line) and not _DATE_END.search(line) and line.rstrip()[-1:] not in ":："


def _breaks(prev: _Line, line: _Line, following, width) -> bool:
    """Does ``line`` open a new paragraph after ``prev``?

    A marker always opens one. Otherwise ``prev`` must end a sentence; in wrapped text it
    must also stop short of the full width, or ``line`` be indented (shorter than the full
    line that follows it).
    """
    if _STARTS_WITH_MARKER.match(line.text):
        return True
    if not _TERMINAL.search(prev.text):
        return False
    if width is None or prev.width < width - 3 or line.indented:
        return True
    return (following is not None and line.width <= width - 3 and following.width > line.width + 2
            and not _TERMINAL.search(line.text))


_SPACE = re.compile(r"\s*")
#: the spacing that separates paragraphs on a line that lost its line breaks (not a line break)
_SPACING = " \t\u3000\xa0"


def _level(s: str, pos: int = 0):
    """The level of the marker ``s`` opens with at ``pos`` (0 for 一、 … 3 for （1）), else
    None. (Matched in place: a copy of the rest of a long line per marker would make
    splitting a collapsed line quadratic.)"""
    pos = _SPACE.match(s, pos).end()
    for level, pattern in enumerate(_LEVEL_RES):
        if pattern.match(s, pos):
            return level
    return None


def _cuts(span: str, problems_part: bool = False, collapsed: bool = False, spaced_start: bool = False) -> list:
    """Offsets in ``span`` where a run-together paragraph is split: before run-in markers
    (not deeper ones than the marker the paragraph opens with: those are its sub-points),
    before every 一是… item when at least two of them open a template topic, and before
    each item run into a paragraph that itself opens with a later item (二是…)."""
    own = None if _RUN_IN_TITLE.match(span) else _level(span)
    cuts = {m.end() for m in _RUN_IN_MARKER.finditer(span) if own is None or _level(span, m.end()) <= own}
    items = list(_ITEM.finditer(span))
    if len(_TOPIC_ITEM.findall(span)) >= 2 and not _PLAN_LEAD.search(span, 0, items[0].start()):
        cuts.update(m.start() for m in items)
    if _LATER_ITEM_OPENING.match(span):
        cuts.update(m.end() for m in _RUN_IN_ITEM.finditer(span))
    cuts.update(_spaced_cuts(span))
    if problems_part and collapsed:
        cuts.update(_turn_cuts(span, sorted(cuts), spaced_start))
    return sorted(c for c in cuts if 0 < c < len(span))


def _spaced_cuts(span: str) -> list:
    """In a collapsed line (a whole section on one line, its paragraphs separated by a
    sentence end and spacing), before each spaced sentence, except a later 一是… item (the
    list stays one paragraph) and the text after a run-in sub-heading (（一）主动公开情况。 截至…)."""
    gaps = [m.end() for m in _SPACED_END.finditer(span)]
    if len(span) < _COLLAPSED_CHARS or len(gaps) < _COLLAPSED_GAPS:
        return []
    out, last = [], 0
    for gap in gaps:
        before = span[last:gap].strip()
        if _LATER_ITEM.match(span, gap) or (_STARTS_WITH_MARKER.match(before) and len(before) <= _SHORT_HEADING_CHARS):
            continue
        out.append(gap)
        last = gap
    return out


def _collapsed(text: str, offset: int) -> bool:
    """Does the source line at ``offset`` hold several paragraphs run together (a section or
    a whole report on one line: long, with spaced sentence ends or run-in markers)?"""
    begin = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[begin:end if end >= 0 else len(text)]
    return len(line) >= _COLLAPSED_CHARS and (len(_SPACED_END.findall(line)) >= _COLLAPSED_GAPS
                                              or len(_RUN_IN_MARKER.findall(line)) >= 2)


def _turn_cuts(span: str, cuts: list, spaced_start: bool = False) -> list:
    """Before section 5's turn from the shortfalls it admits to what it will do about them
    (…存在差距。下一步，我局将…) in a collapsed line, when a shortfall comes before the turn
    and more than an announcement (我们将采取以下措施：) follows it before the next cut. A
    paragraph that was written as one (problems, then measures) is left whole: only text
    that lost its line breaks is cut here. A line that still separates its paragraphs by
    spacing has not lost them: a paragraph opening after spacing (…情况 我局…有待提高。下一步
    我局将…。 六、…; ``spaced_start``: the span itself opens so) is left as written."""
    out = []
    for m in _TURN.finditer(span):
        before = bisect_right(cuts, m.start()) - 1
        opens_at = cuts[before] if before >= 0 else 0
        if (spaced_start if opens_at == 0 else span[opens_at - 1] in _SPACING):
            continue
        after_turn = bisect_right(cuts, m.end())
        stop = cuts[after_turn] if after_turn < len(cuts) else len(span)
        after = span[m.end():stop].strip()
        announcement = len(_SENTENCE_INSIDE.findall(after)) <= 1 and after.rstrip()[-1:] in "：:"
        if _SHORTFALL.search(span, 0, m.start()) and len(after) >= 30 and not announcement:
            out.append(m.end())
    return out[:1]


def _run_in_heading(fragment: str) -> bool:
    t = fragment.strip()
    return (bool(_STARTS_WITH_MARKER.match(t)) and len(t) <= _HEADING_MAX_CHARS
            and not _TERMINAL.search(t) and not _SENTENCE_INSIDE.search(t))


def _split_run_in(text: str, group: list, section5: bool = False) -> list:
    """One block per run of lines, split again where items run together (and, in
    section 5, where the problems turn to the measures)."""
    start, end = group[0].start, group[-1].end
    span = text[start:end]
    problems_part = section5 or bool(_SECTION5_LEAD.search(span))
    spaced_start = start > 0 and text[start - 1] in _SPACING
    bounds = [start] + [start + c for c in _cuts(span, problems_part, len(group) == 1 and _collapsed(text, start),
                                                 spaced_start)] + [end]
    out = []
    first = 0  # the first line of the group that may still reach into a later piece
    for a, b in zip(bounds, bounds[1:]):
        while first < len(group) and group[first].end <= a:
            first += 1
        parts = []
        for l in group[first:]:
            if l.start >= b:
                break
            parts.append((max(a, l.start), min(b, l.end)))
        parts = [(s, e) for s, e in parts if text[s:e].strip()]
        while len(parts) > 1 and _run_in_heading(text[parts[0][0]:parts[0][1]]):
            parts = parts[1:]  # "…。一、总体情况" split off the end of a line: a heading
        if not parts:
            continue
        s0 = parts[0][0] + len(text[parts[0][0]:parts[0][1]]) - len(text[parts[0][0]:parts[0][1]].lstrip())
        e0 = parts[-1][1] - (len(text[parts[-1][0]:parts[-1][1]]) - len(text[parts[-1][0]:parts[-1][1]].rstrip()))
        opens = _after_run_in_titles(text, s0, parts[0][1])
        if opens > s0 and (opens >= e0 or _run_in_heading(text[opens:e0])):
            continue  # nothing but titles (二、主动公开政府信息情况 三、… of a one-line report)
        title, s0 = text[s0:opens].strip(), opens
        body = "".join(text[max(s, s0):min(e, e0)] for s, e in parts)
        out.append(Block(body, s0, e0, title))
    return out


def _after_run_in_titles(text: str, pos: int, stop: int) -> int:
    """Past the numbered titles a paragraph of a one-line report opens with, each separated
    from what follows by spacing (六、其他需要报告的事项 我局暂无…): a title is not part of
    the paragraph (a run-in heading ending in 。 is, and stays)."""
    while pos < stop:
        m = _TITLE_AT.match(text, pos, stop)
        if not m:
            return pos
        pos = m.end()
    return pos
