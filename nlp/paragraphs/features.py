"""Features of all the paragraphs of a report, computed in one pass over their joined text
(no Python loop per paragraph, no word segmentation):

* character n-grams (2–4) of a fixed vocabulary: each n-gram is one 64-bit key (four
  16-bit code points), looked up in the sorted vocabulary with ``np.searchsorted``;
  sublinear tf × idf, rows L2-normalised;
* the section (one-hot) the paragraph stands in;
* the cues of cues.json, each a regular expression with the real sentences that justify it:
  a clause cue runs once over the joined text and every match counts in the paragraph it
  starts in (log counts, inside and outside section 5); an opening cue says whether the
  paragraph's first words match it.

>>> texts = ["下一步，我局将升级改版门户网站。", "全年公开信息12条。"]
>>> keys = ngram_keys(joined(texts)[0])
>>> vocab = np.unique(keys[0])
>>> m = ngram_matrix(texts, vocab, np.ones(len(vocab)))
>>> m.shape[0], bool(m[0].nnz > m[1].nnz)
(2, True)
>>> normalize("信息公开⼯作⼈员")        # Kangxi radicals of PDF text
'信息公开工作人员'
>>> normalize("我鎮(zhèn)政府信息公開")  # pinyin glosses of some sites; traditional script
'我镇政府信息公开'
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from .. import regexes

NGRAMS = (2, 3, 4)
SEPARATOR = "\n"
SECTIONS = 7  # 0 (unknown) and 1–6
#: an opening cue looks at this many first characters of a paragraph
OPENING_CHARS = 16

_PINYIN_GLOSS = re.compile(r"\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8})\)")


@lru_cache(maxsize=1)
def _to_simplified():
    try:
        import opencc
    except ImportError:  # without OpenCC, traditional text is read as it is
        return None
    return opencc.OpenCC("t2s")


def normalize(text: str) -> str:
    """Compatibility characters folded (NFKC: Kangxi radicals, full-width letters and
    digits), pinyin glosses dropped, traditional characters made simplified."""
    text = _PINYIN_GLOSS.sub("", unicodedata.normalize("NFKC", text))
    converter = _to_simplified()
    return converter.convert(text) if converter else text


#: joins the texts of normalize_many(): a private-use character, which NFKC, the pinyin
#: glosses and OpenCC leave as it is and no phrase of theirs runs across
_APART = "\ue000"


def normalize_many(texts) -> list:
    """[normalize(t) for t in texts], in one normalisation call for all of them (joined by a
    character none of the steps changes or reads across; one at a time where a text holds it)."""
    texts = list(texts)
    if len(texts) < 2 or any(_APART in t for t in texts):
        return [normalize(t) for t in texts]
    out = normalize(_APART.join(texts)).split(_APART)
    return out if len(out) == len(texts) else [normalize(t) for t in texts]


def joined(texts) -> tuple:
    """(the normalised texts joined by SEPARATOR, the start offset of each). One
    normalisation call for all of them (OpenCC and NFKC never add or drop a line break)."""
    flat = [t.replace(SEPARATOR, " ") for t in texts]
    text = normalize(SEPARATOR.join(flat))
    starts = np.zeros(len(flat), dtype=np.int64)
    if len(flat) > 1:
        breaks = np.flatnonzero(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) == ord(SEPARATOR))
        starts[1:] = breaks[: len(flat) - 1] + 1
    return text, starts


def ngram_keys(text: str) -> tuple:
    """(keys, paragraph index) of every character n-gram of ``text`` that does not cross a
    separator; code points above U+FFFF count as U+FFFF."""
    codes = np.minimum(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), 0xFFFF).astype(np.uint64)
    separator = codes == ord(SEPARATOR)
    seps = np.concatenate([[0], np.cumsum(separator)])
    keys, rows = [], []
    for n in NGRAMS:
        if len(codes) < n:
            continue
        count = len(codes) - n + 1
        key = np.zeros(count, dtype=np.uint64)
        for k in range(n):
            key |= codes[k:k + count] << np.uint64(16 * k)
        whole = seps[n:n + count] == seps[:count]
        keys.append(key[whole])
        rows.append(seps[:count][whole])
    if not keys:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    return np.concatenate(keys), np.concatenate(rows).astype(np.int64)


def ngram_weights(texts, vocabulary: np.ndarray, idf: np.ndarray, text=None) -> tuple:
    """(row, column, weight) of the non-zero TF-IDF entries (sublinear tf, L2-normalised
    rows) of ``texts`` over ``vocabulary`` (sorted keys), ordered by row and column;
    ``text``: their joined text, when the caller has it already."""
    keys, rows = ngram_keys(joined(texts)[0] if text is None else text)
    if not len(vocabulary) or not len(keys):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    at = vocabulary_index(vocabulary, keys)
    hit = at >= 0
    pairs, counts = np.unique(rows[hit] * len(vocabulary) + at[hit], return_counts=True)
    row, column = np.divmod(pairs, len(vocabulary))
    weight = (1.0 + np.log(counts)) * idf[column]
    norms = np.sqrt(np.bincount(row, weights=weight * weight))
    return row, column, weight / norms[row]


#: Fibonacci hashing of an n-gram key into the slots of vocabulary_index()'s table
_MIX = np.uint64(0x9E3779B97F4A7C15)
#: (vocabulary, its hash table, shift) of the vocabularies looked up last
_TABLES: list = []


def vocabulary_index(vocabulary: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """The index in ``vocabulary`` (sorted, unique keys) of each of ``keys``, -1 where it is
    not there: the index searchsorted gives. A hash table of the vocabulary (built once per
    vocabulary, four slots a key, each slot holding the first key that hashes to it) answers
    most keys in three array operations: a key whose slot is empty is not in the vocabulary,
    one whose slot holds it is found; the few others (a slot held by another key) are
    looked up with searchsorted."""
    if not len(vocabulary):
        return np.full(len(keys), -1, dtype=np.int64)
    if vocabulary.dtype != np.uint64 or keys.dtype != np.uint64:
        at = np.minimum(np.searchsorted(vocabulary, keys), len(vocabulary) - 1)
        return np.where(vocabulary[at] == keys, at, -1)
    table, shift = _table(vocabulary)
    slot = table[(keys * _MIX) >> shift]
    found = (vocabulary[slot] == keys) & (slot >= 0)
    at = np.where(found, slot, -1)
    doubt = np.flatnonzero(~found & (slot >= 0))
    if len(doubt):
        some = keys[doubt]
        near = np.minimum(np.searchsorted(vocabulary, some), len(vocabulary) - 1)
        at[doubt] = np.where(vocabulary[near] == some, near, -1)
    return at


def _table(vocabulary: np.ndarray) -> tuple:
    for known, table, shift in _TABLES:
        if known is vocabulary:
            return table, shift
    bits = max(4, (4 * len(vocabulary)).bit_length())
    shift = np.uint64(64 - bits)
    table = np.full(1 << bits, -1, dtype=np.int64)
    home = (vocabulary * _MIX) >> shift
    _, first = np.unique(home, return_index=True)
    table[home[first]] = first
    _TABLES[:] = [(vocabulary, table, shift), *_TABLES[:1]]
    return table, shift


def ngram_matrix(texts, vocabulary: np.ndarray, idf: np.ndarray, text=None):
    """The TF-IDF rows of ``texts`` (ngram_weights()) as a sparse matrix."""
    from scipy import sparse  # training and tests only: serving takes linear_margins()

    row, column, weight = ngram_weights(texts, vocabulary, idf, text)
    return sparse.csr_matrix((weight, (row, column)), shape=(len(texts), len(vocabulary)))


def learn_vocabulary(texts, *, min_df: int = 2, max_features: int = 20000) -> tuple:
    """(sorted vocabulary keys, idf): the n-grams of at least ``min_df`` paragraphs, the
    ``max_features`` most frequent; smoothed idf over the paragraphs."""
    keys, rows = ngram_keys(joined(texts)[0])
    pairs, counts = np.unique(np.stack([keys, rows.astype(np.uint64)]), axis=1, return_counts=True)
    vocab, df = np.unique(pairs[0], return_counts=True)
    total = np.bincount(np.searchsorted(vocab, pairs[0]), weights=counts, minlength=len(vocab))
    keep = df >= min_df
    vocab, df, total = vocab[keep], df[keep], total[keep]
    if len(vocab) > max_features:
        top = np.sort(np.argsort(-total, kind="stable")[:max_features])
        vocab, df = vocab[top], df[top]
    idf = np.log((1 + len(texts)) / (1 + df)) + 1.0
    return vocab, idf


@dataclass(frozen=True)
class Cue:
    """A cue of cues.json: ``where`` it looks ("clause": anywhere, counted; "opening": the
    first OPENING_CHARS characters, yes or no); a match inside a match of ``unless`` does
    not count (针对存在的问题 names a problem to address it, it does not admit one)."""

    name: str
    label: str
    stance: str
    pattern: re.Pattern
    where: str = "clause"
    unless: re.Pattern | None = None

    def starts(self, text: str, starts: np.ndarray) -> np.ndarray:
        """Start offsets of the matches that count, in the joined ``text`` of paragraphs
        beginning at ``starts``: not across a separator, not inside ``unless``, and for an
        opening cue ending within the paragraph's first characters."""
        found = [(m.start(), m.end()) for m in self.pattern.finditer(text) if SEPARATOR not in m.group()]
        if not found:
            return np.zeros(0, dtype=np.int64)
        hits = np.array(found, dtype=np.int64)
        if self.unless is not None:
            masks = np.array([(m.start(), m.end()) for m in self.unless.finditer(text)], dtype=np.int64).reshape(-1, 2)
            if len(masks):
                inside = np.searchsorted(masks[:, 0], hits[:, 0], side="right") - 1
                hits = hits[~((inside >= 0) & (hits[:, 0] < masks[np.maximum(inside, 0), 1]))]
        if self.where == "opening" and len(hits):
            para = np.searchsorted(starts, hits[:, 0], side="right") - 1
            hits = hits[hits[:, 1] - starts[para] <= OPENING_CHARS]
        return hits[:, 0]

    def search(self, text: str) -> bool:
        """Does the cue fire on one paragraph ``text``?"""
        return len(self.starts(text, np.zeros(1, dtype=np.int64))) > 0


