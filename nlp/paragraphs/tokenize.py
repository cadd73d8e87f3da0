"""The word tokenizer of the paragraph model: jieba, at module level so a fitted model
pickles it by reference (a lambda or a nested function cannot be pickled); and
:func:`normalize`, what every text goes through before the features see it.

>>> normalize("信息公开⼯作⼈员")        # Kangxi radicals of PDF text
'信息公开工作人员'
>>> normalize("我鎮(zhèn)政府信息公開")  # pinyin glosses of some sites; traditional script
'我镇政府信息公开'

>>> tokenize("<s5> 下一步，我局将加强网站建设。")
['<s5>', '下一步', '我局', '将', '加强', '网站', '建设']
>>> tokenize("全年公开信息 1,234 条")[-2:]
['<num>', '条']
"""
from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)

#: words of the genre kept whole; added to a private tokenizer, not to jieba's global one
DOMAIN_WORDS = ("下一步", "下一年度", "依申请公开", "主动公开", "政务公开", "政府信息公开", "政务新媒体", "门户网站",
                "公开专栏", "存在问题", "存在的问题", "主要问题", "改进措施", "改进情况", "整改", "不足", "差距",
                "公开指南", "公开目录", "保密审查", "政策解读", "微信公众号", "行政复议", "行政诉讼", "信息处理费",
                "政府公报", "考核评议", "社会评议", "责任追究", "人大代表建议", "政协提案")
_JIEBA = jieba.Tokenizer()
for _word in DOMAIN_WORDS:
    _JIEBA.add_word(_word, freq=100000)

#: the section tag model_input() puts before a paragraph's text
SECTION_TAG = re.compile(r"^<s[1-6]>\s*")
_NUMBER = re.compile(r"^[\d.,，%％]+$")
_KEEP = re.compile(r"[\w\u4e00-\u9fff]")


_PINYIN_GLOSS = re.compile(r"\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8})\)")


@lru_cache(maxsize=1)
def _to_simplified():
    try:
        import opencc
    except ImportError:  # without OpenCC, traditional text is read as it is
        return None
    return opencc.OpenCC("t2s")


def normalize(text: str) -> str:
    """Compatibility characters folded (NFKC: Kangxi radicals, full-width letters and
    digits), pinyin glosses dropped, traditional characters made simplified."""
    text = _PINYIN_GLOSS.sub("", unicodedata.normalize("NFKC", text))
    converter = _to_simplified()
    return converter.convert(text) if converter else text


def tokenize(text: str) -> list:
    """Words of ``text``: jieba's, punctuation dropped, numbers as ``<num>``; a leading
    section tag (``<s5>``) is kept as one token."""
    tokens = []
    tag = SECTION_TAG.match(text)
    if tag:
        tokens.append(tag.group(0).strip())
        text = text[tag.end():]
    for word in _JIEBA.lcut(text):
        word = word.strip()
        if not word or not _KEEP.search(word):
            continue
        tokens.append("<num>" if _NUMBER.match(word) else word)
    return tokens
