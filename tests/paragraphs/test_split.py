"""Paragraph finding: layout rules, one table of real report lines, and the gold corpus."""
from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from nlp.paragraphs import find_paragraphs
from nlp.paragraphs.split import display_width, split_lines
from nlp.segment import find_sections

DATA = Path(__file__).resolve().parents[2] / "data"


def texts(src: str) -> list:
    return [b.text for b in split_lines(src, 0, len(src))]


CASES = [
    # (what, source, expected paragraphs)
    ("bare headings are not paragraphs",
     "一、总体情况\n（一）主动公开\n2023年，我区在政府网站平台主动公开政府信息1136条。\n",
     ["2023年，我区在政府网站平台主动公开政府信息1136条。"]),
    ("a run-in heading ending in 。 stays in its paragraph",
     "（二）依申请公开情况。2023年全区受理政府信息公开申请21件，均在法定期限答复。\n",
     ["（二）依申请公开情况。2023年全区受理政府信息公开申请21件，均在法定期限答复。"]),
    ("a numbered heading alone on its line is dropped",
     "（三）政府信息管理情况。\n加强区政府门户网站及政务新媒体日常管理，执行信息审核发布制度。\n",
     ["加强区政府门户网站及政务新媒体日常管理，执行信息审核发布制度。"]),
    ("一是/二是 stay inside their paragraph",
     "一是成立领导小组，明确专人负责；二是将信息公开工作纳入季度考核。\n",
     ["一是成立领导小组，明确专人负责；二是将信息公开工作纳入季度考核。"]),
    ("一是… items that each open a template topic are split",
     "全面推进政府信息公开。一是主动公开方面，通过官网发布信息。二是依申请公开方面。本年度收到申请0件。\n",
     ["全面推进政府信息公开。", "一是主动公开方面，通过官网发布信息。", "二是依申请公开方面。本年度收到申请0件。"]),
    ("an item run into a paragraph that opens with a later item is split (one item a paragraph)",
     "一是增加解读的形式，让政策传播更“鲜活”。\n二是开展考核管理。年底进行综合考评。三是深化基层联动，密切联系群众。\n",
     ["一是增加解读的形式，让政策传播更“鲜活”。", "二是开展考核管理。年底进行综合考评。", "三是深化基层联动，密切联系群众。"]),
    ("一是… opening a paragraph keeps its run-in items (the list is one paragraph)",
     "一是成立领导小组。二是将信息公开工作纳入季度考核。三是开展培训。\n",
     ["一是成立领导小组。二是将信息公开工作纳入季度考核。三是开展培训。"]),
    ("numbered items run into one line are split before each marker",
     "我局推进重点领域公开。（1）加强政策解读信息公开。（2）推进扶贫和社会救助信息公开。",
     ["我局推进重点领域公开。", "（1）加强政策解读信息公开。", "（2）推进扶贫和社会救助信息公开。"]),
    ("a line cut mid-sentence continues after a blank line (OCR)",
     "2025年，我县坚持以群众需求为导向，聚焦重点领域和关键环节，努力让政务信息“看\n\n得懂、用得上、易监督”。\n",
     ["2025年，我县坚持以群众需求为导向，聚焦重点领域和关键环节，努力让政务信息“看得懂、用得上、易监督”。"]),
    ("page numbers, contact lines, addressees and chrome are not paragraphs",
     "市政务服务管理局:\n- 1 -\n联系电话：0517-87222589\n发布时间: 2020-01-20\n暂无其他需要报告的事项。\n",
     ["暂无其他需要报告的事项。"]),
    ("a sentence opening with a chrome word is still a paragraph",
     "时间紧、任务重，我局全力推进政务公开工作。\n当前位置：首页 > 政务公开\n",
     ["时间紧、任务重，我局全力推进政务公开工作。"]),
    ("a nil statement without a full stop is a paragraph",
     "无其他需要报告的事项\n", ["无其他需要报告的事项"]),
    ("a continuation line without punctuation is not a heading",
     "明确工作职责。同时,根据《嘉峪关市人民政府办公室关于印发\n<嘉峪关市2020年政务公开工作实施方案>\n的通知》要求,全面梳理政务公开事项。\n",
     ["明确工作职责。同时,根据《嘉峪关市人民政府办公室关于印发<嘉峪关市2020年政务公开工作实施方案>的通知》要求,全面梳理政务公开事项。"]),
]


