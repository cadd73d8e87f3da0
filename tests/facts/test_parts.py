"""A total and its parts, wherever the report states them (nlp/facts/parts.py; issue 13,
"a total's parts not taken when the breakdown is not opened by 其中").

Sentences of collected reports outside the gold (data/labelled/collected.jsonl, row and
page URL beside each); every row also holds counts that must not be taken.
"""
import pytest

from tests.facts.helpers import values_of

W, T = "website", "total"

# (text, expected publication counts as (channel, value), source)
COLON = [
    ("全年主动公开政府信息总数171条:基层政务公开领域信息124条,工作动态34条,预算决算4条,应急预案3条,政策文件2条,其他政府信息4条。",
     [(T, 171), (T, 124), (T, 34), (T, 4), (T, 3), (T, 2), (T, 4)],
     "row 875 http://www.cqsdj.gov.cn/bmjz/jz/ytz_73563/zwgk_73567/zfxxgknb_73584/202301/t20230118_11520599_wap.html"),
    ("我局2023年度主动在三亚市海棠区人民政府网站本单位信息专栏公开信息数共7条:其中部门文件4条,财政信息2条,信息公开年度报告1条。",
     [(W, 7), (W, 4), (W, 2), (W, 1)],
     "row 291 https://ht.sanya.gov.cn/htqrsjsite/xxgknb/202401/e4273d9d76084c6093d6ef8555b04121.shtml"),
]

UNSTATED_OR_NEXT_SENTENCE = [
    # 在…中 opens a breakdown without its total: the parts of a total nobody states
    ("在主动公开的信息中,机构职能类信息9条,占总体的比例为3.83%;规划计划类信息4条,占总体的比例为1.70%;"
     "行政职责类信息25条,占总体的比例为10.64%;业务动态类信息197条,占总体的比例为83.84%。",
     [(T, 9), (T, 4), (T, 25), (T, 197)],
     "row 1904 https://www.bjxch.gov.cn/zt/xxgkzl/gknbxqx/pnidpv842784.html"),
    ("在主动公开的信息中,政策规范性文件类信息220条;规划计划类信息14条;业务类信息9条;其他类信息67条。",
     [(T, 220), (T, 14), (T, 9), (T, 67)],
     "row 1729 http://www.yw.gov.cn/art/2010/3/29/art_1229134136_1318423.html"),
    # … also at the head of a sentence without 在 (a paragraph of its own after the total's)
    ("2025年全镇主动公开信息共200余条,依托多渠道实现信息精准推送:\n\n分类公开信息中,乡村振兴领域60余条(含产业扶持、人居环境整治等),"
     "民生保障领域80余条(含教育补贴、医疗报销、社保办理指南等),重大项目建设领域10余条(含道路修缮、水利设施改造等)。",
     [(T, 200), (T, 60), (T, 80), (T, 10)], "round-5 h407 jishishan-yinchuan-town-2025"),
    # must not: a count in 项 before a noun counts kinds, with or without 在
    ("主动公开的政府信息中,政务动态和村务公开两项群众最关心的内容所占比例最大,分别占总数的28%和20%。", [],
     "row 1756 (collected.jsonl)"),
    ("在主动公开的政府信息中,政务动态和村务公开两项群众最关心的内容所占比例最大,分别占总数的28%和20%。", [],
     "row 1756 with 在 (was a false 2)"),
    # … or breaks down the total of the sentence before, with its channel
    ("2023年,我局认真梳理,主动在门户网站公开政府信息50条。全年政务信息公开工作运行正常。在主动公开的信息中,"
     "政策法规类的信息4条,业务工作类的信息10条,信息公开30条,统计数据信息6条。",
     [(W, 50), (W, 4), (W, 10), (W, 30), (W, 6)],
     "row 1473 http://61.150.65.235/zfxxgk/zfxxgknb/bmxxgknb/1906985018193408001.html"),
    ("2016年度共主动公开政府信息25条,在主动公开的信息中,工作动态信息5条,财政预决算信息19条,他其信息报告1条。",
     [(T, 25), (T, 5), (T, 19), (T, 1)],
     "row 2096 http://www.sgwjq.gov.cn/zwgk/zfxxgkndbg/content/post_222204.html"),
    # 从…看 / 按…分 opening the next sentence
    ("2010年,我单位共主动公开政府信息23条。从内容分类看,机构职能5条,业务工作18条。",
     [(T, 23), (T, 5), (T, 18)],
     "row 1724 http://www.rongcheng.gov.cn/art/2011/2/16/art_56373_2335846.html"),
    ("2013年,我局主动公开政府信息共41条。按信息公开类别分,部门动态类信息40条,规范性文件1条。"
     "从信息公开的形式来看,在区政府信息公开网上公布41条。",
     [(T, 41), (T, 40), (T, 1), (W, 41)],
     "row 1840 http://www.yuan.gov.cn/public/6596821/15818171.html"),
    ("2008年,管理區共主動公開政府信息345條。從內容分類看,機構職能5條,政策法規36條,規劃計劃2條,業務工作168條,統計數據1條,其他信息133條。",
     [(T, 345), (T, 5), (T, 36), (T, 2), (T, 168), (T, 1), (T, 133)],
     "row 1638 http://www.jkzhuan.cn/art/2009/1/28/art_56373_2334640.html"),
]

