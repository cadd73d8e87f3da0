"""What the stages compute once and share (issue 14) gives what computing it afresh gives,
on real report text: the facts rules' per-report readings of a text, each quantity's context
in its sentence, the scene of the sentence before (worked out when asked), the paragraph
cue columns counted for all cues at once, a line's kept display width, the numbers of a
sentence found in its report's text folded once."""
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from nlp import paragraphs, vocabulary
from nlp.facts import channels, cues, pipeline, verbs
from nlp.facts.view import DATE_UNITS, SUFFIX_WINDOW
from nlp.paragraphs import features, split
from nlp.segment import find_sections

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((ROOT / "data" / "corpus").rglob("*.txt"))[:30]


@pytest.fixture(scope="module")
def reports():
    return [p.read_text(encoding="utf-8") for p in TEXTS]


def _views(text):
    """The sentence views of a report as the pipeline makes them (its last report's caches kept)."""
    doc = pipeline.annotate(text, find_sections(text))
    return doc, doc._.fact_sentences


def test_the_reports_have_counts_to_read(reports):
    assert sum(len(_views(text)[1]) for text in reports) > 50


def test_per_report_readings_are_those_computed_afresh(reports):
    checked = 0
    for text in reports:
        _, views = _views(text)  # the caches now hold this report's texts
        for view in views:
            for q in view.quantities:
                for words in (view.prefix(q), view.suffix(q), view.text[view.start:q.start]):
                    assert verbs.governing(words) == verbs.governing.__wrapped__(words)
                    assert verbs.publish_verbs(words) == [s for s, _ in verbs._publish_spans.__wrapped__(words)]
                    assert verbs._blanked(words) == verbs._blanked.__wrapped__(words)
                    assert verbs.has(words, "follower_words", "words") == verbs.has.__wrapped__(words, "follower_words", "words")
                    checked += 1
    assert checked > 200


def test_forget_texts_empties_the_per_report_caches(reports):
    _views(reports[0])
    assert verbs.governing.cache_info().currsize > 0
    cues.forget_texts()
    assert all(kept.cache_info().currsize == 0 for kept in cues._PER_REPORT)


def _context_afresh(view, q):
    """A quantity's clause index, prefix start, prefix and suffix, worked out as the rules once did."""
    index = next((i for i, c in enumerate(view.clauses) if c.start <= q.start < c.end), len(view.clauses) - 1)
    begin = view.clauses[index].start
    for other in view.quantities:
        if begin <= other.end <= q.start and other.unit not in DATE_UNITS:
            begin = other.end
    clause = view.clauses[index]
    return index, begin, view.text[begin:q.start], view.text[q.end:min(max(clause.end, q.end), q.end + SUFFIX_WINDOW)]


def test_quantity_context_is_worked_out_as_before(reports):
    checked = 0
    for text in reports:
        _, views = _views(text)
        previous = []
        for view in views:
            # its own quantities, and those of the sentence before (a list that spans sentences asks about them)
            for q in view.quantities + previous:
                for _ in range(2):  # asked again: the kept answer
                    got = (view.clause_index(q), view.prefix_start(q), view.prefix(q), view.suffix(q))
                    assert got == _context_afresh(view, q)
                checked += 1
            previous = view.quantities
    assert checked > 100


#: reports where a count takes its channel from the sentence before (通过…平台,…发布工作。全年共发布信息80条。)
SCENES = ("001_pingtan-2019.txt", "011_hongze-district-2023-pdftext.txt", "012_hongze-district-2024-pdftext.txt")


def test_scene_before_asked_late_is_the_scene_worked_out_at_once(reports):
    asked = found = 0
    scenes = [(ROOT / "data" / "corpus" / "reports" / name).read_text(encoding="utf-8") for name in SCENES]
    for text in reports + scenes:
        doc, views = _views(text)
        for view in views:
            assert view.scene_before == channels.sentence_before_scene(doc.user_data["text"], view.start)
            asked += 1
            found += view.scene_before is not None
    assert asked > 50 and found >= 1


