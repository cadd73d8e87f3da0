"""The channel of each count: the nearest channel words that govern it (nlp/facts/channels.py,
nlp/facts/cues.py; issue 13, "the channel named before a bracketed address is lost",
"channel words", "channel decided wrongly", "traditional script with pinyin glosses").

Sentences of collected reports outside the gold (data/labelled/collected.jsonl, row and
page URL beside each).
"""
import pytest

from tests.facts.helpers import values_of

W, T = "website", "total"

BRACKETED_ADDRESS = [
    ("2023年,通过在市政府办公室政府信息公开目录系统(//www.magnetkurs.com/gkmlpt/index)主动公开规范性文件、重要政策文件、财政信息等"
     "政府信息263条;通过“台山政府网”微信公众号发布信息1053条,“中国侨都—台山发布”微博发布信息1510条。",
     [(W, 263), ("wechat", 1053), ("weibo", 1510)],
     "row 1559 https://magnetkurs.com/tssrmzf/zwgk/zfxxgkzl/xxgkgzndbg/content/post_3024214.html"),
    ("2021年,台山市人民政府办公室在政府信息公开目录系统(//www.joymasonry.com/gkmlpt/index)主动公开政府信息229条,"
     "含政府规章文件类信息50条,工作动态、财政信息等信息179条。通过“台山政府网”微信公众号发布信息760条。",
     [(W, 229), (W, 50), (W, 179), ("wechat", 760)],
     "row 1308 https://joymasonry.com/tssrmzf/zwgk/zfxxgkzl/xxgkgzndbg/content/post_2520371.html"),
    # traditional script with pinyin glosses and an address: 網(wǎng) is 网
    ("年內(nèi),在信息公開系統(tǒng)(http://www.hayleyrahl.com/jmhsgaj/gkmlpt/index)主動公開政府信息69條,無規(guī)范性文件類信息,"
     "其他文件信息27條,工作動態(tài)等信息42條。",
     [(W, 69), (W, 27), (W, 42)],
     "row 82 http://hayleyrahl.com/zwgk/xxgk/hssgaj/gzdt/tzgg/content/post_1958543.html"),
    # the address itself names a website, after a name that is no channel word (the reports print it
    # after the site it names: rows 334, 1308, 1559 above, shared gold 157)
    ("2019年我乡通过广昌县人民政府(http://www.jxgc.gov.cn)主动公开长桥乡人民政府信息57条:其中部门公告4条,信息公开总量的7.02%;"
     "概况信息2条,占信息公开总量的3.50%;工作动态43条,占信息公开总量的75.44%。",
     [(W, 57), (W, 4), (W, 2), (W, 43)], "round-2 h114 (dev) changqiao-township-2019"),
    ("2020年,市公路事务中心在政府信息公开平台(http://www.sd-xs.com/jmglj/gkmlpt/index)主动公开政府信息206条,其中,政府信息公开指南1条,"
     "组织机构信息3条,部门文件信息21条。",
     [(W, 206), (W, 1), (W, 3), (W, 21)], "row 334 http://sd-xs.com/bmpd/jmsglj/zwgk/xxgkzl/content/post_2238106.html"),
    # must not: an address names where a report is published or downloaded, no count of it
    ("完成市政府办公室“主动公开基本目录清单”梳理编制工作并对外发布(//www.joymasonry.com/gkmlpt/content/2/2480/post_2480251.html#4160)。",
     [], "row 1307 https://joymasonry.com/tssrmzf/zwgk/zfxxgkzl/xxgkgzndbg/content/post_2520371.html"),
    ("数据统计期限自2025年1月1日起至12月31日。本报告电子版可在乌恰县人民政府网站(www.xjwqx.gov.cn)下载。", [],
     "round-2 h116 (dev) wuhesalu-township-2025"),
]