LISTS_OVER_SENTENCES = [
    # a list heading with a colon opens a breakdown that goes on to the paragraph's end; the next
    # paragraph is no part of it (10批次: batches of plans, left open: see the first-look notes)
    ("2020年,通過(guò)湖南省交通運輸廳門(mén)戶(hù)網(wǎng)站發(fā)布信息8533條。主要公開(kāi)內容:政策法規類(lèi)文件,"
     "包含部省文件、規范性文件和通知公告159件。解讀信息17條,其中政務(wù)圖解3條。向社會(huì )公開(kāi)交通投資計劃10批次,"
     "含高速公路、國省干線(xiàn)、農村公路、小型應急交通扶貧、災毀恢復、大中修計劃等專(zhuān)項建設資金項目。"
     "發(fā)布交通統計數據77條,含交通固定資產(chǎn)投資、公路水路旅客貨物運輸量、港口貨物旅客吞吐量和高速公路交通量。"
     "公開(kāi)部門(mén)財政預算、決算和政府采購信息130條。發(fā)布交通建設項目招標中標信息323條。\n\n"
     "  2020年,省交通運輸廳通過(guò)官方微信發(fā)布政府信息1100條。",
     [(W, 8533), (W, 159), (W, 17), (W, 3), (W, 77), (W, 130), (W, 323), ("wechat", 1100)],
     "first-look h030 http://m.cdzy-dcgs.com/hnszf/xxgk/zfxxgknb/szbm_97944/202102/t20210201_14337806.html"),
    ("從公開內容看:1、工作動態類信息160條。2、惠民事項信息87條。3、審批執法類信息14條。4、文件類信息18條。5、預算信息1條。",
     [(T, 160), (T, 87), (T, 14), (T, 18), (T, 1)],
     "row 1791 http://jwin-mould.com/mdjsrmzf/c105143/201503/c03_172392.shtml"),
    # the parts add up to the last part of the sentence before (1 + 5 + 2 = 8): they break it down …
    ("2021年,我局主动公开政府信息47条,历年累计主动公开政府信息370条,其中通过政府门户网站政府信息公开专栏公开政府文件8条。"
     "主要类别及数量为:规划计划类信息1条;安全生产、应急管理类信息5条;其他类信息2条。",
     [(T, 47), (T, 370), (W, 8), (W, 1), (W, 5), (W, 2)],
     "first-look h020 http://www.luoyuan.gov.cn/xjwz/zwgk/zfxxgk/dfbmptlj/xrmzfgzbmhgljg/aqscjdglj/zfxxgknb/202201/t20220124_4297134.htm"),
    # … must not: they add up to the total (40 + 1 = 41), and the list is no longer than its paragraph
    ("2013年,我局主动公开政府信息共41条。按信息公开类别分,部门动态类信息40条,规范性文件1条。", [(T, 41), (T, 40), (T, 1)],
     "row 1840 http://www.yuan.gov.cn/public/6596821/15818171.html"),
]

