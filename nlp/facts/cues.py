"""The word lists of ``nlp/data/facts_cues.json``, compiled once into matchers.

A cue may be split by whitespace in PDF text (``视频\\n号``) or by a masked gloss, so
every literal cue matches with optional whitespace or filler between its characters;
``re:`` entries are regexes as written.

>>> [(c.word, c.channel, c.strong) for c in channel_cues("通过“杨凌援外”微信公众号发布信息")]
[('微信公众号', 'wechat', True)]
>>> [c.channel for c in channel_cues("报刊、其他媒体网站、公示栏、LED屏等方式")]
['other', 'other', 'other', 'other']
>>> resolve_channel(channel_cues("微信公众平台等政务新媒体")), resolve_channel(channel_cues("在《海西晨报》专栏"))
('new_media', 'other')
>>> resolve_channel(channel_cues("微信、微博、抖音等平台")), resolve_channel(channel_cues("维护专栏"))
('total', 'website')
>>> resolve_channel([]) is None
True

A channel word inside an account's quoted name is part of the name, and a generic word
(公众号、政务新媒体) gives way to the platform named right beside it:

>>> resolve_channel(channel_cues("通过“台山政府网”微信公众号")), resolve_channel(channel_cues("“大冶教育”抖音公众号"))
('wechat', 'short_video')
>>> resolve_channel(channel_cues("街道政务新媒体微信公众号")), resolve_channel(channel_cues("通过各类平台"))
('wechat', 'total')
>>> resolve_channel(channel_cues("通过政务新媒体“巴彦呼舒镇”微信公众号")), resolve_channel(channel_cues("通过网站政务新媒体"))
('wechat', 'total')
"""
from __future__ import annotations

import contextvars
import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from .. import regexes
from .prose import ADDRESS, FILLER


@dataclass(frozen=True)
class Cue:
    """A channel word found in the text (offsets relative to the text searched)."""

    word: str
    channel: str
    strong: bool
    start: int
    end: int
    listed: bool = False  # stands after 等: the general name of a list (微信等政务新媒体)
    generic: bool = False  # names a kind of container, not a platform (公众号、新媒体)
    named: bool = False  # an account's name alone, which the report gave with its platform before


@lru_cache(maxsize=1)
def data() -> dict:
    return json.loads(resources.files("nlp.data").joinpath("facts_cues.json").read_text(encoding="utf-8"))


_GAP = f"[\\s{FILLER}{ADDRESS}]*"


def _pattern(entry: str) -> str:
    if entry.startswith("re:"):
        return entry[3:]
    return _GAP.join(re.escape(ch) for ch in entry)


def word_regex(words) -> re.Pattern:
    """One regex matching any of ``words`` (longest first; ``re:`` entries as regex)."""
    ordered = sorted(words, key=lambda w: (w.startswith("re:"), -len(w)))
    return regexes.compile("|".join(f"(?:{_pattern(w)})" for w in ordered))


@lru_cache(maxsize=None)
def matcher(*path: str) -> re.Pattern:
    """The compiled word list at ``path`` of the cue data (``matcher("publish_verbs", "words")``)."""
    node = data()
    for key in path:
        node = node[key]
    return word_regex(node)


@lru_cache(maxsize=1)
def _channel_regex() -> tuple:
    table = data()["channels"]
    entries = [(w, ch, strength == "strong") for strength in ("strong", "weak")
               for ch, words in table[strength].items() for w in words]
    entries.sort(key=lambda e: (e[0].startswith("re:"), -len(e[0])))
    regex = re.compile("|".join(f"(?P<c{i}>{_pattern(w)})" for i, (w, _, _) in enumerate(entries)))
    return regex, entries, frozenset(table["generic"]["words"]), frozenset(table["generic"]["kinds"])