CHANNEL_WORDS = [
    # a region's disclosure network (政务公开网) is a website, as its 信息公开网 is
    ("全年通过政务公开网累计发布基础栏目信息620条,重点领域信息发布109条,两化领域信息发布531条。",
     [(W, 620), (W, 109), (W, 531)], "round-20 h1903 (dev) mengcheng-yjj-2024 (109 and 531 were total)"),
    ("2023年,我局主动公开信息0条,期中市政务公开网0条,微信公众号发布文章、信息360条,未制发政府规章和规范性文件;",
     [(T, 0), (W, 0), ("wechat", 360)], "round-15 h1414 (dev) nangang-qitoufu-2023 (the second 0 was wechat)"),
    ("海青镇人民政府信息公开的平台主要有微信公众号、镇政府信息公开意见箱和公示栏等公开平台渠道。其中公众号全年发布信息139条。",
     [("wechat", 139)], "row 967 https://hljfy.gov.cn/fys/c101501/202601/c04_281461.shtml"),
    # a website and an account together are total
    ("全年通过政务网以及永川高新技术产业开发区管理委员会公众号主动公开各类信息共132条,涉及疫情防控、优化营商环境等多个方面。",
     [(T, 132)], "row 1280 https://yc.cq.gov.cn/bm/gxqgwh/zwgk_87667/zfxxgknb_87677/202101/t20210128_8833108.html"),
    ("2025年,中和镇通过政府门户主动公开动态信息161条(其中链接114条、文字信息47条),领导信息13条,重大民生信息16条。",
     [(W, 161), (W, 114), (W, 47), (W, 13), (W, 16)],
     "row 897 http://www.cqkz.gov.cn/qzfjz_238/hfjdbsc_81705/zwgk_73112/zfxxgknb_73130/202601/t20260126_15354558.html"),
    # the general word gives way to the platform named beside it
    ("街道政务新媒体微信公众号公开信息55条。", [("wechat", 55)],
     "row 1489 http://zwgk.changchun.gov.cn/ng/xzjdrmzf/ngqtyjdbsc/zfxxgknb/202301/t20230116_3104991.html"),
    ("政务新媒体运营活跃,“大冶教育”微信公众号发布稿件533条,“大冶教育”抖音公众号发布稿件165条,有效拓展了信息公开渠道。",
     [("wechat", 533), ("short_video", 165)],
     "row 538 https://www.hbdaye.gov.cn/zfxxgk/zfxxgkndbg/gb2025/2025szbm/202601/t20260126_1303171.html"),
    # a name ending in 网 before the publishing verb, another body's network included
    ("全年通过“多彩金平”微信公众号累计发布相关工作信息78条,通过云南省政府采购网发布项目招标公告16条,承接办理“红河州12345政务服务便民热线”5件。",
     [("wechat", 78), (W, 16)], "row 770 https://www.hhjp.gov.cn/info/52571/225551.htm"),
    ("2020年,街道通过未央网发布政务信息298条,回复媒体和群众来信211件。", [(W, 298)],
     "row 837 http://www.weiyang.gov.cn/zwgk/zfjg/jdbsc/dmgjd/xxgknb/60190059f8fd1c2073f28df9.html"),
    ("2018年度共在舒城县政府信息公开网上发布各类主动公开信息480余条。", [(W, 480)],
     "row 1529 https://www.shucheng.gov.cn/public/column/6599201?type=3&action=detail&nav=3&title=2018"),
    # a channel's name and a count, nothing else: the items it published (a sentence of its own after
    # the total, or items of a verb's list); its visits and its columns are no items
    ("2023年,全面依法主动公开政府信息260余条。政务网站70余条,其中包括政协提案4条,政策规范性文件4条;"
     "通过“投资陵城”微信公众号发布信息180余条;通过媒体发稿20余篇。",
     [(T, 260), (W, 70), (W, 4), (W, 4), ("wechat", 180), ("other", 20)],
     "first-look h022 http://www.dzlc.gov.cn/n55189606/n55189912/n86432331/n86432364/c86699932/content.html"),
    ("2021年1月1日起至12月31日止,我办共发布信息门户网站717条、微博545条、微信583条,网站全年总访问量210226次,"
     "其中独立用户访问总量127682个。", [(W, 717), ("weibo", 545), ("wechat", 583)],
     "row 1375 https://yanan.gov.cn/gk/zfxxgknb/2021n/szfzsjg/1539509946796748802.html"),
    # a region's disclosure network is a website, also where no verb follows right after it
    ("2014年,南湖区统计局在南湖区政府信息公开网上主动公开政府信息307条,其中组织机构7条、政策文件2条。", [(W, 307), (W, 7), (W, 2)],
     "row 1912 http://www.nanhu.gov.cn/art/2015/3/10/art_1229282877_2668431.html"),
    ("2021年海棠新城管委会在政府信息公开网共主动公开信息533条,其中涉及焦点图片47条、工作动态452条。", [(W, 533), (W, 47), (W, 452)],
     "row 1463 http://wedosign.net/qzfbm/htxckfq/zwgk_53321/zfxxgknb_53332/202201/t20220124_10333335.html"),
    ("2021年医院在淮北市人民政府信息公开网上及时完善内容、规范发布信息总计22条。", [(W, 22)],
     "first-look h032 http://www.huaibeihosp.cn//list/5abe6e6caafd41ec82567fb1ab9cc632/024b2a4a9f614996a839fa417771aec9.html"),
]

ONLINE = [
    # published online (网上/上网/挂网 before the publishing verb) is on the body's website
    ("2008年我区网上主动公开政府信息1480条,其中机构职能60条,政策法规830条,业务工作320条,统计数据10条,其他信息260条,"
     "最大限度地为公众了解政府信息提供了便利。", [(W, 1480), (W, 60), (W, 830), (W, 320), (W, 10), (W, 260)],
     "row 1633 http://lyls.gov.cn/info/6783/130445.htm"),
    ("截止20101231日,全乡累计主动公开政府信息65条。其中,网上公开信息20条,所占比例为30%,兴华乡政务公开揭示板上公开45条,所占比例75%",
     [(T, 65), (W, 20), (T, 45)], "row 1623 http://mhk.gov.cn/zwgk/xxgk/xzj/xhz0/ndbg/201712/t20171207_5736.html"),
    ("2020年,廣州市氣象局未以單位名義印發(fā)部門規(guī)范性文件,制定印發(fā)主動公開類行政公文5份,均及時掛網(wǎng)公開。", [(W, 5)],
     "round-2 h124 (dev) guangzhou-qxj-2020-traditional"),
    # must not: 网上 before another act names no channel, and counts no publication
    ("受理领导信箱、网上咨询、网上投诉36件,均按要求时限予以办理。", [], "row 2034 http://www.pds.gov.cn/contents/2628/2236.html"),
]

NAMED_SITE = [
    # a quoted name that is the place of the publishing verb and holds no channel word is a site
    ("据统计,2017年度我局通过“坪山政府在线”公布信息共357条,属于主动公开信息,无涉密信息泄露。", [(W, 357)],
     "row 403 https://www.szpsq.gov.cn/zwgk/zfxxgknb/qgbmxxgknb/content/post_4183395.html"),
    ("2021年我局在“中國·合肥”公開政府信息221條,其中33條局機關各類發文,行政審批及其他行政權力辦理結果37條,各類政策解讀16條,"
     "回應關切13條,其他公開信息122條。", [(W, 221), (W, 33), (W, 37), (W, 16), (W, 13), (W, 122)],
     "round-2 h125 (dev) hefei-dzj-2021-traditional"),
    ("2021年,我苏木按时公开财政预算、决算信息,政策文件、规划计划、 办事服务、 权责清单等事项,在“巴彦淖尔市政务公开”主动公开沙德格苏木政府信息28条。",
     [(W, 28)], "round-2 h106 (dev) sadege-sumu-2021"),
    # must not: a name with its platform after it is an account there; a name without 在/通过 is no place
    ("2025年，通过实验区政府门户网站累计主动公开政府信息7700余条，公开科技创新、营商环境、重大项目、民生保障等重点领域信息2000余条，"
     "通过“平潭发布”公众号发布信息672条，有效保障群众知情权、监督权。", [(W, 7700), (W, 2000), ("wechat", 672)],
     "data/forms/t03_pingtan-2025 narrative.txt"),
]