@lru_cache(maxsize=1)
def cues() -> dict:
    """name → Cue, from cues.json (each cue with the real sentences that justify it)."""
    data = json.loads(resources.files("nlp.paragraphs").joinpath("cues.json").read_text(encoding="utf-8"))
    return {c["name"]: Cue(c["name"], c["label"], c["stance"], regexes.compile(c["pattern"]),
                           c.get("where", "clause"), regexes.compile(c["unless"]) if c.get("unless") else None)
            for c in data["cues"]}


def cue_names() -> list:
    names = [f"section={n}" for n in range(SECTIONS)]
    for name, cue in cues().items():
        names += [f"opens:{name}"] if cue.where == "opening" else [f"{name}@s5", f"{name}@other"]
    return names


def cue_hits(text: str, starts: np.ndarray) -> dict:
    """name → the start offsets of each cue's matches that count (Cue.starts) in the
    joined ``text`` of paragraphs beginning at ``starts``. The paragraph columns and the
    channel-clause gate of one report ask for the same matches: they are found once
    (cue_scan())."""
    hits, owner = cue_scan(text, starts)
    bounds = np.searchsorted(owner, np.arange(len(cues()) + 1))
    return {name: hits[bounds[k]:bounds[k + 1]] for k, name in enumerate(cues())}