BRACKETS = [
    ("2025年,中和镇通过政府门户主动公开动态信息161条(其中链接114条、文字信息47条),领导信息13条,重大民生信息16条。",
     [(W, 161), (W, 114), (W, 47), (W, 13), (W, 16)],
     "row 897 http://www.cqkz.gov.cn/qzfjz_238/hfjdbsc_81705/zwgk_73112/zfxxgknb_73130/202601/t20260126_15354558.html"),
    # a bracket with its own channels, then the topics of the whole total; followers' reads are no facts
    ("2023年,我局依托盟行署门户网站、微信公众号等主动公开信息共311条(其中:政府网站6条,微信公众号305条),其中工作动态86条,"
     "政策解读53条,公告通知26条,财政预决算信息2条,政协提案办理结果3条,其他信息141条。",
     [(T, 311), (W, 6), ("wechat", 305), (T, 86), (T, 53), (T, 26), (T, 2), (T, 3), (T, 141)],
     "row 287 https://xam.gov.cn/xam/2024-01/23/article_2024051604314968001.html"),
    # 含 breaks a part down in turn
    ("2023年度,我街道主动公开政府信息68条,其中组织机构类信息4条(含机构信息1条,内设机构1条,领导机构1条,机构职能1条)。",
     [(T, 68), (T, 4), (T, 1), (T, 1), (T, 1), (T, 1)],
     "row 412 http://yungang.gov.cn/ygqrmzfz/hsjxxgknb/202402/2ff7baa9ccfa49e48c34ac8c3370d808.shtml"),
    ("2021年,台山市人民政府办公室在政府信息公开目录系统(//www.joymasonry.com/gkmlpt/index)主动公开政府信息229条,"
     "含政府规章文件类信息50条,工作动态、财政信息等信息179条。",
     [(W, 229), (W, 50), (W, 179)],
     "row 1308 https://joymasonry.com/tssrmzf/zwgk/zfxxgkzl/xxgkgzndbg/content/post_2520371.html"),
    # a bracket right after a count that opens with a kind and its count, no marker: its parts, with its channel
    ("通过海南省地震局政府网站主动公开各类信息578条,其中工作动态信息292条(省局动态197条、市县动态95条)、政策法规及解读8条。",
     [(W, 578), (W, 292), (W, 197), (W, 95), (W, 8)], "round-1 h045 hainan-dzj-2024"),
    ("截止到12月底,在局门户网站更新新闻动态89条(工作动态55条,上级动态34条),政务公开27条(人事信息3条,财政信息20条,规划计划4条),文件通知7条。",
     [(W, 89), (W, 55), (W, 34), (W, 27), (W, 3), (W, 20), (W, 4), (W, 7)], "round-3 h219 huaihua-lyj-2025 (channel words shortened)"),
    ("2013年,我镇主动公开政府信息共455条(规范性文件84条,计划规划20条,业务公开累计296条,其他政府信息55条)。",
     [(T, 455), (T, 84), (T, 20), (T, 296), (T, 55)], "row 1800 http://jindazhongye.com/XxgkAnnualReport/show/1705"),
    ("通过《银川市人民政府公报》、政府网站和政务新媒体以及各类新闻、报纸、广播及宣传栏、电子屏、查询机等媒介,主动公开政府信息20余万条,"
     "其中,银川市政府门户网站发布信息16642条(概况类194条、政务动态5749条、信息公开目录10699条)。",
     [(W, 16642), (W, 194), (W, 5749), (W, 10699)], "round-6 h508 yinchuan-city-office-2022 (was total for the three; 20余万条 is not read yet)"),
    # must not: the same shape after a count of lawsuits
    ("涉信息公开行政诉讼案件2件(审结2件、0件在审),胜诉率50%;行政复议案件2件,被维持2件。", [],
     "row 1021 http://www.zs.gov.cn/gkz/ghtj/zfgzbg/content/post_"),
]