def test_scene_before_set_outright_wins_over_a_deferred_one(reports):
    _, views = _views(reports[0])
    view = views[0]
    view.scene_before_from(lambda: ("wechat", None))
    view.scene_before = ("website", None)
    assert view.scene_before == ("website", None)


def _cue_columns_per_cue(texts, sections):
    """cue_columns() as it was computed, one cue at a time."""
    text, starts = features.joined(texts)
    n = len(starts)
    section = np.array([s if s in (1, 2, 3, 4, 5, 6) else 0 for s in sections], dtype=np.int64)
    in5 = (section == 5).astype(float)
    columns = [(section == k).astype(float) for k in range(features.SECTIONS)]
    for cue in features.cues().values():
        hits = cue.starts(text, starts)
        counts = np.bincount(np.searchsorted(starts, hits, side="right") - 1, minlength=n)[:n] if len(hits) else np.zeros(n)
        if cue.where == "opening":
            columns.append((counts > 0).astype(float))
        else:
            logs = np.log1p(counts)
            columns += [logs * in5, logs * (1 - in5)]
    return np.column_stack(columns) if n else np.zeros((0, len(columns)))


def test_cue_columns_of_all_cues_at_once_are_those_of_each_cue(reports):
    fired = 0
    for text in reports:
        found = paragraphs.find_paragraphs(text, find_sections(text))
        texts = [b.text for _, b in found]
        sections = [paragraphs.classifier_section(*f) for f in found]
        joined, starts = features.joined(texts) if texts else ("", np.zeros(0, dtype=np.int64))
        units, owner = features.channel_clauses(joined, starts) if texts else ([], [])
        for some, their in ((texts, sections), (texts[:1], sections[:1]), (units, [sections[i] for i in owner])):
            got = features.cue_columns(some, their)
            want = _cue_columns_per_cue(some, their)
            assert got.shape == want.shape and got.tobytes() == want.tobytes()
            fired += int((got[:, features.SECTIONS:] > 0).sum())
    assert fired > 100  # the cues do fire on these reports
    assert features.cue_columns([], []).shape == (0, len(features.cue_names()))


def test_kept_display_width_is_the_width(reports):
    for text in reports[:10]:
        for line in text.splitlines():
            want = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
            assert split.display_width(line) == want
            assert split.display_width(line) == want  # asked again: the kept answer
    # characters outside report text's usual run: astral (𠮷), half-width katakana, full-width
    # letters, combining marks, a private-use character
    for line in ("𠮷野家 ｶﾀｶﾅ ＡＢＣ e\u0301 \ue000 (zhèn)", "", "𠮷"):
        assert split.display_width(line) == sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _channel_clauses_per_cue(text, starts):
    """channel_clauses() as it was computed, one cue at a time."""
    found = [(m.start(), m.group()) for m in features._CLAUSE.finditer(text)]
    if not found or not len(starts):
        return [], []
    begins = np.array([b for b, _ in found], dtype=np.int64)
    gate = np.zeros(len(found), dtype=bool)
    for names, value in ((features.CHANNEL_CLAUSE_CUES, True), (features.CHANNEL_CLAUSE_AGAINST, False)):
        for name in names:
            hits = features.cues()[name].starts(text, starts)
            if len(hits):
                gate[np.searchsorted(begins, hits, side="right") - 1] = value
    chosen = np.flatnonzero(gate)
    return [found[i][1] for i in chosen], list(np.searchsorted(starts, begins[chosen], side="right") - 1)


def test_one_scan_of_all_cues_finds_what_each_cue_finds(reports):
    masked = opened = clauses = 0
    for text in reports:
        found = paragraphs.find_paragraphs(text, find_sections(text))
        texts = [b.text for _, b in found]
        if not texts:
            continue
        joined, starts = features.joined(texts)
        hits_of = features.cue_hits(joined, starts)
        assert list(hits_of) == list(features.cues())
        for name, cue in features.cues().items():
            want = cue.starts(joined, starts)
            assert hits_of[name].dtype == np.int64 and hits_of[name].tolist() == want.tolist(), name
            every = [m.start() for m in cue.pattern.finditer(joined)]
            masked += cue.unless is not None and len(want) < len(every)
            opened += cue.where == "opening" and len(want) < len(every)
        units, owner = features.channel_clauses(joined, starts)
        want_units, want_owner = _channel_clauses_per_cue(joined, starts)
        assert units == want_units and list(owner) == want_owner
        clauses += len(units)
    # the reports exercise what the scan filters: matches inside `unless`, opening cues past
    # the paragraph's first characters, channel clauses
    assert masked and opened and clauses > 20