#: Must not: a quoted name without 在/通过 before it is no place of the verb (学习强国 is an app).
NOT_A_NAMED_SITE = [
    ("全年报送发布信息23条,其中在市政府门户网站公开发布11条、省政府外事办网站公开发布13条,庆阳市党建网公开发布5条,"
     "“学习强国”公开发布2条,“庆阳外事”微信订阅号发布信息54期97条。", 2,
     "row 1357 https://zgqingyang.gov.cn/gk/zfxxgk/xxgkndbg/2020n/szfzcbm3/content_175761"),
]


@pytest.mark.parametrize("text,value,source", NOT_A_NAMED_SITE)
def test_a_name_is_no_site_without_its_place(text, value, source):
    assert [c for c, v, _ in values_of(text, "publication_count") if v == value] != ["website"]


NAMES_AND_SEVERAL_CHANNELS = [
    # a channel word inside an account's name is the name's
    ("截至2022年12月31日,云县通过政府门户网站、微信公众号等政务信息公开平台,发布重大决策、“三公经费”财政预决算情况、重大事项等"
     "涉及民生领域的政府信息2095条,政策解读9件;"
     "网站总访问量达442868人次;“云县人民政府网”微信平台发布信息56条。",
     [(T, 2095), (T, 9), ("wechat", 56)], "row 22 https://www.ynyx.gov.cn/info/1025/61695.htm"),
    ("通过“江门公路”新浪微博发布信息171条,“江门公路”微信公众号发布信息207条,“江门公路”今日头条号发布信息114条。",
     [("weibo", 171), ("wechat", 207), ("new_media", 114)],
     "row 334 http://sd-xs.com/bmpd/jmsglj/zwgk/xxgkzl/content/post_2238106.html"),
    # 分别: one channel a count
    ("2023年,通过“商洛高新”政务微博、“商洛高新”微信公众号分别公开发布各类信息277条、523条。",
     [("weibo", 277), ("wechat", 523)], "row 1231 http://gxq.shangluo.gov.cn/cat.php?cat0=showgk&id=4159&cid=66"),
    ("“汕尾市政务服务数据管理局”和“善美政务”微信公众号运转正常,分别发布了信息405条和102条信息。",
     [("wechat", 405), ("wechat", 102)],
     "row 387 http://www.shanwei.gov.cn/swzw/zwgk/wgkzl/jggk/content/post_973416.html"),
    # two websites are one kind
    ("2014年,我局在攀枝花市人民政府门户网站和攀枝花市审计局门户网站信息公开栏目分别主动公开政府信息148条。", [(W, 148)],
     "row 1945 https://m.happymerchs.com/sjj/zwgk/zfxxgk/zfxxgknb/13897.shtml"),
]

LIST_AND_SCENE = [
    # the items of a list a verb opened take the channel named before that verb …
    ("今年以来,本单位积极通过荔湾政府网和各类新媒体平台,发布各类政务信息422条,在荔湾政府网上主动公开组织机构信息3条、财政预决算信息16条、"
     "行政执法类信息0条、政府工作报告0条、政府信息公开年度报告1条、其他文件1条、其他公告公示通知等信息54条,收到政府信息公开申请1条。",
     [(T, 422), (W, 3), (W, 16), (W, 0), (W, 0), (W, 1), (W, 1), (W, 54)],
     "row 99 http://williamhillcn.org/zwgkk/bmxxgkndbg/content/post_8036501.html"),
    ("2023年大兴乡人民政府共主动公开各类政府信息308条。其中:通过县政府网站发布预算信息1条,决算信息1条;通过乡级微信公众号“云端之巅逐梦大兴”"
     "发布政府通知公告34条;通过县政府网站、耿马融媒体中心、耿马先锋、风情耿马等平台公开发布工作信息动态80条。",
     [(T, 308), (W, 1), (W, 1), ("wechat", 34), (T, 80)],
     "row 222 https://yngm.gov.cn/zfxxgk_gmx_dxx/zfxxgknb.html?nbYear=2023"),
    # … all the channels listed before that verb, 、 between them (as the first count's own clause)
    ("2019年，通过“中国上海”门户网站、《上海市人民政府公报》等平台主动公开规章13件，行政规范性文件60件，市政府其他文件162件，"
     "人事任免文件141件。", [(T, 13), (T, 60), (T, 162), (T, 141)], "data/forms/f01_shanghai-gov-office-2019 narrative.txt"),
    ("通过省政府门户网站、《山东省人民政府公报》等渠道主动公开本年度制发的省政府规章5件、省政府及省政府办公厅行政规范性文件5件,"
     "废止省政府规章9件。", [(T, 5), (T, 5)], "round-2 h133 (dev) shandong-gov-office-2023"),
    # … not a complete statement's channel (微信公众号公布4条 ends its own)
    ("2020年主动公开信息总数458条,其中政府网站公开政府信息数238条,政务微信公开政府信息数170,其他方式公开政府信息数49条,规范性文件数1条。",
     [(T, 458), (W, 238), ("wechat", 170), ("other", 49), (T, 1)],
     "row 646 http://www.yw.gov.cn/art/2021/1/12/art_1229134028_3787891.html"),
    # the gazette a clause produces is where the items then counted went
    ("全年共编发《揭阳市人民政府公报》24期,刊登市政府规章1件,市政府及部门规范性文件18件,市政府、市政府办公室文件48件,人事任免文件22件。",
     [("bulletin", 1), ("bulletin", 18), ("bulletin", 48), ("bulletin", 22)],
     "row 383 http://www.jieyang.gov.cn/gkmlpt/content/0/837/post_837771.html"),
]


