"""Paragraph finding in text that lost its line breaks (a section or a whole report on one
line), table-driven on real report text (data/labelled/unseen/pages, sources.tsv), with
rows that must stay whole."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.paragraphs import find_paragraphs
from nlp.paragraphs.split import split_lines
from nlp.segment import find_sections

UNSEEN = Path(__file__).resolve().parents[2] / "data" / "labelled" / "unseen"


def texts(src: str, section5: bool = False) -> list:
    return [b.text for b in split_lines(src, 0, len(src), section5=section5)]


# u09_shantou-jinrong-annual: a whole old report on one line
SHANTOU_5 = ("今年,我局政府信息公开工作取得了一定成绩,但与公众的需求还存在一些差距,主要有:信息公开的便民性还需进一步提高,"
             "培训和宣传力度还需加大,政府信息公开不全面、不完整的情况还一定程度存在。对上述问题,我们将从以下四个方面进行改进:"
             "一是进一步充实公开内容,真正做到及时、准确、高效。二是进一步提升工作水平。不断提高机关工作人员的效劳意识和效劳水平。")
SHANTOU_LINE = "金融局年度信息公开工作报告 一、概述政务信息公开是一个重要举措。截止今年底,我局政府信息公开工作运转正常。 二、主动公开政府信息的情况 (一)主动公开政府信息的数量。今年度我局主动公开信息4条。 五、存在的主要问题及改进措施" + SHANTOU_5



def test_section5_of_a_one_line_report_is_split_at_its_turn():
    found = [b.text for n, b in find_paragraphs(SHANTOU_LINE, find_sections(SHANTOU_LINE)) if n == 5]
    assert len(found) == 2
    assert found[0].startswith("今年,我局") and found[0].endswith("一定程度存在。")
    assert found[1].startswith("对上述问题,我们将")


@pytest.mark.parametrize("src", [
    # written as one paragraph (problems, then measures, on their own line): left whole
    "2023 年，洪泽区政府信息公开工作取得一定的成效，但对照上级要求，仍存在一定差距。如依申请公开工作规范性还有待提高等。针对存在问题，下一步，将切实抓好以下工作：一是扎实推进依申请公开工作，全面梳理和优化工作流程。二是继续加强业务指导培训。\n",
    # the announcement of the measures stays with the problems (平潭 2019: 我们将采取以下措施加以改进：)
    "（三）不足。公开的长效工作机制建设不够全，仍然有待完善。2020年，我们将采取以下措施加以改进：（一）继续强化信息公开责任。切实贯彻落实新修订《条例》，不断完善信息公开工作机制，强化组织领导，明确责任职责，认真梳理信息公开事项，完善科学规范公开目录。（二）继续完善信息公开机制。不断完善审核发布机制、保密监督机制等长效机制。\n",
])
def test_a_paragraph_written_as_one_is_not_split_at_its_turn(src):
    found = texts(src, section5=True)
    assert not any(t.startswith(("针对存在问题", "2020年，我们将")) for t in found)


def test_spaced_sentence_ends_separate_the_paragraphs_of_a_collapsed_line():
    # u10_zhenkang-muchang-2023 (a 一、 title run into its first sentence, then （一） after a spaced full stop)
    src = ("一、总体情况 根据《临沧市人民政府办公室关于做好2023年政府信息公开工作年度报告编制发布工作的通知》文件要求,为全面反映政府信息公开工作情况,"
           "进一步加强政府信息管理,改进政府信息公开工作,现向社会公布木场乡2023年度政府信息公开工作情况。本年度报告中所列数据的统计期限为:2023年1月1日——2023年12月31日。 "
           "(一)主动公开情况。为确保公众第一时间了解到政府的政策方针和发展方向,木场乡严格按照政府信息公开要求,通过线上线下相互结合的方式及时发布各项政府信息。\n")
    found = texts(src)
    assert len(found) == 2 and found[1].startswith("(一)主动公开情况。")


def test_later_items_after_a_spaced_stop_stay_in_their_list():
    src = ("一年下来政府信息公开工作进展顺利,取得了一定的效果,但仍存在的以下问题有: 一是信息公开的载体有待于进一步拓宽,特别是新媒体的应用有待进一步加强; "
           "二是公开的信息分类不明确,格式不规范。 三是工作人员业务水平不高,对政府信息公开工作的认识不足,宣传力度不够,群众知晓率低,需要进一步加强培训。\n")
    assert len(texts(src)) == 1


def test_a_measures_list_keeps_its_topic_items():
    src = "下一步，我局将从以下方面改进。一是主动公开方面，进一步丰富公开内容。二是依申请公开方面，规范办理流程。三是监督保障方面，加强业务培训。\n"
    assert len(texts(src, section5=True)) == 1


@pytest.mark.parametrize("line,kept", [
    ("2.部分信息公开不够及时,更新较慢。", True),          # u04: a short numbered shortfall is a paragraph
    ("1.信息公开内容单一化,信息公开形式有待进一步拓展", True),
    ("(一)存在的问题", False),                            # a sub-heading is not
    ("1.加强组织领导，健全工作机制", False),
])
def test_short_numbered_shortfalls_are_paragraphs_headings_are_not(line, kept):
    src = f"（一）存在的问题\n{line}\n2.政府信息公开平台建设有待完善,部分栏目更新较慢。\n"
    assert (line in texts(src, section5=True)) == kept


def test_the_unseen_pages_paragraphs_are_found():
    """Every labelled paragraph of the unseen pages has a paragraph of ours like it."""
    from nlp.read import read_path

    total = found = 0
    for gold_path in sorted((UNSEEN / "gold").glob("*.json")):
        text = read_path(UNSEEN / "pages" / f"{gold_path.stem}.txt").text
        ours = [b.text for _, b in find_paragraphs(text, find_sections(text))]
        for p in json.loads(gold_path.read_text(encoding="utf-8"))["paragraphs"]:
            total += 1
            found += any(_like(p["text"], o) for o in ours)
    assert total >= 90 and found / total >= 0.97, f"{found}/{total}"


def _like(gold: str, ours: str) -> bool:
    import difflib
    import re

    from nlp.paragraphs.features import normalize

    g, o = (re.sub(r"\s+", "", normalize(s)) for s in (gold, ours))
    return ((g in o or o in g) and min(len(g), len(o)) / max(len(g), len(o)) > 0.5
            or difflib.SequenceMatcher(None, g, o, autojunk=False).ratio() >= 0.8)
