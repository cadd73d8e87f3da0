"""nianbao show: the report as displaCy HTML with its facts and their channel."""
from pathlib import Path

from nlp.cli import main
from nlp.commands.show import render
from nlp.record import Fact

SEED = Path(__file__).resolve().parents[2] / "data" / "samples" / "000_c322f99bcfb5564c.txt"


def test_render_labels_each_fact_with_its_channel():
    text = "通过“杨凌援外”微信公众号发布信息15条,订阅数209人。"
    a, b = text.index("“"), text.index("条") + 1
    c, d = text.index("订阅"), text.index("人") + 1
    facts = [Fact("publication_count", "wechat", "杨凌援外", 15, "条", "exact", text[a:b], a, b),
             Fact("follower_count", "wechat", "杨凌援外", 209, "人", "exact", text[c:d], c, d)]
    html = render(text, facts)
    assert "wechat · publication_count" in html and "wechat · follower_count" in html
    assert "<html" in html.lower()


def test_show_writes_the_report(tmp_path):
    out = tmp_path / "report.html"
    assert main(["show", str(SEED), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    for label in ("website · publication_count", "wechat · follower_count", "- · procurement_amount"):
        assert label in html