@lru_cache(maxsize=1)
def _channel_finder() -> tuple:
    """_channel_regex() without its groups, and what tells which entry a match is of.

    re tests an alternative's first character at once only when the alternative opens
    with it, not with a group: the regex without groups finds the same matches more than
    ten times faster. A match is of the first entry (in the regex's order) that matches
    there on its own; the entries that can (those of its first character, and the ``re:``
    ones) are few."""
    _, entries, _, _ = _channel_regex()
    finder = re.compile("|".join(f"(?:{_pattern(w)})" for w, _, _ in entries))
    singles = tuple(re.compile(_pattern(w)) for w, _, _ in entries)
    anywhere = tuple(i for i, (w, _, _) in enumerate(entries) if w.startswith("re:"))
    by_first = {}
    for i, (w, _, _) in enumerate(entries):
        if not w.startswith("re:"):
            by_first.setdefault(w[0], []).append(i)
    return finder, singles, {ch: tuple(sorted(found + list(anywhere))) for ch, found in by_first.items()}, anywhere


def _channel_matches(text: str) -> list:
    """(match, entry index) of the channel words of ``text``: what _channel_regex() finds,
    with the entry whose group it finds it with."""
    finder, singles, by_first, anywhere = _channel_finder()
    out = []
    for m in finder.finditer(text):
        at, own = m.start(), None
        for i in by_first.get(text[at], anywhere):
            own = singles[i].match(text, at)
            if own is not None:
                break
        if own is None or own.end() != m.end():  # cannot be; if it were, the named groups decide
            regex = _channel_regex()[0]
            return [(n, int(n.lastgroup[1:])) for n in regex.finditer(text)]
        out.append((m, i))
    return out


_LIST_HEAD = re.compile(r"等\s*(?:各类|其他|多种)?\s*$")
#: An account's name in quotes: “台山政府网”, 「…」.
NAMES = re.compile(r"“[^”\n]{1,30}”|\"[^\"\n]{1,30}\"|「[^」\n]{1,30}」|『[^』\n]{1,30}』")
#: What may stand between two words that name one channel together (抖音 公众号, “名”微信).
_JOINED = re.compile(rf"[\s{FILLER}]*")


def channel_cues(text: str) -> list:
    """The channel cues of ``text`` in order (longest match wins where they overlap),
    without the words of an account's name and generic words beside a platform's; where
    ``text`` names no channel, the accounts of the report being read (remember_accounts())
    that it names alone."""
    return list(_channel_cues(text, _accounts.get()))


#: ``((name, channel), …)``: the accounts the report being read names with their platform
_accounts = contextvars.ContextVar("nianbao_report_accounts", default=())


def remember_accounts(text: str) -> tuple:
    """Let channel_cues() know the accounts ``text`` (a whole report) names with their
    platform (微信公众号“魅力二街”, “武义教育”官方微信公众号): ``((name, channel), …)``,
    names given with two kinds of platform left out (``channels.named_account`` of the cue data)."""
    accounts = report_accounts(text)
    _accounts.set(accounts)
    return accounts


def report_accounts(text: str) -> tuple:
    """``((name, channel), …)`` of the quoted names ``text`` prints right beside the word of a
    platform whose accounts have followers, in order of first mention."""
    kinds = frozenset(data()["channels"]["named_account"]["channels"])
    found = {}
    for m in NAMES.finditer(text):
        name = m.group(0)[1:-1].strip()
        if not 2 <= len(name) <= _NAME_CHARS or not _CJK_NAME.fullmatch(name):
            continue
        channel = _platform_beside(text, m.start(), m.end())
        if channel in kinds:
            found.setdefault(name, set()).add(channel)
    return tuple((name, channels.pop()) for name, channels in found.items() if len(channels) == 1)


#: The longest account name remembered, and what it is made of.
_NAME_CHARS = 12
_CJK_NAME = re.compile(r"[\u4e00-\u9fff·]+")
#: What may stand between a name and its platform's word (“武义教育”官方微信公众号).
_BESIDE = re.compile(r"\s*(?:官方|政务)?\s*")


