"""Read one table section the way the engine does, for fragment tests."""
from nlp.segment import find_sections
from nlp.tables import read_tables

HEADINGS = {2: "二、主动公开政府信息情况", 3: "三、收到和处理政府信息公开申请情况", 4: "四、政府信息公开行政复议、行政诉讼情况"}


def read_fragment(section: int, fragment: str, edition: str = "2019"):
    """Cells and ambiguities of ``fragment`` read as the body of ``section``."""
    text = "前言。\n" + HEADINGS[section] + "\n" + fragment + "\n五、存在的主要问题及改进情况\n无。\n"
    result = read_tables(text, find_sections(text), edition)
    return {c.field: c.value for c in result.cells}, result.ambiguous, result.cells, text


def row(values: dict, prefix: str) -> list:
    """The values of one printed row, in template column order."""
    return [values.get(f"{prefix}.{c}", "absent") for c in
            ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")]
