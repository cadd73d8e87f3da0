"""The three tables of the national template, as cells with spans and canonical ids.

Edition ``2019`` follows 国办公开办函〔2019〕60号 (reports of 2019 and 2020), ``2021`` follows
〔2021〕30号 (2021 on). Ids are those of ``../shared/spec/fields.json``. A value cell carries its
id; heading and label cells carry their text. ``Table.rows`` lists, per printed row, the cells
that start in it (as HTML writes them); ``Table.grid()`` is the expanded matrix.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from nlp.vocabulary import APPLICANT_BANDS, APPLICANT_COLUMNS, APPLICANT_NAMES


@dataclass(frozen=True)
class Cell:
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    field: str | None = None


@dataclass(frozen=True)
class DataRow:
    """Where a row's values are found again in a form: after the cell ``anchor`` (in the same
    grid row), or, with ``skip``, in the grid row ``skip`` rows below the anchor's."""
    anchor: str
    fields: tuple
    skip: int = 0


@dataclass(frozen=True)
class Table:
    section: int
    rows: tuple
    data: tuple

    @property
    def width(self) -> int:
        return sum(cell.colspan for cell in self.rows[0])

    def placed(self) -> list:
        """(row, column, cell) for every cell, columns found as HTML places them."""
        taken, out = set(), []
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                taken |= {(r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan)}
                out.append((r, c, cell))
                c += cell.colspan
        return out

    def grid(self) -> list:
        """The expanded matrix: a cell at its start, None where a span covers the position."""
        grid = [[None] * self.width for _ in self.rows]
        for r, c, cell in self.placed():
            grid[r][c] = cell
        return grid


COLUMNS = APPLICANT_COLUMNS
REVIEW = tuple(f"{group}.{col}" for group in ("review", "litigation_direct", "litigation_after_review")
               for col in ("upheld", "corrected", "other", "pending", "total"))
RESULT_HEADS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

SECTION2 = {
    "2019": (
        ("第二十条第（一）项", ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
         (("规章", "active.rules", ("new_made", "new_published", "total_published")),
          ("规范性文件", "active.normative", ("new_made", "new_published", "total_published")))),
        ("第二十条第（五）项", ("上一年项目数量", "本年增/减", "处理决定数量"),
         (("行政许可", "active.licensing", ("prev_items", "change", "decisions")),
          ("其他对外管理服务事项", "active.other_services", ("prev_items", "change", "decisions")))),
        ("第二十条第（六）项", ("上一年项目数量", "本年增/减", "处理决定数量"),
         (("行政处罚", "active.penalty", ("prev_items", "change", "decisions")),
          ("行政强制", "active.coercion", ("prev_items", "change", "decisions")))),
        ("第二十条第（八）项", ("上一年项目数量", "本年增/减"),
         (("行政事业性收费", "active.fees", ("prev_items", "change")),)),
        ("第二十条第（九）项", ("采购项目数量", "采购总金额"),
         (("政府集中采购", "active.procurement", ("projects", "amount_yuan")),)),
    ),
    "2021": (
        ("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"),
         (("规章", "active.rules", ("issued", "repealed", "in_force")),
          ("行政规范性文件", "active.normative", ("issued", "repealed", "in_force")))),
        ("第二十条第（五）项", ("本年处理决定数量",), (("行政许可", "active.licensing", ("decisions",)),)),
        ("第二十条第（六）项", ("本年处理决定数量",),
         (("行政处罚", "active.penalty", ("decisions",)), ("行政强制", "active.coercion", ("decisions",)))),
        ("第二十条第（八）项", ("本年收费金额（单位：万元）",),
         (("行政事业性收费", "active.fees", ("amount_wan_yuan",)),)),
    ),
}

WITHHELD = (("1.属于国家秘密", "state_secret"), ("2.其他法律行政法规禁止公开", "prohibited_by_law"),
            ("3.危及“三安全一稳定”", "safety_stability"), ("4.保护第三方合法权益", "third_party"),
            ("5.属于三类内部事务信息", "internal_affairs"), ("6.属于四类过程性信息", "process_info"),
            ("7.属于行政执法案卷", "enforcement_file"), ("8.属于行政查询事项", "inquiry"))
UNABLE = (("1.本机关不掌握相关政府信息", "not_held"), ("2.没有现成信息需要另行制作", "needs_creation"),
          ("3.补正后申请内容仍不明确", "unclear"))
