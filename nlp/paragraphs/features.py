"""Features of all the paragraphs of a report, computed in one pass over their joined text
(no Python loop per paragraph, no word segmentation):

* character n-grams (2–4) of a fixed vocabulary: each n-gram is one 64-bit key (four
  16-bit code points), looked up in the sorted vocabulary with ``np.searchsorted``;
  sublinear tf × idf, rows L2-normalised;
* the section (one-hot) the paragraph stands in;
* clause-level cues (cues.json): each cue's regex runs once over the joined text, every
  match is counted in the paragraph it starts in; log counts, inside and outside section 5.

>>> texts = ["下一步，我局将升级改版门户网站。", "全年公开信息12条。"]
>>> keys = ngram_keys(joined(texts)[0])
>>> vocab = np.unique(keys[0])
>>> m = ngram_matrix(texts, vocab, np.ones(len(vocab)))
>>> m.shape[0], bool(m[0].nnz > m[1].nnz)
(2, True)
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import numpy as np
from scipy import sparse

from .tokenize import normalize

NGRAMS = (2, 3, 4)
SEPARATOR = "\n"
_SECTIONS = 7  # 0 (unknown) and 1–6


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


def ngram_matrix(texts, vocabulary: np.ndarray, idf: np.ndarray):
    """TF-IDF rows (sublinear tf, L2-normalised) of ``texts`` over ``vocabulary`` (sorted keys)."""
    keys, rows = ngram_keys(joined(texts)[0])
    shape = (len(texts), len(vocabulary))
    if not len(vocabulary) or not len(keys):
        return sparse.csr_matrix(shape)
    at = np.minimum(np.searchsorted(vocabulary, keys), len(vocabulary) - 1)
    hit = vocabulary[at] == keys
    m = sparse.coo_matrix((np.ones(int(hit.sum())), (rows[hit], at[hit])), shape=shape).tocsr()
    m.sum_duplicates()
    m.data = (1.0 + np.log(m.data)) * idf[m.indices]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


@lru_cache(maxsize=1)
def cues() -> dict:
    """name → compiled pattern, from cues.json (each cue with the real sentences that justify it)."""
    data = json.loads(resources.files("nlp.paragraphs").joinpath("cues.json").read_text(encoding="utf-8"))
    return {c["name"]: re.compile(c["pattern"]) for c in data["cues"]}


def cue_names() -> list:
    names = [f"section={n}" for n in range(_SECTIONS)]
    for name in cues():
        names += [f"{name}@s5", f"{name}@other"]
    return names


def cue_matrix(texts, sections):
    """Per paragraph: its section (one-hot), and per cue the log count of the clauses that
    match it, inside and outside section 5."""
    text, starts = joined(texts)
    n = len(starts)
    section = np.array([s if s in (1, 2, 3, 4, 5, 6) else 0 for s in sections], dtype=np.int64)
    in5 = (section == 5).astype(float)
    columns = [(section == k).astype(float) for k in range(_SECTIONS)]
    for pattern in cues().values():
        hits = np.array([m.start() for m in pattern.finditer(text)], dtype=np.int64)
        counts = np.bincount(np.searchsorted(starts, hits, side="right") - 1, minlength=n)[:n] if len(hits) else np.zeros(n)
        logs = np.log1p(counts)
        columns += [logs * in5, logs * (1 - in5)]
    return sparse.csr_matrix(np.column_stack(columns)) if n else sparse.csr_matrix((0, len(columns)))


def learn_vocabulary(texts, groups, *, min_groups: int = 3, max_features: int = 30000) -> tuple:
    """(sorted vocabulary keys, idf): the n-grams used in at least ``min_groups`` different
    documents (wording of one report is not the genre's), the most widespread first."""
    keys, rows = ngram_keys(joined(texts)[0])
    group_ids = np.unique(np.asarray(groups), return_inverse=True)[1]
    pairs = np.unique(np.stack([keys, group_ids[rows].astype(np.uint64)]), axis=1)
    vocab, spread = np.unique(pairs[0], return_counts=True)
    keep = spread >= min_groups
    vocab, spread = vocab[keep], spread[keep]
    if len(vocab) > max_features:
        top = np.argsort(-spread, kind="stable")[:max_features]
        vocab = np.sort(vocab[top])
    para_pairs = np.unique(np.stack([keys, rows.astype(np.uint64)]), axis=1)
    at = np.searchsorted(vocab, para_pairs[0])
    at = np.minimum(at, max(len(vocab) - 1, 0))
    df = np.bincount(at[vocab[at] == para_pairs[0]], minlength=len(vocab)) if len(vocab) else np.zeros(0)
    idf = np.log((1 + len(texts)) / (1 + df)) + 1.0
    return vocab, idf
