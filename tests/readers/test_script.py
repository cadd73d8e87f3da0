"""Traditional → simplified, with offsets mapped back to the text as read."""
from __future__ import annotations

import pytest

from nlp.readers.script import ScriptMap, align, to_simplified

TRADITIONAL = "臺灣省政府資訊公開年度報告\n一、總體情況：本機關依申請公開政府信息。"


def test_simplified_text_is_untouched():
    for text in ("政府信息公开工作年度报告", "著作权、显著提高、乾隆年间", "report 2020"):
        assert to_simplified(text) == (text, None)


def test_traditional_text_is_converted_one_to_one():
    text, script = to_simplified(TRADITIONAL)
    assert text == "台湾省政府资讯公开年度报告\n一、总体情况：本机关依申请公开政府信息。"
    assert isinstance(script, ScriptMap) and script.original == TRADITIONAL
    for word in ("年度报告", "总体情况", "政府信息"):
        start = text.index(word)
        a, b = script.span_to_original(start, start + len(word))
        assert b - a == len(word)
        assert to_simplified(TRADITIONAL[a:b])[0] == word


def test_a_few_variant_characters_do_not_make_a_text_traditional():
    text = "政府信息公开工作年度报告。" * 20 + "裡"
    assert to_simplified(text) == (text, None)


@pytest.mark.parametrize("converted, original, probes", [
    (["ab\n", "cd"], ["ab\n", "cd"], {0: 0, 3: 3, 5: 5}),
    (["aXYb\n", "c"], ["aZb\n", "c"], {0: 0, 1: 1, 3: 2, 5: 4, 6: 5}),
    (["ab\n", "c"], ["aZZb\n", "c"], {0: 0, 1: 3, 2: 4, 3: 5}),
])
def test_align_when_a_phrase_changes_length(converted, original, probes):
    script = ScriptMap("".join(original), align(converted, original))
    assert {k: script.to_original(k) for k in probes} == probes