def cue_scan(text: str, starts: np.ndarray) -> tuple:
    """(start offsets, cue index in cues()' order) of the matches of every cue that count
    (Cue.starts), ordered by cue then offset: one loop over the cues, the few matches of
    each filtered in Python, one array at the end (no numpy calls per cue)."""
    return _cue_scan(text, np.asarray(starts, dtype=np.int64).tobytes())


@lru_cache(maxsize=2)
def _cue_scan(text: str, starts: bytes) -> tuple:
    hits, owner = [], []
    at = None
    unless = {}  # the matches of each ``unless`` pattern: three cues share one (a 平台建设 aim)
    for k, cue in enumerate(cues().values()):
        found = [m.span() for m in cue.pattern.finditer(text) if SEPARATOR not in m.group()]
        if not found:
            continue
        if cue.unless is not None:
            key = (cue.unless.pattern, cue.unless.flags)
            if key not in unless:
                masks = [m.span() for m in cue.unless.finditer(text)]
                unless[key] = masks, [a for a, _ in masks]
            masks, mask_starts = unless[key]
            if masks:
                found = [(a, b) for a, b in found if not _inside(a, mask_starts, masks)]
        if cue.where == "opening":
            if at is None:
                at = np.frombuffer(starts, dtype=np.int64).tolist()
            found = [(a, b) for a, b in found if b - at[bisect_right(at, a) - 1] <= OPENING_CHARS]
        hits += [a for a, _ in found]
        owner += [k] * len(found)
    return np.array(hits, dtype=np.int64), np.array(owner, dtype=np.int64)


