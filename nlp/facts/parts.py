"""Totals and their parts, wherever the report states them.

A total is broken down by the counts that follow it after a part marker: 其中 or 包括
(``发布信息348条，其中部门文件5条``), a colon right after it (``总数171条:基层…124条``),
brackets (``161条(其中链接114条…)``, ``(含机构信息1条…)``), the next sentence opening
with a marker (``共发布各类信息36条。从业务角度划分,政策法规信息类14条``). A breakdown
may also open without its total (``在主动公开的信息中,机构职能类信息9条…``): its parts
are parts of a total the report does not state, unless the sentence before stated it.
Markers are data (``part_markers``).

A breakdown covers the counts that follow its marker until a count of something else
interrupts it (``其中政策解读242条,…;受理网民留言111条,公开答复41条``: the 41 is no
part), or its bracket closes.

>>> from nlp.facts.prose import sentences
>>> from nlp.facts.view import SentenceView
>>> text = "在主动公开的信息中,机构职能类信息9条,规划计划类信息4条"
>>> view = SentenceView(text, sentences(text, 0, len(text))[0])
>>> implicit_total(view, view.quantities[0])
UnstatedTotal(channel=None, account=None)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .cues import channel_cues, matcher, resolve_channel
from .verbs import has, publish_verbs
from .view import PUBLICATION_UNITS, SentenceView

#: A colon right after a count opens its breakdown.
_COLON_AFTER = re.compile(r"\s*[:：]")
#: A bracket opening with 其中/含/包括, or 含 after a comma.
_BRACKET_PART = re.compile(r"[（(]\s*(?:其中|含|包括)|[，,]\s*含(?!有)")
#: A bracket right after a count that opens with a kind and its count, no marker
#: (``发布信息16642条(概况类194条、政务动态5749条…)``, ``455条(规范性文件84条,…)``).
_BRACKET_AFTER = re.compile(r"\s*[（(](?=\s*[\u4e00-\u9fff]{1,12}\s*\d)")
#: ``规章13件(含新制定5件,修改4件,废止4件)``: what was done to the items, no kinds of them.
_CONTAINS = re.compile(r"[（(，,]\s*含")
_OPEN, _CLOSE = "（(", "）)"


@dataclass(frozen=True)
class UnstatedTotal:
    """The total of a breakdown that opens without it (在主动公开的信息中, …)."""

    channel: Optional[str]
    account: Optional[str] = None


def opens_with_parts(view: SentenceView) -> bool:
    """The sentence opens with a part marker or 在…中, or goes on with a list a sentence
    before opened: it breaks down the sentence before."""
    text = view.text[view.start:view.end].lstrip()
    return bool(view.continues_list or opens_list(view) or matcher("part_markers", "words").match(text)
                or matcher("part_markers", "unstated").match(text))


def opens_list(view: SentenceView) -> bool:
    """The sentence opens with the heading of a list of contents or kinds, a colon after it
    (主要公开内容:…, 主要类别及数量为:…, 从公开内容看:1、…。2、…): the list goes on to the
    end of the paragraph, each of its sentences a part of the total before it."""
    return bool(matcher("part_markers", "lists").match(view.text, view.start, view.end))


def _markers(text: str, start: int, end: int) -> list:
    """``(start, end, bracketed)`` of the part markers after a count ending at ``start``."""
    found = []
    colon = _COLON_AFTER.match(text, start, end)
    if colon:
        found.append((start, colon.end(), False))
    bracket = _BRACKET_AFTER.match(text, start)
    if bracket and bracket.end() <= end:
        found.append((start, bracket.end(), True))
    found += [(m.start(), m.end(), m.group(0).lstrip()[0] in _OPEN) for m in _BRACKET_PART.finditer(text, start, end)]
    found += [(m.start(), m.end(), False) for m in matcher("part_markers", "words").finditer(text, start, end)]
    return sorted(found)


def _closes(text: str, start: int, end: int) -> bool:
    """A bracket opened before ``start`` closes before ``end``."""
    depth = 0
    for ch in text[start:end]:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth < 0:
                return True
    return False


def head_of(view: SentenceView, q, earlier: list):
    """The total that ``q`` breaks down, or None. Walking back over the facts before
    ``q``: a part inside a bracket that closed is passed over; the first count a
    marker follows (before any other count, and covering ``q``) is the total; a total
    stated without a marker ends the search."""
    before = [f for f in earlier if f.end <= q.start]
    summed = _summed_part(view, before)
    for fact in reversed(before):
        if _closes(view.text, fact.end, q.start) or (fact.end < view.start and not fact.head and fact is not summed):
            continue  # a part in a closed bracket; a part of the sentence before (its total breaks down)
        marker = _marker_for(view, fact, q)
        if marker is not None:
            return None if _interrupted(view, marker, q, earlier) else fact
        if fact.head:
            return None
    found = implicit_total(view, q, earlier)
    if found is None and (view.continues_list or opens_list(view)) and not _interrupted(view, view.start, q, earlier):
        return UnstatedTotal(None)  # 从公开内容看:1、工作动态类信息160条。2、…: a list without its total
    return found


def adds_up(view: SentenceView, head, q) -> bool:
    """The counts right after ``head`` in its sentence, ``q`` among them, add up to it: the
    report's own arithmetic says they are its parts, whatever their words (…共计2698条,其中:
    工作动态1201条、…、征集调查16期、其他类信息1141条).

    >>> from nlp.facts.prose import sentences
    >>> text = "公开信息30条,其中:工作动态20条、征集调查10期。"
    >>> view = SentenceView(text, sentences(text, 0, len(text))[0])
    >>> head = type("F", (), {"quantity": view.quantities[0]})()
    >>> adds_up(view, head, view.quantities[2]), adds_up(view, None, view.quantities[2])
    (True, False)
    """
    if head is None or not hasattr(head, "quantity"):
        return False
    total, running, seen = head.quantity.value, 0.0, False
    after = [c for c in view.counts() if c.start >= head.quantity.end]
    for i, c in enumerate(after):
        if c.unit not in PUBLICATION_UNITS:
            return False
        running += c.value
        seen = seen or c == q
        if running >= total:
            return running == total and seen and i >= 1
    return False


def _summed_part(view: SentenceView, before: list):
    """The part of the sentence before that the counts of this one add up to, when this
    sentence breaks it down (其中…公开政府文件8条。主要类别及数量为:…1条;…5条;…2条): the
    report's own arithmetic says which count a breakdown opening a sentence breaks down.
    None when they add up to none, or to a total (the total is taken anyway)."""
    if not opens_with_parts(view):
        return None
    counts = [c.value for c in view.quantities if c.unit in PUBLICATION_UNITS]
    if len(counts) < 2:
        return None
    total = sum(counts)
    return next((f for f in reversed(before) if f.end < view.start and not f.head and f.quantity.value == total), None)


def _marker_for(view: SentenceView, total, q) -> Optional[int]:
    """Where the marker that breaks ``total`` down up to ``q`` ends, or None."""
    text = view.text
    if total.end < view.start:  # the total is the sentence before's: this one opens with a marker
        return view.start if opens_with_parts(view) else None
    for start, end, bracketed in _markers(text, total.end, q.start):
        if bracketed and _closes(text, end, q.start):
            continue
        if any(total.end <= c.start < start for c in view.quantities if c.unit in PUBLICATION_UNITS or c.unit == ""):
            return None  # 13528条，总浏览量为536万，…其中47%: the marker breaks down the views
        if has(text[total.end:start], "not_publication", "topics"):
            return None  # …131条,为群众解答环境保护问题,…其中热线电话11通
        return end
    return None


def _interrupted(view: SentenceView, marker: int, q, earlier: list) -> bool:
    """A count of another matter stands between the marker and ``q`` (受理网民留言111条), or
    a clause of another matter without a count (…主要包括疫情防控、民政扶持等各方面工作;
    无单位或个人申请政府信息公开,行政复议0条: round-14 h1305, the 0 no part of the 85)."""
    found = {f.quantity for f in earlier}
    if any(marker <= c.start and c.end <= q.start and c.unit in PUBLICATION_UNITS and c not in found
           and has(view.prefix(c), "not_publication", "topics") for c in view.quantities):
        return True
    return any(marker <= c.start and c.end <= q.start and not view.clause_counts(i)
               and has(view.text[c.start:c.end], "not_publication", "topics") for i, c in enumerate(view.clauses))


def acts_on_items(view: SentenceView, q, earlier: list) -> bool:
    """``规章13件(含新制定5件,修改4件,废止4件)``: a bracket with 含 that says what was
    done to the total's items (制定、修改、废止) counts no kinds of them: no facts."""
    before = [f for f in earlier if f.end <= q.start]
    if not before:
        return False
    between = view.text[max(before[-1].end, view.start):q.start]
    opened = list(_CONTAINS.finditer(view.text, view.start, q.start))
    if not opened or _closes(view.text, opened[-1].end(), q.start) or matcher("part_markers", "words").search(between):
        return False
    return bool(matcher("other_verbs", "words").search(view.prefix(q)))


