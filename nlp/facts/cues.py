"""The word lists of ``nlp/data/facts_cues.json``, compiled once into matchers.

A cue may be split by whitespace in PDF text (``视频\\n号``), so every literal cue matches
with optional whitespace between its characters; ``re:`` entries are regexes as written.

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
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Cue:
    """A channel word found in the text (offsets relative to the text searched)."""

    word: str
    channel: str
    strong: bool
    start: int
    end: int
    listed: bool = False  # stands after 等: the general name of a list (微信等政务新媒体)


@lru_cache(maxsize=1)
def data() -> dict:
    return json.loads(resources.files("nlp.data").joinpath("facts_cues.json").read_text(encoding="utf-8"))


def _pattern(entry: str) -> str:
    if entry.startswith("re:"):
        return entry[3:]
    return r"\s*".join(re.escape(ch) for ch in entry)


def word_regex(words) -> re.Pattern:
    """One regex matching any of ``words`` (longest first; ``re:`` entries as regex)."""
    ordered = sorted(words, key=lambda w: (w.startswith("re:"), -len(w)))
    return re.compile("|".join(f"(?:{_pattern(w)})" for w in ordered))


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
    return regex, entries


_LIST_HEAD = re.compile(r"等\s*(?:各类|其他|多种)?\s*$")


def channel_cues(text: str) -> list:
    """The channel cues of ``text`` in order (longest match wins where they overlap)."""
    regex, entries = _channel_regex()
    out = []
    for m in regex.finditer(text):
        i = int(m.lastgroup[1:])
        word, channel, strong = entries[i]
        listed = bool(_LIST_HEAD.search(text[max(0, m.start() - 6):m.start()]))
        out.append(Cue(re.sub(r"\s+", "", m.group(0)), channel, strong, m.start(), m.end(), listed))
    return out


def resolve_channel(cues) -> str | None:
    """One channel for the cues of one stretch of text, or None when there are none.

    ``X等Y`` names Y (微信公众平台等政务新媒体 → new_media); several named channels
    together are ``total``; a column or platform alone is a website's.
    """
    if not cues:
        return None
    strong = [c for c in cues if c.strong]
    listed = [c for c in strong if c.listed]
    if listed:
        return listed[-1].channel
    channels = {c.channel for c in strong}
    if len(channels) == 1:
        return channels.pop()
    if channels:
        return "total"
    return cues[-1].channel
