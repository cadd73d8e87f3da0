"""Channel cues and their resolution (nlp/data/facts_cues.json)."""
import pytest

from nlp.facts.cues import channel_cues, report_accounts, resolve_channel

ROWS = [
    ("通过本单位网站", "website"),
    ("维护上合组织农业基地专栏", "website"),
    ("通过“杨凌援外”微信公众号", "wechat"),
    ("通过官方微博", "weibo"),
    ("抖音短视频账号", "short_video"),
    ("快手号", "short_video"),
    ("“上海科技”视频\n号", "short_video"),
    ("通过本局客户端", "app"),
    ("《上海市人民政府公报》", "bulletin"),
    ("通过包头市场监管今日头条公众号", "new_media"),
    ("微信公众平台等政务新媒体", "new_media"),
    ("报刊、其他媒体网站、公示栏、LED屏等方式", "other"),
    ("在《海西晨报》“社保有事我帮您”专栏", "other"),
    ("政府信息公开栏目", "website"),
    ("通过政务公开栏", "other"),
    ("在定西党政网发布", "website"),
    ("灵活运用政务新媒体、公告栏、宣传手册、政务服务平台等多种载体", "total"),
    ("在上海市人民政府网站、《上海市人民政府公报》", "total"),
    ("全年主动公开政府信息", None),
    # an account's name holds channel words of its own (collected.jsonl rows 1559, 22)
    ("通过“台山政府网”微信公众号", "wechat"),
    ("“云县人民政府网”微信平台", "wechat"),
    ("在“中国三亚”门户网站", "website"),
    # a generic word gives way to the platform beside it (rows 538, 1489)
    ("“大冶教育”抖音公众号", "short_video"),
    ("街道政务新媒体微信公众号", "wechat"),
    ("通过包头市场监管今日头条公众号", "new_media"),
    # 自媒体 is a word of new media like 新媒体: it names the kind after X等 and gives way to the account beside it
    # (round-16 h1516 微信公眾號等自媒體平臺 → new_media; round-9 h801 微信公众号自媒体 → wechat; round-10 h912 → total)
    ("通过微信公众号等自媒体平台", "new_media"),
    ("在宿迁水利微信公众号自媒体", "wechat"),
    ("通过微博微信网站等自媒体平台", "total"),
    # …but stands for its own kind in a list (010 gold: 政府网站、政务新媒体等 → total)
    ("全县政府网站、政务新媒体等", "total"),
    # several channels at once (rows 1334, 841)
    ("通过各类平台", "total"),
    ("通过多种渠道", "total"),
    # X等Y: two kinds in X are total, one kind names Y (issue 13; 001 gold)
    ("微博“某某公安”、微信公众号“某某公安”等新媒体平台", "total"),
    ("通过微信公众号、今日头条等新媒体", "total"),
    # bare 公众号 and 政府门户 (rows 967, 897); 微信视频号 (157 gold)
    ("其中公众号", "wechat"),
    ("通过政府门户", "website"),
    ("“五邑人社”微信视频号", "short_video"),
    # a library or system of a website (rows 1450, 82)
    ("在政策文件库", "website"),
    ("在信息公开系统", "website"),
    # a statistical communiqué is no gazette (rows 1145, 1139)
    ("《皮山县2022年国民经济和社会发展统计公报》", None),
    ("番禺区第四次全国经济普查系列公报", None),
    ("发行政府公报", "bulletin"),
]


@pytest.mark.parametrize("text,channel", ROWS)
def test_channel(text, channel):
    assert resolve_channel(channel_cues(text)) == channel


# the accounts a report names with their platform (nlp.facts.cues.report_accounts): the quoted name
# right before or after the platform's word; a name given with two kinds of platform is nobody's
ACCOUNT_ROWS = [
    ("通过微信公众号“魅力二街”等渠道,广泛开展政府信息公开工作。", (("魅力二街", "wechat"),)),      # round-14 h1316
    ("通过“武义教育”官方微信公众号进行权威发布。", (("武义教育", "wechat"),)),                    # round-19 h1804
    ("“渭滨发布”微信公众号充分发挥新媒体传播优势", (("渭滨发布", "wechat"),)),                   # collected row 1429
    ("开通微博“平安某县”、微信公众号“平安某县”。", ()),
    ("在“中国三亚”门户网站发布信息", ()),                                                       # a site, not an account
    ("开设“政策直通车”专栏", ()),
]


@pytest.mark.parametrize("text,accounts", ACCOUNT_ROWS)
def test_report_accounts(text, accounts):
    assert report_accounts(text) == accounts