GENERIC_BESIDE_WEBSITE = [
    # 政务新媒体 beside a website is a second channel (total), not the website's kind
    ("全年通过网站政务新媒体共主动发布信息 9443条,其中概况类信息 164条,政府动态信息 94条,信息公开类45条,各类项目信息公告 8870条,"
     "政务新媒体发布信息 270条。",
     [(T, 9443), (T, 164), (T, 94), (T, 45), (T, 8870), ("new_media", 270)],
     "first-look h047 https://ggzy.bijie.gov.cn/zwfw/xxgknb/202301/t20230130_78040044.html"),
    ("在主动发布方面,汕尾市公安局门户网站、政务新媒体及中央、省、市传统主流媒体共公开44087条政府信息。", [(T, 44087)],
     "row 86 http://www.shanwei.gov.cn/gdsw110/zwgk/gknb/content/post_794439.html"),
    ("2025年,全县各级行政机关通过政府网站、政务新媒体渠道,主动公开各类政府信息共计3573条,具体涵盖概况类信息26件、"
     "政务动态信息2303条、信息公开目录信息1244条。",
     [(T, 3573), (T, 26), (T, 2303), (T, 1244)],
     "row 1509 http://zb.gov.cn/zbxzf/xzfen/202602/d80acbdb2a3348a88ca0c20919d74f40.shtml"),
    # must not change: beside a platform of its kind the general word gives way
    ("街道政务新媒体微信公众号公开信息55条。", [("wechat", 55)],
     "row 1489 http://zwgk.changchun.gov.cn/ng/xzjdrmzf/ngqtyjdbsc/zfxxgknb/202301/t20230116_3104991.html"),
]


ADVERBIAL_AND_SIBLINGS = [
    # the adverbial clause right before the verb governs the count, not a statement before it
    ("在科尔沁右翼中旗“三务”公开网站上发布信息153条,通过政务新媒体“巴彦呼舒镇”微信公众号,共发布信息322条;"
     "通过微信视频号“巴彦呼舒镇人民政府”平台发布制作宣传视频32篇。",
     [(W, 153), ("wechat", 322), ("short_video", 32)],
     "first-look h016 http://www.kyzq.gov.cn/kyzq/2026-01/21/article_2026012117595078718.html"),
    ("2025年,全县各级行政机关通过政府网站、政务新媒体渠道,主动公开各类政府信息共计3573条。", [(T, 3573)],
     "row 1509 http://zb.gov.cn/zbxzf/xzfen/202602/d80acbdb2a3348a88ca0c20919d74f40.shtml"),
    # must not: an adverbial clause that holds a count of its own (18期) is a statement, no scene
    ("截至2018年12月31日,石台县林业局累计主动公开政府信息280条;通过电子政务编印《石台林业》18期,公开政府信息85条,"
     "政府信息公开网站主动公开信息132条,其它媒体公开政府信息73条。",
     [(T, 280), (T, 85), (W, 132), ("other", 73)], "row 2017 https://www.ahshitai.gov.cn/Xxgknb/show/2535.html"),
    # items of one 、 list share the channel named before their verb, even after 信息N条 …
    ("2023年,我局通过政府网站主动公开政府信息48条,其中动态类信息8条,行政执法类信息2条,财政预决算信息6条,政府信息年度报告1条,"
     "其他信息31条;通过微博微信发布信息98条,通过微信公众号发布信息131条、视频62条,通过新闻媒体发布信息677条。",
     [(W, 48), (W, 8), (W, 2), (W, 6), (W, 1), (W, 31), (T, 98), ("wechat", 131), ("wechat", 62), ("other", 677)],
     "first-look h014 http://www.lw.gov.cn/zwgkk/bmxxgkndbg/content/post_9432878.html"),
    # … but after a comma a count of no channel is another statement (row 646 above), and a 、
    # inside the count's own clause joins no sibling
    ("本年度主动公开政府信息总数33条。其中政府网站公开信息33条,通过版面、发放明白纸0条。", [(T, 33), (W, 33), (T, 0)],
     "row 249 http://admin.yzcity.gov.cn:8888/nyx/gknb/202501/85e7fd4ada5d4c8a90db6adc92034885.shtml"),
]


SENTENCE_BEFORE = [
    # a sentence that has a channel as its subject and counts nothing sets it too (as a ；-statement
    # with a channel subject does: round-11 h1012 门户网站对…及时进行公开;…发布政务动态160条, website)
    ("门户网站主动公开政府信息情况。共发布公开信息699条,其中政策法规类信息626条,工作动态类信息67条。",
     [(W, 699), (W, 626), (W, 67)], "round-18 h1703 (dev) xingguo-township-2020 (was total at its first look)"),
    # must not: a channel subject in a sentence that counts its own items leaves the next sentence alone
    ("门户网站主动公开政府信息120条。另发布工作动态30条。", [(W, 120), (T, 30)], "constructed on h1703"),
    # a sentence that opens with the medium of the publishing work and counts nothing sets the
    # scene of the next sentence of its paragraph …
    ("2. 发挥各类信息公开平台和渠道作用,运用微信等新媒体发布信息。2023年,武汉病毒所通过官方微信平台,认真做好信息发布工作。"
     "全年共发布信息80条。", [("wechat", 80)],
     "first-look h043 http://whiov.cas.cn/xxgkbc/xxgkndbg_160275/202403/t20240329_7059978.html"),
    ("(一)主动公开方面。三河镇主要通过广东省政府网站集约化平台公开政府信息,主要围绕社会公众关心的重点、热点问题,"
     "对工作动态、部门文件、政府工作报告等领域信息进行公开,接受社会公众监督。2023年,发布政府信息60条,包括领导分工1条、"
     "机构职能1条、部门文件3条、工作动态42条、部门预决算和三公经费预决算6条、政府工作报告6条、政府信息公开年报1条。",
     [(W, 60), (W, 1), (W, 1), (W, 3), (W, 42), (W, 6), (W, 6), (W, 1)],
     "row 985 https://www.dabu.gov.cn/mzdpshzzf/gkmlpt/content/2/2590/post_2590436.html"),
    # … also a numbered heading of its own (the outline number is no count; a heading line before it
    # is a sentence of its own)
    ("二、主动公开信息情况\n1.通过所网站“信息公开”公开信息情况。2019年,“信息公开”发布信息4条,其中规章制度2条。",
     [(W, 4), (W, 2)], "round-2 h130 (dev) cas-cib-2019"),
    ("(一)通过中心政务网站公开。2020年我中心通过龙华政府在线主动公开机构职能、政策法规、规划计划、资金信息、信息公开年度报告、"
     "工作动态等政府信息58条。", [(W, 58)],
     "row 478 http://www.szlhq.gov.cn/bmxxgk/zdpqghjsglbgs/xxgkgz_125805/xxgkndbg_125807/content/post_8465476.html"),
    ("  1.通过官方网站公开信息情况。2022年,光电所通过所网站各个栏目共发布全所各方面工作相关信息162条。 \n\n"
     "  2.发挥各类信息公共平台和渠道的作用,运用微信等新媒体发布信息。通过光电所微信公众号,认真做好信息发布和公共关切回应工作,共发布信息92条。",
     [(W, 162), ("wechat", 92)], "round-1 h042 (dev) cas-ioe-2022"),
    # … not one that opens otherwise (同时, 我镇…设置宣传栏), nor the sentence of another paragraph
    ("2024年度,我镇从严把握公开范围,通过政府官方网站、政务新媒体平台等多种渠道,及时发布各类政府信息,涵盖行政法规文件、"
     "各类规划政策解读、财政预算决算、重点工作完成情况等内容。同时,我镇主动提供信息公开查阅点,在政府办公楼廊道墙面、公共服务中心、"
     "党群服务中心等场所设置宣传栏、电子屏幕,对机设置、办事指南、服务承诺等信息予以公示,增强政府信息公开透明度。"
     "2024年合计共公开了197项政务信息。", [(T, 197)],
     "row 1023 http://www.puning.gov.cn/zfxxgkmlfg/jyspnscgzrmzf/zfxxgkgzndbg/content/post_913109.html"),
]


