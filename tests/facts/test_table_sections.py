"""Sentences in the table sections (2-4) are read for facts; table rows are not.

Older reports (and some of the 2021 template) write section 2 as narrative: its counts are
stated counts of items published (OUTPUT.md: every stated count in the free text).
"""
import pytest

from nlp.facts import extract_facts
from nlp.segment import find_sections

_OPENING = "一、总体情况\n2020年,我局认真贯彻落实《条例》,扎实推进政府信息公开工作。\n二、主动公开政府信息情况\n"
_AFTER = "\n三、收到和处理政府信息公开申请情况\n2020年,我单位收到政府信息公开申请3件,已全部按时回复办结。\n"


def _facts(section2: str) -> list:
    text = _OPENING + section2 + _AFTER
    return [(f.channel, f.value) for f in extract_facts(text, find_sections(text), ())
            if f.kind == "publication_count"]


@pytest.mark.parametrize("section2, expected", [
    # round 5 h412 (gucheng-fgj 2020)
    ("2020年,我局公开政府信息新增信息14条。", [("total", 14.0)]),
    # collected row 248 (guyang.gov.cn 24908839)
    ("2021年我局在政府网站主动公开信息36条,民政局微信公众号发布70余条信息,阅读量1万多次。",
     [("website", 36.0), ("wechat", 70.0)]),
    # collected row 478 (szlhq.gov.cn)
    ("(一)通过中心政务网站公开。2020年我中心通过龙华政府在线主动公开机构职能、政策法规、工作动态等政府信息58条。",
     [("website", 58.0)]),
    # a line whose sentences are followed by a fragment (a table label run on, the end of an excerpt)
    ("2021年,该所主动公开信息数825条,其中网站公开信息数814条,微信公开信息数11条;制发规范性文件",
     [("total", 825.0), ("website", 814.0), ("wechat", 11.0)]),   # round-18 h1716 (dev), a CAS institute
    ("2021年 通过门户网站公开政府信息137条,微信公众号公开政府信息 70条。 公布的内容和范围主要包括文史馆工作动态、通知通告。按要求在门户网站公布了贵州",
     [("website", 137.0), ("wechat", 70.0)]),                     # round-18 h1719 (dev)
    # must not: a table row of section 2, a table's label line (no sentence), and (every row)
    # the application of section 3
    ("| 规范性文件 | 12 | 0 | 3 |\n| 行政许可 | 5 |", []),
    ("第二十条第(一)项\n发布信息 120条\n信息内容 本年新制发件数", []),
])
def test_table_section_sentences(section2, expected):
    assert _facts(section2) == expected

