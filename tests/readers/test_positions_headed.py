"""A header the page broke from its rows (nlp/readers/positions.py, ``headed``): on a scan,
lines of header cells that end the page are a table, so the rows on the next page take
their columns; lines that are not a header, and any header the text layer reads, stay text."""
from __future__ import annotations

import pytest

from nlp.readers.positions import table_zones


def _words(lines: list) -> list:
    """Each line: (top, [(text, x0), ...]); characters 10 points wide."""
    return [{"text": text, "x0": x0, "x1": x0 + 10 * len(text), "top": top, "bottom": top + 10}
            for top, words in lines for text, x0 in words]


HEADER = [(0, [("三、收到和处理政府信息公开申请情况", 30)]),
          (20, [("（本列数据的勾稽关系为：第一项加第二项之和，", 30),
                ("法人或其他组织", 340)]),
          (40, [("等于第三项加第四项之和）", 30), ("自然人", 300), ("商业企业", 340),
                ("科研机构", 390), ("总计", 450)])]
SIGNATURE = [(0, [("我局将进一步加强政府信息公开工作，不断提升工作水平。", 30)]),
             (20, [("襄都区科技和工业信息化局", 300)]),
             (40, [("2021年1月20日", 320)])]
PROSE_WITH_NUMBERS = [(0, [("全年共受理政府信息公开申请1295件，办结1191件。", 30)]),
                      (20, [("其中予以公开208件", 30), ("占17.46%", 300)]),
                      (40, [("第1页", 300)])]


@pytest.mark.parametrize("lines, headed, zones", [
    (HEADER, True, 1),               # a header alone at the foot of a scanned page
    (HEADER, False, 0),              # a text layer reads as before
    (SIGNATURE, True, 0),            # a signature and its date: one cell a line
    (PROSE_WITH_NUMBERS, True, 0),   # a sentence with a number beside it, then a page number
])
def test_a_header_ending_the_page_is_a_table_only_on_a_scan(lines, headed, zones):
    assert len(table_zones(_words(lines), char_width=10, headed=headed)) == zones