# a news site or news platform (新闻网, 新闻平台, 新闻客户端) is outside media, `other` (OUTPUT.md: 新闻网站),
# and a chat group (微信群) is no WeChat account: the reports list it beside the 公众号 as a channel of its
# own (rows 881, 1402), with 报刊 and 公示栏
OUTSIDE_MEDIA = [
    # a quoted outlet whose items are 刊发/刊登 there (OUTPUT.md: placed by 投稿/刊发 in outside media)
    ("通過“中國醫(yī)療保險”刊發(fā)5篇,“浙江醫(yī)保中心”刊登3篇,“浙江醫(yī)療保障”刊登1篇,《淳安電視臺》民情熱線報道1篇,"
     "《今日千島湖》報紙刊登1篇,《淳安發(fā)布》宣傳信息5篇。",
     [("other", 5), ("other", 3), ("other", 1), ("other", 1), ("other", 1), ("other", 5)],
     "round-22 h2109 (dev) chunan-ybj-2024-traditional (5, 3, 1 were website or total)"),
    ("通过“坪山政府在线”公布信息共357条。", [(W, 357)], "collected.jsonl row 403: a named site, no outlet (公布, not 刊发)"),
    # other websites, as other media's websites, are outside media
    ("2023年,汶上县医疗保障局共主动公开政府信息1032条。其中政府信息公开专栏发布的信息65条,占总量的6.3%;微信公众平台882条,占总量的85.4%;"
     "报纸、其他网站等发布85条,占总量的8.3%。",
     [(T, 1032), (W, 65), ("wechat", 882), ("other", 85)], "round-22 h2108 (dev) wenshang-ybj-2023 (the 85 was total)"),
    # a newspaper named by a name ending in 报, right before its verb (a 公报 stays the gazette)
    ("2020年,新区卫生健康委员会依法依规主动公开政府信息79条,公开形式分别为兰州新区门户网站、微信公众号、新区报,其中兰州新区门户网站发布12条,"
     "微信公众号发布59条,阅读量17231人次,新区报发布8条。",
     [(T, 79), (W, 12), ("wechat", 59), ("other", 8)], "unseen u07 lanzhouxinqu-wjw-2020 (the 8 was total)"),
    ("通過寧夏日報、寧夏法治報發(fā)布15篇,人民公安報發(fā)布3篇,做到“應公開,盡公開”。",
     [("other", 15), ("other", 3)], "round-19 h1803 (dev) tongxin-gaj-2023-traditional (the 3 was total)"),
    ("全年编发政府公报发布规章12件。", [("bulletin", 12)], "constructed: a 公报 is the gazette"),
    ("2024年,大村镇累计公开政府信息427条。从公开渠道来看,古蔺县人民政府网站公开信息11条,学习强国等国家级媒体公开信息64条,"
     "四川新闻网等省市级平台公开信息33条,通过微信群、报刊、公示栏、政务服务场所等公开载体公开信息128条。",
     [(T, 427), (W, 11), ("other", 64), ("other", 33), ("other", 128)], "round-3 h213 (dev) gulin-dacun-town-2024"),
    ("在《大众日报》《齐鲁晚报》等报刊刊发重点稿件7篇,大众网、海报新闻平台发布稿件92篇。", [("other", 7), ("other", 92)],
     "round-3 h201 (dev) lixia-wendong-jiedao-2025"),
    # must not: a news site among the body's own channels is one of several kinds (total); a chat group's
    # interactions are no publications; the WeChat account stays wechat
    ("2020年,在安化县人民政府门户网、安化新闻网、“茶马古镇·美丽江南”微信公众平台及相关主流媒体主动公开政府信息数511条。", [(T, 511)],
     "row 748 http://anhua.gov.cn/16/30/36/content_1319520.html"),
    ("我乡主动公开政府信息途径有:乡村两级政务公开栏、微信公众号、微信群等。据统计,截至2025年12月31日,主动公开信息450条。", [(T, 450)],
     "row 881 https://www.suibin.gov.cn/suibinxianrenminzhengfu/cbcc5c9e6bb44ed8af5cd0785606f554/202601/85330.shtml"),
    ("线上,积极依托本乡政务新媒体(如微信公众号等)发布信息,并利用村组微信群等渠道进行政策传达与互动80余次。", [],
     "row 1402 https://www.suibin.gov.cn/suibinxianrenminzhengfu/308b1decf8dc4c8f9cd9deddfb20801f/202601/85333.shtml"),
]