NOT_PROCESSED = (("1.信访举报投诉类申请", "petition"), ("2.重复申请", "duplicate"),
                 ("3.要求提供公开出版物", "publication"), ("4.无正当理由大量反复申请", "repetitive"),
                 ("5.要求行政机关确认或重新出具已获取信息", "reconfirm"))
OTHER_2021 = (("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "overdue_correction"),
              ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "unpaid_fee"),
              ("3.其他", "other"))


def _values(prefix: str) -> list:
    return [Cell(field=f"{prefix}.{col}") for col in COLUMNS]


def _section2(edition: str) -> Table:
    rows, data = [], []
    for item, heads, lines in SECTION2[edition]:
        last = 4 - len(heads)  # the last column spans what the item's fewer columns leave
        rows.append((Cell(item, colspan=4),))
        rows.append((Cell("信息内容"),) + tuple(Cell(h, colspan=last if i == len(heads) - 1 else 1)
                                             for i, h in enumerate(heads)))
        for label, prefix, cols in lines:
            ids = tuple(f"{prefix}.{c}" for c in cols)
            rows.append((Cell(label),) + tuple(Cell(field=f, colspan=last if i == len(ids) - 1 else 1)
                                             for i, f in enumerate(ids)))
            data.append(DataRow(label, ids))
    return Table(2, tuple(rows), tuple(data))


def _section3(edition: str) -> Table:
    other = () if edition == "2019" else OTHER_2021
    groups = [("（三）不予公开", "requests.withheld", WITHHELD), ("（四）无法提供", "requests.unable", UNABLE),
              ("（五）不予处理", "requests.not_processed", NOT_PROCESSED)]
    if other:
        groups.append(("（六）其他处理", "requests.other_handling", other))
    result_rows = 2 + sum(len(g[2]) for g in groups) + (0 if other else 1) + 1
    # the two-level applicant header as the template prints it (nlp/vocabulary.py)
    (applicants, _), (organisations, kinds) = APPLICANT_BANDS
    rows = [
        (Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3),
         Cell(applicants, colspan=len(COLUMNS))),
        (Cell(APPLICANT_NAMES[COLUMNS[0]], rowspan=2), Cell(organisations, colspan=len(kinds)),
         Cell(APPLICANT_NAMES[COLUMNS[-1]], rowspan=2)),
        tuple(Cell(APPLICANT_NAMES[c]) for c in kinds),
    ]
    data = []

    def add(label_cells, label, prefix):
        rows.append(tuple(label_cells) + tuple(_values(prefix)))
        data.append(DataRow(label, tuple(f"{prefix}.{c}" for c in COLUMNS)))

    add([Cell("一、本年新收政府信息公开申请数量", colspan=3)], "一、本年新收政府信息公开申请数量", "requests.new_received")
    add([Cell("二、上年结转政府信息公开申请数量", colspan=3)], "二、上年结转政府信息公开申请数量", "requests.carried_over")
    add([Cell("三、本年度办理结果", rowspan=result_rows), Cell("（一）予以公开", colspan=2)],
        "（一）予以公开", "requests.granted")
    add([Cell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colspan=2)],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "requests.partly_granted")
    for head, prefix, subs in groups:
        for i, (label, key) in enumerate(subs):
            first = [Cell(head, rowspan=len(subs))] if i == 0 else []
            add(first + [Cell(label)], label, f"{prefix}.{key}")
    if not other:
        add([Cell("（六）其他处理", colspan=2)], "（六）其他处理", "requests.other_handling")
    add([Cell("（七）总计", colspan=2)], "（七）总计", "requests.total")
    add([Cell("四、结转下年度继续办理", colspan=3)], "四、结转下年度继续办理", "requests.carried_forward")
    return Table(3, tuple(rows), tuple(data))


def _section4() -> Table:
    rows = (
        (Cell("行政复议", rowspan=2, colspan=5), Cell("行政诉讼", colspan=10)),
        (Cell("未经复议直接起诉", colspan=5), Cell("复议后起诉", colspan=5)),
        tuple(Cell(h) for h in RESULT_HEADS * 3),
        tuple(Cell(field=f) for f in REVIEW),
    )
    return Table(4, rows, (DataRow("复议后起诉", REVIEW, skip=2),))


@lru_cache(maxsize=None)
def tables_for(edition: str) -> dict:
    """section number → Table for a template edition ('2019' or '2021')."""
    if edition not in SECTION2:
        raise ValueError(f"unknown template edition {edition!r}; known: 2019, 2021")
    return {2: _section2(edition), 3: _section3(edition), 4: _section4()}
