"""Label rules after the model: a clause that says a label outright decides it, however
long the paragraph and whatever the model's score (issue 13: a clause that builds a channel
makes a paragraph ``platform``). Each rule is data (``label_rules`` of cues.json: its
pattern, what it means, real sentences it must and must not match); a rule only adds its
label, it never takes one away.

>>> ruled_labels(["全年发布信息200条。专题专栏新开设5个,维护数量13个。", "全年发布信息200条。"])
[frozenset({'platform'}), frozenset()]
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .. import regexes


@dataclass(frozen=True)
class LabelRule:
    name: str
    label: str
    pattern: re.Pattern


@lru_cache(maxsize=1)
def label_rules() -> tuple:
    """The rules of cues.json's ``label_rules``, compiled."""
    data = json.loads(resources.files("nlp.paragraphs").joinpath("cues.json").read_text(encoding="utf-8"))
    return tuple(LabelRule(r["name"], r["label"], regexes.compile(r["pattern"])) for r in data.get("label_rules", ()))


def ruled_labels(texts) -> list:
    """Per text, the labels a rule gives it."""
    rules = label_rules()
    return [frozenset(r.label for r in rules if r.pattern.search(text)) for text in texts]
