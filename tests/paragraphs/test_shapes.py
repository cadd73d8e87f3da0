"""Paragraph finding of the shapes the first-look batch showed (data/heldout/2026-12-07, now
development data; issue 13): real report text, table-driven, with rows that must not match.
Each row names the report its text comes from."""
from __future__ import annotations

import pytest

from nlp.paragraphs import find_paragraphs
from nlp.segment import find_sections


def found(src: str) -> list:
    return [(n, b.text) for n, b in find_paragraphs(src, find_sections(src))]


SECTIONS_1_TO_5 = ("一、总体情况\n2023年,植物所严格按照党中央、国务院、中国科学院关于政府信息公开工作的部署要求,持续推进信息公开工作。\n"
                   "五、存在的主要问题及改进情况\n2023年,植物所稳步开展信息公开工作,但信息公开的及时性还有待提高。\n")


@pytest.mark.parametrize("source,section6,expected", [
    # a section answered by one word is a paragraph with no labels (shared gold 179, batch h033/h042/h004)
    ("h033_shantou-ybj-2020", "六、其他需要报告的事项\n无。\n\n中国政府网\n无障碍版\n", ["无。"]),
    ("f01_shanghai-gov-office-2019 (data/forms)", "六、其他需要报告的事项\n无。\n", ["无。"]),
    ("h004_shangyou-jiaokeju-2019", "六、其他需要报告的事项\n无\n", ["无"]),
    # rows that must not match: a nil sentence is one paragraph, not two; 无障碍版 is page furniture
    ("h002_yimin-sumu-2019", "六、其他需要报告的事项\n本单位无其他需报告事项。\n", ["本单位无其他需报告事项。"]),
    ("h033_shantou-ybj-2020", "六、其他需要报告的事项\n\n中国政府网\n无障碍版\n", []),
])
def test_a_section_answered_by_a_nil_word_is_a_paragraph(source, section6, expected):
    assert [t for n, t in found(SECTIONS_1_TO_5 + section6) if n == 6] == expected


@pytest.mark.parametrize("source,line,kept", [
    ("h002_yimin-sumu-2019", "2019年度,我苏木未收到政府信息公开申请情况。", True),
    ("h040_cas-ib-2023", "植物所未收到政府信息公开申请。", True),
    ("u40_jincheng-cq-scjgj-2023", "2023年全年,我局未收到政府信息公开申请。", True),
    ("h010_echeng-zrzy-fenju-2019", "2019年全年收到政府信息公开申请。", True),   # a sentence, however short
    ("u26_fuzhou-zjj-2016", "2016年,我局未向申请人收取政府信息公开费用。", True),
    # table residue is not narrative
    ("h019_dalu-town-2019", "本年新收政府信息公开申请数量", False),
    ("020_xiangdu-kgxj-2020", "（一）予以公开", False),
    ("h019_dalu-town-2019", "政府集中采购 2 70487元。", False),
])
def test_short_sentences_of_a_table_section_are_narrative_residue_is_not(source, line, kept):
    src = f"一、总体情况\n今年我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n三、收到和处理政府信息公开申请情况\n{line}\n四、政府信息公开行政复议、行政诉讼情况\n无。\n"
    assert ((3, line) in found(src)) == kept


@pytest.mark.parametrize("source,tail,expected", [
    # an excerpt cut off in a later section: its last line is still a paragraph
    ("h003_zhangjiagang-jiaoyuju-2022", "五、存在的主要问题及改进情况\n2022年,市教育局在有关部门的指导下,政府信息公开工作成效显著,但还存在着一些不足。\n接下来,市教育局",
     (5, "接下来,市教育局")),
    ("h023_muchuan-zrzyj-2024", "二、主动公开政府信息情况\n专人负责政府信息公开工作,加强网站账号管理,动态监测网站内容",
     (2, "专人负责政府信息公开工作,加强网站账号管理,动态监测网站内容")),
    # not a sentence cut off: a signature with its date, a label, page furniture
    ("t05_pingtan-police-2019 (data/forms)", "六、其他需要报告的事项\n无其他需要报告的事项。\n平潭综合实验区公安局 2020年1月17日", None),
    ("h006_kaiping-nongyeju-2020", "六、其他需要报告的事项\n我局暂无其他事项需要报告。\n相关附件:", None),
    ("003_1722c90fa512988b (data/samples)", "六、其他需要报告的事项\n无其他需要报告的事项。\n扫一扫分享到手机端", None),
])
def test_the_cut_off_last_line_of_an_excerpt_is_a_paragraph_in_any_section(source, tail, expected):
    src = "一、总体情况\n今年我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n" + tail
    paragraphs = found(src)
    if expected:
        assert paragraphs[-1] == expected
    else:
        assert paragraphs[-1][1] == tail.splitlines()[-2]


