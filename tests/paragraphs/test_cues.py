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
