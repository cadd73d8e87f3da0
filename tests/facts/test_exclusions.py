"""Exclusion words exclude what they describe (nlp/facts/verbs.py, nlp/facts/rules.py;
issue 13, "a word of the exclusion list inside the publishing phrase drops the count" and
"counts that are not published items taken as facts").

Sentences of collected reports outside the gold (data/labelled/collected.jsonl, row and
page URL beside each).
"""
import pytest

from nlp.facts.verbs import governing
from tests.facts.helpers import values_of

W, T = "website", "total"

# a word of another act inside the publishing phrase, or naming the kind of item
INSIDE_THE_PUBLISHING_PHRASE = [
    ("自2016年1月1日起至2016年12月31日止,我镇经审核主动公开信息568条。", [(T, 568)],
     "row 322 http://www.bengbu.gov.cn/public/25461/45854211.html"),
    ("2023年,县应急局认真贯彻落实《中华人民共和国政府信息公开条例》,主动公开和更新了各类信息439条,全面公开机构职能、安全生产、"
     "灾情统计、行政许可、行政处罚等法定公开内容。", [(T, 439)],
     "row 1077 http://www.cqsdj.gov.cn/bmjz/bm/yjglj/zwgk_72336/zfxxgknb_72346/202412/t20241204_13858860.html"),
    ("“公示公告”栏目发布信息81条,“民意征集”栏目发布信息2条,“专题专栏”栏目发布信息2条。", [(W, 81), (W, 2), (W, 2)],
     "row 122 https://tongxin.gov.cn/zwgk/zfxxgknb/2021/bmzsjg/202201/t20220110_3278462.html"),
    ("2024年福田街道通过“福田政府在线”门户网站主动公开政府信息共192条,其中,工作动态类64条,通知公告类32条,民意征集2条,其他信息类94条。",
     [(W, 192), (W, 64), (W, 32), (W, 2), (W, 94)],
     "row 863 https://www.szft.gov.cn/bmxx/qftjdbsc/zwxxgk/xxgknb/content/post_11959537.html"),
    ("2023年,通过商洛高新区(商丹园区)管理委员会网站(以下简称为商洛高新区网站)发布(更新)各类政务信息759条(其中政务动态类信息550条)。",
     [(W, 759), (W, 550)],
     "row 1231 http://gxq.shangluo.gov.cn/cat.php?cat0=showgk&id=4159&cid=66"),
    # a list goes on past an item that is no fact (更新 of news items counts updates)
    ("全年公开各类政府信息3050条、政务动态信息更新2944条、通知公告206条、文字信息285条、图片信息1014条、时政要闻122条、财政预决算公开173条、"
     "专题专栏新增1个、解读信息发布10条。",
     [(T, 3050), (T, 206), (T, 285), (T, 1014), (T, 122), (T, 173), (T, 10)],
     "row 619 https://www.gangcha.gov.cn/html/5845/322280.html"),
]

# counts of something else than items published
OTHER_MATTERS = [
    ("2022年,市交通运输局通过网站共发布公开工作动态97篇,政务信息53条,通知公告26条,微信公众号发布信息197篇,向上级部门上报各类信息170篇,"
     "在《今日邹城》、《邹城新闻》、邹城外宣网、邹城手机报等新闻媒体刊发信息123篇,在省、市主流媒体、新闻媒体刊发信息58篇,召开和参加1次新闻发布会。",
     [(W, 97), (W, 53), (W, 26), ("wechat", 197), ("other", 123), ("other", 58)],
     "row 1118 http://www.zoucheng.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11370883004326294R&fbtime=2022"),
    # 政策解读稿件11条: interpretation pieces (INTERPRETATIONS; the dev set labels it optional, total or other)
    ("通过政务微信公开信息59条,接受新闻媒体采访3次,政策解读稿件11条;回应热点事件或舆情1次;办理市人大建议13件,政协提案15件。",
     [("wechat", 59), ("total", 11)], "row 546 http://ljwns.net/zfxxgk/zfxxgknb/2018n/gbm/1628950003969982465.html"),
    ("2020年,我中心接受深圳广电栏目采访5次。", [],
     "row 479 http://www.szlhq.gov.cn/bmxxgk/zdpqghjsglbgs/xxgkgz_125805/xxgkndbg_125807/content/post_8465476.html"),
    # domains
    ("持续优化公开财政信息、重大项目、义务教育等25个重点领域信息。", [],
     "row 1506 http://www.cqbn.gov.cn/zwgk_252/zfxxgknb/qzfbm/zfbgs/202601/t20260129_15362835_wap.html"),
    ("按照省、市要求,督导各单位制定含政策、法定主动公开内容等8个大类的部门政府信息公开专栏,新建30个重点领域的基层政务公开专栏,并同步更新。", [],
     "row 1503 http://www.bzqzf.gov.cn/public/6597391/11610046.html"),
    # issues of a gazette the body produced are its count when the sentence counts no items they
    # carried (readers: shared gold 132, round-2 h134, round-3 h210, round-7 h619); with the items
    # counted after them, the items are the fact (shared gold 009 243件, round-6 h513 96条)
    ("2022年通过市政府门户网站主动发布市政府文件9条,市政府办公室文件14条,市政府、市政府办公室行政规范性文件34条,部门行政规范性文件68条,"
     "地方性法规3条;编辑出版政府公报12期。", [(W, 9), (W, 14), (W, 34), (W, 68), (W, 3), ("bulletin", 12)],
     "row 1267 http://www.wenzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=001008003015001&fbtime=2022"),
    ("政务微博发布信息1518条,政务微信公众号发布信息760条,发行政府公报4期。", [("weibo", 1518), ("wechat", 760), ("bulletin", 4)],
     "row 1311 https://magnetkurs.com/tssrmzf/zwgk/zfxxgkzl/xxgkgzndbg/content/post_2535733.html"),
    ("通过政府网站、政务新媒体等渠道主动公开信息4万余条,发布《昭通市人民政府公报》12期,动态更新“利企惠民”专栏。",
     [("total", 40000), ("bulletin", 12)], "round-7 h619 (dev) zhaotong: readers count the 12 issues"),
    ("主动公开政务信息15萬余條次。編輯出版《拉薩市人民政府公報》12期。", [("total", 150000), ("bulletin", 12)],
     "round-2 h134 (dev) lasa-gov (traditional script)"),
    ("政策解讀81條、政府公報21期,總訪問量2645.", [(T, 81), ("bulletin", 21)], "round-3 h210 (dev) hainan-gov (a list of a portal's columns)"),
    # must not: the items the issues carried are counted after them
    ("编辑《上海市人民政府公报》24 期，刊登市政府规章、市政府和市政府办公厅文件、市政府部门行政规范性文件等 243 件。",
     [("bulletin", 243)], "shared gold 009 (the 24 issues are other_numbers)"),
    ("其中通过政府网站公开政府信息2000余条;通过政务新媒体公开信息1800余条;出版《政府公报》3期,公开信息96条。",
     [(W, 2000), ("new_media", 1800), ("total", 96)], "round-6 h513 (dev): no 3 (the 96's channel is bulletin in the gold: not read yet)"),
    ("印发公平竞争审查工作简报6期。", [], "shared gold 112: a briefing, no gazette"),
    # documents in force (现行有效) are a stock, not items published, unless a publishing verb governs them
    ("进一步完善政策文件库、政策解读专栏建设,发布行政规范性文件10件,现行有效文件共计57件。", [(W, 10)],
     "round-9 h820 (dev) jixi-county (was website 57, next to the 10)"),
    ("全年共制发(修改)政府规章1份,废止政府规章1份,现行有效政府规章8份;制发3份规范性文件,废止18份,现行有效规范性文件81份。", [],
     "round-8 h711 (dev) qinzhou-gov-office"),
    # must not: published by its own verb
    ("清理并公开现行有效的行政规范性文件102件。", [(T, 102)], "round-7 h603 (dev) chengkou-county"),
    # meetings and programme episodes, also as part of a total
    ("其中,在政策文件库发布以市政府、市政府办公室名义印发的文件16件,并配套发布多样化解读材料28篇,实现重要政策解读全覆盖;"
     "公开政府常务会议17次,邀请群众代表列席会议2次。", [(W, 16), (W, 28)],
     "row 1450 http://www.rongcheng.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11371082004363781R&fbtime=2025"),
    ("2021年,全市共发布各类政务信息36万余条,其中183个单位分别发布了本单位2020年财政决算和2021年财政预算信息;转载国务院、省政府重要政务信息 2138条;"
     "发布了103份政策解读文件;发布了48期“民生热线”节目预告、音频、文稿等内容。", [(T, 360000), (T, 2138), (T, 103)],
     "row 1315 http://sd-xs.com/home/tzgg/content/post_2548516.html"),
    # columns
    ("新增“招投标违规违法线索征集、涉企行政检查公示”2个专题专栏,通过专题解读热点知识、拓宽信息传播维度,专题专栏总量达到14个。", [],
     "row 1509 http://zb.gov.cn/zbxzf/xzfen/202602/d80acbdb2a3348a88ca0c20919d74f40.shtml"),
    # withheld and requested information is no publication
    ("2022年度按照县政务信息公开规范要求,我乡通过德安县政府信息公开平台累公开206条,其中主动公开信息数为206条,依申请公开信息数为0条,"
     "不予公开信息数为0条.", [(W, 206), (W, 206)],
     "row 1001 https://www.dean.gov.cn/zw/03/07/hdx_184344/zfxxgknb_184382/202301/t20230116_5911420.html"),
    # the results of applications, 部分公开 also printed 部份公开 (one report so far: a spelling of the
    # template's own word, taken as the word; row 848 prints it 部分)
    ("全年共收到公开申请11件,办结11件。其中予以部份公开1件;不予公开2件;无法提供3件;不", [],
     "round-2 h141 (dev) guangdong-youzheng-2023"),
    ("2024年,街道收到依申请公开6件,结转上年9件,答复申请共15件,撤销申请0件。其中,予以公开2件,部分公开2件,不予公开1件,无法提供10件,"
     "其他处理0件。", [], "row 848 http://williamhillcn.org/zwgkk/bmxxgkndbg/content/post_10091873.html"),
]


