"""Does a page overlap anything we hold? 25-character windows against the shared corpus,
data/ sources, collected.jsonl and gold.jsonl.  usage: python overlap.py FILE..."""
import json, re, sys
from pathlib import Path
ROOT = Path(__file__).resolve().parents[3]
def norm(s): return re.sub(r"[\s\u3000|]+", "", s)
held = []
for p in list(Path("/work/shared/corpus").rglob("*.txt")) + list(Path("/work/shared/corpus").rglob("*.md")) + [p for p in (ROOT / "data").rglob("*.txt") if "unseen" not in p.parts]:
    held.append((str(p), norm(p.read_text(errors="ignore"))))
for f in ("collected.jsonl", "gold.jsonl"):
    for line in (ROOT / "data/labelled" / f).read_text().splitlines():
        r = json.loads(line); held.append((f + ":" + r["source"], norm(r["text"])))
big = "\n".join(t for _, t in held)
for path in sys.argv[1:]:
    t = norm(Path(path).read_text())
    wins = [t[i:i + 25] for i in range(0, max(1, len(t) - 25), 40)]
    wins = [w for w in wins if len(re.findall(r"[\u4e00-\u9fff]", w)) > 15 and not re.search("根据《中华人民共和国政府信息公开条例》|编制本报告|统计期限", w)]
    hits = [w for w in wins if w in big]
    srcs = {s for s, tx in held for w in hits[:5] if w in tx}
    print(f"{path}: {len(hits)}/{len(wins)} windows held", sorted(srcs)[:4])
