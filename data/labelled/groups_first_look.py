"""Add to groups.tsv the province and kind of agency of every report of the first-look batches
(data/heldout/2026-12-07 and its rounds 2–19, -r2 to -r19, development data since their first looks;
their paragraphs are first_look.jsonl and first_look_r2/…/_r19.jsonl), for the cross-validation that holds out whole provinces and kinds. The
batch's sources.jsonl names each report's province and agency, so no gazetteer is needed;
the kind follows make_groups.py (township, government, department).

    .venv/bin/python data/labelled/groups_first_look.py
"""
import csv
import json
import re
from pathlib import Path

HERE = Path(__file__).parent
BATCHES = ("data/heldout/2026-12-07",) + tuple(f"data/heldout/2026-12-07-r{n}" for n in range(2, 20))
PROVINCES = {
    "Anhui": "安徽省", "Beijing": "北京市", "Fujian": "福建省", "Gansu": "甘肃省", "Guangdong": "广东省",
    "Guizhou": "贵州省", "Hainan": "海南省", "Heilongjiang": "黑龙江省", "Henan": "河南省", "Hubei": "湖北省",
    "Hunan": "湖南省", "Inner Mongolia": "内蒙古自治区", "Jiangsu": "江苏省", "Jiangxi": "江西省", "Liaoning": "辽宁省",
    "Ningxia": "宁夏回族自治区", "Shaanxi": "陕西省", "Shandong": "山东省", "Shanghai": "上海市", "Shanxi": "山西省",
    "Sichuan": "四川省", "Xinjiang": "新疆维吾尔自治区", "Zhejiang": "浙江省",
    "Chongqing": "重庆市", "Guangxi": "广西壮族自治区", "Jilin": "吉林省", "Hebei": "河北省", "Tianjin": "天津市", "Tibet": "西藏自治区", "Qinghai": "青海省", "Yunnan": "云南省", "national (Beijing)": "北京市",
}
#: a town or township ends the name (景德镇市… is a city: 镇 inside a city's name is no township)
_TOWNSHIP = re.compile(r"(?:镇|鎮|乡|鄉)(?:人民政府|政府|办事处|辦事處)?(?:$|[(（])|街道|苏木|嘎查")
_GOVERNMENT = re.compile(r"人民政府(?:办公室|办公厅|辦公室|辦公廳)?$")


def province(name) -> str:
    """The full Chinese name of sources.jsonl's province: English (Shaanxi), Chinese short or full
    (贵州, 广东省), with a reader's note after it (Zhejiang (inferred; city not named), 贵州 (probable));
    none given (r19 h1820): unknown."""
    if name in PROVINCES:
        return PROVINCES[name]
    name = re.sub(r"\s*[(（].*", "", name or "").strip()
    if name in PROVINCES:
        return PROVINCES[name]
    full = [v for v in set(PROVINCES.values()) if name and v.startswith(name)]
    return full[0] if len(full) == 1 else "unknown"


def kind(agency, level: str) -> str:
    """By the agency's name, else by the level sources.jsonl gives (h014 names none)."""
    agency = agency or level
    if _TOWNSHIP.search(agency) or "township" in agency or "street" in agency:
        return "township"
    if _GOVERNMENT.search(re.sub(r"[(（].*", "", agency)):
        return "government"
    if re.fullmatch(r"[^省市县区旗]{1,3}(?:县|区|旗)", agency) or re.search(r"(?:county|banner\)) government$", level):
        return "government"  # a county or district named bare (鹤城区), a banner (正蓝旗)
    return "department"


def main() -> None:
    path = HERE / "groups.tsv"
    with open(path, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if not r["source"].startswith(BATCHES)]
    root = HERE.parent.parent
    for batch in BATCHES:
        for line in (root / batch / "sources.jsonl").read_text(encoding="utf-8").splitlines():
            s = json.loads(line)
            rows.append({"source": f"{batch}/gold/{s['stem']}.json", "province": province(s["province"]),
                         "kind": kind(s["agency"], s["level"])})
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["source", "province", "kind"], delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} documents -> {path}")


if __name__ == "__main__":
    main()