# 解读 with its object counts what was interpreted; as a noun it names the items published
INTERPRETED = [
    ("2021年,我厅网站共发布政府信息35012条(次)。其中,开展政策解读20次,解读文件20次。", [(W, 35012), (W, 20)],
     "first-look h029 http://jtyst.shanxi.gov.cn/zwgk/gknb/202201/t20220129_4707104.shtml"),
    ("微信公众号编发信息400余条,及时宣传解读了30余件最新人力资源社会保障政策,特别是第一时间推送了一批应对疫情出台的人社政策。",
     [("wechat", 400)],
     "first-look h025 https://www.jining.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11370800004312490W&fbtime=2020"),
    # 解读 with a modifier before its object (政府文件, 民生政策文件) is the verb too
    ("全年通过政府门户网站、政务新媒体等平台发布政策解读信息11条,解读政府文件11件。", [(T, 11)],
     "round-10 h907 http://dayao.gov.cn/info/egovinfo/1007/overt_centent/115323260151757350-/2022-0302002.htm"),
    ("主动公开政府信息478条;解读民生政策文件6余件;“县长信箱”共受理有效信件3件,已办结3件。", [(T, 478)],
     "round-6 h506 xinghai-county-2021"),
    # must not: the interpretations a publishing verb puts out are items
    ("持续做好重大决策会议信息主动公开,发布解读重要政策文件10篇。", [(T, 10)],
     "round-4 h311 youxian-zfb-2024 (its media clause left out: its channel is another matter)"),
    # must not: 政策解读 names the items
    ("2021年,全市共发布各类政务信息36万余条,其中183个单位分别发布了本单位2020年财政决算和2021年财政预算信息;"
     "转载国务院、省政府重要政务信息 2138条;发布了103份政策解读文件。", [(T, 360000), (T, 2138), (T, 103)],
     "row 1315 http://sd-xs.com/home/tzgg/content/post_2548516.html"),
]

# copies handed to another body are no publication, 主动公开 after the verb names what was handed over
HANDED_OVER = [
    ("全年通过门户网站、12320卫生健康微信公众号等平台公开发布信息2249条,向省政府办公厅送交主动公开文件45件。", [(T, 2249)],
     "first-look h031 https://wsjk.ln.gov.cn/wsjk/zfxxgk/zfxxgknb/730642B907C14CED856A06669B2D04CF/index.shtml"),
    ("在街道政务微博微信公开信息分别为545条和378条。定期向东城区档案馆、文化和旅游局(图书馆)、行政服务管理局(行政服务中心)"
     "移送政府信息纸质文本,共15份。", [("weibo", 545), ("wechat", 378)],
     "first-look h015 https://www.bjdch.gov.cn/zfxxgkzl/zfxxgknb/2021nb/dcqjd2021/202201/t20220117_2995317.html"),
]

