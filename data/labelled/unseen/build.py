"""Build gold/*.json (the shared gold shape, paragraphs only) and unseen.jsonl from
pages/*.txt and labels.txt.  python data/labelled/unseen/build.py"""
import json
from pathlib import Path
HERE = Path(__file__).parent
urls = dict(l.split("\t") for l in (HERE / "sources.tsv").read_text().splitlines()[1:])
records, rows = {}, []
for n, line in enumerate((HERE / "labels.txt").read_text().splitlines(), 1):
    if not line.strip() or line.startswith("#"):
        continue
    stem, section, labels, first, last = line.split("|")
    text = (HERE / "pages" / f"{stem}.txt").read_text()
    start = text.find(first)
    end = text.find(last, start) + len(last)
    if start < 0 or end < len(last) or text.count(first) > 1:
        raise SystemExit(f"labels.txt:{n}: anchors not found once in {stem}: {first!r} … {last!r}")
    labels = [l for l in labels.split(",") if l]
    para = {"section": int(section), "text": text[start:end], "start": start, "end": end, "labels": labels}
    records.setdefault(stem, {"source": f"{stem}.txt", "url": urls[stem], "paragraphs": []})["paragraphs"].append(para)
    rows.append({"text": para["text"], "labels": sorted(labels), "section": int(section), "source": urls[stem] + f"#{start}-{end}",
                 "how": "read", "checked": True})
(HERE / "gold").mkdir(exist_ok=True)
for stem, rec in records.items():
    (HERE / "gold" / f"{stem}.json").write_text(json.dumps(rec, ensure_ascii=False, indent=1) + "\n")
with open(HERE.parent / "unseen.jsonl", "w") as out:
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"{len(records)} pages, {len(rows)} paragraphs")
