"""Section 4 (行政复议、行政诉讼): fifteen cells in template order, however laid out."""
import pytest

from .helpers import read_fragment

FIELDS = [f"{g}.{c}" for g in ("review", "litigation_direct", "litigation_after_review")
          for c in ("upheld", "corrected", "other", "pending", "total")]

HEADER = """行政复议 | 行政诉讼 | |||||||||||||
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | |||||
"""

CASES = [
    ("grid", HEADER + " | ".join(["1", "0", "2", "0", "3"] + ["0"] * 10),
     [1, 0, 2, 0, 3] + [0] * 10),
    ("PDF text, header split over lines", "行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n结果 结果 其他 尚未\n总 计\n10 1 0 0 0 0 0 0 0 0 5 0 0 0 0",
     [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]),
    ("three markdown tables", "### 行政复议\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n| 27 | 10 | 9 | 15 | 61 |\n"
     "### 行政诉讼（未经复议直接起诉）\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n| 3 | 0 | 0 | 0 | 3 |\n"
     "### 行政诉讼（复议后起诉）\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n| 8 | 0 | 1 | 1 | 10 |",
     [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]),
    ("run-together digits split by the group sums",
     "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计10203120001200000",
     [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]),
    ("fifteen zeros run together", "结果维持结果纠正其他结果尚未审结总计000000000000000", [0] * 15),
]


@pytest.mark.parametrize("layout, fragment, expected", CASES, ids=[c[0] for c in CASES])
def test_review_layouts(layout, fragment, expected):
    values, ambiguous, _, _ = read_fragment(4, fragment)
    assert [values.get(f, "absent") for f in FIELDS] == expected
    assert ambiguous == ()


def test_fewer_values_than_cells_leaves_all_fifteen_out():
    """Seed 003 prints 12 values for 15 cells: which three are missing cannot be told."""
    values, ambiguous, _, _ = read_fragment(4, HEADER + " | ".join(["0"] * 12) + " |")
    assert not any(f in values for f in FIELDS)
    assert ambiguous[0].fields == tuple(FIELDS) and "12 printed values for 15 cells" in ambiguous[0].reason


def test_blank_cells_of_the_review_row():
    values, _, _, _ = read_fragment(4, HEADER + "1 | 0 | | 0 | 1 | " + " | ".join(["0"] * 10))
    assert values["review.other"] is None and values["review.total"] == 1


def _cell_lines(fragment: str) -> str:
    """Every piece of every pipe row on a line of its own, a ``|`` line after it (seeds
    001/002): the header's padding pieces become blank cells printed before the values."""
    out = []
    for line in fragment.split("\n"):
        parts = [p.strip() for p in line.split("|")]
        out += [x for p in (parts[:-1] if parts and parts[-1] == "" else parts) for x in (p, "|")]
    return "\n".join(out)


@pytest.mark.parametrize("values, expected", [
    (["0"] * 15, [0] * 15),                                   # every cell printed: the blanks before are padding
    (["1", "0", "2", "0", "3"] + ["0"] * 10, [1, 0, 2, 0, 3] + [0] * 10),
    (["0"] * 12, ["absent"] * 15),                            # seed 003: 12 values, never padded up to 15
    (["1", "0", "", "0", "1"] + ["0"] * 10, ["absent"] * 15),  # a blank among them: which blanks are cells is unknown
])
def test_review_row_a_cell_a_line_after_the_header_padding(values, expected):
    values_read, ambiguous, _, _ = read_fragment(4, _cell_lines(HEADER + " | ".join(values) + " |"))
    assert [values_read.get(f, "absent") for f in FIELDS] == expected
    if expected[0] == "absent":
        assert ambiguous and ambiguous[0].fields == tuple(FIELDS)
