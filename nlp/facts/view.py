"""One sentence as the rules read it: its clauses and its counts, absolute offsets.

A number inside a document's title or a quoted name is no count (《…十条措施》). A
number printed without its unit in a list of counts that have one takes theirs:

>>> text = "其中,政务公告类信息116条,会议活动类信息460条,部门动态402,其他信息248条。"
>>> from nlp.facts.prose import sentences
>>> view = SentenceView(text, sentences(text, 0, len(text))[0])
>>> [(q.value, q.unit) for q in view.quantities]
[(116.0, '条'), (460.0, '条'), (402.0, '条'), (248.0, '条')]
>>> text = "印发《关于进一步优化营商环境的十条措施》,粉丝数54373,发布信息3条。"
>>> [(q.value, q.unit) for q in SentenceView(text, sentences(text, 0, len(text))[0]).quantities]
[(54373.0, ''), (3.0, '条')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from ..numbers import Quantity, quantities_in
from .cues import NAMES, matcher

PUBLICATION_UNITS = frozenset({"条", "条次", "篇", "篇次", "件", "则", "份", "期", "个", "次", "项", "部"})
DATE_UNITS = frozenset({"年", "月", "日", "号", ""})
SUFFIX_WINDOW = 16

_TITLES = re.compile(r"《[^》\n]{1,60}》")
#: A list count printed without its unit: after a word, before a separator.
_BARE_BEFORE = re.compile(r"[\u4e00-\u9fff]$")
_NOT_BARE_BEFORE = re.compile(r"[第年月日号期届次章条款]$")
_BARE_AFTER = re.compile(r"\s*(?:[，,、；;。）)]|$)")
#: A count glued to the next words, its unit and separator lost on the page: right after
#: the noun of the items (信息、文件、公告、解读) and before the next word or a line end
#: (r6 h514 主动公开信息38其中,…相关信息30发布…等信息8; r6 h510 政策解读类信息780信息公开目录…;
#: r5 h409 通知公告307不动产公告84条…新闻类信息520旗内文件55政策解读60牧民之友).
_GLUED_BEFORE = re.compile(r"(?:信息|文件|公告|解读)$")
_GLUED_AFTER = re.compile(r"[\u4e00-\u9fff]|[ \t]*\n")


@dataclass(frozen=True)
class Found:
    """A fact found in a sentence, with the rule that found it (its explanation)."""

    kind: str
    channel: Optional[str]
    account: Optional[str]
    quantity: Quantity
    start: int
    end: int
    rule: str
    head: bool = False


class SentenceView:
    """One sentence of the (simplified, masked) text: its clauses and counts."""

    def __init__(self, text: str, sentence, folded: Optional[str] = None):
        """``folded``: :func:`nlp.numbers.text_folded` of ``text``, when the caller makes
        views of many sentences of it (folded once)."""
        self.text = text
        self.start, self.end = sentence.start, sentence.end
        self._sentence = sentence
        found = quantities_in(text, sentence.start, sentence.end, folded)
        named = [m.span() for m in _TITLES.finditer(text, self.start, self.end)]
        named += [m.span() for m in NAMES.finditer(text, self.start, self.end)]
        found = [q for q in found if not any(s <= q.start and q.end <= e for s, e in named)]
        self.quantities = _with_list_units(text, self, found)
        #: The sentence goes on with a list that a sentence before opened (:func:`nlp.facts.parts.opens_list`).
        self.continues_list = False
        self._scene_before, self._scene_before_of = None, None
        self._contexts = {}

    @property
    def clauses(self) -> tuple:
        """The sentence's clauses (the rules read those of the sentences that hold a count)."""
        return self._sentence.clauses

    @property
    def scene_before(self):
        """``(channel, account)`` the sentence before sets (:func:`nlp.facts.channels.sentence_before_scene`),
        or None; worked out when a rule first asks (scene_before_from())."""
        if self._scene_before_of is not None:
            self._scene_before, self._scene_before_of = self._scene_before_of(), None
        return self._scene_before

    @scene_before.setter
    def scene_before(self, value) -> None:
        self._scene_before, self._scene_before_of = value, None

    def scene_before_from(self, function) -> None:
        """Let scene_before be ``function()``, called only if a rule asks for it (few
        counts fall back on the sentence before)."""
        self._scene_before, self._scene_before_of = None, function

    def clause_index(self, q: Quantity) -> int:
        return self._context(q)[0]

    def prefix_start(self, q: Quantity) -> int:
        """Where the words of ``q``'s own clause begin (after an earlier number in it)."""
        return self._context(q)[1]

    def prefix(self, q: Quantity) -> str:
        return self._context(q)[2]

    def suffix(self, q: Quantity) -> str:
        return self._context(q)[3]

    def _context(self, q: Quantity) -> tuple:
        """(clause index, prefix start, prefix, suffix) of ``q``, worked out once per
        offsets: the rules ask for them again and again (``q`` may be a quantity of an
        earlier sentence, read against this one's clauses)."""
        key = (q.start, q.end)
        known = self._contexts.get(key)
        if known is None:
            known = self._contexts[key] = _context(self, q)
        return known

    def clause_text(self, i: int) -> str:
        c = self.clauses[i]
        return self.text[c.start:c.end]

    def counts(self) -> list:
        """The quantities that count something (not dates and bare numbers)."""
        return [q for q in self.quantities if q.unit not in DATE_UNITS]

    def clause_counts(self, i: int) -> bool:
        """Clause ``i`` holds a count."""
        c = self.clauses[i]
        return any(c.start <= q.start < c.end for q in self.counts())