def _inside(start: int, mask_starts: list, masks: list) -> bool:
    """Does ``start`` fall inside one of ``masks`` (non-overlapping spans, by start)?"""
    i = bisect_right(mask_starts, start) - 1
    return i >= 0 and start < masks[i][1]


def cue_columns(texts, sections, text=None, starts=None) -> np.ndarray:
    """Per paragraph (a dense row): its section (one-hot); per clause cue the log count of
    the matches that start in it, inside and outside section 5; per opening cue 1.0 where
    it fires. The matches of all the cues are counted per paragraph in one pass (no numpy
    calls per cue)."""
    if text is None:
        text, starts = joined(texts)
    starts = np.asarray(starts, dtype=np.int64)
    n = len(starts)
    opening, first, second, kinds = _cue_layout(tuple(cue.where for cue in cues().values()))
    width = SECTIONS + len(opening) + 2 * len(first)
    if not n:
        return np.zeros((0, width))
    section = np.array([s if s in (1, 2, 3, 4, 5, 6) else 0 for s in sections], dtype=np.int64)
    in5 = (section == 5).astype(float)
    out = np.empty((n, width))
    out[:, :SECTIONS] = section[:, None] == np.arange(SECTIONS)
    hits, owner = cue_scan(text, starts)
    counts = np.zeros((len(kinds), n), dtype=np.int64)
    if len(hits):
        para = np.searchsorted(starts, hits, side="right") - 1
        counts = np.bincount(owner * n + para, minlength=len(kinds) * n).reshape(len(kinds), n)
    out[:, opening] = (counts[kinds] > 0).T
    logs = np.log1p(counts[~kinds]).T
    out[:, first] = logs * in5[:, None]
    out[:, second] = logs * (1 - in5)[:, None]
    return out


@lru_cache(maxsize=4)
def _cue_layout(wheres: tuple) -> tuple:
    """The cue columns of cue_columns() in cue_names()' order for cues whose ``where`` are
    ``wheres``: (opening cues' columns, clause cues' section-5 columns, their other-section
    columns, which cues open), each in cues()' order."""
    opening, first, second = [], [], []
    at = SECTIONS
    for where in wheres:
        if where == "opening":
            opening.append(at)
            at += 1
        else:
            first.append(at)
            second.append(at + 1)
            at += 2
    return (np.array(opening, dtype=np.int64), np.array(first, dtype=np.int64), np.array(second, dtype=np.int64),
            np.array([where == "opening" for where in wheres], dtype=bool))


def cue_matrix(texts, sections, text=None, starts=None):
    """cue_columns() as a sparse matrix."""
    from scipy import sparse

    return sparse.csr_matrix(cue_columns(texts, sections, text, starts))


def featurize(texts, sections, vocabulary: np.ndarray, idf: np.ndarray, cue_weight: float):
    """The feature matrix of a report's paragraphs: n-gram TF-IDF, then section and cues ×
    ``cue_weight``. The texts are normalised and joined once."""
    from scipy import sparse

    text, starts = joined(texts)
    return sparse.hstack([ngram_matrix(texts, vocabulary, idf, text),
                          cue_matrix(texts, sections, text, starts) * cue_weight], format="csr")


