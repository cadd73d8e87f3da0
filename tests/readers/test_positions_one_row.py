"""Tables without rules that the template prints with one row, or with a row of blanks
whose label wraps (nlp/readers/positions.py, nlp/tables/words.py, nlp/tables/grids.py).

The word positions are those an unruled scan of real reports gives (021q, f01q: section
4's table set flush left, 行政诉讼 one header row high over 行政复议 set across two)."""
from __future__ import annotations

import pytest

from nlp.readers.grid import Grid, GridCell
from nlp.readers.positions import table_zones
from nlp.tables.grids import grid_rows


def _words(lines: list) -> list:
    """Each line: (top, [(text, x0), ...]); characters 10 points wide, 9 high."""
    return [{"text": text, "x0": x0, "x1": x0 + 10 * len(text), "top": top, "bottom": top + 9}
            for top, words in lines for text, x0 in words]


COLUMNS = [40, 80, 120, 160, 200]
BANDS = COLUMNS + [c + 190 for c in COLUMNS] + [c + 380 for c in COLUMNS]
HEADS = [("结果", "维持"), ("结果", "纠正"), ("其他", "结果"), ("尚未", "审结"), ("总", "计")]
REVIEW_HEADER = [(0, [("四、政府信息公开行政复议、行政诉讼情况", 30)]),
                 (38, [("行政诉讼", 230)]),
                 (46, [("行政复议", 40)]),
                 (54, [("未经复议直接起诉", 230), ("复议后起诉", 420)]),
                 (70, [(HEADS[k % 5][0], x) for k, x in enumerate(BANDS)]),
                 (78, [(HEADS[k % 5][1], x) for k, x in enumerate(BANDS)])]
F01Q_ROW = [(98, [("5", 40), ("2", 160), ("7", 200), ("8", 230), ("1", 350), ("9", 390)])]
NEXT = [(126, [("五、存在的主要问题及改进情况", 30)])]


@pytest.mark.parametrize("lines, headed, zones", [
    (REVIEW_HEADER + F01Q_ROW + NEXT, True, 1),          # one row of numbers under its header, on a scan
    (REVIEW_HEADER + F01Q_ROW + NEXT, False, 0),         # a text layer reads it as before (through the text)
    (REVIEW_HEADER[:2] + REVIEW_HEADER[4:5] + F01Q_ROW + NEXT, True, 0),  # one header line: too little
    (REVIEW_HEADER + [(98, [("其中予以公开", 40), ("208", 300)])] + NEXT, True, 0),  # a label and one number
    (REVIEW_HEADER + F01Q_ROW + [(112, [("1", 40), ("3", 160), ("4", 200)])] + NEXT, True, 1),  # two rows: as before
])
def test_a_one_row_table_is_a_table_only_under_a_header_of_several_lines(lines, headed, zones):
    assert len(table_zones(_words(lines), char_width=10, headed=headed)) == zones


def _grid(lines: list) -> Grid:
    zone = table_zones(_words(lines), char_width=10, headed=True)[0]
    return Grid(tuple(GridCell(c.text, c.top, c.bottom, c.left, c.right, k, k + 1) for k, c in enumerate(zone)),
                "words")


def test_the_one_row_keeps_its_group_titles_and_its_blanks_under_every_group():
    """行政复议 and 未经复议直接起诉, set flush left, reach over their five columns; a blank
    under 结果维持 of 复议后起诉 is a blank although 行政复议's 结果维持 prints a 5."""
    row, = grid_rows([_grid(REVIEW_HEADER + F01Q_ROW + NEXT)], "2019", "review")
    got = [(c.text, c.header, c.groups[-1]) for c in row.cells]
    assert len(got) == 15
    assert got[:5] == [("5", "结果维持", "行政复议"), ("", "结果纠正", "行政复议"), ("", "其他结果", "行政复议"),
                       ("2", "尚未审结", "行政复议"), ("7", "总计", "行政复议")]
    assert [g for _, _, g in got[5:]] == ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
    assert [t for t, _, _ in got[10:]] == [""] * 5


REQUESTS_HEADER = [(0, [("申请人情况", 300)]),
                   (16, [("自然人", 300), ("商业企业", 350), ("总计", 450)])]