# platforms given in brackets as examples of a general word of new media (如…, …等, …、…) are its:
# new_media, the bracket names no channel of its own
EXAMPLES_IN_BRACKETS = [
    ("全年主动公开政府信息279条,其中通过扎赉特旗人民政府网站公开50条,通过政务新媒体(微信公众号等)公开229条。",
     [(T, 279), (W, 50), ("new_media", 229)], "round-5 h403 (dev) zhalaite-baoligenhua-sumu-2025"),
    ("镇政务新媒体(微信公众号、微信群)公开50余条,以图文结合形式解读惠民政策、展示乡村发展;", [("new_media", 50)],
     "round-5 h407 (dev) jishishan-yinchuan-town-2025"),
    # the same shape with 如, and a count added (the row states none)
    ("线上,积极依托本乡政务新媒体(如微信公众号等)发布信息80余条。", [("new_media", 80)],
     "row 1403 https://www.suibin.gov.cn/suibinxianrenminzhengfu/308b1decf8dc4c8f9cd9deddfb20801f/202601/85333.shtml"),
    # must not: a website before the new media stays a second channel (total); a bracket after a
    # website is no list of examples
    ("通过政府网站、政务新媒体(微信公众号等)发布信息229条。", [(T, 229)], "round-5 h403, with the site of its own sentence before"),
    ("2024年,我镇通过政府门户网站(集约化网站)主动公开政府信息644条。", [(W, 644)],
     "row 1021 http://www.zs.gov.cn/gkz/ghtj/zfgzbg/content/post_2483523.html"),
]


# banners (横幅, 条幅) are kin of the boards: other
BANNERS = [
    ("公开栏专题公开56次,通过LED宣传信息12期、27条,通过标语横幅公布信息16次;", [("other", 56), ("other", 27), ("other", 16)],
     "round-5 h413 (dev) wanyuan-miaozi-township-2019"),
    # must not: a banner makes no count of updates (更新…27次) a publication (shared gold 128: no fact); the site of another clause keeps its channel (row 2130's shape, a count added to its first clause)
    ("线上借助徐闻县人民政府网、湛江市人民政府网平台公开信息120条,线下通过宣传栏、宣传车、横幅等方式公开政府信息。", [(W, 120)],
     "row 2130 http://www.xuwen.gov.cn/zfxxgk/zjsxwxjwxrmzf/content/post_890357.html"),
    ("西柳镇人民政府利用电子屏、公告栏、条幅等主动对外更新政府信息27次。", [], "shared 128_xiliu-town-2023"),
]


# 美篇 is a new-media platform (rows 924, 1417 of bp.gov.cn: 借力美篇等新媒体平台): beside 微信 two kinds, total
MEIPIAN = [
    ("二是通过美篇、微信等发布信息168条;三是在商洛日报等市级以上媒体发布信息45条;", [(T, 168), ("other", 45)],
     "round-5 h401 (dev) zhenan-maoping-town-2022"),
    ("借力美篇等新媒体平台发布信息20条。", [("new_media", 20)],
     "row 1417 https://www.bp.gov.cn/html/BPSZF/202601/0176852782190078.html (a count added)"),
    # must not: each account in its own clause keeps its own kind
    ("微信公众号发布信息50条,美篇发布信息12篇。", [("wechat", 50), ("new_media", 12)], "constructed on row 924's pair"),
]


# articles sent to media (向…投稿) are placed in outside media, other, whatever the destinations' words
# (OUTPUT.md: items placed in outside media, by 投稿/刊发); a count right after the submissions tallies them
SUBMITTED_FOR_PRINT = [
    ("通过门户网站、微信公众号等发布信息,同时积极向人民日报、人民网、中国扶贫发展中心、四川省乡村振兴局等多家报纸杂志、网站投稿,"
     "全年共计发布27篇。", [("other", 27)], "round-16 h1502 (dev) qingchuan-2021 (was total: 报纸 and 网站 two kinds)"),
    # must not: information submitted to a government website stays the website's
    ("2020年度向政府门户网站报送动态信息128条。", [(W, 128)], "round-4 h320 (dev)"),
]


# archives, libraries, reading points and service halls are places outside the body's media: other
READING_PLACES = [
    ("主動公開政府信息69條,無規范性文件類信息,其他文件信息27條,工作動態等信息42條,通過市檔案館主動公開文件2份,受理依申請公開0份。",
     [(T, 69), (T, 27), (T, 42), ("other", 2)], "row 82 http://hayleyrahl.com/zwgk/xxgk/hssgaj/gzdt/tzgg/content/post_1958543. (was total)"),
    ("全市各政务新媒体发布领导活动、重要会议、政策措施等335896条;通过市、县两级档案馆、图书馆和政务服务大厅公开政策文件7129件。",
     [("new_media", 335896), ("other", 7129)], "round-6 h520 xingtai-city-2023 (was website from the sentence before)"),
    # must not: copies handed to an archive or library are no publication (移送)
    ("定期向东城区档案馆、文化和旅游局(图书馆)、行政服务管理局(行政服务中心)移送政府信息纸质文本,共15份。", [], "round-1 h015 (dev)"),
]


# the clause of the verb whose objects a 、 list gives is the count's own clause: its channel is the count's
VERB_OBJECT_LIST = [
    ("全年主动公开政府信息300条,其中通过银川市政府门户网站政务公开栏目主动公开政府信息80条,官方微博“@银川防震减灾”共发布、转发信息215条,回复网友咨询、提问。",
     [(T, 300), (W, 80), ("weibo", 215)], "round-2 h126 (dev) yinchuan-dzj-2019 (was total: the parts' sibling)"),
    ("市、县政府信息公开平台发布各类政府信息103283条,其中各县(市、区)发布89289条,市政府各部门发布13994条;"
     "全市各政务新媒体发布领导活动、重要会议、政策措施等335896条;",
     [(W, 103283), (W, 89289), (W, 13994), ("new_media", 335896)], "round-6 h520 xingtai-city-2023 (was website, the breakdown's)"),
    # must stay total: the verb's clause has its own list of channels of two kinds before it
    ("我镇2020年度通过甘肃政务服务网站、华池县政府信息公开网站、新闻报刊媒体等方式公开我镇项目建设、招标投标、价费以及参与全镇经济社会建设工作中产生的公开信息共计147条。",
     [(T, 147)], "devset-check [104] (collected.jsonl)"),
    # two verbs joined by 、, two channels: the count is both's, total (was the last clause's alone)
    ("通过网站发布、微信推送信息10条。", [(T, 10)], "constructed two-verb"),
]