WITHOUT_A_UNIT = [
    ("2020年主动公开信息总数458条,其中政府网站公开政府信息数238条,政务微信公开政府信息数170,其他方式公开政府信息数49条,规范性文件数1条。",
     [(T, 458), (W, 238), ("wechat", 170), ("other", 49), (T, 1)],
     "row 646 http://www.yw.gov.cn/art/2021/1/12/art_1229134028_3787891.html"),
    ("截至202312月31日,镇政府信息公开全年累计主动公开政府信息72,其中工作动态58条,政策法规14条",
     [(T, 72), (T, 58), (T, 14)],
     "row 991 https://www.gzcsx.gov.cn/xzjdbsc/gsz_5754622/zfxxgk_5754577/zfxxgknb_5754585/202401/t20240110_83515235.html"),
    ("工程招投标领域专栏发布信息13条;征地拆迁专栏发布信息13;民生工程领域发布4条;工作动态信息发布20条",
     [(W, 13), (W, 13), (T, 4), (T, 20)],
     "row 1052 http://jkh.gov.cn/jkhq/nb2022bm/202301/c21613ff2d9c4920ac15a0496c60aea1.shtml"),
    # a count glued to the next word after the items' noun: the page lost its unit and separator
    ("二是旗蒙文网站方面,年内发布各类信息854条,其中新闻类信息520旗内文件55政策解读60牧民之友元上都文化资源等具有蒙元文化特色栏目更新类信息219、微信平台同步发布信息812条。",
     [(W, 854), (W, 520), (W, 55), (W, 60), (W, 219), ("wechat", 812)], "round-5 h409 zhenglanqi-2021"),
    ("县政府门户网站主动公开政府信息2252条、政务新媒体发布信息39936甘肃政务服务网发布信息139条。",
     [(W, 2252), ("new_media", 39936), (W, 139)], "round-1 h013 sunan-county-2023"),
    ("2020年,周口市各级、各部门通过政府网站、政务新媒体等渠道共公开各级各类政府信息39586条。其中,概况类信息661条,政务动态信息34573条,"
     "政策解读类信息780信息公开目录更新2234条次。", [(T, 39586), (T, 661), (T, 34573), (T, 780)], "round-6 h510 zhoukou-city-2020"),
    # must not: a number before a unit the rules do not know, in counts of applications and of land cases
    ("(二)依申请公开情况。2025年我镇共收到申请公开政府信息5宗,上年结转政府信息公开申请1宗。", [],
     "row 1014 http://www.lufengshi.gov.cn/swlufeng/zwgk/zfxxgkndbg/content"),
    ("通过区政府网站主动公开农用地转用项目9宗,主动公开临时用地批复文件4宗。", [],
     "row 1057 https://ghzrzyj.cq.gov.cn/zz/jbq/zwgk/zfxxgknb/202301/"),
]

INTERRUPTED = [
    # 其中 breaks down the rate, then the parts; 100% is no count of items
    ("福保街道2020年在政府门户网站主动公开信息659条,其中全文电子化率达100%,其中机构职能类信息11条,占总体的比例为1.7%;"
     "执法监督信息15条,占总体的比例为2.3%;民意征集类4条,占总体的比例为0.6%;其他信息617条,占总体的比例为93.6%。",
     [(W, 659), (W, 11), (W, 15), (W, 4), (W, 617)],
     "row 761 https://www.szft.gov.cn/bmxx/fbb/zwxxgk/xxgknb/content/post_8470278.html"),
    # the breakdown ends where the messages received begin: replies are no publications
    ("通过政府网站主动公开信息6154条,其中政策解读242条(含图文、问答等多元形式),网站总访问量414.7万人次,日最高访问量2.96万人次;"
     "受理网民留言111条,公开答复41条、电话答复70条,办结率100%,切实回应社会关切。",
     [(W, 6154), (W, 242)],
     "row 1513 https://www.lxs.gov.cn/lxs/zwgk/xxgkndbg/2025/szfgbm/art/2026/art_ba75d0b327444432a66193ca56b2a7ad.html"),
    # the parts add up to the total (194 + 4 + 2 + 2); the meetings after ； are no parts
    ("全年在网站和微信平台公布信息202条,其中网站公布194条,微信公众号公布4条,人大代表建议2条,政协提案2条;新闻发布会2次,向社会开放会议2次。",
     [(T, 202), (W, 194), ("wechat", 4), (T, 2), (T, 2)],
     "row 131 https://www.trs.gov.cn/zwgk/zfxxgkzl/zfxxgknb/2020n/202101/t20210130_66621740.html"),
    # a clause of another matter without a count ends the breakdown: reviews and lawsuits after it are no parts
    ("通过微信公众号“魅力东留春”发布公开信息85条,主要包括政府疫情防控、民政扶持、环境保护、日常工作部署等各方面工作;"
     "无单位或个人申请政府信息公开,行政复议0条,行政诉讼0条。", [("wechat", 85)],
     "round-14 h1305 (dev) dingzhou-dongliuchun-township-2020 (two wechat 0s at its first look)"),
    ("2025年,本镇主动公开政府信息21条。其中,镇街动态13条,镇街公告8条,公开部门文件0件,答复行政复议、行政诉讼0件。",
     [(T, 21), (T, 13), (T, 8), (T, 0)], "round-4 h305 (dev) jiangyan-zhangdian-town-2025 (the replies' 0 was a part)"),
    # must not: a clause without a count that names no other matter leaves the breakdown open
    ("通过门户网站发布信息100条,其中政策文件20条,涉及教育、医疗等领域,工作动态80条。", [(W, 100), (W, 20), (W, 80)],
     "constructed on h1305's shape"),
]



