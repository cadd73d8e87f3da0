"""Where facts can be: the sentences of the narrative that hold a count and a cue.

A report is mostly prose without numbers, and its tables (sections 2-4) are no prose.
One compiled regex finds the numbers of the narrative; each number's sentence (up to
the nearest sentence end either side, at most :data:`REACH` characters away) is cut into
sentences, and a sentence is a candidate when it holds a number and a cue word (a
publishing, follower, procurement or part word, or a channel) stands in it or just
before it. Each stretch of text is read once, so the cost is linear in the length
of the text, and the pipeline tokenises the candidates alone, those holding a count
(any length of text works: spaCy's limit of 1,000,000 characters is for one tokenised text).

>>> text = "一、总体情况\\n加强组织领导。全年主动公开政府信息120条，其中政策文件8条。受理申请3件。"
>>> [text[s.start:s.end] for s in candidate_sentences(text, [(0, len(text))])]
['全年主动公开政府信息120条，其中政策文件8条', '受理申请3件']
>>> candidate_sentences("二〇二〇年工作要点。第三条规定。", [(0, 16)])
[]
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import regexes
from .. import regexes
from .cues import data, word_regex
from .prose import paragraph_end, sentence, sentence_spans

#: How far a number's sentence is looked for either side of it (a longer stretch
#: without a sentence end is no prose: a run of digits, a table without separators).
REACH = 1000
#: How far before a sentence its cue may stand (其中 and 在…中 open a list of parts).
CUE_BEFORE = 40

_NUMBER = regexes.compile(r"\d|[零〇一二两三四五六七八九十百千]+\s*[余多]?\s*(?:条|篇|件|则|份|期|个|次|项|人|元|户|位|部)")
_ENDS = "。！？!?"


def _cue_words() -> list:
    """Every word that can make a number a fact."""
    cues = data()
    return (cues["publish_verbs"]["words"] + cues["follower_words"]["words"] + cues["procurement_words"]["words"]
            + cues["part_markers"]["words"]
            + [w for table in cues["channels"]["strong"].values() for w in table]
            + [w for table in cues["channels"]["weak"].values() for w in table])


@lru_cache(maxsize=1)
def _cue() -> re.Pattern:
    """Every word that can make a number a fact, in one regex."""
    return word_regex(_cue_words())


@lru_cache(maxsize=1)
def _cue_parts() -> tuple:
    """_cue() as the regexes of two groups of its words: a stretch holds a match of _cue()
    where it holds one of either (an alternation matches at a place where one of its
    alternatives does). Apart go the ``re:`` entries whose match can start at almost any
    Chinese character (在本县政府网发布: a name before 网): in one regex with the others they
    make re try the hundred and fifty alternatives at every character of a sentence, where
    the others alone let it skip to the characters their words start with (the candidates'
    cue search 81-89 -> 23 us a report on the bench archive)."""
    words = _cue_words()
    broad = [w for w in words if w.startswith("re:") and _starts_anywhere(w[3:])]
    return tuple(word_regex(part) for part in ([w for w in words if w not in broad], broad) if part)


#: every hundredth character of the CJK Unified Ideographs block
_CJK_SAMPLE = "".join(chr(c) for c in range(0x4E00, 0xA000, 100))


def _starts_anywhere(pattern: str) -> bool:
    first = regexes.first_characters(pattern)
    return first is not None and len(re.findall(first, _CJK_SAMPLE)) > len(_CJK_SAMPLE) // 2


def candidate_sentences(text: str, ranges) -> list:
    """The candidate :class:`~nlp.facts.prose.Sentence` s of ``text[start:end]`` for each
    ``(start, end)`` of ``ranges``, in text order. A sentence with a number in a list that
    an earlier candidate opened (从公开内容看:1、…。2、…。) is one, to the paragraph's end."""
    out = []
    for start, end in ranges:
        covered = start
        listed_until = -1
        ends = None
        for m in _NUMBER.finditer(text, start, end):
            if m.start() < covered:
                continue
            if ends is None:  # the range's sentence ends, found once: each number's sentence is looked up among them
                ends = sentence_ends(text, start, end)
            begin = ends.start_before(m.start(), max(covered, m.start() - REACH))
            stop = ends.end_after(m.end(), min(end, m.end() + REACH))
            for s, e in sentence_spans(text, begin, stop):  # clauses for the candidates alone
                if s < listed_until and _NUMBER.search(text, s, e) or _holds_fact_words(text, s, e):
                    out.append(sentence(text, s, e))
                    if _opens_list().match(text, s, e):
                        listed_until = paragraph_end(text, e, end)
            covered = stop
    return out


