"""Section 3 (收到和处理政府信息公开申请情况) in the layouts of real reports: rows pinned by
label, placed by order when the label is missing, run-together digits split by the
template's sums, and cells left out (and said to be) when nothing fixes them."""
import pytest

from nlp.schema import registry

from .helpers import read_fragment, row

#: seed 003: blanks kept positionally, and the row of 8.属于行政查询事项 printed without label
GRID_BLANKS = """(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||
自然人 | 法人或其他组织 | 总计 | |||||||
商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||
一、本年新收政府信息公开申请数量 | 0 | | 0 | | 0 | | 0 | ||
二、上年结转政府信息公开申请数量 | | | | | | | 0 | ||
三、本年度办理结果 | (一)予以公开 | | | | | | | 0 | |
(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | | | | 0 | | 0 | ||
(三)不予公开 | 1.属于国家秘密 | | | | | | | | |
2.其他法律行政法规禁止公开 | | | | | | | | ||
3.危及“三安全一稳定” | | | | | | | | ||
4.保护第三方合法权益 | | | | | | | | ||
5.属于三类内部事务信息 | 0 | | | | | | 0 | ||
6.属于四类过程性信息 | | | | | | | | ||
7.属于行政执法案卷 | | | | | | | | ||
0 | | | | | | 0 | |||
(四)无法提供 | 1.本机关不掌握相关政府信息 | 0 | | | | | | 0 | |
2.没有现成信息需要另行制作 | | | 0 | | | | 0 | ||
3.补正后申请内容仍不明确 | | | | | | | | ||
(五)不予处理 | 1.信访举报投诉类申请 | | | | | | | | |
2.重复申请 | | | | | | | | ||
3.要求提供公开出版物 | | | | | | | | ||
4.无正当理由大量反复申请 | | | | | | | | ||
5.要求行政机关确认或重新出具已获取信息 | | | | | | | | ||
(六)其他处理 | | | | | | | | ||
(七)总计 | | | | | | | 0 | ||
四、结转下年度继续办理 | | | | | | | 0 |"""

#: seed 001: one cell per line, pipes on lines of their own, vertical header text
VERTICAL = "\n".join("""申请人情况
|
自
然
人
|
法人或其他组织
|
总计
|
一、本年新收政府信息公开申请数量
|
3
|
0
|
1
|
0
|
0
|
0
|
4
|
二、上年结转政府信息公开申请数量
|
0
|
0
|
0
|
0
|
0
|
0
|
0""".splitlines())

#: seed 002: every cell line ends in a pipe, so a bare pipe is an empty cell
TRAILING_PIPES = "一、本年新收政府信息公开申请数量 |\n" + "0 |\n" * 7 + "||\n二、上年结转政府信息公开申请数量 |\n" + "|\n" * 7 + "||\n三、本年度办理结果 |\n(一)予以公开 |\n" + "0 |\n" * 7 + "|\n"

#: report 011: PDF text; labels wrap around their numbers, page number inside the table
PDF_FLOW = """一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
（一）予以公开 0 0 0 0 0 0 0
（二）部分公开（区分处理的，只计这一情 形，不
4 0 0 0 0 0 4
计其他情形）
1 0 0 0 0 0 1
1.属于国家秘密
三 2.其他法律行政止公开 0 0 0 0 0 0 0
、
0 0 0 0 0 0 0
本 3.危及“三安全一稳定”
年
度 4.保护第三方合法权益 0 0 0 0 0 0 0
办 （三）不予公开
理 5.属于三类内部事务信息 0 0 0 0 0 0 0
结
果 6.属于四类过程性信息 1 0 0 0 0 0 1
7.属于行政执法案卷 1 0 0 0 0 0 1
8.属于行政查询事项 0 0 0 0 0 0 0
10 0 0 0 0 0 10
1.本机关不掌握相关政府信息
（四）无法提供
3 0 0 0 0 0 3
2.没有现成信息需要另行制作
- 3 -
3.补正后申请内容仍不明确 0 0 0 0 0 0 0"""