def _platform_beside(text: str, start: int, end: int):
    """The channel of the platform word right after the name at ``start:end`` (“武义教育”官方
    微信公众号), else right before it (微信公众号“魅力二街”); None when neither is there."""
    after = [c for c in _channel_cues(text[end:end + 12], ()) if c.strong]
    if after and _BESIDE.fullmatch(text, end, end + after[0].start):
        return after[0].channel
    window = text[max(0, start - 12):start]
    before = [c for c in _channel_cues(window, ()) if c.strong]
    if before and not window[before[-1].end:].strip():
        return before[-1].channel
    return None


#: the caches of per_report() functions, dropped with forget_texts()
_PER_REPORT = []


def per_report(function):
    """``function`` (pure: its answer depends on its text arguments and the cue data only)
    kept per argument until the next report: the rules ask again and again about the same
    clauses and prefixes of a sentence. Keep what it returns immutable (a tuple, not a list)."""
    kept = lru_cache(maxsize=4096)(function)
    _PER_REPORT.append(kept)
    return kept


def forget_texts() -> None:
    """Drop what channel_cues() and the per_report() functions keep: called once a report,
    so that they keep the texts of one report only (an archive's other reports seldom
    repeat them)."""
    _channel_cues.cache_clear()
    _accounts.set(())
    for kept in _PER_REPORT:
        kept.cache_clear()


@lru_cache(maxsize=4096)
def _channel_cues(text: str, accounts: tuple) -> tuple:
    """channel_cues(), kept per text: the rules ask again and again about the same clauses
    and prefixes of a sentence (a fresh list each time, so no caller changes the kept one)."""
    _, entries, generic, _ = _channel_regex()
    out = []
    for m, i in _channel_matches(text):
        word, channel, strong = entries[i]
        listed = bool(_LIST_HEAD.search(text[max(0, m.start() - 6):m.start()]))
        out.append(Cue(re.sub(rf"[\s{FILLER}]+", "", m.group(0)) or m.group(0), channel, strong, m.start(), m.end(), listed,
                       word in generic))
    out = _outside_names(text, out)
    out = _submitted_to_media(text, out)
    out = _without_qualities(text, out)
    out = _without_examples(text, out)
    out = _columns_of_sites(text, out)
    out = [c for c in out if not (c.generic and _beside_platform(text, c, out))]
    sites = _named_places(text, out)
    if accounts and not any(c.strong for c in out + sites):
        sites += _named_accounts(text, accounts)
    return tuple(sorted(out + sites, key=lambda c: c.start) if sites else out)


def _named_accounts(text: str, accounts: tuple) -> list:
    """Cues over the names of ``accounts`` that ``text`` prints alone, quoted (“魅力二街”发布356条)
    or not (武义教育粉丝量为28793) but for a body's name they begin (武义教育局); a name that is
    a body's (“海南省地震局”, the account of the body) only where it is quoted."""
    found = []
    body = matcher("channels", "named_account", "not_after")
    for name, channel in accounts:
        bare = not body.match(name, len(name) - 1)  # “海南省地震局”: a body's name, quoted only
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            quoted = text[at - 1:at] in OPEN_QUOTES and text[end:end + 1] in _CLOSE_QUOTES
            if quoted:
                found.append(Cue(name, channel, True, at - 1, end + 1, named=True))
            elif bare and not body.match(text, end):
                found.append(Cue(name, channel, True, at, end, named=True))
            at = text.find(name, end)
    return found


#: The marks that open and close a quoted name (NAMES).
OPEN_QUOTES = frozenset("“\"「『")
_CLOSE_QUOTES = frozenset("”\"」』")


#: Examples of a channel in brackets right after its word: a list (如…, …等, …、…).
_EXAMPLES = re.compile(rf"[\s{FILLER}]*[（(]\s*(如|例如|包括)?[^（）()\n]{{1,30}}?(等)?\s*[)）]")


def _without_qualities(text: str, cues: list) -> list:
    """Media words used for a quality name no medium (充分利用新媒体宣传优势,开通了微信
    公众号: the account is the channel; ``channels.qualities`` of the cue data)."""
    if not cues:
        return cues
    spans = [m.span() for m in matcher("channels", "qualities", "words").finditer(text)]
    if not spans:
        return cues
    return [c for c in cues if not any(s <= c.start and c.end <= e for s, e in spans)]


