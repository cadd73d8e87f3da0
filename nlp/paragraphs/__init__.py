"""Narrative paragraphs: found in the sections, then labelled by the classifier.

    split.py     where the paragraphs are (layout rules, no model)
    features.py  the features of all of a report's paragraphs, in one pass (n-grams, section, cues)
    cues.json    the cues, each with the real sentences that justify it
    model.py     the classifier (one linear model per label), fitted and served
    store.py     saving and loading a model with its metadata (hash, versions, metrics)
"""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager

from ..record import Paragraph
from ..vocabulary import ANY_MARKER_ANY_STOP, SECTION5_PROBLEMS, SECTION5_REMEDIES, SECTION6_TITLE
from .features import normalize, normalize_many
from .rules import ruled_labels
from ..vocabulary import cjk_at_least
from .split import GLOSS, Block, line_widths, split_lines, wrap_width
from .store import load_classifier

__all__ = ["annotate_paragraphs", "find_paragraphs", "load_classifier"]

#: the sections that hold the tables: only sentences there, not table residue
_TABLE_SECTIONS = (2, 3, 4)


def find_paragraphs(text: str, sections) -> list:
    """(section number, Block) for every narrative paragraph, in reading order."""
    with _no_cycle_collection():
        width = wrap_width([w for s in sections if s.number not in _TABLE_SECTIONS
                            for w in line_widths(text, s.start, s.end)])
        last = len(text.rstrip())
        out = []
        for s in sections:
            begin = s.start if s.number == 1 else _after_heading(text, s.body_start, s.end)
            ends_text = s.end >= last
            if s.number in _TABLE_SECTIONS and not ends_text and not _SENTENCE_END.search(text, begin, s.end):
                continue  # no block of it can be narrative (_narrative() needs a sentence end): nothing to split
            blocks = split_lines(text, begin, s.end, width, last_in_text=ends_text, section5=s.number == 5)
            if s.number != 1:
                blocks = _nil_answer(text, begin, s.end) + blocks
            for block in blocks:
                if s.number in _TABLE_SECTIONS and not _narrative(block.text, ends_text and block.end >= last):
                    continue
                out.append((s.number, block))
        return out


#: the rest of a section heading that the heading match left on its line, up to the spacing
#: before the text (五、存在的主要问题|及改进(jìn)情况 我局…: a pinyin gloss split the words)
_HEADING_REST = re.compile(rf"(?:[^\s。，,；;：:！？!?、](?:{GLOSS})?){{1,16}}?[ \t\u3000\xa0]+(?=\S)")


def _after_heading(text: str, body_start: int, end: int) -> int:
    """Where a section's text begins: after its heading, and after the rest of a heading
    that runs on to spacing on the same line."""
    if body_start < end and not text[body_start].isspace():
        m = _HEADING_REST.match(text, body_start, end)
        if m:
            return m.end()
    return body_start


#: a section answered by one word (无。): a statement of the section, a paragraph with no
#: labels (what follows it on later lines is page furniture, or paragraphs of their own)
_NIL_ANSWER = re.compile(r"[ \t\u3000\xa0]*(?:无|無|没有|沒有|暂无|暫無)[ \t\u3000\xa0]*[。.]?[ \t\u3000\xa0]*(?=\n|$)")
_BLANK = re.compile(r"\s*")


def _nil_answer(text: str, begin: int, end: int) -> list:
    """[Block] when the first line of a section's text is a nil answer, else []."""
    first = _BLANK.match(text, begin, end).end()
    first = text.rfind("\n", begin, first) + 1 if "\n" in text[begin:first] else begin
    m = _NIL_ANSWER.match(text, first, end)
    if not m:
        return []
    body = m.group()
    start = first + len(body) - len(body.lstrip())
    stop = first + len(body.rstrip())
    return [Block(text[start:stop], start, stop)]


