"""Label rules after the model (nlp/paragraphs/rules.py): data with real sentences from at least
two reports outside the shared gold that they must match and sentences they must not; and the
shipped engine gives a ruled label whatever its model's score."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from nlp.paragraphs.rules import label_rules, ruled_labels
from nlp.readers.document import Document

DATA = json.loads(resources.files("nlp.paragraphs").joinpath("cues.json").read_text(encoding="utf-8"))
RULES = DATA["label_rules"]
MATCH = [(r["name"], r["label"], e["sentence"], True) for r in RULES for e in r["examples"]]
NO_MATCH = [(r["name"], r["label"], e["sentence"], False) for r in RULES for e in r["must_not"]]


@pytest.mark.parametrize("rule", RULES, ids=[r["name"] for r in RULES])
def test_each_rule_is_shown_by_two_reports_outside_the_gold(rule):
    sources = {e["source"].split()[0] + e["source"].split()[1] for e in rule["examples"]}
    assert len(sources) >= 2
    assert not any(e["source"].startswith("data/gold") for e in rule["examples"])


@pytest.mark.parametrize("name,label,sentence,fires", MATCH + NO_MATCH)
def test_rules_on_real_sentences(name, label, sentence, fires):
    assert (label in ruled_labels([sentence])[0]) == fires


def test_a_rule_only_adds_labels():
    assert {r.label for r in label_rules()} <= {"problems", "measures", "platform", "proactive_disclosure",
                                                 "request_handling", "information_management", "oversight"}
    assert ruled_labels(["全年公开政府信息120条。"]) == [frozenset()]


def test_engine_labels_a_paragraph_by_its_rule(engine):
    # round-11 h1006: the model alone left this paragraph without platform
    text = ("一、总体情况\n（二）做好政府主动信息公开。全年在门户网站发布信息2717条,发布解读类信息16条。专题专栏新开设5个,"
            "维护数量13个。办结网上咨询、省长信箱信件415件,公开答复数量223条。微博发布信息2504条,微信发布信息2731条。\n")
    record = engine.annotate(Document(source="h1006.txt", text=text))
    paragraph = next(p for p in record.paragraphs if "新开设" in p.text)
    assert "platform" in paragraph.labels


def test_rules_read_traditional_script_as_the_model_does(engine):
    # round-11 h1006's paragraph as a traditional-script mirror prints it (rounds 12, 14, 15 hold such
    # pages): the rule reads the normalised text, so the mirror gets the label the original gets
    text = ("一、總體情況\n（二）做好政府主動信息公開。全年在門戶網站發布信息2717條,發布解讀類信息16條。專題專欄新開設5個,"
            "維護數量13個。辦結網上咨詢、省長信箱信件415件,公開答復數量223條。微博發布信息2504條,微信發布信息2731條。\n")
    assert ruled_labels([text]) == [frozenset()]           # the pattern alone does not read 專欄
    record = engine.annotate(Document(source="h1006-traditional.txt", text=text))
    paragraph = next(p for p in record.paragraphs if "新開設" in p.text)
    assert "platform" in paragraph.labels