#: A board word (公告栏, 公示栏, 公开栏…): a notice board, or a column where a site names it.
BOARD = re.compile(r"(?:公示|公开|宣传|公告|信息)栏(?!目)")
#: What may stand between a site and its column's name (局网站通知公告栏): no separator.
_SITE_TO_COLUMN = re.compile(r"[^，,、；;。：:和及与或\s]{0,8}")


def _columns_of_sites(text: str, cues: list) -> list:
    """A board word right after a website's word, nothing between but the column's name, is
    that site's column, no board of its own (局网站通知公告栏发布信息194条: round-25 h2415's
    readers website; OUTPUT.md: a website's 专栏 is the website)."""
    sites = [c for c in cues if c.channel == "website" and c.strong]
    if not sites:
        return cues
    return [c for c in cues if not (c.channel == "other" and BOARD.fullmatch(c.word) and any(
        s.end <= c.start and _SITE_TO_COLUMN.fullmatch(text, s.end, c.start) for s in sites))]


def _without_examples(text: str, cues: list) -> list:
    """Platforms given in brackets as examples of a general word of new media are its, no
    channel of their own: 政务新媒体(微信公众号等) and 镇政务新媒体(微信公众号、
    微信群) are new_media (r5 h403, h407; collected row 1403 政务新媒体(如微信公众号等))."""
    inside = []
    for c in cues:
        if not (c.generic and c.channel == "new_media"):
            continue
        m = _EXAMPLES.match(text, c.end)
        if m and (m.group(1) or m.group(2) or "、" in m.group(0)):
            inside.append(m.span())
    if not inside:
        return cues
    return [c for c in cues if not any(s < c.start and c.end <= e for s, e in inside)]


def _named_places(text: str, cues: list) -> list:
    """Cues over the quoted names that hold no channel word of their own and name a place
    by the verb after them: a name whose items are 刊发/刊登 there is an outside outlet,
    ``other`` (OUTPUT.md: items placed in outside media by 投稿/刊发 are other; 通过“中国医疗保险”
    刊发5篇,“浙江医保中心”刊登3篇: round-22 h2109's readers); a name that is the place of a
    publishing verb names a site, ``website`` (在“中国·合肥”公开政府信息221条; 通过“坪山政府在线”
    公布信息: ``channels.named_site`` of the cue data)."""
    found = []
    for m in NAMES.finditer(text):
        if any(m.start() <= c.start < m.end() for c in cues):
            continue
        if _PRINTED_IN.match(text, m.end()):
            found.append(Cue(m.group(0)[1:-1], "other", True, m.start(), m.end()))
            continue
        if not matcher("channels", "named_site", "before").search(text, max(0, m.start() - 6), m.start()):
            continue
        at = matcher("channels", "named_site", "between").match(text, m.end()).end()
        if matcher("publish_verbs", "words").match(text, at) and not matcher("publish_verbs", "not").match(text, at):
            found.append(Cue(m.group(0)[1:-1], "website", True, m.start(), m.end()))
    return found


#: The verbs of items placed in outside media (OUTPUT.md: 投稿/刊发), right after a quoted name.
_PRINTED_IN = re.compile(rf"[\s{FILLER}]*(?:上)?[\s{FILLER}]*(?:刊[\s{FILLER}]*[发登载]|登[\s{FILLER}]*载)")


#: Where a body sends articles to be printed (向<destinations>投稿): outside media.
SUBMITTED_FOR_PRINT = re.compile(r"向([^，,。；;]{1,80}?)(?:投稿|供稿)")


def _submitted_to_media(text: str, cues: list) -> list:
    """The channels a body sends articles to (向人民日报、人民网、…等多家报纸杂志、网站投稿) are outside
    media, ``other``, whatever their words (OUTPUT.md: items placed in outside media, by 投稿/刊发,
    are other; round-16 h1502's readers: other, not the total of 报纸 and 网站)."""
    if "稿" not in text:
        return cues
    spans = [m.span(1) for m in SUBMITTED_FOR_PRINT.finditer(text)]
    if not spans:
        return cues
    return [replace(c, channel="other", strong=True) if any(s <= c.start and c.end <= e for s, e in spans) else c
            for c in cues]


