"""Write groups.tsv: for every source document of collected.jsonl, its province and its kind of
agency, the groups of the transfer cross-validation (`python -m training.compare`).

The province comes from cpca (https://pypi.org/project/cpca/, a place-name gazetteer) over the
agency name, else over the document's text; cpca is not a dependency of nianbao: run this in a
throwaway environment (python -m venv /tmp/g && /tmp/g/bin/pip install cpca && /tmp/g/bin/python
data/labelled/make_groups.py). Kinds: township (镇/乡/街道/苏木), government (a people's government or
its office), department (any other body), unknown (no agency name).
"""
import json
import re
from pathlib import Path

import cpca

HERE = Path(__file__).parent
_TOWNSHIP = re.compile(r"镇|乡|街道|苏木|嘎查")
_GOVERNMENT = re.compile(r"人民政府(?:办公室|办公厅)?$|^某(?:市|县|区)人民政府")


def kind(agency) -> str:
    if not agency or agency.startswith("某") and "政府" not in agency:
        return "unknown"
    if _TOWNSHIP.search(agency):
        return "township"
    if _GOVERNMENT.search(re.sub(r"[(（].*", "", agency)):
        return "government"
    return "department"


def province(agency, text) -> str:
    for candidate in (agency or "", text[:3000]):
        if candidate:
            found = cpca.transform([candidate])["省"][0]
            if isinstance(found, str) and found:
                return found
    return "unknown"


docs = {}
for line in (HERE / "collected.jsonl").read_text(encoding="utf-8").splitlines():
    row = json.loads(line)
    doc = row["source"].split("#")[0]
    entry = docs.setdefault(doc, {"agency": row.get("agency"), "text": []})
    entry["text"].append(row["text"])
with open(HERE / "groups.tsv", "w", encoding="utf-8") as out:
    out.write("source\tprovince\tkind\n")
    for doc, entry in docs.items():
        out.write(f"{doc}\t{province(entry['agency'], ''.join(entry['text']))}\t{kind(entry['agency'])}\n")
print(f"{len(docs)} documents")