#: report 002 (2021 edition): the whole table on one line, cell separators lost
RUN_TOGETHER = ("申请人情况自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量640020470"
                "二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开270020130（二）部分公开（区分处理的，只计这一情形，不计其他情形）500000 5"
                "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益0000000"
                "5.属于三类内部事务信息10000016.属于四类过程性信息00000007.属于行政执法案卷60000068.属于行政查询事项1000001"
                "（四）无法提供1.本机关不掌握相关政府信息2200003252.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000"
                "（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请0000000"
                "5.要求行政机关确认或重新出具已获取信息0000000（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000"
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他1000001（七）总计630020469四、结转下年度继续办理1000001")


def test_grid_blank_cells_are_null_and_zero_is_zero():
    values, _, _, _ = read_fragment(3, GRID_BLANKS)
    assert row(values, "requests.new_received") == [0, None, 0, None, 0, None, 0]
    assert row(values, "requests.carried_over") == [None] * 6 + [0]
    assert row(values, "requests.withheld.state_secret") == [None] * 7


def test_row_without_label_is_placed_by_position_and_says_so():
    values, _, cells, _ = read_fragment(3, GRID_BLANKS)
    assert row(values, "requests.withheld.inquiry") == [0, None, None, None, None, None, 0]
    inquiry = next(c for c in cells if c.field == "requests.withheld.inquiry.total")
    assert inquiry.placed_by == "position"


def test_vertical_one_cell_per_line():
    values, _, _, _ = read_fragment(3, VERTICAL)
    assert row(values, "requests.new_received") == [3, 0, 1, 0, 0, 0, 4]
    assert row(values, "requests.carried_over") == [0] * 7


def test_bare_pipe_lines_are_empty_cells_when_cells_end_in_pipes():
    values, _, _, _ = read_fragment(3, TRAILING_PIPES)
    assert row(values, "requests.new_received") == [0] * 7
    assert row(values, "requests.carried_over") == [None] * 7
    assert row(values, "requests.granted") == [0] * 7


def test_pdf_text_rows_whose_labels_wrap_around_them():
    values, _, _, _ = read_fragment(3, PDF_FLOW, "2021")
    assert row(values, "requests.partly_granted") == [4, 0, 0, 0, 0, 0, 4]
    assert row(values, "requests.withheld.state_secret") == [1, 0, 0, 0, 0, 0, 1]
    assert row(values, "requests.withheld.safety_stability") == [0] * 7
    assert row(values, "requests.unable.not_held") == [10, 0, 0, 0, 0, 0, 10]
    assert row(values, "requests.unable.needs_creation") == [3, 0, 0, 0, 0, 0, 3]


def test_run_together_digits_split_by_row_and_column_sums():
    values, ambiguous, cells, _ = read_fragment(3, RUN_TOGETHER, "2021")
    assert row(values, "requests.new_received") == [64, 0, 0, 2, 0, 4, 70]
    # two splits fit the row sum; only the column rules single this one out
    assert row(values, "requests.granted") == [27, 0, 0, 2, 0, 1, 30]
    assert row(values, "requests.unable.not_held") == [22, 0, 0, 0, 0, 3, 25]
    assert row(values, "requests.total") == [63, 0, 0, 2, 0, 4, 69]
    assert row(values, "requests.other_handling.other") == [1, 0, 0, 0, 0, 0, 1]
    assert next(c for c in cells if c.field == "requests.granted.total").placed_by == "arithmetic"
    assert ambiguous == ()


def test_run_together_digits_that_the_sums_cannot_split_are_left_out():
    """Without the (七)总计 row, 270020130 keeps two splits (27|0|0|2|0|1|30 and
    2|7|0|0|20|1|30): its cells stay out and an ambiguity says why."""
    broken = RUN_TOGETHER.replace("（七）总计630020469四、", "（七）总计四、")
    values, ambiguous, _, _ = read_fragment(3, broken, "2021")
    assert "requests.granted.natural_person" not in values
    assert row(values, "requests.new_received") == [64, 0, 0, 2, 0, 4, 70]
    assert any("requests.granted.total" in a.fields and "270020130" in a.reason for a in ambiguous)


def test_two_unlabelled_rows_for_three_slots_are_ambiguous():
    fragment = """一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
(一)予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1
(二)部分公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
| 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 2 | 0 | 0 | 0 | 0 | 0 | 2 |
4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0"""
    values, ambiguous, _, _ = read_fragment(3, fragment)
    assert not any(f.startswith("requests.withheld.state_secret") for f in values)
    assert not any(f.startswith("requests.withheld.safety_stability") for f in values)
    assert row(values, "requests.withheld.third_party") == [0] * 7
    slot_fields = {f for a in ambiguous for f in a.fields}
    assert {"requests.withheld.state_secret.total", "requests.withheld.prohibited_by_law.total",
            "requests.withheld.safety_stability.total"} <= slot_fields


def test_2019_layout_other_handling_row_in_a_2021_report_is_read_but_not_stored():
    fragment = PDF_FLOW + "\n（六）其他处理 0 0 0 0 0 0 0\n（七）总计 21 0 0 0 0 0 21\n四、结转下年度继续办理 0 0 0 0 0 0 0"
    values, _, _, _ = read_fragment(3, fragment, "2021")
    assert not any(f.startswith("requests.other_handling") for f in values)
    assert row(values, "requests.total") == [21, 0, 0, 0, 0, 0, 21]
    assert row(values, "requests.carried_forward") == [0] * 7


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_labels_of_the_template_itself_pin_every_row(edition):
    """A table printed with the exact labels of fields.json pins every row by label."""
    rows = registry().rows(edition, "requests")
    lines = [f"{r.aliases[0]} | " + " | ".join(str(k + c) for c in range(6)) + f" | {sum(k + c for c in range(6))}"
             for k, r in enumerate(rows) if r.store]
    values, ambiguous, cells, _ = read_fragment(3, "\n".join(lines), edition)
    assert len(values) == 7 * len(lines) and ambiguous == ()
    assert {c.placed_by for c in cells} == {"label"}


def test_html_grid_with_merged_label_cells():
    """A table read from HTML: merged cells leave empty grid positions after a label
    spanning columns and before a label whose group spans rows."""
    fragment = """(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |  |  | 申请人情况 |  |  |  |  |  |
 |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计
 |  |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |
一、本年新收政府信息公开申请数量 |  |  | 5 | 1 | 0 | 0 | 0 | 0 | 6
二、上年结转政府信息公开申请数量 |  |  | 0 | 0 | 0 | 0 | 0 | | 0
三、本年度办理结果 | （一）予以公开 |  | 3 | 1 | 0 | 0 | 0 | 0 | 4
 | （二）部分公开（区分处理的，只计这一情形，不计其他情形） |  | 1 | 0 | 0 | 0 | 0 | 0 | 1
 | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0"""
    values, _, _, _ = read_fragment(3, fragment)
    assert row(values, "requests.new_received") == [5, 1, 0, 0, 0, 0, 6]
    assert row(values, "requests.carried_over") == [0, 0, 0, 0, 0, None, 0]
    assert row(values, "requests.granted") == [3, 1, 0, 0, 0, 0, 4]
    assert row(values, "requests.partly_granted") == [1, 0, 0, 0, 0, 0, 1]
    assert row(values, "requests.withheld.state_secret") == [0] * 7


def _vertical(fragment: str, layout: str) -> str:
    """A pipe-row fragment as a scraper prints the same table a cell a line: ``cells`` puts
    a ``|`` line after each cell (seeds 001/002: a blank is an empty line between two ``|``
    lines), ``blanks`` an empty line after each (seed 004: a blank adds one). Every piece of
    the row is printed, the padding of the page's extra columns too."""
    out = []
    for line in fragment.split("\n"):
        parts = [p.strip() for p in line.split("|")]
        parts = parts[:-1] if parts and parts[-1] == "" else parts
        out += [x for p in parts for x in (p, "|" if layout == "cells" else "")]
    return "\n".join(out)


#: seed 003's rows printed a cell a line. A row of blanks (7.属于行政执法案卷, 7 cells and 2
#: of padding) followed by a row whose label is lost: only the next label ends a row here,
#: so which blank is whose cannot be told; the row must not take the next row's 0s.
VERTICAL_BLANKS = [
    ("requests.new_received", [0, None, 0, None, 0, None, 0]),
    ("requests.carried_over", [None] * 6 + [0]),
    ("requests.withheld.internal_affairs", [0, None, None, None, None, None, 0]),  # 2 padding blanks after
    ("requests.withheld.process_info", [None] * 7),
    ("requests.unable.not_held", [0, None, None, None, None, None, 0]),
    ("requests.withheld.enforcement_file", ["absent"] * 7),  # never [0, None, …, 0]
    ("requests.withheld.inquiry", ["absent"] * 7),
]


@pytest.mark.parametrize("layout", ["cells", "blanks"])
@pytest.mark.parametrize("prefix, expected", VERTICAL_BLANKS, ids=[p for p, _ in VERTICAL_BLANKS])
def test_vertical_blank_cells_are_cells_and_never_shift_a_row(layout, prefix, expected):
    values, ambiguous, _, _ = read_fragment(3, _vertical(GRID_BLANKS, layout))
    assert row(values, prefix) == expected
    if expected[0] == "absent":  # the 0s stay in the ambiguity of the row they came after
        assert any("requests.withheld.enforcement_file.total" in a.fields and "0" in a.raw for a in ambiguous)


def test_vertical_padding_before_a_full_row_is_dropped():
    """A blank right after a label that a merged label cell left behind, before a row that
    prints all seven cells, is padding: the row is read (seed 003's rows with values in
    every cell, re-printed a cell a line)."""
    fragment = GRID_BLANKS.replace("一、本年新收政府信息公开申请数量 | 0 | | 0 | | 0 | | 0 | ||",
                                   "一、本年新收政府信息公开申请数量 | | 5 | 0 | 1 | 0 | 0 | 0 | 6 |")
    for layout in ("cells", "blanks"):
        values, _, _, _ = read_fragment(3, _vertical(fragment, layout))
        assert row(values, "requests.new_received") == [5, 0, 1, 0, 0, 0, 6]