#: A count in 项 before a noun counts kinds (政务动态和村务公开两项群众最关心的内容), no items.
_KINDS_BEFORE_NOUN = re.compile(r"(?!信息)[\u4e00-\u9fff]")


def implicit_total(view: SentenceView, q, earlier: list = ()) -> Optional[UnstatedTotal]:
    """A breakdown opened by 在…中 (no count in it) before ``q`` in its sentence; a count in 项
    right before a noun counts kinds of it (row 1756 主动公开的政府信息中,政务动态和村务公开两项
    群众最关心的内容所占比例最大), no part."""
    if q.unit == "项" and _KINDS_BEFORE_NOUN.match(view.text, q.end):
        return None
    for m in matcher("part_markers", "unstated").finditer(view.text, view.start, q.start):
        if not any(m.start() <= c.start < m.end() for c in view.counts()):
            if _interrupted(view, m.end(), q, earlier):
                return None
            return UnstatedTotal(resolve_channel(channel_cues(m.group(0))))
    return None


def breaks_down_no_publication(view: SentenceView, q, earlier: list) -> bool:
    """``受理申请51件，其中…可以公开的6件``: a part of a count that is no publication."""
    markers = list(matcher("part_markers", "words").finditer(view.text, view.start, q.start))
    if not markers:
        return False
    if re.search(r"[；;]", view.text[markers[-1].end():q.start]) and publish_verbs(view.prefix(q)):
        return False  # …其中政务动态51条、政策解读13条;通过…等多渠道发布各类资讯…2800篇: a new statement
    totals = [t for t in view.quantities if t.end <= markers[-1].start() and t.unit in PUBLICATION_UNITS]
    return bool(totals) and not any(f.quantity == totals[-1] for f in earlier)