# 更新 publishes news and a column's new items; it updates entries that exist
UPDATES = [
    ("截止2020年12月31日,马冈镇通过政务网站(/mgzrmzf/wzsy/index.html)共主动公开政府信息203条,其中更新工作动态172条,"
     "党务公开栏目更新11条,发布人事信息4条,发布公告16条,在信息公开目录系统(/jmkpsmgz/gkmlpt/index)发布政务动态172篇,"
     "更新组织机构信息15条。", [(W, 203), (W, 172), (W, 11), (W, 4), (W, 16), (W, 172)],
     "first-look h007 (no URL: sources.jsonl)"),
    ("2023年以来,我局在政府网站上共计发布部门动态、政策文件、公告公示、重点工作、重大民生信息、政府采购等内容201篇,"
     "其中部门动态一栏更新内容144篇,使服务对象能及时了解我局的工作。", [(W, 201), (W, 144)],
     "row 305 http://fjlxjx.com/hmstyjrswj/xxgkgzndbg/content/8aa6d16e-0515-4716-a5dd-28d53d71e8bf.html"),
    ("2024年,县司法局充分利用多种渠道主动公开政府信息,在金塔县政府网站上更新工作动态62篇。", [(W, 62)],
     "row 1158 https://www.jtxzf.gov.cn/jintaxian/c101866/202501/934554212b2e420bb3bb9e1ebc0fff40.shtml"),
    # 新增 publishes the information it adds to a channel, not a column it opens
    ("2019 年,厅门户网站新增信息14129条,其中,工作动态类信息3455条,法律法规及规范性文件类信息28条,规划计划类信息2条,"
     "业务管理类信息10465条,综合管理类信息179条。厅网站页面总数254299个,访问次数3353609次。",
     [(W, 14129), (W, 3455), (W, 28), (W, 2), (W, 10465), (W, 179)],
     "row 635 https://nr.gd.gov.cn/gkmlpt/content/2/2877/post_2877736.html"),
    ("2023年,武汉病毒所官方网站新增信息公开相关内容共235条,其中“通知公告”11条、“招生”及“招聘”35条、“科研进展”及“学术动态”27条、"
     "其他信息162条。", [(W, 235), (W, 11), (W, 35), (W, 27), (W, 162)],
     "first-look h043 http://whiov.cas.cn/xxgkbc/xxgkndbg_160275/202403/t20240329_7059978.html"),
    ("新增“招投标违规违法线索征集、涉企行政检查公示”2个专题专栏,专题专栏总量达到14个。", [],
     "row 1509 http://zb.gov.cn/zbxzf/xzfen/202602/d80acbdb2a3348a88ca0c20919d74f40.shtml"),
    # a site that 更新s information, named right before the verb or as its object, puts new items up on it
    ("其中,扎赉特旗人民政府门户网站累计更新政务信息54条,内容涵盖政策文件、工作动态、财政预算决算、民生保障等领域,让群众及时了解镇政府的工作进展与决策部署。",
     [(W, 54)], "round-20 h1912 (dev) zhalaite-bayangaole-town-2024 (was no fact)"),
    ("全年街道紧紧围绕工作动态、劳动就业、社会保障、计划生育、文化服务、应急管理等栏目,通过政府门户网站进行公开,共更新门户网站信息650条,回复群工系统547条。",
     [(W, 650)], "round-20 h1915 (dev) shapingba-huxi-jiedao-2019 (was no fact)"),
    # must not: entries that exist, updated, with no site beside the verb
    ("2023年新增主动公开政府信息130条,具体包括镇政府公开信息公开年报1条,机构职能1条,政务活动25条,招标投标98条,财政预决算2条,财政信息2条,"
     "人事信息1条。2023年更新政府信息23条,具体包括领导信息14条,内设科室信息9条。",
     [(T, 130), (T, 1), (T, 1), (T, 25), (T, 98), (T, 2), (T, 2), (T, 1)], "shared gold 127 longyou-hengshan (updates of entries)"),
    ("全年共主动公开政府信息963条,其中:发布工作信息580条;制定并发布规范性文件7件;发布统计信息2条;发布人事信息1条;"
     "发布财政及“三公经费”信息3条;更新办事指南31条。", [(T, 963), (T, 580), (T, 7), (T, 2), (T, 1), (T, 3)],
     "row 546 http://ljwns.net/zfxxgk/zfxxgknb/2018n/gbm/1628950003969982465.html"),
]


def _ids(rows):
    return [row[2].split()[1] if row[2].startswith("row") else row[2] for row in rows]


@pytest.mark.parametrize("text,expected,source", INSIDE_THE_PUBLISHING_PHRASE + OTHER_MATTERS + INTERPRETED + HANDED_OVER + UPDATES,
                         ids=_ids(INSIDE_THE_PUBLISHING_PHRASE + OTHER_MATTERS + INTERPRETED + HANDED_OVER + UPDATES))
def test_exclusions_exclude_what_they_describe(text, expected, source):
    assert [(c, v) for c, v, _ in values_of(text, "publication_count")] == expected


# 公开内容 names a matter (法定公开内容, 从公开内容看), except the items a body published
# proactively, counted right after it (主动公开内容(共)N条): those are publications, as a total or a part
PROACTIVE_CONTENT = [
    ("2024年,我街道在政府门户网站公开工作动态共172条,聚焦甘州乡镇街道动态109条;法定主动公开内容1条,其中机构概况1条,"
     "三公经费及预算/决算2条。", [172, 109, 1, 1, 2],
     "row 503 http://gsgz.gov.cn/gzzfxxgk/zfxxgknb/2024n/bmnb2024/202501/t20250116_1345693.html"),
    ("2025年度,通过政府门户网站累计发布工作动态信息165条,其中重点聚焦甘州乡镇街道动态102条;发布法定主动公开内容1条,包括机构概况1条,"
     "以及“三公”经费及预算/决算信息2条,切实保障公众知情权和监督权。", [165, 102, 1, 1, 2],
     "row 96 http://www.gsgz.gov.cn/gzzfxxgk/zfxxgknb/2025n/bmnb2025/202601/t20260123_1501783.html"),
    ("市卫生健康局全年共发布各类信息171条,其中新闻动态8条,政策问答7条,法定主动公开内容63条,重大民生及公益事业建设信息7条。",
     [171, 8, 7, 63, 7], "row 61 https://ynlf.gov.cn/info/1362/198554.htm"),
    ("政府网站信息公开平台共发布信息27条。其中:政策文件1条,财政资金3条,其他主动公开内容23条。", [27, 1, 3, 23],
     "row 1244 http://www.ych.gov.cn/xxgk/xxgknb/2023/xzbm/202401/t20240117_3552168.shtml"),
    # must not: the contents as a matter, and a request for what is no content of the body
    ("按照省、市要求,督导各单位制定含政策、法定主动公开内容等8个大类的部门政府信息公开专栏。", [],
     "row 1503 http://www.bzqzf.gov.cn/public/6597391/11610046.html"),
    ("全年,街道持续优化和维护政府信息公开专栏,确保法定主动公开内容,如机构职能、政策文件、工作动态、财政信息、社会救助、公共服务清单等,"
     "得到及时、准确、规范地公开。", [],
     "row 1033 http://zwgk.changchun.gov.cn/ng/xzjdrmzf/ngqztjdbsc/zfxxgknb/202601/t20260116_3461735.html"),
    ("2023年,武汉病毒收到信息公开申请事项3件,不属于本单位公开内容3件。", [],
     "first-look h043 http://whiov.cas.cn/xxgkbc/xxgkndbg_160275/202403/t20240329_7059978.html"),
]


@pytest.mark.parametrize("text,expected,source", PROACTIVE_CONTENT, ids=_ids(PROACTIVE_CONTENT))
def test_proactive_content_counted_is_published(text, expected, source):
    assert [v for _, v, _ in values_of(text, "publication_count")] == expected


# meetings counted in 条 are the items published about them (a meeting is held 次 or 场): as parts
# (row 1830; row 1932 政府会议6条 too, whose bracketed list without a stated total is read by no rule yet), in a list (round-2 h112 重要会议41条) and under a publishing verb; counted in 次 they
# stay meetings (row 1450 above)
MEETING_ITEMS = [
    ("2014年我镇主动公开政府信息数160条,其中,综合政务59条;人事工作信息1条;财政信息5条;教育8条;重要工作会议22条;安全监管45条。",
     [160, 59, 1, 5, 8, 22, 45], "row 1830 https://www.sinan.gov.cn/zwgk/zfxxgk/zfxxgknb/2014n/201709/t20170921_64816488.html"),
    ("2020年,省政府入口网站信息发布总数为3.5万条,其中发布省政府常务会议62条、省政府档案45条、政策解读81条。", [35000, 62, 45, 81],
     "round-3 h210 (dev) hainan-gov-office-2020, simplified"),
    # must not: meetings held, press conferences
    ("公开政府常务会议17次,邀请群众代表列席会议2次。", [],
     "row 1450 http://www.rongcheng.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11371082004363781R&fbtime=2025"),
    ("召开和参加1次新闻发布会。", [],
     "row 1118 http://www.zoucheng.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11370883004326294R&fbtime=2022"),
]