def test_vocabulary_index_is_searchsorted_on_real_reports(reports, engine):
    vocabulary = engine.classifier._classifier.vocabulary
    hits = misses = 0
    for text in reports:
        keys = features.ngram_keys(features.joined(text.splitlines())[0])[0]
        at = np.minimum(np.searchsorted(vocabulary, keys), len(vocabulary) - 1)
        want = np.where(vocabulary[at] == keys, at, -1)
        got = features.vocabulary_index(vocabulary, keys)
        assert got.dtype == np.int64 and got.tolist() == want.tolist()
        hits += int((want >= 0).sum())
        misses += int((want < 0).sum())
    assert hits > 1000 and misses > 1000
    # a vocabulary learnt from a few paragraphs, and one with no key at all
    small = features.learn_vocabulary(reports[0].splitlines())[0]
    keys = features.ngram_keys(reports[1])[0]
    at = np.minimum(np.searchsorted(small, keys), len(small) - 1)
    assert features.vocabulary_index(small, keys).tolist() == np.where(small[at] == keys, at, -1).tolist()
    assert features.vocabulary_index(np.zeros(0, dtype=np.uint64), keys).tolist() == [-1] * len(keys)


def _classifier_section_one_at_a_time(section, block):
    """classifier_section() as it was computed, each text normalised on its own."""
    if block.heading and paragraphs._SECTION6_TITLE.search(features.normalize(block.heading)):
        return 6
    opening = block.heading or block.text
    if section != 5 and (paragraphs._SECTION5_OPENING.match(opening)
                         or paragraphs._SECTION5_OPENING.match(features.normalize(block.text[:40]))):
        return 5
    return section


TRADITIONAL = sorted((ROOT / "data" / "heldout").glob("2026-12-07-r2/corpus/*traditional*.txt"))


def test_normalising_many_texts_at_once_is_normalising_each(reports):
    texts = [line for text in reports + [p.read_text(encoding="utf-8") for p in TRADITIONAL]
             for line in text.splitlines() if line.strip()]
    heads = [t[:40] for t in texts]
    assert features.normalize_many(heads) == [features.normalize(t) for t in heads]
    assert features.normalize_many(texts) == [features.normalize(t) for t in texts]
    changed = sum(features.normalize(t) != t for t in texts)
    assert changed > 20  # traditional script, compatibility characters, glosses: normalising does something
    odd = ["平台\ue000建设", "網站"]  # a text holding the joining character: each on its own
    assert features.normalize_many(odd) == [features.normalize(t) for t in odd]
    assert features.normalize_many([]) == []


def test_classifier_sections_at_once_are_those_of_each_paragraph(reports):
    told = set()
    for text in reports + [p.read_text(encoding="utf-8") for p in TRADITIONAL]:
        found = paragraphs.find_paragraphs(text, find_sections(text))
        got = paragraphs.classifier_sections(found)
        assert got == [_classifier_section_one_at_a_time(*f) for f in found]
        told.update((s, g) for (s, _), g in zip(found, got))
    assert {(4, 5), (5, 5), (6, 6)} & told and any(s != g for s, g in told)


def test_cjk_at_least_is_counting_every_cjk_character(reports):
    seen = set()
    for text in reports:
        for line in text.splitlines():
            count = sum(1 for ch in line if "\u4e00" <= ch <= "\u9fff")
            for n in (0, 1, 2, 4, 10, 12, count, count + 1):
                assert vocabulary.cjk_at_least(line, n) == (count >= n)
            seen.add(min(count, 13))
    assert seen >= set(range(14))  # lines of every count around the thresholds


