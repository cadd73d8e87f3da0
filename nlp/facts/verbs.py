"""What the words before a count do to it: publish it, or count something else.

Exclusion words exclude what they describe, not a sentence. A word that always marks
another matter (依申请, 人次, 阅读) excludes the count it stands before; a verb of another
act (审核, 清理, 报送, 征集) excludes it only when it governs the count: when it is the
last verb before the number and no publishing verb is joined to it.

>>> governing("全年共审核发布政务信息"), governing("清理并集中公开现行有效文件")
('publish', 'publish')
>>> governing("发布审查"), governing("及时向上级报送工作动态信息共"), governing("主动公开和更新了各类信息")
('act', 'act', 'publish')
>>> governing("“民意征集”栏目发布信息"), governing("全年主动公开政府信息")
('publish', 'publish')
>>> governing("其中机构职能类信息") is None
True
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .cues import NAMES, matcher, per_report
from .prose import ADDRESS, ASIDE, FILLER

_TITLES = re.compile(r"《[^》\n]*》")
#: Joins two verbs of one predicate: 公开和更新, 审核并发布.
_JOIN = re.compile(r"\s*(?:和|及|并|与|或|、|以及)\s*")
#: A count of information (…和突发环境信息131条) is of published items whatever its topic.
_INFO_HEAD = re.compile(r"信息\s*(?:数量?|共计?|合计|总计)?\s*(?:为|达)?\s*$")


@per_report
def _blanked(text: str) -> str:
    """``text`` with quoted names, titles and bracketed asides blanked (a verb in a name
    is no verb; 发布(更新)各类政务信息 publishes)."""
    for pattern in (NAMES, _TITLES, ASIDE):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _compact(text: str) -> tuple:
    """(``text`` without white space, fillers and addresses, the offset in ``text`` of each
    of its characters); ``text`` itself with its own offsets when it holds none of them (most
    of the words before a count): no character-by-character pass."""
    if not _SKIPPED.search(text):
        return text, range(len(text))
    index = [i for i, ch in enumerate(text) if not ch.isspace() and ch not in (FILLER, ADDRESS)]
    return "".join(text[i] for i in index), index


#: what _compact() leaves out: ``\s`` of a str pattern is str.isspace() (Py_UNICODE_ISSPACE)
_SKIPPED = re.compile(f"[\\s{FILLER}{ADDRESS}]")


def publish_verbs(text: str) -> list:
    """Offsets of the publishing verbs of ``text`` (公开 in 政务公开 is none, nor a
    verb inside a quoted name such as “行政执法公示”专栏)."""
    return [s for s, _ in _publish_spans(text)]


@per_report
def _publish_spans(text: str) -> tuple:
    compact, index = _compact(_blanked(text))  # 部\n分公开 is 部分公开
    blocked = [m.span() for m in matcher("publish_verbs", "not").finditer(compact)]
    return tuple((index[m.start()], index[m.end() - 1] + 1) for m in matcher("publish_verbs", "words").finditer(compact)
                 if not any(s <= m.start() < e for s, e in blocked))


def _act_spans(text: str) -> tuple:
    blanked = _blanked(text)
    return tuple(m.span() for m in matcher("not_publication", "acts").finditer(blanked))


#: What may stand between a word of ``publish_verbs.before_count`` and its count.
_BEFORE_COUNT_GAP = r"\s*(?:共计|合计|总计|共|计|为|达)?\s*$"


@per_report
def governing(text: str) -> Optional[str]:
    """``publish`` or ``act``: what the last verb of ``text`` (the words before a count)
    does, a publishing verb joined to it included; None when there is no such verb.
    A word that is no verb elsewhere publishes the count right after it (主动公开内容共,
    信息公开)."""
    if _before_count().search(_blanked(text)):
        return "publish"
    verbs = sorted([(s, e, "publish") for s, e in _publish_spans(text)] + [(s, e, "act") for s, e in _act_spans(text)])
    if not verbs:
        return None
    last = verbs[-1]
    kinds = {last[2]}
    for verb in reversed(verbs[:-1]):
        if verb[1] <= last[0] and _JOIN.fullmatch(text, verb[1], last[0]):
            kinds.add(verb[2])
            last = verb
        elif verb[1] > last[0]:  # overlapping matches (审核发布 / 核发): the longer reading stands
            kinds.add(verb[2])
        else:
            break
    return "publish" if "publish" in kinds else "act"


@lru_cache(maxsize=1)
def _before_count() -> re.Pattern:
    return re.compile(f"(?:{matcher('publish_verbs', 'before_count').pattern}){_BEFORE_COUNT_GAP}")


@per_report
def has(text: str, *path: str) -> bool:
    return bool(matcher(*path).search(_blanked(text)))


def marks_other_matter(phrase: str, noun_after: str) -> bool:
    """A word that always marks a count of something else (依申请, 人次, 阅读量 …)."""
    return has(phrase, "not_publication", "topics") or has(noun_after, "not_publication", "topics")


def counts_things(phrase: str, noun_after: str, published: bool = False) -> bool:
    """What is counted is no published item (会议, 建议, 事项 …), unless it is 信息, or
    matters a publishing verb governs (发布“热点回应”事项19个; not 公开政务服务事项33项),
    in ``phrase`` or, ``published``, from an earlier clause of its list (主动公开规划信息、…、
    公益事业建设事项等共计80余条).

    >>> counts_things("发布“热点回应”事项", ""), counts_things("公开政务服务事项", ""), counts_things("受理申请事项", "")
    (False, True, True)
    """
    if _INFO_HEAD.search(phrase):
        return False
    if published or publish_verbs(phrase):
        phrase = matcher("not_publication", "published_matters").sub(lambda m: " " * len(m.group(0)), phrase)
    return has(phrase, "not_publication", "things") or has(noun_after, "not_publication", "things")