NOT_PARTS = [
    # a breakdown of applications received is no breakdown of publications
    ("2023年受理政府信息公开申请51件,其中,申请信息可以公开的6件,申请信息依法不属于本机关公开的45件。", [], "shared gold 172_jiangmen-zjj-2023 (development)"),
    ("全州共计受理办理政府信息公开申请354件。其中,2023年新收政府信息公开申请354件,结转上年政府信息公开申请0件,办理完成353件。",
     [], "row 15 https://brianwinch.com/zwgk/zfxxgkpt/zfxxgknb/zfxxgknb2023/2023zsndbg/202403/t20240308_296345.html"),
]


@pytest.mark.parametrize("text,expected,source", NOT_PARTS)
def test_breakdowns_of_other_counts_are_no_facts(text, expected, source):
    assert values_of(text, "publication_count") == expected


# a breakdown opened by 按…分类/划分 or 从…来看 goes on across ；: each ；-item is a part
CLASSIFIED_ACROSS_SEMICOLONS = [
    ("2023年通过门户网站主动公开政府信息93条,按照主题分类,行政许可类77条;统计信息类14条;人事与财务管理类2条。微信公众号发布45篇文章。",
     [("website", 93), ("website", 77), ("website", 14), ("website", 2), ("wechat", 45)], "round-2 h141 guangdong-youzheng-2023"),
    ("从公开主体来看,省政府机关公开7.9万条,占比0.94%;省直部门公开20.30万条,占比2.41%;21个市(州)公开813.93万条,占比96.65%。",
     [("total", 79000), ("total", 203000), ("total", 8139300)], "round-8 h712 sichuan-province-2019 (21个市 counts cities)"),
    # must not: 按照 of a rule opens no list
    ("按照要求,发布信息20条;受理申请3件。", [("total", 20)], "constructed"),
]



# a part whose own ；-item names a channel before its count is that channel's (OUTPUT.md: a part
# takes its total's channel unless it names its own)
ITEM_NAMES_ITS_OWN_CHANNEL = [
    ("2024年,我厅通过官方网站、政府信息公开专栏、政务新媒体平台主动公开信息20216条,其中,政府信息公开专栏63条;"
     "官方网站政务类信息731条、动态新闻类消息606条;通过微信微博抖音等新媒体平台发布信息18816条。",
     [("total", 20216), ("website", 63), ("website", 731), ("website", 606), ("total", 18816)], "round-6 h515 jilin-whlyt-2024"),
    ("及时、准确、全面公开政府信息3800余条。其中通过政府网站公开政府信息2000余条;通过政务新媒体公开信息1800余条;出版《政府公报》3期,公开信息96条。",
     [("total", 3800), ("website", 2000), ("new_media", 1800), ("bulletin", 96)], "round-6 h513 yinchuan-xixia-zfb-2024"),
    ("2019年度,主动公开政府信息53条,其中乡镇公告类1条,其他类1条;依托阳光村务平台,村阵地公示栏公开惠农政策,全年各村共发布信息600余条。",
     [("total", 53), ("total", 1), ("total", 1), ("other", 600)], "round-5 h413 wanyuan-miaozi-township-2019"),
    # must not: items that name no channel keep the total's
    ("全年通过政府网站发布信息300条,其中:工作动态120条;政策文件80条。", [("website", 300), ("website", 120), ("website", 80)], "constructed"),
]