def _outside_names(text: str, cues: list) -> list:
    """Cues inside a quoted name are the name's when a channel word follows the name
    (“台山政府网”微信公众号); a name that stands alone keeps them (在“信用中国”网站)."""
    names = [m.span() for m in NAMES.finditer(text)]
    if not names:
        return cues
    starts = {c.start for c in cues}

    def named(c):
        for s, e in names:
            if s < c.start and c.end < e:
                after = _JOINED.match(text, e).end()
                return after in starts
        return False

    return [c for c in cues if not named(c)]


#: Between a general word and its platform: nothing, or the account's name
#: (政务新媒体“巴彦呼舒镇”微信公众号, 政务新媒体“古韵龙田”微信公众号), the generic word's 平台 too
#: (新媒体网络平台“柳城县古砦仫佬族乡人民政府”微信公众号: round-13 h1201; 政务新媒体平台“巴彦高勒微讯”
#: 微信公众号: round-13 h1214; both golds wechat).
_NAMED_GAP = re.compile(rf"[\s{FILLER}]*(?:(?:网络)?平台[\s{FILLER}]*)?(?:(?:{NAMES.pattern})[\s{FILLER}]*)?")
#: The one platform a bracket after the generic word (or after its verb's object) names, with the
#: account's name (政务新媒体平台(“巴彦高勒微讯”微信公众号)累计发布信息612条: round-20 h1912; 通过新媒体公开信息
#: (“绥阳县医疗保障局”微信公众号)96条: round-20 h1906; both golds wechat): the bracket says which account.
_BRACKETED_GAP = re.compile(rf"[\s{FILLER}]*(?:(?:网络)?平台)?[\s{FILLER}]*(?:(?:公开|发布|推送)(?:政务|政府)?信息)?"
                            rf"[\s{FILLER}]*[（(][\s{FILLER}]*(?:(?:{NAMES.pattern})[\s{FILLER}]*)?")
_BRACKET_CLOSE = re.compile(rf"[\s{FILLER}]*[)）]")


def _beside_platform(text: str, cue: Cue, cues: list) -> bool:
    """A generic word stands right beside a platform of its kind (政务新媒体微信公众号),
    or with the account's name between, or names it alone in a bracket after it (政务新媒体平台
    (“巴彦高勒微讯”微信公众号)); a website beside it is another channel (网站政务新媒体: two channels)."""
    kinds = _channel_regex()[3]
    for other in cues:
        if other is cue or other.generic or not other.strong:
            continue
        if cue.channel != "website" and other.channel not in kinds:
            continue
        left, right = (other, cue) if other.end <= cue.start else (cue, other)
        if left.end <= right.start and _NAMED_GAP.fullmatch(text, left.end, right.start):
            return True
        if left is cue and _BRACKETED_GAP.fullmatch(text, cue.end, other.start) and _BRACKET_CLOSE.match(text, other.end):
            return True
    return False


def resolve_channel(cues) -> str | None:
    """One channel for the cues of one stretch of text, or None when there are none.

    ``X等Y`` names Y (微信公众平台等政务新媒体 → new_media) unless X names channels of
    two kinds (微博、微信公众号等新媒体平台 → total); several named channels of
    different kinds together are ``total``, of one kind that kind; a column or platform
    alone is a website's.
    """
    if not cues:
        return None
    strong = [c for c in cues if c.strong]
    listed = [c for c in strong if c.listed]
    if listed:
        head = listed[-1]
        named = {c.channel for c in strong if c.end <= head.start and not c.listed}
        return "total" if len(named) > 1 else head.channel
    channels = {c.channel for c in strong}
    if len(channels) == 1:
        return channels.pop()
    if channels:
        return "total"
    return cues[-1].channel
