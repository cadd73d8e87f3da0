"""The keyword rule of issue 13, the baseline any classifier must beat on text it has
not seen: section 5 + 问题/不足 → problems; section 5 + 改进/下一步/将 → measures;
channel words → platform.

>>> keyword_labels("下一步，我局将加强网站建设。", 5)
('measures', 'platform')
>>> keyword_labels("存在信息公开不及时的问题。", 1)
()
"""
from __future__ import annotations

import re

_PROBLEM = re.compile(r"问题|不足")
_MEASURE = re.compile(r"改进|下一步|将")
_CHANNEL = re.compile(r"网站|栏目|专栏|新媒体|公众号|微信|微博|抖音|平台|公报|热线|大厅|窗口|客户端|APP|政务服务中心|公开栏")


def keyword_labels(text: str, section) -> tuple:
    labels = []
    if section == 5 and _PROBLEM.search(text):
        labels.append("problems")
    if section == 5 and _MEASURE.search(text):
        labels.append("measures")
    if _CHANNEL.search(text):
        labels.append("platform")
    return tuple(labels)
