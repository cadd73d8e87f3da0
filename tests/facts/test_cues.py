"""Channel cues and their resolution (nlp/data/facts_cues.json)."""
import pytest

from nlp.facts.cues import channel_cues, resolve_channel

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
]


@pytest.mark.parametrize("text,channel", ROWS)
def test_channel(text, channel):
    assert resolve_channel(channel_cues(text)) == channel