def _context(view: SentenceView, q: Quantity) -> tuple:
    index = len(view.clauses) - 1
    for i, c in enumerate(view.clauses):
        if c.start <= q.start < c.end:
            index = i
            break
    clause = view.clauses[index]
    begin = clause.start
    for other in view.quantities:
        if begin <= other.end <= q.start and other.unit not in DATE_UNITS:
            begin = other.end
    return index, begin, view.text[begin:q.start], view.text[q.end:min(max(clause.end, q.end), q.end + SUFFIX_WINDOW)]


def _with_list_units(text: str, view: SentenceView, found: list) -> list:
    """Give a bare integer in a list of counts the unit of its neighbours
    (部门动态402, ; 政务微信公开政府信息数170,), and one that ends its clause right
    after its publishing words the unit 条."""
    units = [q for q in found if q.unit in PUBLICATION_UNITS]
    out = []
    for q in found:
        if q.unit == "" and units and _is_bare_list_count(text, view, q):
            nearest = min(units, key=lambda u: abs(u.start - q.start))
            q = replace(q, unit=nearest.unit)
        elif q.unit == "" and (_cut_off(text, view, q) or _glued(text, view, q, units)):
            q = replace(q, unit="条")
        out.append(q)
    return out


def _cut_off(text: str, view: SentenceView, q: Quantity) -> bool:
    """A count that ends its clause right after its publishing words, without a unit:
    ``征地拆迁专栏发布信息13;``, or ``…通过门户网站发布信息12`` where the input ends
    (OUTPUT.md: a count cut off by the end of the input is taken as printed)."""
    if q.value != int(q.value) or "." in q.raw or not _BARE_AFTER.match(text, q.end, max(view.end, q.end)):
        return False
    before = text[max(view.start, q.start - 8):q.start]
    if not _BARE_BEFORE.search(before) or _NOT_BARE_BEFORE.search(before):
        return False
    clause_start = max([view.start] + [c.end for c in view.clauses if c.end <= q.start])
    words = text[clause_start:q.start]
    return bool(matcher("publish_verbs", "words").search(words)) and not matcher("follower_words", "words").search(words)


def _glued(text: str, view: SentenceView, q: Quantity, units: list) -> bool:
    """A whole count right after the noun of the items, glued to the next word (or ending
    its line): a list count or a publishing verb's count whose unit the page lost."""
    if q.value != int(q.value) or "." in q.raw or q.qualifier != "exact":
        return False
    if not _GLUED_BEFORE.search(text, max(view.start, q.start - 4), q.start) or not _GLUED_AFTER.match(text, q.end):
        return False
    if units:
        return True
    clause_start = max([view.start] + [c.end for c in view.clauses if c.end <= q.start])
    return bool(matcher("publish_verbs", "words").search(text, clause_start, q.start))


def _is_bare_list_count(text: str, view: SentenceView, q: Quantity) -> bool:
    before = text[max(view.start, q.start - 8):q.start]
    return (q.value == int(q.value) and q.qualifier == "exact" and "." not in q.raw
            and bool(_BARE_BEFORE.search(before)) and not _NOT_BARE_BEFORE.search(before)
            and bool(_BARE_AFTER.match(text, q.end, view.end))
            and not matcher("follower_words", "words").search(before))
