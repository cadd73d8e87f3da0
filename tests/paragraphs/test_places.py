"""A channel named only as the place where counted items went is masked in the n-gram text
(features.place_spans(), issue 13); a channel that a clause builds, keeps or inspects keeps its
words. Real sentences of collected reports (none of the shared gold), with their pages."""
from __future__ import annotations

import numpy as np
import pytest

from nlp.paragraphs.features import PLACE, cue_columns, featurize, joined, learn_vocabulary, normalize, place_spans, placed

PLACE_CASES = [
    # the place of a publishing verb after 通过/在, items counted
    ("2021年,通过门户网站发布信息641条,总访问量达651万多次;", ["门户网站"],
     "http://dggjj.dg.gov.cn/zzzq/zwgk/gknb/content/post_3779430.html"),
    ("全年在门户网站发布政务信息1802条,其中政务动态类200条,各类通知公告约200条;", ["门户网站"],
     "http://drc.gd.gov.cn/gkmlpt/content/4/4662/post_4662348.html?jump=true"),
    ("通过乡政府政务公开栏公开信息12期。", ["公开栏"],
     "http://www.dlweishan.gov.cn/wsrmzf/c106948/202002/54ed651c9acf4bac8ca8854ae7d0cf29.shtml"),
    ("其中,通过市政府网站公开信息2100条,通过县政府门户网站发布政府信息5469条,", ["政府网站", "政府门户网站"],
     "http://www.tsqs.gov.cn/info/1082/16404.htm"),
    # X公开…N篇: the verb right after the channel
    ("“广东自然资源”官方微信号公开信息1535篇,累计点击量450万;", ["微信号"],
     "https://nr.gd.gov.cn/gkmlpt/content/2/2877/post_2877736.html"),
    # a clause that works on a channel keeps its words, whatever it publishes there
    ("在中心门户网站设置专栏,主动公开财政预决算(含“三公”经费),及时更新办事指南。", [],
     "http://dggjj.dg.gov.cn/zzzq/zwgk/gknb/content/post_3779430.html"),
    ("深化涉企服务,在网站“行政许可”栏目增设“涉企行政检查公示专栏”,集中公开年度检查计划、标准及结果等信息5条。", [],
     "https://www.nantong.gov.cn/ntsrmzf/sjbm_2025/content/88634b46-e631-408b-ae25-8243c6e56464.html"),
    ("开辟政务公开宣传栏、公告栏公开政府信息。", [],
     "http://www.zjxj.gov.cn/art/2024/1/16/art_1229325036_3913369.html"),
    ("加强“柞水医保”微信公众号的日常维护,明确发稿任务和报送内容,强化信息报送要求。", [],
     "https://snzs.gov.cn/html//zwgk/ndbg/bm/129516.html"),
    # named as a place, but nothing counted: left as it is (masking these too cost a held-out gold paragraph)
    ("一是依托门户网站和微信公众号,及时发布权威信息,传播主流声音。", [],
     "http://drc.gd.gov.cn/gkmlpt/content/4/4662/post_4662348.html?jump=true"),
]


@pytest.mark.parametrize("text, places, source", PLACE_CASES, ids=[c[0][:12] for c in PLACE_CASES])
def test_place_spans(text, places, source):
    text = normalize(text)
    assert [text[a:b] for a, b in place_spans(text)] == places


def test_placed_replaces_each_place_by_one_placeholder():
    assert placed("通过政府网站、微信公众号发布信息300条。") == f"通过{PLACE}、{PLACE}发布信息300条。"
    assert placed("开设专栏发布信息20条。") == "开设专栏发布信息20条。"


def test_places_change_the_ngrams_and_leave_the_cues():
    """The cue columns read the text as it is (channel_used still fires on 通过门户网站发布);
    only the n-gram columns lose the channel words of a place."""
    texts = [PLACE_CASES[0][0], PLACE_CASES[5][0]]
    vocabulary, idf = learn_vocabulary(texts * 2)
    plain = featurize(texts, [1, 1], vocabulary, idf, 0.5).toarray()
    masked = featurize(texts, [1, 1], vocabulary, idf, 0.5, places=True).toarray()
    n = len(vocabulary)
    assert np.array_equal(plain[:, n:], masked[:, n:])
    assert np.array_equal(plain[1], masked[1])  # a built channel: nothing masked
    assert not np.array_equal(plain[0, :n], masked[0, :n])
    text, starts = joined(texts)
    assert np.array_equal(cue_columns(texts, [1, 1], text, starts) * 0.5, masked[:, n:])


def test_a_model_without_places_reads_every_channel_word():
    """A model pickled before the option (no ``places`` attribute) scores as one trained without it."""
    from nlp.paragraphs.model import ParagraphClassifier
    from nlp.paragraphs.features import cue_names

    texts = [PLACE_CASES[0][0]]
    vocabulary, idf = learn_vocabulary(texts * 2)
    coef = np.random.default_rng(0).normal(size=(len(vocabulary) + len(cue_names()), 7))
    model = ParagraphClassifier(vocabulary, idf, coef, np.zeros(7))
    old = ParagraphClassifier(vocabulary, idf, coef, np.zeros(7))
    del old.places
    masked = ParagraphClassifier(vocabulary, idf, coef, np.zeros(7), places=True)
    assert np.allclose(old.probabilities(texts, [1]), model.probabilities(texts, [1]))
    assert not np.allclose(masked.probabilities(texts, [1]), model.probabilities(texts, [1]))