@pytest.mark.parametrize("what,src,expected", CASES, ids=[c[0] for c in CASES])
def test_rules(what, src, expected):
    assert texts(src) == expected


WRAPPED = ("洪泽区人民政府\n2023 年政府信息公开工作年度报告\n"
           "2023 年，洪泽区人民政府坚持以习近平新时代中国特色社会\n主义思想为指导，全面贯彻落实《条例》相关规范要求，不断完\n"
           "善政府信息公开制度，建立健全政府信息公开保障机制，始终将\n政务公开工作摆在重要位置，推进政府信息公开工作规范、有序、\n健康发展。\n"
           "（一）主动公开情况。主要通过政府门户网站主动公开政府\n文件、项目审批、通知公告等各类政府信息。2023 年，我区在政\n"
           "- 1 -\n府网站平台主动公开政府信息 1136 条。\n"
           "（二）依申请公开情况。进一步规范依申请公开流程，畅通\n依申请公开受理渠道。2023 年全区受理政府信息公开申请 21 件，\n均在法定期限答复。\n")


def test_wrapped_pdf_text_is_joined_and_page_numbers_dropped():
    found = split_lines(WRAPPED, 0, len(WRAPPED))
    assert [b.text[:10] for b in found] == ["2023 年，洪泽区", "（一）主动公开情况。", "（二）依申请公开情况"]
    assert "- 1 -" not in found[1].text and "\n" not in found[1].text
    assert found[1].text.endswith("主动公开政府信息 1136 条。")
    # the span covers the paragraph in the source
    assert WRAPPED[found[1].start:found[1].end].startswith("（一）") and WRAPPED[found[1].end - 1] == "。"


def test_one_line_text_spans_are_exact():
    src = "前言如下。一、总体情况\n今年我局公开信息12条。\n五、存在的主要问题及改进情况\n存在公开不及时的问题。\n"
    for number, block in find_paragraphs(src, find_sections(src)):
        assert src[block.start:block.end] == block.text


def _norm(s: str) -> str:
    return re.sub(r"[\s\u3000|]+", "", s)


def _source(stem: str):
    for folder in ("samples", "corpus/reports", "corpus/excerpts"):
        for path in (DATA / folder).glob(stem + ".*"):
            return path
    return None