# the body's disclosure catalogue (政府信息公开目录) is a part of its website
CATALOGUE = [
    ("1. “政府信息公开目录”:发布各类文件204件,其中海关总署令4件、公告138件。",
     [(W, 204), (W, 4), (W, 138)], "round-2 h131 gacc-hq-2020 (was total)"),
    ("2020年,省人防办在政府信息公开目录主动公开信息4条,除涉密事项外,按照统一部署及时向社会公开。",
     [(W, 4)], "round-7 h614 heilongjiang-civil-air-defence-2020 (was total 4 and a 1 from 统一部)"),
    # must stay total: the catalogue beside channels of other kinds
    ("通过门户网站、微信公众号、政府信息公开目录等渠道公开信息30条。", [(T, 30)], "constructed several kinds"),
    # must not: entries of the catalogue updated are no publication
    ("全年更新政府信息公开目录462条。", [], "collected.jsonl (更新…目录)"),
]


def _ids(rows):
    return [row[2].split()[1] for row in rows]


ROWS = (BRACKETED_ADDRESS + CHANNEL_WORDS + ONLINE + NAMED_SITE + NAMES_AND_SEVERAL_CHANNELS + LIST_AND_SCENE + GENERIC_BESIDE_WEBSITE
        + ADVERBIAL_AND_SIBLINGS + SENTENCE_BEFORE + OUTSIDE_MEDIA + EXAMPLES_IN_BRACKETS + BANNERS + MEIPIAN
        + SUBMITTED_FOR_PRINT + READING_PLACES + VERB_OBJECT_LIST + CATALOGUE)


# a body's 信息网 is its website, also as the verb's subject; a county's 融媒体 platform and its
# 融媒号 accounts are new media, its 融媒体中心 (the news centre) is outside media
INFORMATION_NETWORKS_AND_COUNTY_MEDIA = [
    ("全年,省政府龙江要闻发布人防系统信息9条,黑龙江省人防信息网发布人防信息121条,政务公开信息20条,政策法规信息6条。",
     [("total", 9), ("website", 121), ("website", 20), ("website", 6)], "round-12 h1120 heilongjiang-rfb-2021"),
    ("2024年,茅溪镇累计公开政府信息1024条,其中,政府网站公开信息52条,融媒体公开信息568条。",
     [("total", 1024), ("website", 52), ("new_media", 568)], "round-12 h1110 gulin-maoxi-town-2024"),
    ("四川新闻网等省市级平台公开信息33条,古蔺融媒号等县级平台公开信息191条。",
     [("other", 33), ("new_media", 191)], "round-3 h213 gulin-dacun-town-2024"),
    # must not: the county's news centre is outside media
    ("在县融媒体中心刊发稿件12篇。", [("other", 12)], "constructed news-centre"),
]



# a generic word of new media gives way to the platform named beside it, its 平台 and the account's
# name between included; a platform's name right before a count in 个 counts its accounts
GENERIC_BESIDE_A_PLATFORM = [
    ("另外,我乡充分运用新媒体网络平台“柳城县古砦仫佬族乡人民政府”微信公众号发布信息71条,用于宣传国家的各类政策。",
     [("wechat", 71)], "round-13 h1201 liucheng-guzhai-township-2025"),
    ("政务新媒体平台“巴彦高勒微讯”微信公众号累计发布信息685条,采用“政策解读+案例”等形式。",
     [("wechat", 685)], "round-13 h1214 zhalaite-bayangaole-town-2025"),
    ("政务新媒体公开信息11068条、占比32.2%,其中开设政务微信31个、公开信息6346条。",
     [("new_media", 11068), ("wechat", 6346)], "round-13 h1202 (31: accounts)"),
    # the accounts opened, joined by 、 to the count of what they published, name its channel
    ("政务新媒体公开信息11068条、占比32.2%,其中开设政务微信31个、公开信息6346条,开设政务微博4个、公开信息4687条,开设其他平台1个、公开信息35条;",
     [("new_media", 11068), ("wechat", 6346), ("weibo", 4687), ("new_media", 35)], "round-13 h1202 (the 4687 was new_media; 其他平台 names no kind)"),
    ("新媒体公开信息607条、占比63.1%,其中开设政务微信1个、公开信息406条,开设政务微博1个、公开信息2条。",
     [("new_media", 607), ("wechat", 406), ("weibo", 2)], "round-18 h1705 (dev) luxian-jiaming-town-2020"),
    # the one platform a bracket after the generic word (or its verb's object) names is the account's
    ("政务新媒体平台(“巴彦高勒微讯”微信公众号)累计发布信息612条,以图文并茂、通俗易懂的形式,向公众传递政策解读、便民服务等资讯。",
     [("wechat", 612)], "round-20 h1912 (dev) zhalaite-bayangaole-town-2024 (was total)"),
    ("全年主动通过门户网站公开政府信息62条,其中,概况类信息更新量 22 条,政务动态信息更新量40条;通过新媒体公开信息(“绥阳县医疗保障局”微信公众号)96条。",
     [(W, 62), ("wechat", 96)], "round-20 h1906 (dev) suiyang-ybj-2021 (the 96 was total)"),
    # must not: a bracket listing platforms gives examples of the general word
    ("通过政务新媒体(微信公众号、微博)发布信息30条。", [("new_media", 30)], "constructed on h1912"),
    # must not: a generic word and a platform joined by 和 are two channels
    ("通过政务新媒体平台和微信公众号发布信息30条。", [("total", 30)], "constructed two-channels"),
]

# a board word right after a site's word, only the column's name between, is the site's column
SITE_COLUMNS = [
    ("2024年,通过局网站发布政府信息825条,其中,局网站通知公告栏发布信息194条,双公示栏发布信息68条,政务公开栏发布信息94条。",
     [(W, 825), (W, 194), ("other", 68), ("other", 94)],
     "round-25 h2415 (dev) taian-wlj-2024 (the 194 was total; the readers read 68 and 94 as the site's columns too, which the rules leave)"),
    ("2022年,全镇政府信息公开566条,一是利用镇安县人民政府门户网站等政务公开栏平台公开政务信息38条;",
     [(T, 566), (W, 38)], "round-5 h401 (dev) zhenan-maoping-town-2022 (the 38 was total)"),
    # must not: a site and a board joined as two channels
    ("通过门户网站、公开栏等渠道公开信息30条。", [(T, 30)], "constructed: two channels"),
]


