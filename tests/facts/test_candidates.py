"""Facts only where they can be (nlp/facts/candidates.py, nlp/facts/pipeline.py; issue 17
item 2, issue 14): the pipeline reads the sentences that hold a number and a cue, any
length of text works, offsets stay exact into the document."""
import pytest

from nlp.facts import SPANS_KEY, annotate, extract_facts
from nlp.facts.candidates import candidate_sentences
from nlp.segment import find_sections

# a real sentence (collected.jsonl row 875) and real prose without numbers (row 1033)
COUNTS = ("全年主动公开政府信息总数171条:基层政务公开领域信息124条,工作动态34条,预算决算4条,应急预案3条,政策文件2条,"
          "其他政府信息4条。")
LIST = "从公开内容看:1、工作动态类信息160条。2、惠民事项信息87条。3、审批执法类信息14条。4、文件类信息18条。5、预算信息1条。"
PROSE = "全年,街道持续优化和维护政府信息公开专栏,确保法定主动公开内容得到及时、准确、规范地公开。专栏日常维护到位,信息更新频率符合要求。\n"


@pytest.mark.parametrize("text,expected", [
    (COUNTS, [COUNTS[:-1]]),
    (PROSE + COUNTS, [COUNTS[:-1]]),
    # a number without a cue word: no candidate
    ("本规定自2023年1月1日起施行。共有12名工作人员参加。", []),
    ("专栏日常维护到位,信息更新频率符合要求。", []),
    # the items of a list a candidate opened are candidates to the paragraph's end, far from its cue (row 1791) …
    # (the sentence after it: row 70)
    (LIST, LIST[:-1].split("。")),
    # … not past it
    (LIST + "\n\n结合工作中存在的问题和不足,我们将从以下三个方面改进。", LIST[:-1].split("。")),
])
def test_candidate_sentences(text, expected):
    assert [text[s.start:s.end] for s in candidate_sentences(text, [(0, len(text))])] == expected


def test_text_over_a_million_characters_is_annotated():
    text = PROSE * 30_000 + COUNTS + "\n" + PROSE * 10
    assert len(text) > 1_000_000
    doc = annotate(text, ())
    assert doc.text == text
    facts = [span._.fact for span in doc.spans[SPANS_KEY]]
    assert [f.value for f in facts] == [171, 124, 34, 4, 3, 2, 4]
    assert all(text[f.start:f.end] == f.text for f in facts)
    # only the candidate sentence is tokenised: the stretches around it are one token each
    assert len(doc) < 60


def test_table_sections_hold_no_prose_facts():
    text = ("一、总体情况\n" + COUNTS + "\n二、主动公开政府信息情况\n第二十条第（一）项 | 发布信息 | 120条\n"
            "三、收到和处理政府信息公开申请情况\n共发布信息33条\n五、存在的主要问题及改进情况\n全年主动公开信息9条。\n")
    facts = extract_facts(text, find_sections(text), ())
    assert [f.value for f in facts] == [171, 124, 34, 4, 3, 2, 4, 9]
    assert all(text[f.start:f.end] == f.text for f in facts)


def test_empty_and_numberless_texts():
    assert extract_facts("", (), ()) == []
    assert extract_facts(PROSE * 1000, (), ()) == []
