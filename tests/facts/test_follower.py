"""follower_count: sentences copied from real reports."""
import pytest

from tests.facts.helpers import values_of

ROWS = [
    ("通过“杨凌援外”微信公众号发布信息15条,订阅数209人。", [("wechat", 209, "exact")]),
    ("通过微信公共平台发布信息711条,粉丝数合计215人；通过官方微博发布信息动态571条,粉丝数合计140人。",
     [("wechat", 215, "exact"), ("weibo", 140, "exact")]),
    ("“上海科技”微信公众号共编发文章 1640 篇，其中原创文章 294\n篇，微信公众号目前关注人数达 1016823 人；", [("wechat", 1016823, "exact")]),
    # no unit printed, the number on the next line of the PDF text
    ("“上海科技”视频\n号共制作并发布短视频 584 条，累计观看量 1924252 次，粉丝数\n54373；直播 118 场。", [("short_video", 54373, "exact")]),
    # 万 scaling and qualifiers: 近 approx, 超/突破 at_least, 达 exact
    ("社交媒体账号粉丝总量近 45.9 万人；", [("new_media", 459000, "approx")]),
    ("政务新媒体影响力稳步提升，“上海发布”在海内外 15 个平台粉丝\n数累积超 3170 万，其中，微信公众号粉丝达 1360 万，海外平台\n粉丝突破 300 万。",
     [("new_media", 31700000, "at_least"), ("wechat", 13600000, "exact"), ("new_media", 3000000, "at_least")]),
    ("“杭州教育发布”微信公众号关注人数逾50万。", [("wechat", 500000, "at_least")]),
    ("官方抖音号粉丝突破770万。", [("short_video", 7700000, "at_least")]),
    ("我局微信公众号 “玉林自然资源”,2022年公开发布信息共150条,粉丝量达2900个,较上一年度上涨了800人。", [("wechat", 2900, "exact")]),
    # the account an earlier clause names, with no publication counted before the followers
    # (first-look h046 https://www.zhanjiang.gov.cn/zjsfw/bmdh/whgdj/zwgk/zfxxgknb/content/post_2141297.html) …
    ("局微信订阅号于2016年9月开通,目前关注人数90519人,2025年推送信息458条。", [("wechat", 90519, "exact")]),
    # … or after its publications (row 1301 http://dggjj.dg.gov.cn/zzzq/zwgk/gknb/content/post_3779430.html)
    ("2021年,通过门户网站发布信息641条,总访问量达651万多次;微信公众号发布信息135条,关注人数达175万余人。",
     [("wechat", 1750000, "approx")]),
    # … not a medium without followers: the platform's users stay new_media (first-look h015, no URL)
    ("继续打造“花伴儿”融媒体平台和社区生态系统,截至2021年12月底,平台注册用户37368人,开展各类线上线下活动496场",
     [("new_media", 37368, "exact")]),
    # 新媒体 for a quality (新媒体宣传/传播优势) names no medium: the account is the followers'
    ("2019年我厅充分利用新媒体宣传优势,开通了微信公众号,目前订阅数已超过500。", [("wechat", 500, "at_least")]),  # round-7 h613 (was new_media)
    ("主办的“渭滨发布”微信公众号充分发挥新媒体传播优势,实时发布政策文件等信息2000余条,粉丝量突破6.1万人。",
     [("wechat", 61000, "at_least")]),  # row 1429 http://www.weibin.gov.cn/col15477/col15481/col18833_1/col18835/202501/t20250121_1113023.html (was total)
    # must stay new_media: 新媒体 as the medium
    ("加大政务新媒体运营力度,粉丝量达1.2万人。", [("new_media", 12000, "exact")]),  # constructed
    # not followers: plays, views, reads, growth
    ("推出系列短视频，播放量超2300万。", []),
    ("总阅读量超700万次。", []),
    ("全年网站总访问量21万余人次。", []),
    ("蜜墩墩新增用户达9561人。", []),
    # 受众 (an audience) counts followers, before or after the count (round 2, two reports, dev data)
    ("截止12月底,在“泰高新健康”微信公众号发布信息220余条,并获3100余受众关注。", [("wechat", 3100, "approx")]),  # h121
    ("2020年,“廣州天氣”微博微信受眾超220萬,微信接口調用534.6萬次,微博閱讀量達6.8億。", [("total", 2200000, "at_least")]),  # h124
    # the nearest channel named before the followers, not the last count's (round-21 h2014, its readers wechat)
    ("以“中国大连”政府门户网站(网址:https://www.dl.gov.cn)与“大连市医疗保障局”机关门户网站(网址:https://ybj.dl.gov.cn)为主要公开途径,"
     "本年度主动公开信息319件;充分运用新闻发布会、“12345政务服务便民热线”、在线访谈、基金监管宣传月、“5·15政务公开日”等形式开展形象生动的政策解读;"
     "通过“大连市医保局”“大连市医疗保障局”微信公众号进行政策宣传,关注用户总量突破200万,本年度发布原创文章超过230条,累计阅读量263万次。",
     [("wechat", 2000000, "at_least")]),
    # 南方+ hosts accounts of another platform (OUTPUT.md: 头条号、南方号、百家号 are new_media)
    ("“平安灯都”南方+于2020年5月19日开通,目前订阅数9152,年内共发布信息125条,阅读量达到13万次。",
     [("new_media", 9152, "exact")]),  # round-19 h1816 (dev), was wechat from the sentence's WeChat account
    # a count of a followed channel before, no channel named since: its channel
    ("通过官方微博发布信息动态571条,粉丝数合计140人。", [("weibo", 140, "exact")]),
    # not followers: users taking part, an audience without a count (collected.jsonl)
    ("有奖问答11场,平均阅读量1230,吸引了近6万用户居民参与其中。", []),
    ("利用政务宣传栏,主动公开相关事项,进一步扩大了政府公开信息的受众面。", []),
]


@pytest.mark.parametrize("text,expected", ROWS)
def test_follower_counts(text, expected):
    assert values_of(text, "follower_count") == expected
