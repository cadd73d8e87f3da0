"""Which texts the engine annotates and which it refuses as no report (E103)."""

import pytest

from nlp.errors import NotAReport

#: Real report openings (round 5 and 6 pages, development data) that reach the gate without
#: the words 信息公开 or 政务公开: a stripped title, the body saying 主动公开 only.
REPORTS = [
    # round 6 h504 (Shanghai 2020, traditional script with characters injected by a mirror)
    "報告發布\n2021年3月,報告發布。\n報告全文\n一、總體情況\n2020年,上海市堅持以習近平新時代中國特色社會主義思想為指導,全面貫徹落實黨的十九大和十九屆二中、三中、四中、五中全會精神,深入貫徹落實習近平總書記考察上海和在浦東開發開放30周年慶祝大會上的重要講話精神,緊緊圍繞黨中央、國務院和市委市政府的決策部署,嚴格落實《條例》規定和要求,堅持以人民為中心的發展理念,聚焦市場主體和社會公眾關切,持續深入推進政務公槓循蜜開,政府工作透明度進一步提高。\n(一)主動公開方面\n按照《條例》要求,堅持以公開為常態、不公開為例外,圍繞決策、執行、管理、服務和結果五公開,積極做好政府信息主動公開工作。全年共主動公開乃匪煉槳政府規章12件",
    # round 5 h428 (Fengze, Quanzhou, 2020), its first narrative line
    "一、总体情况\n2020年度主动公开政府信息18条,其中机构职能类信息10条;政策、规范性文件类信息2条;规划计划类信息1条;"
    "民政扶贫救灾社会保障就业类信息1条,安全生产、应急管理类信息1条;其他类信息3条。",
]

NOT_REPORTS = [
    "会议通知：定于下周二上午九点在三楼会议室召开全体职工大会，请准时参加，无故缺席者按旷工处理。",
    "本店新到一批春季服装，款式新颖，价格实惠，欢迎广大顾客前来选购，凡购物满一百元者赠送精美礼品一份。",
    "2020年全区完成地区生产总值520亿元，同比增长5.2%，固定资产投资增长8.1%，社会消费品零售总额增长6.0%。",
]


@pytest.mark.parametrize("text", REPORTS)
def test_a_report_without_its_title_is_annotated(engine, text):
    record = engine.annotate_text(text, "page.txt")
    assert record.facts or record.paragraphs


@pytest.mark.parametrize("text", NOT_REPORTS)
def test_a_text_that_is_no_report_is_refused(engine, text):
    with pytest.raises(NotAReport, match="E103"):
        engine.annotate_text(text, "other.txt")
