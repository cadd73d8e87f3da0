"""One engine for the whole test run: the session fixture ``engine`` of tests/conftest.py
(building one loads the paragraph model). A test module builds its own only with another
model (tests/auditors/conftest.py: a small one; the service's NIANBAO_MODEL)."""
import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def default_engines(path: Path) -> list:
    """Lines where ``Engine()`` is called with no model: the default engine built again."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Engine"
            and not node.args and not node.keywords]


def test_only_the_root_conftest_builds_the_default_engine():
    found = [f"{p.relative_to(TESTS)}:{line}" for p in sorted(TESTS.rglob("*.py")) if p != TESTS / "conftest.py"
             for line in default_engines(p)]
    assert found == [], "use the `engine` fixture of tests/conftest.py:\n" + "\n".join(found)


def test_the_check_sees_a_default_engine(tmp_path):
    (tmp_path / "t.py").write_text("from nlp.engine import Engine\ne = Engine()\nf = nlp.Engine('m.joblib')\n")
    assert default_engines(tmp_path / "t.py") == [2]
