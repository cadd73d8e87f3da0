"""What a number of one sentence is: the three extractors' rules, as small functions.

Each extractor reads a :class:`SentenceView` (the sentence, its clauses, its numbers)
and returns :class:`Found` facts; the word lists are ``nlp/data/facts_cues.json``.

Attribution, in the words of the reports:
- a publication count needs a publishing verb in its own clause, or, in a clause that
  does nothing else (``、政策解读13条``), earlier in its sentence;
- its channel is named in its own clause; else it is a part of a total just stated
  (``其中…``) and takes that total's channel; else the channel named where the
  sentence sets the scene (``通过门户网站…``, ``深化政务新媒体矩阵建设，…``); else total;
- a follower count takes the channel of its own clause, else of the account whose
  publications the sentence just counted, else ``new_media`` (an account is always on
  some platform).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..numbers import Quantity, find_quantities
from .cues import channel_cues, matcher, resolve_channel

PUBLICATION_UNITS = frozenset({"条", "条次", "篇", "篇次", "件", "则", "份", "期", "个", "次", "项"})
FOLLOWER_UNITS = frozenset({"人", "个", "户", "位", ""})
MONEY_UNITS = frozenset({"元"})

_QUOTED = re.compile(r"[“\"「『]([^”\"」』\n]{2,20})[”\"」』]")
_NAMED_ACCOUNT = re.compile(r"(?:通过|在|依托)\s*([\u4e00-\u9fff]{2,8})\s*$")
_GENERIC_NAME = re.compile(r"^(?:本|我|政府|政务|官方|各|其他|部门|单位)")
_SUFFIX_WINDOW = 16
_DATE_UNITS = frozenset({"年", "月", "日", "号", ""})


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
    """One sentence of the (simplified) text: its clauses and numbers, absolute offsets."""

    def __init__(self, text: str, sentence):
        self.text = text
        self.start, self.end = sentence.start, sentence.end
        self.clauses = sentence.clauses
        self.quantities = [_shift(q, sentence.start) for q in find_quantities(text[sentence.start:sentence.end])]

    def clause_index(self, q: Quantity) -> int:
        for i, c in enumerate(self.clauses):
            if c.start <= q.start < c.end:
                return i
        return len(self.clauses) - 1

    def prefix_start(self, q: Quantity) -> int:
        """Where the words of ``q``'s own clause begin (after an earlier number in it)."""
        begin = self.clauses[self.clause_index(q)].start
        for other in self.quantities:
            if begin <= other.end <= q.start and other.unit not in _DATE_UNITS:
                begin = other.end
        return begin

    def prefix(self, q: Quantity) -> str:
        return self.text[self.prefix_start(q):q.start]

    def suffix(self, q: Quantity) -> str:
        clause = self.clauses[self.clause_index(q)]
        return self.text[q.end:min(max(clause.end, q.end), q.end + _SUFFIX_WINDOW)]

    def clause_text(self, i: int) -> str:
        c = self.clauses[i]
        return self.text[c.start:c.end]


def _shift(q: Quantity, offset: int) -> Quantity:
    return Quantity(q.value, q.qualifier, q.unit, q.raw, q.start + offset, q.end + offset)


# ---------------------------------------------------------------- word tests

_NAMES = re.compile(r"“[^”]*”|《[^》]*》|\"[^\"]*\"|「[^」]*」")
_REVIEWED = re.compile(r"经\s*(?:审核|审查|核查|审批)")  # 经审核主动公开信息568条: published after review
_INFO_HEAD = re.compile(r"信息\s*(?:数量?|共计?|合计|总计)?\s*(?:为|达)?\s*$")


def publish_verbs(text: str) -> list:
    """Offsets of the publishing verbs of ``text`` (公开 in 政务公开 is none, nor a
    verb inside a quoted name such as “行政执法公示”专栏)."""
    index = [i for i, ch in enumerate(text) if not ch.isspace()]
    compact = "".join(text[i] for i in index)  # 部\n分公开 is 部分公开
    blocked = [m.span() for m in matcher("publish_verbs", "not").finditer(compact)]
    blocked += [m.span() for m in _NAMES.finditer(compact)]
    return [index[m.start()] for m in matcher("publish_verbs", "words").finditer(compact)
            if not any(s <= m.start() < e for s, e in blocked)]


def has(text: str, *path: str) -> bool:
    return bool(matcher(*path).search(text))


