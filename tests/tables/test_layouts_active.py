"""Section 2 (第二十条) in every layout real reports print it. Fragments are copied from
the reports in data/samples and data/corpus."""
import pytest

from .helpers import read_fragment

GRID = """第二十条第(一)项 | ||||
信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 | |
规章 | 0 | 0 | 0 | |
规范性文件 | 2 | 1 | 11 | |
第二十条第(八)项 | ||||
信息内容 | 上一年项目数量 | 本年增/减 | ||
行政事业性收费 | 3 | -1 | ||
第二十条第(九)项 | ||||
信息内容 | 采购项目数量 | 采购总金额 | ||
政府集中采购 | 1 | 120万元 |"""

VERTICAL_PIPES = "第二十条第(一)项\n|\n|||\n信息内容\n|\n本年新 |\n本年新 |\n对外公开总数量\n|\n规章\n|\n0\n|\n0\n|\n0\n|\n规范性文件\n|\n4\n|\n5\n|\n６\n|"

BLANK_LINES = "第二十条第(一)项\n\n信息内容\n\n本年新\n制作数量\n\n本年新\n公开数量\n\n对外公开总数量\n\n规章\n\n0\n\n0\n\n0\n\n规范性文件\n\n0\n\n1\n\n11\n"

MARKDOWN_2021 = """### 第二十条第（一）项
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 6 | 1 | 32 |

### 第二十条第（五）项
| 信息内容 | 本年处理决定数量 |
|---|---|
| 行政许可 | 517,645 |

### 第二十条第（八）项
| 信息内容 | 本年收费金额（单位：万元） |
|---|---|
| 行政事业性收费 | 4068.208 |"""

FLOW_PDF_2021 = """第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
行政规范性文件 0 5 5
第二十条第（五）项
信息内容 本年处理决定数量
行政许可 550
第二十条第（六）项
- 2 -
信息内容 本年处理决定数量
行政处罚 4119
行政强制 195"""

# the sub-tables printed out of template order, with loose lines (a PDF converted to markdown)
OUT_OF_ORDER = """第二十条第（五）项
信息内容本年处理决定数量
行政许可 97
第二十条第（六）项
行政处罚 0
## 表二：主动公开政府信息情况
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 0 | 0 | 0 |
| 规范性文件 | 13 | 0 | 55 |"""

FLOW_2019_SIGNED = """第二十条第（五）项
信息内容 上一年项目数量 本年增/减 处理决定数量
行政许可 120 -3 1,450
其他对外管理服务事项 8 +2 66
第二十条第（八）项
行政事业性收费 5 −1"""

LOOSE_CELLS = """第二十条第（一）项
22
（其中修订 16 件）
55
（含自然失效 29 件）
第二十条第（五）项
信息内容本年处理决定数量
行政许可 0
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 22 | 235 |
|---|---|---|
| 行政规范性文件 | 34 | 189 |"""

CASES = [
    # (layout, edition, fragment, expected field values)
    ("grid, truncated header, units", "2019", GRID,
     {"active.rules.total_published": 0, "active.normative.new_made": 2, "active.normative.total_published": 11,
      "active.fees.change": -1, "active.procurement.projects": 1, "active.procurement.amount_yuan": 1_200_000}),
    ("vertical with pipe lines, full-width digit", "2019", VERTICAL_PIPES,
     {"active.rules.new_made": 0, "active.normative.new_made": 4, "active.normative.total_published": 6}),
    ("cells separated by blank lines", "2019", BLANK_LINES,
     {"active.rules.new_published": 0, "active.normative.new_published": 1, "active.normative.total_published": 11}),
    ("markdown, thousands separator, 万元", "2021", MARKDOWN_2021,
     {"active.normative.issued": 6, "active.normative.repealed": 1, "active.normative.in_force": 32,
      "active.licensing.decisions": 517645, "active.fees.amount_wan_yuan": 4068.208}),
    ("PDF text with a page number inside", "2021", FLOW_PDF_2021,
     {"active.normative.repealed": 5, "active.licensing.decisions": 550, "active.penalty.decisions": 4119,
      "active.coercion.decisions": 195}),
    ("PDF text, signed changes", "2019", FLOW_2019_SIGNED,
     {"active.licensing.prev_items": 120, "active.licensing.change": -3, "active.licensing.decisions": 1450,
      "active.other_services.change": 2, "active.fees.prev_items": 5, "active.fees.change": -1}),
    ("sub-tables out of order", "2021", OUT_OF_ORDER,
     {"active.licensing.decisions": 97, "active.penalty.decisions": 0, "active.normative.issued": 13,
      "active.normative.in_force": 55}),
    ("cells fallen out of their rows", "2021", LOOSE_CELLS,
     {"active.rules.issued": 22, "active.rules.repealed": 22, "active.rules.in_force": 235,
      "active.normative.issued": 34, "active.normative.repealed": 55, "active.normative.in_force": 189}),
]


@pytest.mark.parametrize("layout, edition, fragment, expected", CASES, ids=[c[0] for c in CASES])
def test_active_table_layouts(layout, edition, fragment, expected):
    values, _, _, _ = read_fragment(2, fragment, edition)
    assert {f: values.get(f, "absent") for f in expected} == expected


def test_blank_cell_is_null_not_zero():
    values, _, _, _ = read_fragment(2, "规章 | 0 | 0 | | |\n规范性文件 | 0 | 0 | / | |")
    assert values["active.rules.total_published"] is None
    assert values["active.normative.total_published"] is None
    assert values["active.rules.new_made"] == 0


def test_run_together_row_without_arithmetic_is_left_out_and_said():
    """第二十条 has no sums: '898989' has ten splits, so the cells stay out."""
    values, ambiguous, _, _ = read_fragment(2, "第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件898989第二十条")
    assert [values.get(f"active.rules.{c}") for c in ("new_made", "new_published", "total_published")] == [0, 0, 0]
    assert "active.normative.new_made" not in values
    assert any("898989" in a.reason and "active.normative.new_made" in a.fields for a in ambiguous)


def test_amount_run_together_with_project_count_is_left_out():
    values, ambiguous, _, _ = read_fragment(2, "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购13575394432.52元")
    assert "active.procurement.amount_yuan" not in values
    assert ambiguous and "active.procurement.amount_yuan" in ambiguous[0].fields


def test_every_cell_keeps_its_evidence():
    _, _, cells, text = read_fragment(2, GRID)
    amount = next(c for c in cells if c.field == "active.procurement.amount_yuan")
    assert (amount.raw, text[amount.start:amount.end]) == ("120万元", "120万元")
    assert amount.row_alias == "政府集中采购" and amount.row_score == 100.0 and amount.placed_by == "label"


def test_label_that_matches_nothing_is_not_pinned():
    values, _, _, _ = read_fragment(2, "信息内容 | 本年新 | 本年新 | 对外公开总数量\n宣传材料 | 3 | 4 | 5")
    assert values == {}
