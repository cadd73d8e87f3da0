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


# ---------------------------------------------------------------- Chinese numerals without cn2an

def _simple_numerals():
    """Every string _SIMPLE_NUMERAL accepts: up to four digits, X十Y, X百 and X千."""
    import itertools

    digits = "零〇一二三四五六七八九"
    for n in range(1, 5):
        yield from ("".join(t) for t in itertools.product(digits, repeat=n))
    for x in ["", *digits[2:]]:
        for y in ["", *digits[2:]]:
            yield f"{x}十{y}"
    for x in digits[2:]:
        yield x + "百"
        yield x + "千"


def test_simple_numerals_read_as_cn2an_reads_them():
    cn2an = pytest.importorskip("cn2an")
    from nlp.numbers import _simple_numeral

    seen = 0
    for text in _simple_numerals():
        assert _simple_numeral(text) == float(cn2an.cn2an(text, "smart")), text
        seen += 1
    assert seen == 11 + 11 ** 2 + 11 ** 3 + 11 ** 4 + 100 + 18


@pytest.mark.parametrize("text", ["三百零五", "一百二十", "二千零二十", "一万", "十十", "百", "万", "一二三四五", "九十九万",
                                  "两", "十二三", ""])
def test_other_numerals_are_not_simple(text):
    from nlp.numbers import _simple_numeral

    assert _simple_numeral(text) is None


@pytest.mark.parametrize("words, expected", [("三百零五条", 305.0), ("一百二十条", 120.0), ("两千余", 2000.0),
                                             ("百余条", 100.0), ("二十一个", 21.0), ("二〇三五年", 2035.0), ("十十条", None)])
def test_chinese_numerals_simple_or_not(words, expected):
    got = parse_quantity(words)
    assert (got[0] if got else None) == expected