# a count of times right before a count of items is how often, not how many (N次M条)
TIMES_THEN_ITEMS = [
    ("官方微信公众号“健康枞阳”累计发布247次457条。", [457], "round-3 h221 (dev) zongyang-wjw-2024"),
    ("及时发布地质灾害预警预报,发送预警信息39次4707条。", [4707],
     "row 1057 https://ghzrzyj.cq.gov.cn/zz/jbq/zwgk/zfxxgknb/202301/t20230130_11547627.html"),
    # must not: a count of times with no count of items after it keeps its reading
    ("通过微信公众号推送信息52次,发布信息300条。", [52, 300], "constructed from the two rows above: a comma between"),
]


@pytest.mark.parametrize("text,expected,source", MEETING_ITEMS + TIMES_THEN_ITEMS, ids=_ids(MEETING_ITEMS + TIMES_THEN_ITEMS))
def test_meetings_in_items_and_times_before_items(text, expected, source):
    assert [v for _, v, _ in values_of(text, "publication_count")] == expected


# 转发 publishes what it reposts, as 转载 does; 转发量/被转发 count the readers' reposts
REPOSTED = [
    ("2021年门户网站发布信息1802条,其中政务动态类200条,各类通知公告约200条;转发中央及国家领导人重要活动、重大会议等时政要闻信息153条。",
     [1802, 200, 200, 153], "row 1428 http://drc.gd.gov.cn/gkmlpt/content/4/4662/post_4662348.html"),
    ("通过中江应急抖音号共发布和转发视频61条。", [61],
     "row 1082 https://www.jordynalvidrez.com/gk/zwgk/jczwgkbzml/llybl/aqsc/ggbw/ndbg/1617963.htm"),
    ("2022年,通过厅网站、微信公众号、政务微博等形式主动公开政府信息106篇,发布工作动态类信息887篇,政策类信息117篇,转发要闻信息1260篇。",
     [106, 887, 117, 1260], "round-3 h217 (dev) shanxi-tyjrt-2022"),
    # must not: reposts by readers
    ("“港口发布”政务新媒体共发布推文2828条,总阅读量超250万次,转发量21.3万。", [2828],
     "row 1020 http://www.zs.gov.cn/gkz/ghtj/zfgzbg/content/post_2483523.html"),
]


@pytest.mark.parametrize("text,expected,source", REPOSTED, ids=_ids(REPOSTED))
def test_reposted_items_are_published(text, expected, source):
    assert [v for _, v, _ in values_of(text, "publication_count")] == expected


# 信息公开/政务公开 name the field (信息公开工作, 政务公开栏目), but with a count right after them they count
# the information published, as the reports' category lists print it (rows 2078, 2004, 640)
DISCLOSED_COUNT = [
    ("政府信息公开平台建设中街道政府信息公开60条,其中社会保险12条、房屋征收及住房保障12条、公共法律服务12条、其他法定信息12条、社区事务公开12条。",
     [60, 12, 12, 12, 12, 12], "row 98 http://www.gsgz.gov.cn/gzzfxxgk/zfxxgknb/2025n/bmnb2025/202601/t20260123_1501783.html"),
    ("2018年,咸宁市人防办累计主动公开政府信息69条,其中政务公开57条、信息公开7条、专题专栏5条。", [69, 57, 7, 5],
     "row 2078 http://xianning.gov.cn/xxgk/xxgknb/2018/szbm/201902/t20190219_1576013.shtml"),
    ("2018年,我局累计公开信息61篇,其中政务信息公开20篇、政策文件6篇,部门动态35篇。", [61, 20, 6, 35],
     "row 2004 http://www.zjxs.gov.cn/zfxxgk/zjsxsqkgmhxxhj/content/post_769151.html"),
    ("通过政府网站及时发布、公开医疗卫生、疾病预防控制等卫生相关信息,2019年度完成政府信息公开301条。", [301],
     "round-3 h215 (dev) derong-wjj-2019"),
    # must not: applications for disclosure
    ("2024年,街道收到依申请公开6件,结转上年9件,答复申请共15件。", [],
     "row 848 http://williamhillcn.org/zwgkk/bmxxgkndbg/content/post_10091873.html"),
]


# the replies to deputies' suggestions and proposals a publishing verb puts out are published items
PUBLISHED_REPLIES = [
    ("及时公开建议提案办理答复14件;财政预决算信息2条。", [14], "round-6 h503 (dev) shijiazhuang-gxj-2019 (simplified; the 2 is a gap left)"),
    ("全市各政务新媒体发布领导活动、重要会议、政策措施等335896条;专栏公开各级人大代表建议、政协提案办理复文2575件。", [335896, 2575],
     "round-6 h520 (dev) xingtai-city-2023"),
    # the reply information published (答复信息), an item among a website's documents
    ("通过省政府门户网站、《吉林省人民政府公报》等渠道主动公开本年度制发的省政府规章2件、省政府及省政府办公厅行政规范性文件2件,"
     "其他文件113件,省政府工作报告及解读2条,人大代表建议及政协委员提案答复信息845条,财政预决算信息52条。", [2, 2, 113, 2, 845, 52],
     "round-23 h2201 (dev) jilin-bgt-2025 (845 and 52 were lost)"),
    # must not: suggestions and replies handled (及答复), replies to consultations, replies without a publishing verb
    ("2023年,公开书记县长信箱或领导信箱(网上信访)办件22件、12345政务服务热线办件7341件、人大代表建议及答复107件、政协提案和答复149件,开展在线访谈2期。",
     [], "row 624 https://www.hejiang.gov.cn/gk/zfxxgknb/bmxxgknb/content_191767"),
    ("收到网上咨询2152条,全部按时办结,公开答复1978条,平均办理时间3.2天。", [], "round-6 h510 (dev) zhoukou-city-2020"),
    ("全年办理人大代表建议答复12件,政协提案答复8件,办结率100%。", [], "constructed on row 624's words"),
]


# responses counted in 次 (回应…N次) are times responded, not items, also in a publishing verb's list
RESPONSES = [
    ("通过柘城县政府门户网站、政务新媒体渠道发布各类政府法定主动公开信息8280余条,政府机构信息49条,统计信息23条,回应公众关注热点19次。",
     [8280, 49, 23], "round-6 h516 (dev) zhecheng-county-2024 (19 was a fact)"),
    ("综合运用图片图表、音频视频等形式广泛开展政策解读,2024年在网站发布政策解读10篇,在线访谈4次,回应公众关注热点38次。",
     [10], "round-7 h611 guangdong-slt-2024 (dev)"),
    ("本年度共回应公众关注热点2次,其中负责人回应4次。", [], "collected.jsonl wordings (共回应公众关注热点2次, 其中负责人回应4次)"),
    # must stay items: responses listed as parts of a stated total (其中…; the readers count them) …
    ("2024年我委本单位全年发布信息477条。其中政策文件20件,回应民众关切信息13次,其中负责人回应4次。", [477, 20, 13, 4],
     "round-3 h221 (dev) zongyang-wjw-2024 (gold: 13 and 4 are parts)"),
    # … and responses counted in 条 under a publishing verb
    ("发布通知公告630条、预算决算343条、回应关切57条、便民便企261条。", [630, 343, 57, 261], "collected.jsonl (回应关切57条)"),
    ("发布互动回应类信息98条。", [98], "collected.jsonl (互动回应类信息98条)"),
]


@pytest.mark.parametrize("text,expected,source", RESPONSES, ids=_ids(RESPONSES))
def test_responses_in_times_are_no_items(text, expected, source):
    assert [v for _, v, _ in values_of(text, "publication_count")] == expected


@pytest.mark.parametrize("text,expected,source", PUBLISHED_REPLIES, ids=_ids(PUBLISHED_REPLIES))
def test_published_replies_to_suggestions(text, expected, source):
    assert [v for _, v, _ in values_of(text, "publication_count")] == expected