@pytest.mark.parametrize("label_lines, labels", [
    # 020q, f01q: the template's 5.要求行政机关确认或重新出具已获取信息 wrapped in its narrow column, all blank
    ([(64, [("5.要求行政机关确认或重新出", 180)]), (77, [("具已获取信息", 180)])],
     ["5.要求行政机关确认或重新出具已获取信息"]),
    # two labels that are rows of their own are never joined
    ([(64, [("3.要求提供公开出版物", 180)]), (77, [("4.无正当理由大量反复申请", 180)])],
     ["3.要求提供公开出版物", "4.无正当理由大量反复申请"]),
])
def test_a_blank_row_whose_label_wraps_is_one_row_of_blanks(label_lines, labels):
    lines = REQUESTS_HEADER + [(32, [("（一）予以公开", 30), ("3", 300), ("1", 350), ("4", 450)])] + label_lines + \
        [(96, [("（七）总计", 30), ("3", 300), ("1", 350), ("4", 450)])]
    rows = grid_rows([_grid(lines)], "2019", "requests")
    blank = [r for r in rows if r.cells and all(c.text == "" for c in r.cells)]
    assert [r.labels[-1] for r in blank] == labels


# --- a table printed all blank: the header, and no word under it -------------------------

SECTION_3_HEADER = [(0, [("三、收到和处理政府信息公开申请情况", 30)]),
                    (20, [("申请人情况", 300)]),
                    (38, [("自然人", 300), ("法人或其他组织", 350), ("总计", 450)]),
                    (48, [("商业企业", 350), ("科研机构", 400), ("其他", 430)])]
ALONE_AT_FOOT = REVIEW_HEADER  # a scan's page that ends on the header: its row is on the next page


@pytest.mark.parametrize("lines, table, headed, blank_cells", [
    # 020q: section 4's header, then the next section's heading: its one row printed all blank
    (REVIEW_HEADER + NEXT, "review", True, 15),
    (REVIEW_HEADER + NEXT, "review", False, 15),  # a text layer printed without rules alike
    # closed by a paragraph rather than a heading
    (REVIEW_HEADER + [(126, [("本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。", 30)])], "review", True, 15),
    # must not: a header with its numbers under it reads them (as before)
    (REVIEW_HEADER + F01Q_ROW + NEXT, "review", True, 0),
    # must not: a table of many rows under a header with nothing under it (rows left out,
    # never guessed), nor one whose rows print their labels only
    (SECTION_3_HEADER + NEXT, "requests", True, 0),
    (SECTION_3_HEADER + [(64, [("（一）予以公开", 30)]), (80, [("（二）部分公开", 30)])] + NEXT, "requests", True, 0),
    # must not: a header at the foot of a scanned page (its row follows on the next page)
    (ALONE_AT_FOOT, "review", True, 0),
])
def test_a_one_row_table_printed_all_blank_is_a_row_of_blanks(lines, table, headed, blank_cells):
    zones = table_zones(_words(lines), char_width=10, headed=headed)
    rows = grid_rows([Grid(tuple(GridCell(c.text, c.top, c.bottom, c.left, c.right, k, k + 1)
                                 for k, c in enumerate(zone)), "words") for zone in zones], "2019", table)
    band = [c for r in rows if r.band for c in r.cells]
    assert len(band) == blank_cells and all(c.text == "" for c in band)
    if blank_cells:
        assert [(c.header, c.groups[-1]) for c in band[::5]] == [("结果维持", "行政复议"), ("结果维持", "未经复议直接起诉"),
                                                                ("结果维持", "复议后起诉")]


def test_a_header_of_one_line_with_nothing_under_it_is_no_table():
    lines = [(0, [("四、政府信息公开行政复议、行政诉讼情况", 30)]),
             (70, [(HEADS[k % 5][0] + HEADS[k % 5][1], x) for k, x in enumerate(BANDS)])] + NEXT
    assert table_zones(_words(lines), char_width=10, headed=True) == []


# --- the rest of a table the page broke, at the top of a scanned page --------------------

F03Q_PAGE_TOP = [(32, [("第二十条第（六）项", 37)]),
                 (48, [("信息内容", 37), ("本年处理决定数量", 115)]),
                 (64, [("行政处罚", 37), ("1100", 116)]),
                 (80, [("行政强制", 37), ("65", 115)])]
SECTION_3 = [(154, [("三、收到和处理政府信息公开申请情况", 33)])]


@pytest.mark.parametrize("lines, headed, zones", [
    (F03Q_PAGE_TOP + SECTION_3, True, 1),    # f03q, f01q: section 2's last sub-tables open the page
    (F03Q_PAGE_TOP + SECTION_3, False, 0),   # a text layer reads them through its text, as before
    # must not: the same lines under a paragraph of the page (not the rest of a broken table)
    ([(10, [("本机关2024年度共作出行政处罚和行政强制决定如下，详见下表。", 37)])] + F03Q_PAGE_TOP + SECTION_3, True, 0),
    # must not: numbers with no header line over them (a list of counts)
    ([F03Q_PAGE_TOP[0]] + F03Q_PAGE_TOP[2:] + SECTION_3, True, 0),
])
def test_a_page_that_opens_with_a_header_over_numbers_continues_a_table(lines, headed, zones):
    assert len(table_zones(_words(lines), char_width=10, headed=headed)) == zones
