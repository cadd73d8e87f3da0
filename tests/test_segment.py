"""The six sections, found by their words whatever the numbering and layout."""
import pytest

from nlp.segment import find_sections

RUN_TOGETHER = ("前言。一、总体情况 正文。二、主动公开政府信息情况 第二十条规章000三、收到和处理政府信息公开申请情况（本列数据）"
                "四、政府信息公开行政复议、行政诉讼情况 000 五、存在的主要问题及改进情况 问题。六、其他需要报告的事项 无。")

RENUMBERED = """一、总体情况
正文。
六、政府信息公开平台建设
平台。
一、主动公开政府信息情况
第二十条
二、收到和处理政府信息公开申请情况
表
三、政府信息公开行政复议、行政诉讼情况
| 1 | 0 | 0 | 0 | 1 |
注：行政复议数量含上年度结转数量。

（一）主要问题
网站栏目结构无法满足需要。
五、其他需要报告的事项
无。"""

SUBHEADING = "一、总体情况\n（一）主动公开政府信息情况\n发布信息244条。\n二、主动公开政府信息情况\n表\n"


@pytest.mark.parametrize("text, expected", [
    (RUN_TOGETHER, {1: "前言。一、总体情况 正文。", 2: "第二十条规章000", 5: "问题。", 6: "无。"}),
    (RENUMBERED, {1: "一、总体情况\n正文。\n六、政府信息公开平台建设\n平台。", 5: "（一）主要问题\n网站栏目结构无法满足需要。", 6: "无。"}),
    (SUBHEADING, {1: "一、总体情况\n（一）主动公开政府信息情况\n发布信息244条。", 2: "表"}),
], ids=["one line", "renumbered, section-5 heading lost", "sub-heading with a section's words"])
def test_sections(text, expected):
    sections = {s.number: text[s.body_start:s.end].strip() for s in find_sections(text)}
    assert {n: sections.get(n) for n in expected} == expected


def test_sections_tile_the_text():
    sections = find_sections(RUN_TOGETHER)
    assert sections[0].start == 0 and sections[-1].end == len(RUN_TOGETHER)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:]))
    assert [s.number for s in sections] == [1, 2, 3, 4, 5, 6]


def test_section_five_opened_by_its_first_subheading_when_its_heading_is_lost():
    text = ("本报告根据条例编制。\n（一）主动公开的数量：发布信息635条。\n（七）依申请公开工作情况：未收到申请。\n"
            "（一）存在问题：一是信息量偏少。\n（二）进一步整改：一是提升水平。\n")
    sections = {s.number: text[s.start:s.end] for s in find_sections(text)}
    assert sections[5] == "（一）存在问题：一是信息量偏少。\n（二）进一步整改：一是提升水平。\n"
    assert "（七）依申请公开" in sections[1]


@pytest.mark.parametrize("number, text, starts_with", [
    (2, "一、总体情况\n正文。\n第二十条第（一）项\n规章 0 0 0\n", "第二十条第（一）项"),
    (3, "一、总体情况\n正文。\n（本列数据的勾稽关系为：第一项加第二项之和）\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n", "（本列数据"),
    (4, "一、总体情况\n正文。\n行政复议 行政诉讼\n结果 结果 其他 尚未\n0 0 0 0 0\n", "行政复议 行政诉讼"),
], ids=["section 2", "section 3", "section 4"])
def test_table_section_without_its_heading_starts_at_its_table(number, text, starts_with):
    section = next(s for s in find_sections(text) if s.number == number)
    assert text[section.start:].startswith(starts_with)


#: a preamble that lists the template's sections names section 4's title, not its table
#: (round-2 first look, h142; the same listing in training rows such as collected 56, 210)
PREAMBLE_LISTING = ("本报告依据《中华人民共和国政府信息公开条例》要求编制。全文包括总体情况、主动公开政府信息情况、"
                    "收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况、"
                    "其他需要报告的事项。\n\n一、总体情况\n\n2020年,市林业局继续按照相关要求,强化信息公开。\n")


@pytest.mark.parametrize("text, numbers", [
    (PREAMBLE_LISTING, [1]),
    (PREAMBLE_LISTING + "行政复议 行政诉讼\n结果 结果 其他 尚未\n0 0 0 0 0\n", [1, 4]),
], ids=["title named in prose", "the table after it"])
def test_a_title_named_in_a_preamble_is_no_table(text, numbers):
    sections = find_sections(text)
    assert [s.number for s in sections] == numbers
    if 4 in numbers:
        assert text[sections[-1].start:].startswith("行政复议 行政诉讼")


@pytest.mark.parametrize("text, section5", [
    # older reports' own titles of section 5 (first-look h037, round 2 h129; h028; xjbl.gov.cn 6799)
    ("一、概述\n正文。\n三、依申请公开信息情况\n无。\n四、下一步改进措施\n2022年将继续加大公开力度。\n",
     "四、下一步改进措施\n2022年将继续加大公开力度。"),
    ("五、政府信息公开事务收费情况\n无。\n六、存在问题及整改措施\n2020年虽然取得了一些成绩，但仍有差距。\n",
     "六、存在问题及整改措施\n2020年虽然取得了一些成绩，但仍有差距。"),
    ("四、因政府信息公开申请行政复议、提起行政诉讼的情况\n无\n五、 存在问题\n宣传培训不足。\n六、 改进措施\n下一步，我局将加强培训。\n",
     "五、 存在问题\n宣传培训不足。\n六、 改进措施\n下一步，我局将加强培训。"),
    # rows that must not open section 5: problems named in prose, a plan without its title
    ("一、总体情况\n针对存在问题及时整改。\n", None),
    ("一、总体情况\n正文。\n下一步改进措施已报领导审定。\n", None),
], ids=["下一步改进措施", "存在问题及整改措施", "存在问题 then 改进措施", "prose", "prose 2"])
def test_older_titles_of_section_5(text, section5):
    sections = {s.number: text[s.start:s.end].strip() for s in find_sections(text)}
    assert sections.get(5) == section5


#: section 1's request paragraph counting reviews and their outcomes in prose names the
#: section-4 table's header words (结果维持) with a count in 件: no table (round 6 h510, h517,
#: whose last section-1 paragraphs had become sections 4 and 5 and read as measures)
REQUEST_PROSE = ("一、总体情况\n（二）依申请公开。2023年区政府收到政府信息公开申请30件,现已办结30件,"
                 "全年因政府信息公开产生行政复议案件6件和行政诉讼案件3件,其中行政复议结果维持5件,尚未审结1件。\n"
                 "（三）政府信息管理。进一步完善信息公开审批制度。\n")
REQUEST_PROSE_ZERO = ("一、总体情况\n收到政府信息公开行政复议0件。其中结果维持0件;结果纠正0件;其他结果0件;尚未审结0件。\n"
                      "（三）平台建设。优化网站栏目。\n")


@pytest.mark.parametrize("text, numbers", [
    (REQUEST_PROSE, [1]),
    (REQUEST_PROSE_ZERO, [1]),
    (REQUEST_PROSE + "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结\n0 0 0 0\n", [1, 4]),
    (REQUEST_PROSE + "结果维持\n结果纠正\n0\n0\n", [1, 4]),
], ids=["outcomes counted in prose", "zero outcomes in prose", "the table after it", "a header cell per line"])
def test_table_words_counted_in_prose_are_no_table(text, numbers):
    sections = find_sections(text)
    assert [s.number for s in sections] == numbers