@lru_cache(maxsize=1)
def _opens_list() -> re.Pattern:
    return word_regex(data()["part_markers"]["lists"])


#: A character that ends a sentence; a blank line (where a line break is followed by another).
_END_CHAR = re.compile("[" + _ENDS + "]")
_BLANK_LINE = re.compile(r"\n(?=\n)")


class SentenceEnds:
    """Where the sentences of ``text[start:end]`` can end (:data:`_ENDS` and blank lines),
    found in one pass; a number's sentence is then looked up among them.

    >>> text = "加强领导。发布信息3条！\\n\\n受理申请2件"
    >>> ends = sentence_ends(text, 0, len(text))
    >>> ends.start_before(9, 0), ends.end_after(11, len(text)), ends.end_after(20, len(text))
    (5, 12, 20)
    """

    def __init__(self, chars: list, blanks: list):
        self.chars, self.blanks = chars, blanks

    def start_before(self, at: int, lo: int) -> int:
        """Where the sentence of ``at`` starts, not before ``lo``: after the last sentence
        end in ``text[lo:at]`` (a blank line's first break), ``lo`` when there is none."""
        best = -1
        i = bisect.bisect_left(self.chars, at) - 1
        if i >= 0 and self.chars[i] >= lo:
            best = self.chars[i]
        j = bisect.bisect_right(self.blanks, at - 2) - 1  # both breaks before ``at``
        if j >= 0 and self.blanks[j] >= lo:
            best = max(best, self.blanks[j])
        return best + 1 if best >= 0 else lo

    def end_after(self, at: int, hi: int) -> int:
        """Where the sentence of a number ending at ``at`` ends, not after ``hi``: past the
        first sentence end in ``text[at:hi]``, ``hi`` when there is none."""
        best = hi
        i = bisect.bisect_left(self.chars, at)
        if i < len(self.chars) and self.chars[i] < hi:
            best = self.chars[i] + 1
        j = bisect.bisect_left(self.blanks, at)
        if j < len(self.blanks) and self.blanks[j] + 2 <= hi:
            best = min(best, self.blanks[j] + 1)
        return best


def sentence_ends(text: str, start: int, end: int) -> SentenceEnds:
    return SentenceEnds([m.start() for m in _END_CHAR.finditer(text, start, end)],
                        [m.start() for m in _BLANK_LINE.finditer(text, start, end)])


def _sentence_start(text: str, at: int, lo: int) -> int:
    """SentenceEnds.start_before() read off the text (what it must equal)."""
    ends = [text.rfind(ch, lo, at) for ch in _ENDS] + [text.rfind("\n\n", lo, at)]
    best = max(ends)
    return best + 1 if best >= 0 else lo


def _sentence_end(text: str, at: int, hi: int) -> int:
    """SentenceEnds.end_after() read off the text (what it must equal)."""
    ends = [i for i in (text.find(ch, at, hi) for ch in (*_ENDS, "\n\n")) if i >= 0]
    return min(ends) + 1 if ends else hi


def _holds_fact_words(text: str, start: int, end: int) -> bool:
    if not _NUMBER.search(text, start, end):
        return False
    at = max(0, start - CUE_BEFORE)
    return any(part.search(text, at, end) for part in _cue_parts())