# h007_kaiping-magang-town-2020: a whole report on one line, its paragraphs and titles separated by spaces
H007 = ("一、总体情况 根据新修订的《中华人民共和国政府信息公开条例》文件要求,为切实做好政府信息公开工作,马冈镇结合工作实际,强化工作部署,"
        "切实贯彻落实工作要求,并形成2020年度马冈镇政府信息公开年度报告。 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 "
        "四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 2020年,我镇扎实开展政府信息公开工作,取得了一定的成绩,"
        "但也存在一些不足:一是主动公开意识有待进一步加强;二是主动公开信息内容有待进一步充实;三是工作创新能力仍需进一步增强。"
        "在接下来的工作中,我镇将从以下方面进一步推进政府信息公开工作。 (一)加强组织领导,明确政府信息")
# h006_kaiping-nongyeju-2020 (as read: simplified, with the page's pinyin glosses)
H006 = ("一、总体情况 根据(jù)《中华人民共和国(guó)政府信息公开条例》的文件精神和市人民政府有关(guān)要求,特向社会(huì)公布2020年开平市农业农村局政府信息公开工作年度报告。 "
        "二、主动(dòng)公开政府信息情况 三、收到和处理政府信息公开申请(qǐng)情况 四、政府信息公开行政复(fù)议、行政诉讼情况 "
        "五、存在的主要问题及改进(jìn)情况 我局2020年政府信息公开各项(xiàng)工作进(jìn)展顺利,但在信息公开范围、时(shí)效性等方面仍有待提高。"
        "下一步我局将继续(xù)加强(qiáng)对(duì)政府信息公开日常管理,强(qiáng)化信息更新时(shí)效性,并加强(qiáng)业务培训(xùn),确保把政府信息公开工作做得更好。 "
        "六、其他需要报(bào)告的事项(xiàng) 我局暂无(wú)其他事项(xiàng)需要报(bào)告。")


def test_a_one_line_report_keeps_the_paragraphs_its_spaces_separate():
    paragraphs = found(H007)
    # titles run in before spacing are not part of the paragraph
    assert paragraphs[0] == (1, H007[7:H007.index(" 二、")])
    # a shortfall list of clauses (不足:一是…;二是…) stays one paragraph, though its items name 主动公开
    section5 = [t for n, t in paragraphs if n == 5]
    assert section5[0].startswith("2020年,我镇") and section5[0].endswith("进一步推进政府信息公开工作。")
    assert section5[1] == "(一)加强组织领导,明确政府信息"     # cut off by the end of the excerpt


def test_section5_written_as_one_paragraph_between_spaces_is_not_cut_at_its_turn():
    texts = [t for _, t in found(H006)]
    assert any(t.startswith("我局2020年") and t.endswith("做得更好。") for t in texts)
    assert not any(t.startswith("下一步") or "改进(jìn)情况" in t for t in texts)
    assert texts[-1] == "我局暂无(wú)其他事项(xiàng)需要报(bào)告。"     # its title is not part of it


class Everything:
    """A classifier that gives every paragraph every label: what is left unlabelled was not asked."""

    labels = ("problems", "measures", "platform")

    def predict(self, texts, sections):
        return [(self.labels, {label: 1.0 for label in self.labels}) for _ in texts]