def _full_width(text):
    """The report with its digits and ASCII punctuation printed full-width, as some pages print them."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def test_quantities_of_a_stretch_are_those_of_its_slice(reports):
    """quantities_in() over one text folded once finds in each sentence what find_quantities()
    finds in the sentence cut out of it (offsets shifted): a number right after the stretch's
    start is not read as glued to the character before it."""
    from nlp.facts.prose import analysis_text, sentence_spans
    from nlp.numbers import find_quantities, quantities_in, text_folded

    checked = cut = 0
    for text in reports + [_full_width(r) for r in reports[:5]]:
        text = analysis_text(text)
        folded = text_folded(text)
        spans = sentence_spans(text, 0, len(text))
        # and stretches that open inside a number (a digit before them, which glues no number of the slice)
        spans += [(q.start + 1, e) for s, e in spans[:40] for q in quantities_in(text, s, e) if q.raw[1:2].isdigit()]
        for s, e in spans:
            afresh = [(q.value, q.qualifier, q.unit, q.raw, q.start + s, q.end + s) for q in find_quantities(text[s:e])]
            for got in (quantities_in(text, s, e, folded), quantities_in(text, s, e)):
                assert [(q.value, q.qualifier, q.unit, q.raw, q.start, q.end) for q in got] == afresh
            checked += len(afresh)
            cut += bool(afresh) and afresh[0][4] == s and text[s - 1].isdigit()
    assert checked > 1000 and cut > 20


def test_sentence_ends_found_once_are_those_read_off_the_text(reports):
    """A number's sentence looked up among its range's sentence ends found in one pass starts
    and ends where rfind()/find() on the text put it, whatever the bounds (runs of blank lines,
    a bound right inside one)."""
    from nlp.facts import candidates
    from nlp.facts.prose import analysis_text, prose_ranges

    checked = blank = 0
    for text in reports:
        text = analysis_text(text)
        for start, end in prose_ranges(text, find_sections(text)):
            ends = candidates.sentence_ends(text, start, end)
            for m in candidates._NUMBER.finditer(text, start, end):
                for reach in (candidates.REACH, 30, 3, 1):
                    lo, hi = max(start, m.start() - reach), min(end, m.end() + reach)
                    assert ends.start_before(m.start(), lo) == candidates._sentence_start(text, m.start(), lo)
                    assert ends.end_after(m.end(), hi) == candidates._sentence_end(text, m.end(), hi)
                    checked += 1
            for i in ends.blanks:  # bounds at and around each blank line
                for at in (i, i + 1, i + 2, i + 3):
                    for lo in (max(start, i - 1), max(start, i), max(start, i + 1)):
                        if lo <= at <= end:
                            assert ends.start_before(at, lo) == candidates._sentence_start(text, at, lo)
                            assert ends.end_after(lo, at) == candidates._sentence_end(text, lo, at)
                            blank += 1
    assert checked > 5000 and blank > 100


def test_sentences_work_out_their_clauses_when_read_as_when_made(reports):
    """prose.sentence() leaves a sentence's clauses to be worked out when first read (a
    candidate of years and dates alone is never read clause by clause): the clauses, the
    sentence and every view's clauses are those made at once."""
    from nlp.facts import prose

    checked = 0
    for text in reports:
        doc, views = _views(text)
        analysis = doc.user_data["analysis"]
        for sentence in doc.user_data["candidates"]:
            eager = prose.Sentence(sentence.start, sentence.end, tuple(prose._clauses(analysis, sentence.start, sentence.end)))
            assert prose.sentence(analysis, sentence.start, sentence.end) == eager == sentence
            assert sentence.clauses == eager.clauses and hash(sentence) == hash(eager)
            checked += 1
        for view in views:
            assert view.clauses == tuple(prose._clauses(analysis, view.start, view.end))
    assert checked > 200
    assert prose.Sentence(0, 3, text="发布了") != prose.Sentence(0, 3, ())  # no clause is a different sentence
    with pytest.raises(ValueError):
        prose.Sentence(0, 3)