# 两微/双微 name two channels (Weibo and WeChat), so a count over them is total (OUTPUT.md: "两微 names two")
TWO_MICRO = [
    ("全年在保税区政务网站发布各类信息6038条、在“一网一视两微四端”八个官方政务新媒体平台总计发布文章及视频4860条次,阅读、播放总量705万次。",
     [(W, 6038), (T, 4860)], "round-10 h918 (dev) tianjin-port-ftz-2024 (the 4860 was new_media)"),
    ("2022年,园区利用“双微平台”和工作群发布简报简讯,加大主题宣传,积极营造园区良好营商环境,2022年发布简报简讯113篇,",
     [(T, 113)], "round-21 h2011 (dev) wuhua-kjcyy-2022 (was website)"),
]


# an account named …发布 right before its platform's word: 发布 is the name's, the clause an adverbial
ACCOUNT_NAMED_FABU = [
    ("2023年,本街道在政府官網上主動公開街道信息423條,其中工作總結1條,組織機構信息3條,部門文件3條,財政信息2條,“河長制”專欄2條,"
     "重點領域信息85條,基層治理與服務信息312條,發布政府信息公開年報。此外,還通過長河發布微信公眾號,發布信息977條。",
     [(W, 423), (W, 1), (W, 3), (W, 3), (W, 2), (W, 2), (W, 85), (W, 312), ("wechat", 977)], "round-24 h2301 (dev) binjiang-changhe-jiedao-2023-traditional (the 977 was total)"),
    ("2024年,通过市政府门户网站公开各类政府信息6549条。其中公开渭南概况、政策文件、规划统计、重点领域等信息2134条,解读回应信息469条,"
     "公开各级各部门新闻动态3501条,专题信息445条。渭南发布微博发布1100余条,微信发布1800余条。",
     [(W, 6549), (W, 2134), (W, 469), (W, 3501), (W, 445), ("weibo", 1100), ("wechat", 1800)],
     "round-9 h815 (dev) weinan-gov-2024: the account's 发布 before its 微博"),
    # must not: an adverb before 发布 keeps it a verb of the clause
    ("进一步加强信息宣传力度,2024年全年累计发布微信公众号信息136条,新增关注78个。", [("wechat", 136)],
     "round-7 h602 (dev) jingmen-dongbao"),
]


# an account the report names once with its platform stands for it where a count names it alone,
# before or after the naming (nlp.facts.cues.remember_accounts; the two readers of each report)
NAMED_ACCOUNT_ALONE = [
    ("2023年1月1日至12月31日,二街镇主动公开政府信息558条,其中,晋宁区人民政府门户网公开118篇、“魅力二街”发布356条。\n"
     "(四)平台建设情况。强化主动公开,不断提质增量。全镇各部门、各村委会充分利用政府门户网站、电子屏、信息公开栏等形式,"
     "通过微信公众号“魅力二街”等渠道,广泛开展政府信息公开工作。",
     [(T, 558), (W, 118), ("wechat", 356)], "round-14 h1316 (dev) jinning-erjie-town-2023 (the 356 was website)"),
    ("2022年,教育栏目全年主动更新、公开各类信息289条。通过“武义教育”官方微信公众号进行权威发布。通过浙江省政务新媒体管理平台开展"
     "“劳动新实践”、“品质课堂建设”等系列主题宣传,传递教育之声,讲好教育故事。截至目前,武义教育粉丝量为28793,今年共发布文章252篇,"
     "转发、阅读和点赞量居于我县部门媒体前列。",
     [(W, 289), ("wechat", 252)], "round-19 h1804 (dev) wuyi-jyj-2022 (the 252 was new_media)"),
    # must not: a name given with two platforms is nobody's; a body's name is its account only in quotes
    ("开通微博“平安某县”、微信公众号“平安某县”。“平安某县”全年发布信息300条。", [(T, 300)], "constructed on the rule"),
    ("建成抖音号“海南省地震局”。通过海南省地震局门户网站发布信息40条,海南省地震局全年另发布信息12条。",
     [(W, 40), (W, 12)], "constructed on first-look h045 (dev): the body's name is no account"),
]

# the clause right before a count counts an account's followers, naming it: the items are that
# account's, whatever the sentence named before (nlp.facts.channels._followed_account_before)
FOLLOWED_ACCOUNT_BEFORE = [
    ("网站及时发布各类信息267条,其中义务教育领域信息32条。加强政务新媒体建设,“丰都教育”微信订阅号关注用户达7.58万人,全年发布信息216条,"
     "总阅读量超过49万次,有效提升了教育政策与动态的传播覆盖面。",
     [(W, 267), (W, 32), ("wechat", 216)], "round-13 h1206 (dev) fengdu-education-2025 (the 216 was total)"),
    ("通过政府门户网站主动公开政府信息8条;“建瓯应急管理”微信公众号开通至今,粉丝累计5693人,累计发布508条图文信息,针对群众关注的热点问题和政策文件,"
     "通过多种渠道及时回应群众关切。",
     [(W, 8), ("wechat", 508)], "round-14 h1317 (dev) jianou-emergency-2024"),
    # must not: a clause of followers that names no channel sets no scene of its own
    ("加强政务新媒体建设,关注用户达7.58万人,全年发布信息216条。", [("new_media", 216)], "constructed on h1206"),
]


ROWS += INFORMATION_NETWORKS_AND_COUNTY_MEDIA + GENERIC_BESIDE_A_PLATFORM + NAMED_ACCOUNT_ALONE + FOLLOWED_ACCOUNT_BEFORE + ACCOUNT_NAMED_FABU + TWO_MICRO + SITE_COLUMNS


@pytest.mark.parametrize("text,expected,source", ROWS, ids=_ids(ROWS))
def test_channel_of_each_count(text, expected, source):
    assert [(c, v) for c, v, _ in values_of(text, "publication_count")] == expected