def linear_margins(texts, sections, vocabulary: np.ndarray, idf: np.ndarray, cue_weight: float,
                   coef: np.ndarray, text=None, starts=None) -> np.ndarray:
    """``featurize(...) @ coef`` without building the matrix: (paragraphs × labels), the
    n-gram weights of each paragraph summed into its row. Serving takes this path (a report's
    few dozen paragraphs cost more in sparse-matrix bookkeeping than in arithmetic).
    ``text``, ``starts``: joined(texts), when the caller has it already."""
    if text is None:
        text, starts = joined(texts)
    margins = cue_columns(texts, sections, text, starts) @ (coef[len(vocabulary):] * cue_weight)
    row, column, weight = ngram_weights(texts, vocabulary, idf, text)
    if len(row):
        firsts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
        # each n-gram's coefficients times its weight, gathered by np.take and scaled in place
        # (a third of the cost of ``weight[:, None] * coef[column]``; the same products)
        terms = np.take(coef, column, axis=0)
        terms *= weight[:, None]
        margins[row[firsts]] += np.add.reduceat(terms, firsts, axis=0)
    return margins


#: a clause of the per-clause platform score: a sentence (up to 。；;！？!?) of a paragraph
_CLAUSE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]*")
#: the cues that open the clause pass: a clause working on a channel (building, running,
#: changing, inspecting it, or naming its shortcoming); channel_named alone does not
CHANNEL_CLAUSE_CUES = ("channel_build", "channel_work", "channel_change", "channel_check", "channel_shortfall")
#: ...unless a cue against platform fires in the same clause (a channel named as where items
#: were published, the report's own place of publication, a framing aim, a 平台建设 heading):
#: such a clause is left to the paragraph's own score
CHANNEL_CLAUSE_AGAINST = ("channel_used", "channel_published", "report_published", "channel_framing",
                          "platform_heading")


def channel_clauses(text: str, starts: np.ndarray) -> tuple:
    """(clause texts, paragraph index of each): the clauses of the joined ``text`` (of
    paragraphs beginning at ``starts``) in which a cue of CHANNEL_CLAUSE_CUES fires and none
    of CHANNEL_CLAUSE_AGAINST — one pass
    of the clause pattern and of each cue over the whole report, no loop per paragraph."""
    found = [(m.start(), m.group()) for m in _CLAUSE.finditer(text)]
    if not found or not len(starts):
        return [], np.zeros(0, dtype=np.int64)
    begins = np.array([b for b, _ in found], dtype=np.int64)
    gate = np.zeros(len(found), dtype=bool)
    hits, owner = cue_scan(text, starts)
    if len(hits):
        clause = np.searchsorted(begins, hits, side="right") - 1
        gate[clause[_cue_mask(CHANNEL_CLAUSE_CUES)[owner]]] = True
        gate[clause[_cue_mask(CHANNEL_CLAUSE_AGAINST)[owner]]] = False
    chosen = np.flatnonzero(gate)
    return [found[i][1] for i in chosen], np.searchsorted(starts, begins[chosen], side="right") - 1


@lru_cache(maxsize=4)
def _cue_mask(names: tuple) -> np.ndarray:
    """Per cue in cues()' order: is it one of ``names``?"""
    return np.array([name in names for name in cues()], dtype=bool)


def clause_max_margins(texts, sections, vocabulary: np.ndarray, idf: np.ndarray, cue_weight: float,
                       coef: np.ndarray, text=None, starts=None) -> np.ndarray:
    """Per paragraph, the highest margin (``coef``: one column over featurize()'s columns) of
    its channel clauses (channel_clauses()), each scored as a text of its own; -inf where it
    has none. All the clauses of a report in one linear_margins() call. ``text``,
    ``starts``: joined(texts), when the caller has it already."""
    if text is None:
        text, starts = joined(texts)
    best = np.full(len(starts), -np.inf)
    units, owner = channel_clauses(text, starts)
    if units:
        margins = linear_margins(units, [sections[i] for i in owner], vocabulary, idf, cue_weight,
                                 coef.reshape(len(coef), 1))[:, 0]
        np.maximum.at(best, owner, margins)
    return best