def test_gold_paragraphs_are_found():
    """At least 97 % of the gold paragraphs have a paragraph of ours like them (the
    scorer's rule: contained with more than half the length, or similarity >= 0.8)."""
    found = total = 0
    for gold_path in sorted((DATA / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = _source(gold_path.stem)
        if gold.get("unusable") or source is None:
            continue
        text = source.read_text(encoding="utf-8")
        ours = [_norm(b.text) for _, b in find_paragraphs(text, find_sections(text))]
        for p in gold["paragraphs"]:
            g = _norm(p["text"])
            total += 1
            found += any((g in o or o in g) and min(len(g), len(o)) / max(len(g), len(o)) > 0.5
                         or difflib.SequenceMatcher(None, g, o, autojunk=False).ratio() >= 0.8 for o in ours)
    assert total > 300
    assert found / total >= 0.97, f"{found}/{total}"


def test_the_heading_above_a_paragraph_is_kept_apart_from_its_text():
    src = "（四）政府信息公开平台建设情况\n加强对区政府网站的全面监管，按照管理标准定期检查。\n另起一段，说明其他工作。\n"
    first, second = split_lines(src, 0, len(src))
    assert first.heading == "（四）政府信息公开平台建设情况" and second.heading == ""
    assert first.text == "加强对区政府网站的全面监管，按照管理标准定期检查。"


def test_the_classifier_reads_a_paragraph_as_its_training_rows_are_written():
    """No sub-heading line is put before the text at serving: the labelled rows hold none."""
    from nlp.paragraphs import annotate_paragraphs
    from nlp.segment import find_sections

    class Recorder:
        def predict(self, texts, sections):
            self.texts = list(texts)
            return [((), {}) for _ in self.texts]

    src = "一、总体情况\n（四）政府信息公开平台建设情况\n加强对区政府网站的全面监管，按照管理标准定期检查。\n"
    recorder = Recorder()
    annotate_paragraphs(src, find_sections(src), recorder)
    assert recorder.texts == ["加强对区政府网站的全面监管，按照管理标准定期检查。"]


@pytest.mark.parametrize("text,section,told", [
    ("(一)存在问题:一是信息公开内容深度和广度不够。", 1, 5),   # section 5 heading lost in an excerpt
    ("（二）改进措施：一是丰富政策解读形式。", 1, 5),
    ("（一）主动公开情况。全年公开信息100条。", 1, 1),
    ("针对发现的问题及时整改。", 1, 1),                       # not an opening: stays where it is
    ("存在的主要问题：公开不及时。", 5, 5),
    # a plan for the coming year opening a paragraph of a layout of its own (h044_cas-ihep-2021;
    # xxgk-fs.cbs.gov.cn/zcbm/fgw_98087 2017, a collected row)
    ("2022年,中科院高能所将进一步贯彻《中国科学院高能物理研究所信息公开工作管理办法》。", 1, 5),
    ("2018年,我局将继续强化政府信息公开工作,进一步充实信息公开的内容。", 1, 5),
    ("2021年，我局将政务公开工作纳入年度绩效考核。", 1, 1),    # 将 of disposal: the year's work
    # 下一步,…将 opening a paragraph: a plan (collected rows of xjbl.gov.cn 6799 and hunnan.gov.cn
    # 2022, round 2 h104, all section 5)
    ("下一步,我局将按照上级和市委、市政府有关信息公开的各项要求和目标,进一步提高认识,加强培训。", 1, 5),
    ("下一步，我局将继续坚持以习近平新时代中国特色社会主义思想为指导。", 1, 5),
    ("下一步工作中要注意总结经验。", 1, 1),                   # no 将: not a plan's opening
    ("全年主动公开信息100条,下一步将加强审核。", 1, 1),          # not an opening
])
def test_the_classifier_is_told_section_5_for_its_openings(text, section, told):
    from nlp.paragraphs import classifier_section
    from nlp.paragraphs.split import Block

    assert classifier_section(section, Block(text, 0, len(text))) == told


def test_the_classifier_is_told_section_6_under_its_run_in_title():
    from nlp.paragraphs import classifier_section
    from nlp.paragraphs.split import Block

    # h006_kaiping-nongyeju-2020: a pinyin gloss hid the title from the sections, which put the paragraph in 5
    text = "我局暂无(wú)其他事项(xiàng)需要报(bào)告。"
    assert classifier_section(5, Block(text, 0, len(text), "六、其他需要报(bào)告的事项(xiàng)")) == 6
    assert classifier_section(5, Block(text, 0, len(text), "五、存在的主要问题及改进情况")) == 5


@pytest.mark.parametrize("enabled", [True, False])
def test_finding_paragraphs_leaves_the_garbage_collector_as_it_found_it(enabled):
    import gc

    src = "一、总体情况\n2023年，我区在政府网站平台主动公开政府信息1136条。\n"
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert [b.text for _, b in find_paragraphs(src, find_sections(src))]
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_a_long_collapsed_line_splits_at_every_run_in_marker():
    # the real sentences of a report's run-together list, many times over on one line
    unit = "我局认真推进政务公开工作。（1）推进财政信息公开，全年发布预决算信息。（2）加强审核，落实三审三校。"
    src = unit * 300
    found = texts(src)
    # a cut before every marker and nowhere else: the sentence after item (2) stays with it
    assert len(found) == 601
    assert found[:4] == ["我局认真推进政务公开工作。", "（1）推进财政信息公开，全年发布预决算信息。",
                         "（2）加强审核，落实三审三校。我局认真推进政务公开工作。", "（1）推进财政信息公开，全年发布预决算信息。"]


@pytest.mark.parametrize("line, width", [
    ("（一）主动公开情况", 18), ("2023年", 6), ("ABC，１２3", 10), ("微信公众号🙂", 12), ("𠀀", 2), ("", 0),
])
def test_display_width(line, width):
    assert display_width(line) == width


def test_display_width_is_unicodes_east_asian_width_for_every_character():
    import sys
    import unicodedata

    assert [c for c in range(sys.maxunicode + 1)
            if display_width(chr(c)) != (2 if unicodedata.east_asian_width(chr(c)) in "WF" else 1)] == []