@pytest.mark.parametrize("text,expected,source", DISCLOSED_COUNT, ids=_ids(DISCLOSED_COUNT))
def test_disclosure_with_its_count_is_published(text, expected, source):
    assert [v for _, v, _ in values_of(text, "publication_count")] == expected


# the verb that governs a count: the last one, a publishing verb joined to it included
GOVERNING = [
    ("全年共审核发布政务信息", "publish"),
    ("清理并集中公开现行有效文件", "publish"),
    ("主动公开和更新了各类信息", "publish"),
    ("“民意征集”栏目发布信息", "publish"),
    ("发布(更新)各类政务信息", "publish"),
    ("发布审查", "act"),
    ("向上级部门上报各类信息", "act"),
    ("累计清理过期信息", "act"),
    ("其中机构职能类信息", None),
    ("其中更新工作动态", "publish"),
    ("党务公开栏目更新", "publish"),
    ("更新组织机构信息", "act"),
    ("厅门户网站新增信息", "publish"),
    ("其中,开展政策解读20次,解读文件", "act"),
    ("及时宣传解读了", "act"),
    ("向省政府办公厅送交主动公开文件", "act"),
    ("发布了103份政策解读文件", "publish"),
    ("市政府门户网站更新规范性文件目录", "act"),
    # a word that is no verb elsewhere publishes the count right after it (before_count)
    ("截至2025年12月,我乡主动公开内容共", "publish"),
    ("2019年度完成政府信息公开", "publish"),
    ("收到依申请公开", None),
    ("收到政府信息公开申请", None),
    ("设置政务公开、国务院信息、工作动态", None),
]


@pytest.mark.parametrize("words,expected", GOVERNING)
def test_governing_verb(words, expected):
    assert governing(words) == expected


# 更新各类(政府)信息N条: the items a channel put out over the year (three reports' readers, rounds 3-4);
# 更新 of named entries stays an update of a register
UPDATED_ALL_KINDS = [
    ("通过中国(河北)自由贸易试验区雄安片区官网更新各类政府信息446条,借助人民网、河北日报等媒体渠道全年发布信息报道120条。",
     [446, 120], "round-3 h202 (dev) xiongan-ftz-2022"),
    ("2021年,东山镇在秀英区政府信息公开平台网站上更新各类信息76条,收到和处理政府信息公开申请0条。", [76],
     "round-4 h301 (dev) xiuying-dongshan-town-2021"),
    ("市政府门户网站全年更新各类政府信息10704条,累计通过政府信息公开专栏主动公开政策性文件、政策解读、工作动态等各类信息3066条。",
     [10704, 3066], "round-4 h308 (dev) langfang-gov-office-2021"),
    # must not: entries of a register updated
    ("2023年更新政府信息23条,具体包括领导信息14条,内设科室信息9条。", [],
     "row 1397 https://www.longyou.gov.cn/art/2024/1/23/art_1229114055_88348.html"),
    ("发布财政及“三公经费”信息3条;更新办事指南31条。", [3],
     "row 546 http://ljwns.net/zfxxgk/zfxxgknb/2018n/gbm/1628950003969982465.html"),
]

# 推出 publishes the interpretations it puts out; episodes of a programme and columns stay out
PUT_OUT = [
    ("2025年共发布“热点回应”事项19个,开展调查征集26次,举办互动访谈11次,推出政策解读16份。", [19, 16],
     "round-4 h304 (dev) guangzhou-panyu-district-2025 (事项19个: PUBLISHED_MATTERS)"),
    # must not
    ("推出20期政策解读访谈节目(“热点面对面”),回应市民关切。", [],
     "row 1324 https://gd.010b.com/policy/detail/73832.html"),
    ("及时回应社会关切,推出20期《问政平潭之有事您说》等相关栏目,直面社会各界群众提出的实际问题。", [],
     "shared corpus 002 (pingtan), a line that is no fact there"),
]

# 专题 (a special-topic column) counted is a container, 专题信息 counted are items
TOPIC_COLUMNS = [
    ("通过滨江发布APP公开7670余条,滨江发布APP开设“治理创新大家谈”“让每一所公办初中都精彩”等专题52个,开展视频及图文直播22场。",
     [7670], "round-4 h303 (dev) hangzhou-binjiang-district-2020"),
    ("局官网紧扣省局重点工作内容,全年公开政府信息1820条,发布政务动态1205条,策划制作三期专题,发布专题信息247条,总阅读量32402。",
     [1820, 1205, 247], "round-4 h302 (dev) gd-zfsj-2024 (must keep 专题信息247条)"),
    ("新增“招投标违规违法线索征集、涉企行政检查公示”2个专题专栏,通过专题解读热点知识、拓宽信息传播维度,专题专栏总量达到14个。", [],
     "row 1509 http://zb.gov.cn/zbxzf/xzfen/202602/d80acbdb2a3348a88ca0c20919d74f40.shtml"),
    # a count of accounts with words between it and its noun (八个官方政务新媒体平台)
    ("全年在保税区政务网站发布各类信息6038条、在“一网一视两微四端”八个官方政务新媒体平台总计发布文章及视频4860条次。",
     [6038, 4860], "round-10 h918 https://www.tjbh.gov.cn/bsq/contents/10832/290861.html"),
    # must not: items counted in 个 stay items
    ("发布图解5个,视频3个。", [5, 3], "constructed"),
]


@pytest.mark.parametrize("text,expected,source", UPDATED_ALL_KINDS + PUT_OUT + TOPIC_COLUMNS,
                         ids=_ids(UPDATED_ALL_KINDS + PUT_OUT + TOPIC_COLUMNS))
def test_updated_all_kinds_put_out_and_topic_columns(text, expected, source):
    assert [v for _, v, _ in values_of(text, "publication_count")] == expected


# 发表 publishes the posts it counts; 发表日期 is a page's date line
POSTED = [
    ("兰州分院官方微博“科兰之声”发表微博156条;官方微信“中国科学院兰州分院”发布信息158期。", [156, 158],
     "round-1 h037 (dev) http://lzb.cas.cn/xxgk/xxgkndbg/202202/t20220223_6371785.html (was a known failure)"),
    ("在上级公众信息平台发表相关新闻和信息47篇(其中:县级32篇,市级6篇,省级及以上9篇);在栗树乡微信公众(大美栗树)公开信息56条,未收到留言。",
     [47, 32, 6, 9, 56], "round-4 h318 (dev) yunxian-lishu-township-2022"),
    # must not
    ("发表日期:2022-05-06 浏览次数:35", [], "a page's date line, as the chrome of collected pages prints it"),
    ("组织干部职工在学习平台发表评论120条。", [], "constructed: 发表评论 are comments, not items"),
]


@pytest.mark.parametrize("text,expected,source", POSTED, ids=_ids(POSTED))
def test_posted_items_are_published(text, expected, source):
    assert [v for _, v, _ in values_of(text, "publication_count")] == expected