@contextmanager
def _no_cycle_collection():
    """No cyclic garbage collection while paragraphs are found. Finding them makes one small
    record per line and no reference cycles, and the collector's full passes walk every
    record alive, so with it on the cost grows faster than the text (a report wrapped at 38
    columns: 10x the text took 13.7x the time; without the passes 9.9x, see
    benchmarks/bench_paragraphs.py). Nested or concurrent calls leave the collector as
    they found it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: a short nil statement of a table section (没有发生…的情况。未收到…申请。未向申请人收取…费用。)
#: is narrative too
_NIL = re.compile(r"没有|沒有|不存在|无|無|未[^，,。；;]{0,8}?(?:发生|發生|收到|接到|受理|收取|出现|出現|产生|產生)")
#: what ends a sentence of narrative in a table section (_narrative()): a table section whose
#: text holds none, and does not end the input, holds no narrative (208 of the 225 table
#: sections of the bench archive, which then need no splitting into blocks)
_SENTENCE_ENDS = "。；;！？!?"
_SENTENCE_END = re.compile(f"[{_SENTENCE_ENDS}]")
#: a date is no table figure
_DATE = re.compile(r"(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?")


def _narrative(text: str, cut_off: bool = False) -> bool:
    """Is a block of a table section a sentence of narrative, not table residue? A sentence
    (terminal punctuation) long enough, or a nil statement, without many figures (dates
    are none); the last block of an input cut off mid-sentence (an excerpt) needs no
    terminal punctuation when it runs over several clauses (…加强网站账号管理,动态监测网站内容)."""
    digits = sum(ch.isdigit() for ch in _DATE.sub("年", text))
    long_enough = len(text) >= 30 or (len(text) >= 10 and bool(_NIL.search(text))) or cjk_at_least(text, 12)
    ends = text.rstrip()[-1:] in _SENTENCE_ENDS or (cut_off and len(re.findall(r"[，,]", text)) >= 2)
    return long_enough and digits / len(text) < 0.2 and ends


#: section 5's own sub-headings: a paragraph opening with them belongs to 问题及改进情况
#: even where the section heading was not found (an excerpt, a lost heading); so does a
#: plan for the coming year opening a paragraph (2022年,中科院高能所将进一步贯彻…) wherever a
#: layout of its own put it (the template's 问题及改进情况 holds the plans), and so does a
#: paragraph opening 下一步,我局将… (collected rows of xjbl.gov.cn 6799, hunnan.gov.cn 2022,
#: gongxian.gov.cn 2020, gzw.zj.gov.cn 2010, round 2 h104: every such training row is a section-5 measure)
_SECTION5_OPENING = re.compile(rf"^.{{0,8}}?(?:{SECTION5_PROBLEMS}|{SECTION5_REMEDIES}|下一步(?:工作)?(?:打算|计划|措施)|下一年度?工作"
                               r"|下一步[，,]?\s*[^。；;，,]{0,10}?将)"
                               r"|^\s*20\d\d年(?:度)?[，,]?[^。；;，,]{0,16}?将(?:进一步|继续|持续|不断|着力|深入)")
#: section 6's title, run in before a paragraph of a one-line report whose heading the
#: sections were not told (其他需要报(bào)告的事项: a pinyin gloss)
_SECTION6_TITLE = re.compile(SECTION6_TITLE)


def classifier_section(section: int, block: Block) -> int:
    """The section the classifier is told: 5 for a paragraph that opens like section 5
    (by its sub-heading or its own first words), 6 under section 6's title. The classifier
    reads the paragraph's text alone, as its training rows are written: a sub-heading line
    says where a paragraph stands, not what it is about (a 平台建设 heading over a count of
    posts)."""
    return classifier_sections([(section, block)])[0]


def classifier_sections(found) -> list:
    """classifier_section() of each (section, block) of ``found``: the headings and openings
    it has to read normalised, in one normalisation call for all of them."""
    asks = [(block.heading if block.heading else None,
             block.text[:40] if section != 5 and not _SECTION5_OPENING.match(block.heading or block.text) else None)
            for section, block in found]
    normal = iter(normalize_many([t for pair in asks for t in pair if t is not None]))
    told = []
    for (section, block), (heading, head) in zip(found, asks):
        heading = next(normal) if heading is not None else None
        head = next(normal) if head is not None else None
        if heading is not None and _SECTION6_TITLE.search(heading):
            told.append(6)
        elif section != 5 and (head is None or _SECTION5_OPENING.match(head)):
            told.append(5)
        else:
            told.append(section)
    return told


#: a sentence ends here (closing quotes or brackets may follow)
_ENDED = re.compile(r"[。！？；!?;][”’」』）)]*\s*$")
#: where a clause ends
_CLAUSE_END = re.compile(r"[。，,；;：:！？!?]")
_OPENING_MARKER = re.compile(rf"^\s*{ANY_MARKER_ANY_STOP}")
#: a fragment whose finished clauses hold fewer characters says nothing yet
_SAYS_SOMETHING = 10


def says_nothing(text: str) -> bool:
    """Does a paragraph cut off by the end of the input stop before it says anything, its
    finished clauses no more than a heading or an opening ((四)平台建设。加强…门户网站、毕节;
    接下来,市教育局)? OUTPUT.md: such a fragment carries no label. One that did say
    something is labelled on all it says.

    >>> says_nothing("(一)加强组织领导,明确政府信息"), says_nothing("1.交易流程可视化。开发上线了“交易流")
    (True, True)
    >>> says_nothing("2025年,我镇推进政务公开体系建设。严格实行新媒体内容“三审”制度,加强内容审核。定期对")
    False
    """
    ends = [m.end() for m in _CLAUSE_END.finditer(text)]
    done = _OPENING_MARKER.sub("", text[:ends[-1]] if ends else "", count=1)
    return not cjk_at_least(done, _SAYS_SOMETHING)


def said_part(text: str) -> str:
    """What a paragraph cut off by the end of the input has said: its text up to the end of
    its last finished clause (OUTPUT.md: a fragment carries no label for what it does not
    yet say; …但信息公开的力度有待进一步加强。2020年,该所将进 says no plan yet).

    >>> said_part("在网站上建立了信息公开栏目,但力度有待加强。2020年,该所将进")
    '在网站上建立了信息公开栏目,但力度有待加强。2020年,'
    """
    ends = [m.end() for m in _CLAUSE_END.finditer(text)]
    return text[:ends[-1]] if ends else text


def annotate_paragraphs(text: str, sections, classifier) -> list:
    """The paragraphs of the report, labelled by ``classifier`` (None: no labels). The last
    paragraph of an input cut off before it says anything (says_nothing()) has no labels
    and no scores; one that did say something is labelled on what it said (said_part()). A
    label rule's clause (nlp/paragraphs/rules.py) states an act however the input ends, so a
    cut-off paragraph also gets the labels the rules give its whole text (…。完成网站适老化及无障碍改造:
    round-6 h511, gold platform)."""
    found = find_paragraphs(text, sections)
    if classifier is None or not found:
        return [Paragraph(n, b.text, b.start, b.end) for n, b in found]
    last = len(text.rstrip())
    cut = {i for i, (_, b) in enumerate(found) if b.end >= last and not _ENDED.search(b.text)}
    said = [i for i, (_, b) in enumerate(found) if not (i in cut and says_nothing(b.text))]
    predictions = dict(zip(said, classifier.predict([said_part(found[i][1].text) if i in cut else found[i][1].text
                                                     for i in said],
                                                    classifier_sections([found[i] for i in said]))))
    nothing = ((), {label: 0.0 for label in getattr(classifier, "labels", ())})
    for i, ruled in zip(sorted(cut), ruled_labels(normalize_many([found[i][1].text for i in sorted(cut)]))):
        if ruled:  # a rule's clause states the act, though the input ended before its full stop
            labels, scores = predictions.get(i, nothing)
            predictions[i] = (tuple(label for label in getattr(classifier, "labels", ruled)
                                    if label in labels or label in ruled), scores)
    return [Paragraph(n, b.text, b.start, b.end, *predictions.get(i, nothing))
            for i, (n, b) in enumerate(found)]
