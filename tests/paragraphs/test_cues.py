"""The clause cues (nlp/paragraphs/cues.json) are data with the real sentences that justify
them: two sentences of two different reports outside the gold each; and they fire on real
report clauses and not on the ones they argue against."""
from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from nlp.paragraphs.features import cue_matrix, cue_names, cues

DATA = json.loads(resources.files("nlp.paragraphs").joinpath("cues.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("cue", DATA["cues"], ids=[c["name"] for c in DATA["cues"]])
def test_each_cue_is_shown_by_two_reports_outside_the_gold(cue):
    assert len(cue["examples"]) == 2
    assert len({e["source"] for e in cue["examples"]}) == 2
    for example in cue["examples"]:
        assert not example["source"].startswith("data/gold")
        assert re.search(cue["pattern"], example["sentence"])
        assert cues()[cue["name"]].search(example["sentence"])  # where it looks, not masked by `unless`
        assert (cue["label"] in example["labels"]) == (cue["stance"] == "for")


ALSO = [(c, part) for c in DATA["cues"] for part in c.get("also", [])]


@pytest.mark.parametrize("cue,part", ALSO, ids=[f"{c['name']}:{p['pattern'][:12]}" for c, p in ALSO])
def test_each_alternative_added_later_is_shown_by_two_reports_of_its_own(cue, part):
    assert len(part["examples"]) == 2 and len({e["source"] for e in part["examples"]}) == 2
    for example in part["examples"]:
        assert not example["source"].startswith("data/gold")
        assert re.search(part["pattern"], example["sentence"]) and cues()[cue["name"]].search(example["sentence"])
        assert (cue["label"] in example["labels"]) == (cue["stance"] == "for")


CASES = [
    # (cue, real report text (data/labelled/unseen/pages), fires)
    ("channel_build", "按照政务新媒体集约化管理有关要求,关闭1个局属单位网站。", True),
    ("channel_build", "开通了“四川气象”官方微博,发布各种气象类信息3600余条。", True),
    # known failure: the channel and the verb sit in different clauses (u09)
    pytest.param("channel_build", "由于本局原网站已不适应工作需要,于今年进行升级改版,新网站现于试运行阶段。", True,
                 marks=pytest.mark.xfail(strict=True, reason="channel named one clause before the verb")),
    ("channel_build", "2021年我局未受理申请公开事项。", False),
    ("channel_shortfall", "二是政务公开专区有待进一步完善,部分信息资料未及时更换。", True),
    ("channel_published", "“天汉交通”微信公众号发布信息131条,订阅数4637。", True),
    ("channel_published", "在门户网站设立财政预决算、部门预决算、三公经费等栏目。", False),
    ("channel_framing", "政府网站是政务公开的重要窗口和建设服务政府、效能政府的重要平台。", True),
    ("platform_heading", "(四)政府信息公开平台建设。依托区政府门户网站平台统一发布信息。", True),
    ("report_outline", "本报告包括概述、主动公开政府信息情况、依申请公开的政府信息情况、政府信息公开工作存在的主要问题及改进情况等六个方面。", True),
    ("plan", "对上述问题,我们将从以下四个方面进行改进:一是进一步充实公开内容。", True),
    ("plan", "2021年,县卫生健康委共收到政府信息公开申请1件,无上年结转件。", False),
    ("routine_check", "密切配合区政府相关部门抽查检查工作,对发现的问题第一时间整改到位。", True),
    # round 3 (first-look batch, now development data; hNNN are its reports)
    ("channel_shortfall", "但还存在主动公开的政府信息公开发布的及时性不够、公开方式的便民程度不够、公开途径的多样化不够。", True),  # h002
    ("channel_shortfall", "比如在公开事项的时效性、公开内容的全面性、公开形式的便民性等方面需要在今后的工作中加以改进和完善。", False),  # h003: 形式 is no channel
    ("channel_shortfall", "工作的系统性、连贯性、规范性不够。", False),                      # 系统性 is no system
    ("channel_check", "开展政府网站错敏信息专项排查,累计排查出需整改信息1280条,全部按期完成整改。", True),  # h046
    ("channel_check", "加强对信息公开工作的日常指导和监督检查。", False),
    ("channel_used", "二是构建多元渠道协同发布。通过门户网站、政务新媒体平台、线下政务公开栏等多种渠道,及时、准确、规范地发布各类政府信息。", True),  # h018
    ("channel_used", "工信局信息公开平台主要依托市政府门户网站进行电子化公开。", True),  # h008
    ("channel_used", "在门户网站设立财政预决算、部门预决算、三公经费等栏目。", False),
    ("channel_used", "今后将综合运用各种信息公开的平台和渠道,进一步加大信息主动公开的力度。", True),  # h039
    ("channel_used", "开发上线了“交易流程可视化”系统。", False),
    ("shortfall", "目前我所信息公开工作在丰富载体、信息全面方面还有提升空间。", True),  # h041
    ("plan", "在接下来的工作中,我镇将从以下方面进一步推进政府信息公开工作。", True),  # h007
    ("continuing", "一是政务新媒体运维缺乏工作经验,医保政策宣传水平有待提高;二是政务公开工作机制仍需磨合加强。", False),  # h033
    ("continuing", "2021年我局将推进政府信息公开规范化和制度化,不断改进和完善我局政务公开工作。", True),  # h033
    # round 4 (the round-2 first look, now development data; h1NN are its reports)
    # a verb inside a name is no channel work: 建设 of a field or a quoted column, 开通 of 公开通过, 集约 of a platform's name
    ("channel_build", "在市政府社会公益事业建设领域公开栏目按季度公开气象预警发布情况。", False),  # h124
    ("channel_work", "“法治政府建设”栏目发布信息1条。", False),  # collected row 122
    ("channel_build", "本报告中政府信息公开通过云南省气象局门户网站对社会公布。", False),  # h128
    ("channel_build", "在四川省气象局集约化平台公开信息45条。", False),  # h137
    ("channel_build", "推进网站集约化建设,将局网站迁移至省级集约化平台。", True),
    ("channel_build", "开通了“四川气象”官方微博。", True),
    ("report_published", "本年度报告的电子版可以从宜春林业信息网下载。", True),  # h142
    ("report_published", "本报告电子版可在六安市叶集区融媒体中心信息公开平台下载。", True),
    ("report_published", "本报告中政府信息公开通过香港六宝典资料免费网站()集群子网站()和云南省气象局门户网站(http://yn.cma.gov.cn/)中州市气象局()对社会公布。", True),  # h128
    ("report_published", "通过局网站发布信息1400条,微信公众号发布62条。", False),
    ("addressing", "以上问题已引起我局高度重视,目前已充实力量并制定计划加以改进。", True),  # h103
    ("report_outline", "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项。", True),  # h142
    # round 7 (the round-5 first look, now development data; h4NN are its reports)
    # 线上线下 (online and offline) launches nothing, 规范性文件 (a kind of document) standardises nothing
    ("channel_build", "全年通过湖口县人民政府门户网站付垅乡板块、乡政府及各村(场)政务公开栏等线上线下渠道,主动公开各类政府信息累计300余条。", False),  # h430
    ("channel_work", "全年通过湖口县人民政府门户网站付垅乡板块、乡政府及各村(场)政务公开栏等线上线下渠道,主动公开各类政府信息累计300余条。", False),  # h430
    ("channel_build", "“规范性文件及解读”栏目发布政策解读7条。", False),  # h425
    ("channel_change", "“规范性文件及解读”栏目发布政策解读7条。", False),  # h425
    ("channel_work", "“规范性文件及解读”栏目发布政策解读7条。", False),  # h425
    ("channel_build", "进一步规范政务公开专区和政务公开窗口管理,实现线上线下政务公开渠道全覆盖。", True),  # r4 h316
    ("channel_build", "上线“渝快办”政务服务平台。", True),
    ("channel_build", "打造“广州政务讲堂”政策宣讲平台,精心策划一批宣讲精品。", True),  # collected gz.gov.cn
    ("channel_used", "全年通过湖口县人民政府门户网站付垅乡板块、乡政府及各村(场)政务公开栏等线上线下渠道,主动公开各类政府信息累计300余条。", True),  # h430
    ("channel_used", "通过门户网站,开设“政策解读”专栏。", False),
    ("channel_build", "重构政务服务专题,新增民呼我为诉求回应专题。", True),  # collected cqbn.gov.cn
    ("channel_build", "组织召开政务公开专题会议2次,开展专题培训1次。", False),
    ("channel_build", "积极打造公众服务平台,较好发挥了政府信息对人民群众生产、生活和经济社会活动的服务作用。", True),  # a stock aim: fires, the model weighs it (weiyang, not platform)
]


@pytest.mark.parametrize("cue,text,fires", CASES)
def test_cues_on_real_clauses(cue, text, fires):
    assert bool(cues()[cue].search(text)) == fires


def test_cue_counts_land_in_their_own_paragraph_in_one_pass():
    texts = ["按照要求,关闭1个局属单位网站。", "全年收到申请1件。", "下一步,我局将优化栏目设置。"]
    m = cue_matrix(texts, [1, 1, 5]).toarray()
    names = cue_names()
    assert m[0, names.index("channel_build@other")] > 0 and m[1, names.index("channel_build@other")] == 0
    assert m[2, names.index("channel_build@s5")] > 0 and m[2, names.index("section=5")] == 1