# 事项 right under a publishing verb are items published (two rounds' readers); list entries
# (服务事项, 清单) and 事项 without a publishing verb stay things; 听证 before 事项/结果 is no hearing
PUBLISHED_MATTERS = [
    ("2025年共发布“热点回应”事项19个,开展调查征集26次,举办互动访谈11次。", [19],
     "round-4 h304 (dev) guangzhou-panyu-district-2025"),
    ("全县信息公开平台共发布政府信息23138条,其中:通过政府网站发布信息2917条,重要会议41条,开展8期重大行政决策意见征集,"
     "发布听证事项及听证结果50条,办理网民留言304条。", [23138, 2917, 41, 50],
     "round-2 h112 (dev) huize-county-2024 (the 8 consultations and 304 messages stay out)"),
    ("2024年,东风路街道通过大冶市人民政府信息公开网站主动公开规划信息、统计信息、许可服务、处罚强制、财政资金、政府采购、"
     "公益事业建设事项等共计80余条。", [80], "collected.jsonl row 1009: the verb in an earlier clause of the list"),
    # 全清单 under a publishing verb: the disclosure list itself, one document among a website's parts
    ("2022年度主动公开政府信息共747条。通过政府网站公开政府信息共计331条,其中街镇动态268条,政府公告1条,政府信息主动公开全清单1条。",
     [747, 331, 268, 1, 1], "round-13 h1218 (dev) fengtai-donggaodi-jiedao-2022 (the list was missed)"),
    ("主动公开政府信息111 条,其中基层政务公开栏目91条,政府信息公开指南1条,政府信息主动公开全清单1条。", [111, 91, 1, 1],
     "round-9 h807 (dev) wanzhou-dazhou-town-2025"),
    # must not
    ("本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
     "存在的主要问题及改进情况、其他需要报告的事项等6项内容。", [],
     "round-2 h123 (dev): the template's parts, 公开 in a section title"),
    ("通过平台公开行政许可、政务服务事项等共计300项。", [], "constructed: list entries"),
    ("通过黑龙江省政务服务事项管理平台公开政务服务事项33项,行政许可30项。", [],
     "collected.jsonl: list entries of the service platform (OUTPUT.md 服务事项)"),
    ("梳理并发布一批高频政务服务事项清单。", [], "collected.jsonl row (市公安局): a list, no count"),
    ("2023年,共受理依申请公开事项0项。", [], "collected.jsonl: applications"),
    ("香蜜湖街道全年共核收依申请公开事项6个,较去年数据增长1个。", [], "collected.jsonl: applications"),
    ("举行价格听证2次,公开权责清单事项120项。", [], "constructed: hearings held, list entries"),
    ("在网站公开权责清单3000项。", [], "constructed: the entries of a list (no 全清单)"),
    # the power list's entries (权力事项) and the guides that go with them, published on the service network
    ("主动在张家港市政府门户网站公开部门文件219件;“江苏政务服务网公示权力事项40项、办事指南52项;张家港教育发布信息700余条,"
     "获评苏州市教育系统政务微信公众号一等奖", [219, 700],
     "round-22 h2106 (dev) zhangjiagang-jyj-2021-spam (40 and 52 were website facts)"),
]


@pytest.mark.parametrize("text,expected,source", PUBLISHED_MATTERS, ids=_ids(PUBLISHED_MATTERS))
def test_published_matters_are_items(text, expected, source):
    assert [v for _, v, _ in values_of(text, "publication_count")] == expected


# counts in 期 of surveys and consultations are rounds held; a part that the report's own
# arithmetic confirms stays a part (the items of a 征集调查 column); a measure (更新量) stays out
SURVEY_ROUNDS = [
    ("开设市长信箱、调查征集、留言办理等栏目。开展征集调查并公布调查结果8期,收到网民留言16条,均已及时回复办结。", [],
     "round-4 h312 (dev) miluo-city-2024 (gold other_numbers: survey rounds)"),
    ("在县政府网站累计公开各类政府信息共计2698条,其中:工作动态1201条、通知公告251条、政策解读44条、人事信息45条、征集调查16期、"
     "其他类信息1141条。", [2698, 1201, 251, 44, 45, 16, 1141],
     "round-2 h113 (dev) pingli-county-2024 (1201+251+44+45+16+1141 = 2698)"),
    # must not
    ("代表建议及答复107件、政协提案和答复149件,开展在线访谈12次、网上民意征集29期,回应信息130余条。", [],
     "collected.jsonl: consultation rounds"),
    ("全县信息公开平台共发布政府信息23138条,其中:通过政府网站发布信息2917条,开展8期重大行政决策意见征集。", [23138, 2917],
     "round-2 h112 (dev) huize-county-2024 (gold notes: consultations)"),
    ("截至2022年12月31日,在我局网站已主动公开发布信息2006条,其中:概况类信息更新量1条,政务动态信息更新量1939条,"
     "“政府信息公开”更新量66条。", [2006],
     "shared gold 156 yulin-gx-zrzyj-2022: updates measured, though 1+1939+66 = 2006"),
    ("发布信息50条,其中:工作动态20条、征集调查10期。", [50, 20],
     "constructed: 20+10 is not 50, so 征集调查10期 is not confirmed as a part"),
]


@pytest.mark.parametrize("text,expected,source", SURVEY_ROUNDS, ids=_ids(SURVEY_ROUNDS))
def test_survey_rounds_and_confirmed_parts(text, expected, source):
    assert [v for _, v, _ in values_of(text, "publication_count")] == expected


# an account that sends or posts (发送, 发文 right after the channel's name) publishes what it counts;
# the items after a count of sends take that clause's channel
SENT_AND_POSTED = [
    ("校务公开29条。通过“石嘴山市大武口区教育体育局”官方微信号发送信息380余条。", [("wechat", 380)],
     "round-1 h017 (dev) dawukou-jiaotiju"),
    ("编制《廊坊市人民政府公报》4期,“廊坊政务”新浪微博发文2900余条,微信公众号发送文章360余次、2500余篇。",
     [("weibo", 2900), ("wechat", 2500)], "round-4 h308 (dev) langfang-gov-office-2021 (公报4期 after 编制 is left out: its readers count it, round-6 h512's do not count 编制印发《兴庆区人民政府公报》4期共800本; 编制 is no periodical verb)"),
    ("2022年度,通过司法局门户网站工作动态栏目平台公开发文46条,微信公众号推送动态信息387条。", [("website", 46), ("wechat", 387)],
     "round-1 h021 (dev) suiyang-sifaju-2022: 发文 as posts"),
    # must not
    ("发文字号: | 发文时间:2022-01-25 |", [], "collected pages' chrome"),
    ("共制发公文类政府信息64件,印发文件12件。", [], "collected.jsonl (琼海): documents issued"),
    ("向群众发送短信3200条,提醒办理业务。", [], "constructed: text messages, no account"),
]


@pytest.mark.parametrize("text,expected,source", SENT_AND_POSTED, ids=_ids(SENT_AND_POSTED))
def test_accounts_that_send_and_post(text, expected, source):
    assert [(c, v) for c, v, _ in values_of(text, "publication_count")] == expected


# a count that tallies what the clauses before it published (…,共计24条信息)
TALLIES = [
    ("在厅网站“统计数据”专栏,公示全省交通固定资产投资完成情况、客货运输量统计数据,共计24条信息。", [("website", 24)],
     "round-1 h029 (dev) shanxi-jiaotong"),
    ("通过区政府门户网站公开镇财政信息,1条。", [("website", 1)], "row 179 (collected.jsonl): the same shape without a tally word"),
    # must not
    ("在网站公开办事指南,共计120条。", [], "constructed: entries of a guide (办事)"),
    ("依法公开政府信息,受理申请,共计5件。", [], "constructed: the tally follows an application clause"),
    ("主动公开政府信息120条,共计办理申请3件。", [("total", 120)], "constructed: a tally with its own verb"),
]


@pytest.mark.parametrize("text,expected,source", TALLIES, ids=_ids(TALLIES))
def test_tally_after_publishing_statement(text, expected, source):
    assert [(c, v) for c, v, _ in values_of(text, "publication_count")] == expected