@pytest.mark.parametrize("source,last,labelled", [
    # cut off before it says what was done: no label (OUTPUT.md)
    ("h047_bijie-ggzyjy-2022", "(四)平台建设。加强毕节市公共资源交易中心门户网站、毕节", False),
    ("h025_jining-hrss-2020", "(五)平台建设。根据政", False),
    ("h007_kaiping-magang-town-2020", "在接下来的工作中,我镇将从以下方面进一步推进政府信息公开工作。 (一)加强组织领导,明确政府信息", False),
    ("u26_fuzhou-zjj-2016", "一是健全机制,完善", False),
    ("h003_zhangjiagang-jiaoyuju-2022", "接下来,市教育局", False),
    # cut off after saying something: labelled on what it says
    ("h016_bayanhushu-town-2025", "在信息发布环节,严格实行巴彦呼舒镇新媒体内容“三审”制度,加强内容审核与质量把关。定期对", True),
    ("h023_muchuan-zrzyj-2024", "专人负责政府信息公开工作,加强网站账号管理,动态监测网站内容", True),
    # not cut off: a finished sentence, however short
    ("h040_cas-ib-2023", "植物所未收到政府信息公开申请。", True),
])
def test_a_fragment_cut_off_before_it_says_anything_has_no_labels(source, last, labelled):
    from nlp.paragraphs import annotate_paragraphs

    src = "一、总体情况\n今年我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n" + last
    paragraphs = annotate_paragraphs(src, find_sections(src), Everything())
    assert paragraphs[-1].text == last.split("。 ")[-1]    # (a one-line report: paragraphs apart by spaces)
    assert bool(paragraphs[-1].labels) == labelled
    assert paragraphs[0].labels      # the first paragraph is asked, always


class Nothing:
    """A classifier that gives no paragraph a label: what is labelled came from a label rule."""

    labels = ("problems", "measures", "platform")

    def predict(self, texts, sections):
        return [((), {label: 0.0 for label in self.labels}) for _ in texts]


@pytest.mark.parametrize("source,last,labels", [
    # a label rule's clause states the act though the input ends before its full stop
    ("round-6 h511 ningxia-emergency-2020", "(四)平台建设开放、便民。完成网站适老化及无障碍改造", ("platform",)),
    ("round-9 h805 hengnan-county-2020", "2020年公开重大会议信息90余条,政府常务会议信息13条,政府公报3期建立\"文件库\"统一发布本级政府和部门规范",
     ("platform",)),
    # must not: a fragment whose unfinished clause states no act a rule knows stays unlabelled
    ("round-5 h429 (dev)", "通过思明区政府网站,在“各街道政府信息公开”栏目中华", ()),
    ("h047_bijie-ggzyjy-2022", "(四)平台建设。加强毕节市公共资源交易中心门户网站、毕节", ()),
])
def test_a_cut_off_fragment_gets_the_labels_its_rules_give(source, last, labels):
    from nlp.paragraphs import annotate_paragraphs

    src = "一、总体情况\n今年我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n" + last
    paragraphs = annotate_paragraphs(src, find_sections(src), Nothing())
    assert paragraphs[-1].text == last
    assert tuple(paragraphs[-1].labels) == labels


@pytest.mark.parametrize("source,text,expected", [
    # a later item after a blank line opens a paragraph though the line before lost its full stop
    ("round-16 h1503 linyou-forestry-2019",
     "一是强化组织领导。为确保政府信息公开工作落到实处,我局成立了信息化工作领导小组,负责日常事务工作。做到了“主要领导亲自抓,分管领导具体抓,职能股室抓落实”\n\n"
     "二是主动公开政务信息情况。我局严格按照《中华人民共和国政府信息公开条例》相关法律法规规定,坚持信息依法公开。\n", 2),
    # must not: a line that ends mid-sentence (，) goes on into the next, whatever it opens with
    ("constructed on h1503", "一是强化组织领导,成立了领导小组,负责日常事务工作,\n\n二是负责人审核后发布。\n", 1),
])
def test_a_later_item_after_a_blank_line_opens_a_paragraph(source, text, expected):
    src = "一、总体情况\n" + text + "\n二、主动公开政府信息情况\n"
    assert len(found(src)) == expected