# a sentence opening with 其中 breaks down the count of the sentence right before it, also when
# that count is no publication (its parts are none either), not a total of an earlier sentence
PARTS_OF_NO_PUBLICATION = [
    ("2019年,通过门户网站主动公开信息11583条,其中新闻中心5237条,专题专栏1320条。共承办市人大代表建议、政协委员提案328件。"
     "其中,区人大代表建议100件,区政协委员提案228件。",
     [("website", 11583), ("website", 5237), ("website", 1320)], "round-12 h1119 weinan-linwei-district-2019"),
    # must not: a sentence between that counts nothing leaves the breakdown to the total before
    ("2019年,通过门户网站主动公开信息300条。工作扎实有序。其中,政策文件20条,工作动态280条。",
     [("website", 300), ("website", 20), ("website", 280)], "constructed"),
]



# an act word names a kind of a total's items only for counts of items (条/篇/件): 开展互动访谈24期 and
# 意见征集8个 among a total's parts are interviews held and consultations run
ACTS_AMONG_PARTS = [
    ("通过区政府门户网站、政务新媒体等形式主动公开政府信息1.53万条。其中,通过区政府门户网站公开信息5836条,开展互动访谈24期,意见征集8个。",
     [("total", 15300), ("website", 5836)], "round-12 h1113 yancheng-dafeng-district-2020"),
    # must not: a kind of items named by its act word, counted in 条
    ("2021年,我署共公开信息121条,其中,通知公告信息8条,民意征集信息3条。", [("total", 121), ("total", 8), ("total", 3)],
     "row 395 https://www.szft.gov.cn/bmxx/qczj/xxgknb/content/post_9529455.html"),
]



# a breakdown that opens with the medium of its verb sets the channel of the parts after it;
# 其他(网络)途径 is a channel of its own (other), beside which a named one gives total
BREAKDOWN_SCENES = [
    ("共发布信息342条。其中在东区人民政府门户网站发布通知公告3条、部门动态1条,行政执法信息公示1条、财政信息7条。",
     [("total", 342), ("website", 3), ("website", 1), ("website", 1), ("website", 7)], "round-12 h1105 panzhihua-dongqu-yinjiang-town-2025"),
    ("2025年度共公开政务信息40条,其中文件类6条,执行法规条例类2条,单位公示栏上公开财务公开15条,政务公开6条。",
     [("total", 40), ("total", 6), ("total", 2), ("other", 15), ("other", 6)], "round-7 h607 wuqia-sjj-2025"),
    ("2020年度累计主动公开政府信息520条。主要类别包括:丰城网络问政发布信息101条,其他途径公开政府信息数33条",
     [("total", 520), ("total", 101), ("other", 33)], "round-11 h1019 fengcheng-tongtian-township-2020 (101: no channel word)"),
    ("政府信息公开共530条,包括党政信息类137条,通过微信平台及其他网络途径全年转发权威新闻报道330余篇。",
     [("total", 530), ("total", 137), ("total", 330)], "round-5 h406 baiyin-silong-town-2025"),
    # must not: an item's own channel name without a verb sets no scene for the items after it
    ("全年公开信息500条,其中政府网站300条、政策解读50条。", [("total", 500), ("website", 300), ("total", 50)], "constructed"),
]


@pytest.mark.parametrize("text,expected,source", COLON + UNSTATED_OR_NEXT_SENTENCE + LISTS_OVER_SENTENCES + BRACKETS
                         + WITHOUT_A_UNIT + INTERRUPTED + CLASSIFIED_ACROSS_SEMICOLONS + ITEM_NAMES_ITS_OWN_CHANNEL
                         + PARTS_OF_NO_PUBLICATION + ACTS_AMONG_PARTS + BREAKDOWN_SCENES)
def test_totals_and_parts(text, expected, source):
    assert [(c, v) for c, v, _ in values_of(text, "publication_count")] == expected