# a count of interpretations (X解读 in 条/篇/份) is of the pieces put out, with or without a verb
INTERPRETATIONS = [
    ("召开新闻发布会3次、接受电视采访2次、数字图文解读21条、微信公众号编发信息400余条,及时宣传解读了30余件最新人力资源社会保障政策。",
     [("total", 21), ("wechat", 400)], "round-1 h025 (dev) jining-rsj-2020 (the 30余件 interpreted stay out)"),
    ("所有政策文件均配发解读材料,其中文字解读62篇,图文解读49篇,动漫、媒体、专家、主要负责人等多种形式的解读58篇。",
     [("total", 62), ("total", 49), ("total", 58)], "collected.jsonl row 1447"),
    # must not
    ("2021年,我厅网站共发布政府信息35012条(次)。其中,开展政策解读20次,解读文件20次。", [("website", 35012), ("website", 20)],
     "round-1 h029 (dev) shanxi-jiaotong: the gold keeps the 20 once; 解读文件20次 stays an act"),
    ("政策解读率100%,召开政策解读会3场。", [], "constructed: a rate and meetings"),
    # posts (推文) are items by their noun, also where the word is the verb (共推文1570篇)
    ("借助政务新媒体平台,围绕重点主题宣传做好权威发布。长春e健康官方微信平台共推文1570篇,总点击量达到66万次。", [("wechat", 1570)],
     "round-15 h1411 (dev) changchun-wjw-2024 (missed at its first look; the clicks stay out)"),
    ("通过“路桥人力社保”微信公众号平台,发布职业技能相关推文30篇,就业创业推文46篇,劳动者权益保障推文22篇。",
     [("wechat", 30), ("wechat", 46), ("wechat", 22)], "shared gold 160 luqiao-hrss"),
    # must not: reading a post is no post
    ("推文总阅读量96.6万次。", [], "constructed on round-4 h302"),
]


@pytest.mark.parametrize("text,expected,source", INTERPRETATIONS, ids=_ids(INTERPRETATIONS))
def test_interpretations_counted_by_their_noun(text, expected, source):
    assert [(c, v) for c, v, _ in values_of(text, "publication_count")] == expected


# media that broadcast or carry news (播发, 刊播) publish it; national outlets named by name are other
BROADCAST = [
    ("组织记者集中采访10余次,中央及地方主要媒体播发相关新闻100余条。", [("other", 100)], "round-2 h130 (dev) cas-cib"),
    ("市本级在各类媒体上刊发报道700余篇,并受到中央、省、市等主流媒体的关注和推送,央视新闻频道刊播3条,新华社2篇,浙江新闻联播10篇。",
     [("other", 700), ("other", 3), ("other", 2), ("other", 10)],
     "row 652 https://www.qz.gov.cn/art/2025/1/14/art_1229038343_5444000.html (was a known failure)"),
    # must not: a website's own news channel stays website; interviews stay out
    ("在门户网站新闻频道发布信息120条。", [("website", 120)], "constructed: a website's column"),
    ("接受央视采访2次。", [], "constructed: interviews"),
]


@pytest.mark.parametrize("text,expected,source", BROADCAST, ids=_ids(BROADCAST))
def test_media_broadcasts(text, expected, source):
    assert [(c, v) for c, v, _ in values_of(text, "publication_count")] == expected


# an ASCII ? between Chinese characters or digits is a lost character, no sentence end
LOST_CHARACTERS = [
    ("全年通过政府信息公开网站主动发布信息共?1340条?,通过“泾县教育体育局”微信公众号发布(转发)信息?764篇?。"
     "制作或转载政策解读材料?5份?,完成互动回应?3条?。", [("website", 1340), ("wechat", 764), ("total", 5)],
     "round-2 h119 (dev) jingxian-jtj-2025 (simplified here; the page is traditional)"),
    # must not: a question stays a question
    ("是否收费? 否。主动公开信息20条。", [("total", 20)], "constructed: an ASCII question mark before a space"),
]


@pytest.mark.parametrize("text,expected,source", LOST_CHARACTERS, ids=_ids(LOST_CHARACTERS))
def test_lost_characters_beside_counts(text, expected, source):
    assert [(c, v) for c, v, _ in values_of(text, "publication_count")] == expected


# a change against another year is no count of items published
CHANGES = [
    ("2019年我乡主动公开政府信息共367条,其中:政策文件信息134条,工作动态信息92条,财政信息2条,服务84条,其他信息55条。"
     "整体情况比2018年增加58条,其中政策文件相比2018年上涨了116%。", [367, 134, 92, 2, 84, 55], "row 714 (collected.jsonl)"),
    ("全年主动公开政府信息300条,较上年增加20条。", [300], "constructed on row 714's shape, right after the total"),
    ("全年主动公开政府信息300条,同比减少15条。", [300], "constructed (同比)"),
    # must keep: a count that is no change
    ("全年主动公开政府信息300条,较上年增加发布政策解读20条。", [300, 20], "constructed: a count of its own after the change word"),
]


@pytest.mark.parametrize("text,expected,source", CHANGES, ids=_ids(CHANGES))
def test_changes_are_no_counts(text, expected, source):
    assert [v for _, v, _ in values_of(text, "publication_count")] == expected


# 梳理 (sorting out existing documents) is another act than publishing: it governs a count it
# stands last before, also a part of a column's total; joined to a publishing verb it publishes
SORTED_OUT = [
    ("2024年度政府信息公开栏目共计发布信息376条,其中“政府文件”栏目公开区级文件信息23条,“规范性文件及解读”栏目发布政策解读7条,"
     "分年度梳理汇总现行有效规范性文件74条,公开力度纵深推进。", [376, 23, 7], "round-5 h425 lianyungang-etdz-2024"),
    ("全年共梳理归档各类信息729条。", [], "round-1 h024 shifudonglu-jiedao-2025 (readers: other_numbers)"),
    # must keep: 梳理 joined to a publishing verb
    ("清理并集中公开现行有效文件12件,梳理并公开现行有效规范性文件74条。", [12, 74], "constructed on the verbs.py doctest's shape"),
]


@pytest.mark.parametrize("text,expected,source", SORTED_OUT, ids=_ids(SORTED_OUT))
def test_sorting_out_is_no_publishing(text, expected, source):
    assert [v for _, v, _ in values_of(text, "publication_count")] == expected


# a count in 期 right before a count of items (54期97条, 12期、27条) counts issues or pushes, the items
# are the second count (as 次 before 条: 累计发布247次457条); the items take the first count's channel
ISSUES_THEN_ITEMS = [
    ("“学习强国”公开发布2条,“庆阳外事”微信订阅号发布信息54期97条。", [("other", 2), ("wechat", 97)],
     "row 1357 (学习强国 is outside media, other, as round-3 h201 and h213's readers read it) https://zgqingyang.gov.cn/gk/zfxxgk/xxgkndbg/2020n/szfzcbm3/content_175761"),
    ("公开栏专题公开56次,通过LED宣传信息12期、27条,通过标语横幅公布信息16次;", [("other", 56), ("other", 27), ("other", 16)],
     "round-5 h413 wanyuan-miaozi-township-2019"),
    # must keep: issues of a bulletin with no count of items right after (r5 h409, readers: bulletin 3)
    ("旗人民政府公报共发行公示3期,公示发布领导讲话9条、政府文件52条。", [("bulletin", 3), ("bulletin", 9), ("bulletin", 52)],
     "round-5 h409 zhenglanqi-2021"),
]