def _is_container_count(view: SentenceView, q: Quantity) -> bool:
    before = re.sub(r"[\s（(]", "", view.text[max(view.start, q.start - 6):q.start])
    after = view.text[q.end:q.end + 4]
    return (bool(re.search(f"(?:{matcher('containers', 'before').pattern})$", before)) and q.unit == "个") \
        or bool(re.match(f"\\s*(?:{matcher('containers', 'after').pattern})", after))


# ---------------------------------------------------------------- channels

def scene_cues(text: str) -> list:
    """The cues that set the scene of a clause: all of a clause without a publishing
    verb, else those before its verb (通过网站发布…). A cue after the verb names what
    was published or where it came from (转载其他媒体各类信息)."""
    cues = channel_cues(text)
    verbs = publish_verbs(text)
    return [c for c in cues if not verbs or c.start < verbs[0]]


def clause_cues(text: str) -> list:
    """The cues of a count's own clause, but for a source (转载其他媒体各类信息21条)."""
    sources = list(matcher("channels", "source_verbs", "words").finditer(text))
    return [c for c in channel_cues(text) if not sources or c.start < sources[0].start()]


def counts(text: str) -> list:
    """The quantities of ``text`` that count something (not dates and bare numbers)."""
    return [q for q in find_quantities(text) if q.unit not in _DATE_UNITS]


def account_of(text: str, cues) -> Optional[str]:
    """The account or column name printed next to the channel cue (“杨凌援外”微信公众号)."""
    if not cues:
        return None
    cue = cues[-1]
    before = text[max(0, cue.start - 24):cue.start]
    m = None
    for m in _QUOTED.finditer(before):
        pass
    if m and len(before) - m.end() <= 2:
        return m.group(1).strip()
    after = _QUOTED.match(text[cue.end:cue.end + 24].lstrip())
    if after:
        return after.group(1).strip()
    if cue.channel in ("wechat", "new_media", "short_video", "weibo"):
        named = _NAMED_ACCOUNT.search(before)
        if named and not _GENERIC_NAME.match(named.group(1)):
            return named.group(1)
    return None


def own_channel(view: SentenceView, q: Quantity):
    """Channel and account named in ``q``'s own clause before the number, the clause
    taken with the list of channels it ends (在网站、《公报》主动公开规章13件)."""
    i = view.clause_index(q)
    start = view.clauses[i].start
    while i > 0 and "、" in view.text[view.clauses[i - 1].end:view.clauses[i].start] \
            and not counts(view.clause_text(i - 1)) and not publish_verbs(view.clause_text(i - 1)):
        i -= 1
        start = view.clauses[i].start
    text = view.text[start:q.start]
    cues = clause_cues(text)
    return resolve_channel(cues), account_of(text, cues)


def scene_channel(view: SentenceView, q: Quantity):
    """Channel set by the earlier clauses of the sentence, or named right after (…条，已在委网站公开)."""
    i = view.clause_index(q)
    cues, account = [], None
    for j in range(i):
        text = view.clause_text(j)
        found = scene_cues(text)
        if found:
            cues += found
            account = account_of(text, found) or account
    if not cues and i + 1 < len(view.clauses):
        nxt = view.clause_text(i + 1)
        if publish_verbs(nxt) and not counts(nxt):
            cues = channel_cues(nxt)
    return resolve_channel(cues), account


# ---------------------------------------------------------------- extractors

def publication_facts(view: SentenceView, before: tuple = ()) -> list:
    """``publication_count`` facts of one sentence, in order. ``before``: the facts of
    the sentence just before, whose total a sentence opening with 其中 breaks down."""
    found = []
    earlier = list(before) if _PARTS_OPEN.match(view.text, view.start) else []
    for q in view.quantities:
        if _breaks_down_no_publication(view, q, earlier):
            continue
        fact = _publication(view, q, earlier)
        if fact:
            found.append(fact)
            earlier.append(fact)
    return found


_PARTS_OPEN = re.compile(r"\s*(?:其中|包括)")


def _breaks_down_no_publication(view: SentenceView, q: Quantity, earlier: list) -> bool:
    """``受理申请51件，其中…可以公开的6件``: the parts of a count that is no publication."""
    markers = list(matcher("part_markers", "words").finditer(view.text, view.start, q.start))
    if not markers:
        return False
    total = [t for t in view.quantities if t.end <= markers[-1].start() and t.unit not in _DATE_UNITS]
    return bool(total) and not any(f.quantity == total[-1] for f in earlier)


