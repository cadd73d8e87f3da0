"""The audit page lays sections 3 and 4 out as the national template prints them: the
requests table under its two-level applicant header (申请人情况 > 自然人 | 法人或其他组织 >
five kinds | 总计) with its row groups (三、本年度办理结果 > (一)…(七) > the reasons), the
review/litigation table as one row under 行政复议 | 行政诉讼 > 未经复议直接起诉 | 复议后起诉 >
five results; every canonical cell still once, with its value, marks, evidence and headings.
On the records of data/samples and data/corpus/reports (2019 and 2021 editions)."""
from __future__ import annotations

import unicodedata
from collections import Counter

import pytest
from lxml import html as lxml_html

from nlp.audit_report import render
from nlp.schema import registry

APPLICANT_HEAD = [
    [("", 3, 3, None), ("申请人情况", 1, 7, "colgroup")],
    [("自然人", 2, 1, "col"), ("法人或其他组织", 1, 5, "colgroup"), ("总计", 2, 1, "col")],
    [(name, 1, 1, "col") for name in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")],
]
RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
REVIEW_HEAD = [
    [("行政复议", 2, 5, "colgroup"), ("行政诉讼", 1, 10, "colgroup")],
    [("未经复议直接起诉", 1, 5, "colgroup"), ("复议后起诉", 1, 5, "colgroup")],
    [(name, 1, 1, "col") for name in RESULTS * 3],
]
#: The row groups of section 3 in template order: (heading, rows spanned).
ROW_GROUPS = {
    "2019": [("三、本年度办理结果", 20), ("（三）不予公开", 8), ("（四）无法提供", 3), ("（五）不予处理", 5)],
    "2021": [("三、本年度办理结果", 22), ("（三）不予公开", 8), ("（四）无法提供", 3), ("（五）不予处理", 5),
             ("（六）其他处理", 3)],
}
#: A record of each edition: the 2021 one has a failed litigation.sum check.
EDITION_RECORDS = {"2019": "001_pingtan-2019", "2021": "011_hongze-district-2023"}


def record_of(records, key: str):
    return next(r for r in records if key in r.source)


def page_of(record: dict):
    return lxml_html.fromstring(render(record))


def grid(tree, name: str):
    [table] = tree.xpath(f'//table[@data-table="{name}"]')
    return table


def head_cells(table) -> list:
    return [[(c.text_content(), int(c.get("rowspan", 1)), int(c.get("colspan", 1)), c.get("scope")) for c in tr]
            for tr in table.xpath("./thead/tr")]


def slots(table) -> list:
    """The table as the browser lays it out: a matrix of the cell elements covering each slot."""
    matrix = {}
    for r, tr in enumerate(table.xpath("./thead/tr | ./tbody/tr")):
        c = 0
        for cell in tr.xpath("./th | ./td"):
            while (r, c) in matrix:
                c += 1
            for dr in range(int(cell.get("rowspan", 1))):
                for dc in range(int(cell.get("colspan", 1))):
                    assert (r + dr, c + dc) not in matrix, "overlapping cells"
                    matrix[r + dr, c + dc] = cell
    height = 1 + max(r for r, _ in matrix)
    width = 1 + max(c for _, c in matrix)
    assert len(matrix) == height * width, "the table is not rectangular"
    return [[matrix[r, c] for c in range(width)] for r in range(height)]


def canonical(edition: str, table: str) -> list:
    return [f for row in registry().rows(edition, table) if row.store for f in row.field_ids()]


def shown(value) -> str:
    if value is None:
        return "空白"
    return f"{int(value):,}" if float(value).is_integer() else str(value)


def plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_requests_table_has_the_templates_column_groups(records, edition):
    record = record_of(records, EDITION_RECORDS[edition])
    assert record.edition == edition
    table = grid(page_of(record), "requests")
    assert head_cells(table) == APPLICANT_HEAD
    [corner] = table.xpath("./thead/tr[1]/td")
    assert corner.get("class") == "corner" and corner.get("data-field") is None
    assert len(slots(table)[0]) == 3 + 7


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_requests_row_groups_in_template_order(records, edition):
    record = record_of(records, EDITION_RECORDS[edition])
    table = grid(page_of(record), "requests")
    groups = [(th.text_content(), int(th.get("rowspan", 1))) for th in table.xpath('./tbody/tr/th[@scope="rowgroup"]')]
    assert groups == ROW_GROUPS[edition]
    rows = [r for r in registry().rows(edition, "requests") if r.store]
    body = table.xpath("./tbody/tr")
    # one body row per template row, in template order, its own heading last
    assert [tr.xpath("./th")[-1].text_content() for tr in body] == [r.aliases[0] for r in rows]
    assert all(tr.xpath("./th")[-1].get("scope") == "row" for tr in body)
    # the rows outside 三、 span the three heading columns, (一)(二)(七) two, a group's sub-rows one
    spans = {tr.xpath("./th")[-1].text_content(): int(tr.xpath("./th")[-1].get("colspan", 1)) for tr in body}
    assert [spans[r.aliases[0]] for r in rows[:2] + rows[-1:]] == [3, 3, 3]
    assert spans["（一）予以公开"] == spans["（七）总计"] == 2 and spans["1.属于国家秘密"] == 1
    assert spans.get("（六）其他处理") == (2 if edition == "2019" else None)
    # each row sits under its groups: 三、 over the results, (三)不予公开 over the first reason, …
    matrix = slots(table)
    line = {tr.xpath("./th")[-1].text_content(): matrix[n + len(APPLICANT_HEAD)] for n, tr in enumerate(body)}

    def headings(row_label: str) -> list:
        return [c.text_content() for c in line[row_label][:3]]

    assert headings("8.属于行政查询事项") == ["三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项"]
    assert headings("3.要求提供公开出版物") == ["三、本年度办理结果", "（五）不予处理", "3.要求提供公开出版物"]
    assert headings("（七）总计") == ["三、本年度办理结果", "（七）总计", "（七）总计"]
    assert headings("四、结转下年度继续办理") == ["四、结转下年度继续办理"] * 3
    if edition == "2021":
        assert headings("3.其他") == ["三、本年度办理结果", "（六）其他处理", "3.其他"]


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_review_table_is_one_row_under_its_bands(records, edition):
    record = record_of(records, EDITION_RECORDS[edition])
    table = grid(page_of(record), "review")
    assert head_cells(table) == REVIEW_HEAD
    [row] = table.xpath("./tbody/tr")
    assert not row.xpath("./th")
    assert [td.get("data-field") for td in row.xpath("./td")] == canonical(edition, "review")
    columns = [[c.text_content() for c in column] for column in zip(*slots(table)[:3])]
    assert columns[0] == ["行政复议", "行政复议", "结果维持"]
    assert columns[5] == ["行政诉讼", "未经复议直接起诉", "结果维持"]
    assert columns[14] == ["行政诉讼", "复议后起诉", "总计"]


def test_every_cell_once_with_its_value_marks_and_evidence(records):
    assert {r.edition for r in records} == {"2019", "2021"}
    for record in records:
        edition, values = record.edition, record.tables
        tree = page_of(record)
        failed = {f for c in record.checks if c.status == "fail" for f in c.fields}
        evidence = {c.field for c in record.cells}
        on_page = Counter(tree.xpath("//td/@data-field"))
        assert set(on_page) == set(registry().field_ids(edition)) and set(on_page.values()) == {1}, record.source
        for name in ("requests", "review"):
            cells = grid(tree, name).xpath(".//td[@data-field]")
            assert [td.get("data-field") for td in cells] == canonical(edition, name)
            for td in cells:
                field = td.get("data-field")
                state = "absent" if field not in values else "blank" if values[field] is None else "value"
                expected = "—" if state == "absent" else shown(values[field])
                assert td.text_content() == expected, (record.source, field)
                assert set(td.get("class").split()) == {"cell", state} | ({"failed"} if field in failed else set())
                assert td.xpath("./a/@href") == ([f"#ev-{field}"] if field in evidence else [])
                if field in evidence:
                    assert tree.xpath(f'//tr[@id="ev-{field}"]')
                assert td.get("title").startswith(f"{field}: ")


def test_failed_cells_of_section_3_and_4_are_outlined(records):
    failed = './/td[contains(@class, "failed")]/@data-field'
    review = grid(page_of(record_of(records, "hongze-district-2023")), "review")
    assert set(review.xpath(failed)) >= {"review.upheld", "review.total"}
    requests = grid(page_of(record_of(records, "hongze-district-2024")), "requests")
    assert "requests.new_received.total" in requests.xpath(failed)


def test_headings_are_named_by_every_cell(records):
    """Accessibility: every th has a scope and a unique id; every cell of sections 3 and 4
    names, in ``headers``, the headings it stands under, which spell its canonical label."""
    for key in EDITION_RECORDS.values():
        record = record_of(records, key)
        tree = page_of(record)
        ids = Counter(tree.xpath("//@id"))
        assert max(ids.values()) == 1
        for table in tree.xpath('//table[contains(@class, "grid")]'):
            for th in table.xpath(".//th"):
                assert th.get("scope") in ("col", "colgroup", "row", "rowgroup") and th.get("id")
            matrix = slots(table)
            for r, line in enumerate(matrix):
                for c, cell in enumerate(line):
                    if cell.tag != "td" or cell.get("data-field") is None:
                        continue
                    # the headings the layout puts above it and before it, all named
                    above = {x.get("id") for x in (matrix[i][c] for i in range(r)) if x.tag == "th"}
                    before = {x.get("id") for x in (line[j] for j in range(c)) if x.tag == "th"}
                    assert set(cell.get("headers").split()) == above | before, cell.get("data-field")
        for td in tree.xpath('//table[@data-table="requests" or @data-table="review"]//td[@data-field]'):
            headings = [plain(tree.get_element_by_id(i).text_content()) for i in td.get("headers").split()]
            label = registry().field_label(record.edition, td.get("data-field"))
            assert all(plain(part) in headings for part in label.replace(" / ", " ").split()), (label, headings)
    td = grid(page_of(record_of(records, EDITION_RECORDS["2021"])), "requests").xpath(
        './/td[@data-field="requests.withheld.inquiry.commercial"]')[0]
    tree = td.getroottree().getroot()
    assert [tree.get_element_by_id(i).text_content() for i in td.get("headers").split()] == [
        "三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项", "申请人情况", "法人或其他组织", "商业企业"]
