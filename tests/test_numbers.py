"""Number normalisation of the narrative (nlp.numbers.parse_quantity / find_quantities)."""
import pytest

from nlp.numbers import find_quantities, fold_digits, parse_cell, parse_quantity

QUANTITIES = [
    ("550万", (5_500_000.0, "exact")),
    ("1.2亿", (120_000_000.0, "exact")),
    ("554余", (554.0, "approx")),
    ("突破770万", (7_700_000.0, "at_least")),
    ("超过300", (300.0, "at_least")),
    ("逾50万", (500_000.0, "at_least")),
    ("近45.9万", (459_000.0, "approx")),
    ("约1000", (1000.0, "approx")),
    ("100左右", (100.0, "approx")),
    ("200以上", (200.0, "at_least")),
    ("达2900", (2900.0, "exact")),
    ("1,234", (1234.0, "exact")),
    ("１２３", (123.0, "exact")),
    ("三百二十", (320.0, "exact")),
    ("两千余", (2000.0, "approx")),
    ("四十余", (40.0, "approx")),
    ("一万二千", (12_000.0, "exact")),
]


@pytest.mark.parametrize("words,expected", QUANTITIES)
def test_parse_quantity(words, expected):
    assert parse_quantity(words) == expected


@pytest.mark.parametrize("words", ["", "条", "内容涉及工作动态", "万"])
def test_parse_quantity_none(words):
    assert parse_quantity(words) is None


IN_TEXT = [
    ("通过门户网站发布信息554余条", [("554余条", 554.0, "条", "approx")]),
    ("粉丝突破 770 万。", [("突破 770 万", 7_700_000.0, "", "at_least")]),
    ("微信公众号粉丝达 1360 万", [("达 1360 万", 13_600_000.0, "", "exact")]),
    ("社交媒体账号粉丝总量近 45.9 万人", [("近 45.9 万人", 459_000.0, "人", "approx")]),
    ("政府集中采购 | 6 | 422万元", [("6", 6.0, "", "exact"), ("422万元", 4_220_000.0, "元", "exact")]),
    ("共计131条次", [("131条次", 131.0, "条次", "exact")]),
    ("累计各类媒体宣传1000余篇次", [("1000余篇次", 1000.0, "篇次", "approx")]),
    ("部门预决算3(45个单位在3个总表中公示)条", [("3(45个单位在3个总表中公示)条", 3.0, "条", "exact")]),
    ("全年公开信息三百二十条", [("三百二十条", 320.0, "条", "exact")]),
    ("访问量21万余人次", [("21万余人次", 210_000.0, "人次", "approx")]),
    ("1,234条", [("1,234条", 1234.0, "条", "exact")]),
    ("发布１２３条", [("１２３条", 123.0, "条", "exact")]),
    # no counts: article numbers, document numbers inside brackets, phone numbers, 一是
    ("根据第二十条第(一)项", []),
    ("嘉政办发〔2020〕87号", [("87号", 87.0, "号", "exact")]),
    ("一是加强领导,二是完善制度", []),
    # 一 ending a word (统一部署: r7 h614, r2 h127, r3 h204, r4 h311; 唯一, 逐一) is no count
    ("主动公开信息4条,除涉密事项外,按照统一部署及时向社会公开", [("4条", 4.0, "条", "exact")]),
    ("按照区委区政府统一部署和要求", []),
    # must stay counts: 一 that starts its own word
    ("策划一批宣讲精品", [("一批", 1.0, "批", "exact")]),
    ("发布一篇解读", [("一篇", 1.0, "篇", "exact")]),
]


@pytest.mark.parametrize("text,expected", IN_TEXT)
def test_find_quantities(text, expected):
    assert [(q.raw, q.value, q.unit, q.qualifier) for q in find_quantities(text)] == expected


def test_offsets_point_into_the_text():
    text = "通过“杨凌援外”微信公众号发布信息１５条,订阅数２０９人"
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.raw


def test_fold_digits_keeps_length():
    text = "共１，２００人（约）"
    assert len(fold_digits(text)) == len(text)


def test_parse_cell_unchanged():
    assert parse_cell("１２０万元", "amount_yuan") == 1_200_000.0