def _publication(view: SentenceView, q: Quantity, earlier: list) -> Optional[Found]:
    if q.unit not in PUBLICATION_UNITS or _not_publication(view, q):
        return None
    prefix = view.prefix(q)
    head = _head_of(view, q, earlier)
    if publish_verbs(prefix):
        rule = "verb in clause"
    elif head is not None:
        rule = "part of a total"
    elif _in_object_list(view, q):
        rule = "in the object list of a verb"
    elif _sibling(view, q, earlier) and not has(prefix, "other_verbs", "words"):
        rule = "next to a publication count"
    elif not prefix.strip() and publish_verbs(view.text[view.start:q.start]):
        rule = "opens a clause after a publishing verb"
    else:
        return None
    channel, account = own_channel(view, q)
    if channel is None and head is not None:
        channel, account = head.channel, head.account
    elif channel is None:
        channel, account = scene_channel(view, q)
    channel = channel or "total"
    return Found("publication_count", channel, account if channel != "total" else None, q,
                 _span_start(view, q), q.end, rule, head=head is None)


def _not_publication(view: SentenceView, q: Quantity) -> bool:
    """Counts of applications, meetings, views …, of accounts and columns, of followers."""
    prefix = _REVIEWED.sub("", view.prefix(q))
    noun_after = re.split(r"[，,。；;、\s]", view.suffix(q).lstrip())[0]
    if has(prefix, "not_publication", "acts") or has(noun_after, "not_publication", "acts"):
        return True
    if not _INFO_HEAD.search(prefix) and (has(prefix, "not_publication", "things")
                                          or has(noun_after, "not_publication", "things")):
        return True
    return _is_container_count(view, q) or has(prefix, "follower_words", "words")


def _in_object_list(view: SentenceView, q: Quantity) -> bool:
    """``发布外事信息、工作动态、…等共554余条``: a publishing verb earlier in a list
    whose items are joined by 、 only."""
    i = view.clause_index(q)
    for j in range(i - 1, -1, -1):
        between = view.text[view.clauses[j].end:view.clauses[j + 1].start]
        if "、" not in between or counts(view.clause_text(j)):
            return False
        if publish_verbs(view.clause_text(j)):
            return True
    return False


def _sibling(view: SentenceView, q: Quantity, earlier: list) -> bool:
    """The clause before ``q``'s ends with a publication count (文件42件，人事任免文件106件)."""
    i = view.clause_index(q)
    if i == 0 or view.prefix_start(q) != view.clauses[i].start:
        return False
    previous = view.clauses[i - 1]
    return any(previous.start <= f.quantity.start < previous.end for f in earlier)


def _head_of(view: SentenceView, q: Quantity, earlier: list) -> Optional[Found]:
    """The total that ``q`` breaks down: an earlier head of the sentence followed by 其中."""
    for fact in reversed(earlier):
        if fact.head and has(view.text[fact.end:q.start], "part_markers", "words"):
            return fact
    return None


def follower_facts(view: SentenceView, publications: list) -> list:
    """``follower_count`` facts of one sentence (粉丝数、订阅数、关注人数 …)."""
    found = []
    for q in view.quantities:
        if q.unit not in FOLLOWER_UNITS:
            continue
        prefix = view.prefix(q)
        words = list(matcher("follower_words", "words").finditer(prefix))
        if not words or has(prefix[words[-1].start():], "follower_words", "not"):
            continue
        if has(prefix, "follower_words", "not"):
            continue
        clause = view.clauses[view.clause_index(q)]
        cues = [c for c in channel_cues(view.text[clause.start:q.start]) if c.strong]
        channel, account = resolve_channel(cues), account_of(view.text[clause.start:q.start], cues)
        start = _span_start(view, q)
        if channel is None:
            before = [p for p in publications if p.end <= q.start]
            if before:
                channel, account, start = before[-1].channel, before[-1].account, before[-1].start
        found.append(Found("follower_count", channel or "new_media", account, q, start, q.end, "follower word"))
    return found


def procurement_facts(view: SentenceView) -> list:
    """``procurement_amount`` facts stated in the prose (采购金额120万元)."""
    found = []
    for q in view.quantities:
        if q.unit not in MONEY_UNITS:
            continue
        before = view.text[view.start:q.start]
        bought = matcher("procurement_words", "words").search(before)
        if bought and has(before[bought.end():], "procurement_words", "amount") \
                and not has(view.prefix(q), "procurement_words", "not"):
            found.append(Found("procurement_amount", None, None, q, _span_start(view, q), q.end, "procurement word"))
    return found


def _span_start(view: SentenceView, q: Quantity) -> int:
    clause = view.clauses[view.clause_index(q)]
    return clause.start