@pytest.mark.parametrize("text,expected,source", ISSUES_THEN_ITEMS, ids=_ids(ISSUES_THEN_ITEMS))
def test_issues_then_items(text, expected, source):
    assert [(c, v) for c, v, _ in values_of(text, "publication_count")] == expected


# 依法公开 ("published according to law") is a publishing verb; the decisions on applications
# (予以公开, 部分公开, 不予公开) are not
BY_LAW = [
    ("(一)主动公开。依法公开市政府规章1部,市政府和市政府办公室文件156件,其中规范性文件20件,发布市政府公报8期。",
     [("total", 1), ("total", 156), ("total", 20), ("bulletin", 8)],
     "collected.jsonl row 1448, https://www.weihai.gov.cn:8443/module/xxgk/xxgkAnnualReport.jsp?area=11371000004359010J&fbtime=2022"),
    ("四是推动行政执法信息公开。在县政府门户网站集中向社会依法公开行政执法主体、人员、依据、程序、事项清单、监督途径和处罚结果等信息66条。",
     [("website", 66)], "round-10 h907, http://dayao.gov.cn/info/egovinfo/1007/overt_centent/115323260151757350-/2022-0302002.htm"),
    # must not: decisions on applications
    ("其中,予以公开2件,部分公开2件,不予公开1件,无法提供10件。", [], "round-1 style reply categories (constructed)"),
]



# a count under a rate (每周, 每月 …) is a frequency or a standard, not the year's items
RATES = [
    ("组织全州各级政务公开平台建设单位每周至少集中转载1次国家和省事关全州发展的重大政策信息。", [],
     "round-10 h901, https://www.qiannan.gov.cn/zwgkztym/zrmzfbgs_085412/zfxxgk_06874/zfxxgknb_06879/2023n"),
    ("每周在江门市政府的英文版网站发布3篇翻译简讯。", [], "row 1316 http://sd-xs.com/home/tzgg/content/post_2548516.html"),
    # must not: a rate in another clause leaves the year's count alone
    ("全年发布信息200条,每月更新。", [("total", 200)], "constructed"),
    # must not: a rate word inside a title is the title's (《新华每日电讯》)
    ("全年在《新华每日电讯》《人民日报》《辽宁日报》等各媒体宣传退役军人事务工作311篇,其中,中央级媒体刊发203篇、省级媒体刊发108篇;",
     [("other", 311), ("other", 203), ("other", 108)], "round-18 h1707 (dev) liaoning-veterans-2020 (all three lost at its first look)"),
]



# items submitted to a channel the body names (向…网站报送) are that channel's; where the sentence
# counts what the channel adopted, those are; a submission to a body names no channel and stays out
SUBMITTED_TO_A_CHANNEL = [
    ("2020年度向政府门户网站报送动态信息128条,向社会全面公开了2019年度部门财政决算信息及2020年财政综合预算信息。",
     [("website", 128)], "round-4 h320 http://www.xichong.gov.cn/zwgk/zfxxgknbnew/xz/yxz/202101/t20210128_1211943.html"),
    ("2025年,累计向市政府网站报送政务信息18条,通过镇官方微信公众号、短视频平台、村级公示栏等载体发布政策解读、惠民举措等民生类信息60余条。",
     [("website", 18), ("total", 60)], "round-7 h604 https://www.bp.gov.cn/html/BPSZF/202601/0176846404516720.html"),
    ("街道2020年向区委、区政府网站报送信息73篇。", [("website", 73)],
     "round-9 h808 http://www.sydd.gov.cn/zwgk/zfxxgknb/2020/jdbsczfxxgkgzndbg/202208/t20220808_3813910.html"),
    ("共上报河南省政府网站信息1947条,采用1900条,采用率97.6%。", [("website", 1900)],
     "round-6 h510 http://www.zhoukou.gov.cn/sitesources/zksrmzf/page_pc/zwgk/gkznhml/zfxxgknb/2020n/szf/articleA7403B21A6CE4D6C9002DB9926C0BDC5.html"),
    # must not: submissions to a body, or with no destination
    ("及时向上级报送工作动态信息共79条。", [], "shared gold 118 (gongjijin), other_numbers"),
    ("日常报送惠企政策 83 条。", [], "shared gold 008 (shanghai-stcsm), other_numbers"),
    ("向市委宣传部报送信息20条,在市政府网站发布信息30条。", [("website", 30)], "constructed"),
    # adopted by a channel the clause names (被X采用), before or after the count: the adopter's
    ("2022年1月1日起至2022年12月31日,区文旅局全年主动公开并被区政府网站采用46条。", [("website", 46)],
     "round-14 h1315 (dev) wuhan-qingshan-culture-tourism-2022 (missed at its first look)"),
    ("大众网、海报新闻平台发布稿件92篇,7件作品被学习强国平台采用。",
     [("other", 92), ("other", 7)], "round-3 h201 (dev) lixia-wendong-jiedao-2025 (学习强国: outside media)"),
    # must not: adopted by no named channel
    ("全年报送信息120条,被采用35条。", [], "constructed"),
]



# 征集 before 信息/公告/稿 names a kind of item (consultation notices), not the act of consulting
CONSULTATION_NOTICES = [
    ("公开区级政策文件22件,常务会议信息26条,对于企业群众密切相关的重大政策措施发布意见征集信息18条,公开草案及解读14件。",
     [("total", 22), ("total", 26), ("total", 18), ("total", 14)], "round-7 h605 chongqing-gxq-office-2024"),
    ("2021年,我署共公开信息121条,其中,通知公告信息8条,民意征集信息3条,常见问题信息12条。",
     [("total", 121), ("total", 8), ("total", 3), ("total", 12)],
     "row 395 https://www.szft.gov.cn/bmxx/qczj/xxgknb/content/post_9529455.html"),
    # must not: consultations held, opinions gathered
    ("开展意见征集18次。", [], "constructed"),
    ("征集意见建议30条。", [], "constructed"),
]



# copies of outreach material handed out, posted or hung are no items published; a publishing
# verb after them still publishes
OUTREACH_MATERIAL = [
    ("深入辖区企业及社区群众开展走访服务,共张贴宣传海报200余份,发放各类政策宣传手册、宣传单页及口袋书8000余份,悬挂宣传标语12条。", [],
     "round-13 h1217 gaogang-yanjiang-jiedao-2025"),
    ("印制政策宣传手册51.6万册,张贴海报50万份。", [], "round-2 h138 chongqing (its gold: printed copies and posters, no facts)"),
    # must not
    ("通过电子显示屏、广播、各村(居)政务公开栏和印发宣传卡、宣传册、宣传画等纸质资料及时公开与人民群众广泛关注的政府信息411条。",
     [("other", 411)], "round-11 h1002 qijiang-yongcheng-town-2023"),
    ("通过标语横幅公布信息16次。", [("other", 16)], "round-5 h413 wanyuan-miaozi-township-2019"),
]


# the tables of the evening of 2026-12-07: each a mechanism shown by real report sentences
PUBLISHED_OR_NOT = BY_LAW + RATES + SUBMITTED_TO_A_CHANNEL + CONSULTATION_NOTICES + OUTREACH_MATERIAL


@pytest.mark.parametrize("text,expected,source", PUBLISHED_OR_NOT, ids=_ids(PUBLISHED_OR_NOT))
def test_published_or_not_on_real_sentences(text, expected, source):
    assert [(c, v) for c, v, _ in values_of(text, "publication_count")] == expected
