"""Edition, year and agency from the first lines of real reports (and their signature)."""
import pytest

from nlp.meta import detect_agency, detect_edition, detect_year

CASES = [
    # (first lines as printed, year, agency)
    ("杨凌示范区外事办公室(国际合作局)2020年政府信息公开工作年度报告\n根据……", 2020, "杨凌示范区外事办公室(国际合作局)"),
    ("标题: 平潭综合实验区2019年度政府信息公开工作年度报告\n发布时间: 2020-01-20 15:22", 2019, "平潭综合实验区"),
    ("洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由淮安市洪泽区人民政府办公室根据", 2023, "洪泽区人民政府"),
    ("正文\n2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n本年度报告根据", 2025, "上海市人民政府办公厅"),
    ("福建省公安厅关于报送2020年政府信息公开工作年度报告的函\n省政府办公厅:", 2020, "福建省公安厅"),
    ("根据《中华人民共和国政府信息公开条例》的有关规定,现向社会公布2021年石家庄市教育局政府信息公开工作年度报告。", 2021, "石家庄市教育局"),
    ("发布时间: 2021-01-27 发布机构:科技和工业信息化局\n2020年,襄都区科技和工业信息化局坚持……。\n六、其他需要报告的情况\n无。\n襄都区科技和工业信息化局\n2021年1月27日\n扫一扫",
     2020, "襄都区科技和工业信息化局"),
    ("根据条例,现编制本报告,起止时间为2020年1月1日至12月31日。", 2020, None),
    # the topic before the year; 的 and 情况 inside the title; 结合… in the preamble
    ("根据《中华人民共和国政府信息公开条例》要求,现公布中山市自然资源局政府信息公开工作2022年度报告。报告中统计数据时限为2022年1月1日至2022年12月31日。",
     2022, "中山市自然资源局"),
    ("当前位置:首页\n定西市公共资源交易中心2020年政府信息公开工作的年度报告\n发布时间:2021-01-25 15:44", 2020, "定西市公共资源交易中心"),
    ("根据…要求,结合鞍山市公共资源交易中心2019年政府信息公开工作情况,现将2019年度政府信息公开工作报告如下:\n一、总体情况", 2019,
     "鞍山市公共资源交易中心"),
    # no title: the overview's first sentence names the body; a name without its place is not taken
    ("一、总体情况\n2020年,抚远市生态环境局认真贯彻落实《中华人民共和国政府信息公开条例》,不断建立和完善政府信息公开制度。", 2020, "抚远市生态环境局"),
    ("一、总体情况\n2019年,市公共资源交易中心深入学习贯彻《条例》。", 2019, None),
    # a title that leaves out 年 before the report's name (round-16 h1515 behind a spam page's tags; round-14 h1305)
    ('<p id="h4sia"><td id="h4sia"></td></p>\n        浙江省经济和信息化厅2022政府信息公开工作年度报告\n        • 日期',
     2022, "浙江省经济和信息化厅"),
    ("定州市东留春乡\n\n2020政府信息公开工作年度报告\n\n根据《中华人民共和国政府信息公开条例》", 2020, "定州市东留春乡"),
    # must not: a longer number is no year
    ("第12022政府信息公开工作年度报告", None, None),
]


@pytest.mark.parametrize("text, year, agency", CASES, ids=[c[2] or "no agency" for c in CASES])
def test_year_and_agency(text, year, agency):
    assert (detect_year(text), detect_agency(text)) == (year, agency)


@pytest.mark.parametrize("text, year, edition", [
    ("", 2019, "2019"), ("", 2020, "2019"), ("", 2021, "2021"), ("", 2025, "2021"),
    ("信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数", None, "2021"),
    ("信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n政府集中采购", None, "2019"),
    ("没有表格的文字", None, None),
])
def test_edition_by_year_else_by_table_headers(text, year, edition):
    assert detect_edition(text, year) == edition
