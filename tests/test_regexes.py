"""nlp/regexes.py: the first-character lookahead changes no match of any pattern it is put on,
and the channel words found without named groups are those the named groups find."""
import re
from pathlib import Path

import pytest

from nlp import regexes
from nlp.facts import candidates, prose
from nlp.facts import cues as fact_cues
from nlp.paragraphs import features, split
from nlp.paragraphs.rules import label_rules

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((ROOT / "data" / "corpus").rglob("*.txt"))[:40]


@pytest.fixture(scope="module")
def texts():
    return [p.read_text(encoding="utf-8") for p in TEXTS]


def _patterns():
    out = {}
    for name, cue in features.cues().items():
        out[f"paragraph cue {name}"] = cue.pattern.pattern
        if cue.unless is not None:
            out[f"paragraph cue {name} (unless)"] = cue.unless.pattern
    data = fact_cues.data()
    for key, node in data.items():
        if isinstance(node, dict):
            for part, words in node.items():
                if isinstance(words, list) and words and all(isinstance(w, str) for w in words):
                    out[f"facts {key}/{part}"] = fact_cues.word_regex(words).pattern
    out["channel words"] = fact_cues._channel_regex()[0].pattern
    for rule in label_rules():  # (a rule that opens with literals re scans for itself gets no lookahead)
        out[f"label rule {rule.name}"] = _unwrapped(rule.pattern.pattern, required=False)
    for module, name in _MODULE_PATTERNS:
        out[f"{module.__name__}.{name}"] = _unwrapped(getattr(module, name).pattern)
    return out


#: the module-level patterns compiled with the lookahead (speed round 9), each read over the
#: text of whole reports (candidate numbers, clauses, list openers, paragraph breaks, run-in items)
_MODULE_PATTERNS = [(candidates, "_NUMBER"), (prose, "_LIST_OPENER"), (prose, "_CLAUSE"), (prose, "PARAGRAPH_BREAK"),
                    (split, "_ITEM"), (split, "_TOPIC_ITEM"), (split, "_SPACED_END"), (split, "_TITLE_AT"),
                    (split, "_LATER_ITEM")]
_WRAPPED = re.compile(r"((?:\(\?[aiLmsux]+\))*)\(\?=\[[^\]]*\]\)\(\?:(.*)\)", re.DOTALL)


def _unwrapped(shown: str, required: bool = True) -> str:
    """The pattern as written, from the lookahead form regexes.compile() shows."""
    m = _WRAPPED.fullmatch(shown)
    if m is None and not required:
        assert regexes.compile(shown).pattern == shown, shown  # left as it is: re finds its first characters
        return shown
    assert m, shown  # the lookahead is there: the pattern is compiled with it
    return m.group(1) + m.group(2)


@pytest.mark.parametrize(("pattern", "text", "spans"), [
    ("(?<!公)开通|网站", "公开通过网站开通", [(4, 6), (6, 8)]),   # the lookbehind still sees before the match
    ("(?<=[在于])[\u4e00-\u9fff]{2,4}?网(?=发布)", "在本县政府网发布", [(1, 6)]),
    ("(?m)^\\s*平台建设", "一、概述\n  平台建设。\n其平台建设", [(5, 11)]),  # not after 其 on the line
    ("(?:发布|公开)[^。]{0,6}?\\d+条", "公开信息3条。发布12条", [(0, 6), (7, 12)]),
])
def test_the_lookahead_keeps_every_match(pattern, text, spans):
    assert [m.span() for m in regexes.compile(pattern).finditer(text)] == spans
    assert [m.span() for m in re.compile(pattern).finditer(text)] == spans


@pytest.mark.parametrize("pattern", [
    "网站|栏目",       # re scans for their first characters itself
    ".{0,4}网站",      # any character may open a match
    "(?i)app|网站",    # case folded
    "(?:网站)?",       # matches the empty string
    "[^，。]+网站",     # a negated class opens it
])
def test_patterns_without_a_known_first_character_are_left_as_they_are(pattern):
    assert regexes.compile(pattern).pattern == pattern


def test_every_cue_pattern_finds_the_same_matches_with_the_lookahead(texts):
    for name, pattern in _patterns().items():
        plain, fast = re.compile(pattern), regexes.compile(pattern)
        for text in texts:
            assert [(m.span(), m.lastgroup) for m in fast.finditer(text)] == \
                [(m.span(), m.lastgroup) for m in plain.finditer(text)], name


def test_channel_words_are_told_apart_as_the_named_groups_tell_them(texts):
    named = fact_cues._channel_regex()[0]
    pieces = [p for text in texts for p in re.split("[。\n]", text) if p]
    found = 0
    for piece in pieces:
        expected = [(m.span(), int(m.lastgroup[1:])) for m in named.finditer(piece)]
        assert [(m.span(), i) for m, i in fact_cues._channel_matches(piece)] == expected, piece
        found += len(expected)
    assert found > 100


def test_statement_patterns_find_the_same_matches_with_the_lookahead(texts):
    """The checks' statement patterns (text_vs_table) are compiled with the lookahead: on
    the compacted text of real reports each finds the matches and numbers it finds without."""
    from nlp.checks.text_vs_table import _patterns as statements

    found = 0
    for name, fast, *_ in statements():
        plain = _without_lookahead(fast)
        for text in texts:
            compact = "".join(text.split())
            expected = [(m.span(), m.groupdict()) for m in plain.finditer(compact)]
            assert [(m.span(), m.groupdict()) for m in fast.finditer(compact)] == expected, name
            found += len(expected)
    assert found > 20
    assert sum(fast.pattern.startswith("(?=") for _, fast, *_ in statements()) >= 5


def _without_lookahead(fast: re.Pattern) -> re.Pattern:
    """The pattern regexes.compile() was given, from the one it compiled."""
    if not fast.pattern.startswith("(?="):
        return re.compile(fast.pattern, fast.flags)
    return re.compile(fast.pattern[fast.pattern.index("(?:") + 3:-1], fast.flags)


def test_text_scans_compiled_with_the_lookahead_find_what_they_found_without(texts):
    """The whole-text scans of facts' masking that open with a lookbehind (which takes re's
    own scan for a first character away) carry the lookahead: on real reports each finds
    the matches it finds without."""
    from nlp.facts import prose

    scans = {"pinyin gloss": prose._PINYIN_GLOSS, "lost character": prose._LOST_CHARACTER}
    probes = ["通过网(wǎng)站发布信息80条", "主动发布信息共?1340条?,是否公开? 是"]
    for name, fast in scans.items():
        assert fast.pattern.startswith("(?="), name
        plain = _without_lookahead(fast)
        for text in texts + probes + [prose.simplified(t) for t in texts]:
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text)], name
    assert all(any(fast.search(t) for t in probes) for fast in scans.values())


def test_cue_patterns_are_compiled_with_the_set_re_scans_for(texts):
    """Every cue pattern given a lookahead is compiled with its first characters as the set
    re's own loop scans for (regexes._scanned): on this Python the faster form is in use, and
    search, match and fullmatch from any position, with an end, find what the plain pattern
    finds, lookbehinds before the start included."""
    wrapped = {name: p for name, p in _patterns().items() if regexes.compile(p).pattern.startswith("(?=")}
    assert len(wrapped) >= 10
    pieces = [text[k:k + 400] for text in texts[:12] for k in range(0, len(text), 2000)]
    for name, pattern in wrapped.items():
        fast, plain = regexes.compile(pattern), re.compile(pattern)
        assert fast.pattern == regexes.compile(pattern).pattern and fast.groupindex == plain.groupindex, name
        assert regexes._scanned(pattern, fast.pattern[3:fast.pattern.index("])") + 1], fast.pattern, 0) is not None, name
        for piece in pieces:
            for pos in range(0, len(piece), 7):
                for call in ("search", "match", "fullmatch"):
                    got, want = getattr(fast, call)(piece, pos, len(piece) - 3), getattr(plain, call)(piece, pos, len(piece) - 3)
                    assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (name, call, pos)


@pytest.mark.parametrize(("pattern", "text", "pos", "span"), [
    ("(?<!公)开通|网站", "公开通过网站", 1, (4, 6)),   # the lookbehind sees the character before pos
    ("(?<!公)开通|网站", "在开通", 1, (1, 3)),
    ("(?<=[在于])[\u4e00-\u9fff]{2,4}?网(?=发布)", "在本县政府网发布", 0, (1, 6)),
    ("(?:发布|公开)[^。]{0,6}?\\d+条", "公开信息3条", 1, None),  # no match starts after pos
])
def test_the_scanned_form_searches_from_a_position_as_re_does(pattern, text, pos, span):
    for compiled in (regexes.compile(pattern), re.compile(pattern)):
        m = compiled.search(text, pos)
        assert (m.span() if m else None) == span


#: every pattern the package gives regexes.compile() while it is imported and warmed up, with its flags
_COMPILED_AT_START = """
import json, sys
from nlp import regexes
seen, compile = [], regexes.compile
def recording(pattern, flags=0):
    seen.append((pattern, int(flags)))
    return compile(pattern, flags)
regexes.compile = recording
from nlp.engine import Engine
Engine().warm_up()
json.dump(seen, sys.stdout)
"""


def _compiled_as_before(pattern: str, flags: int):
    """regexes.compile() as it was before it parsed once and compiled the lookahead form only
    where the scanned form fails: the lookahead form compiled, then the scanned form, from a
    parse of its own, preferred."""
    try:
        first = regexes._first_class(pattern, flags)
    except (regexes._Unknown, re.error, RecursionError):
        first = None
    if first is None:
        return re.compile(pattern, flags)
    head = regexes._GLOBAL_FLAGS.match(pattern)
    head = head.group(0) if head else ""
    wrapped = f"{head}(?={first})(?:{pattern[len(head):]})"
    try:
        compiled = re.compile(wrapped, flags)
    except re.error:
        return re.compile(pattern, flags)
    return regexes._scanned(pattern, first, wrapped, flags) or compiled


def test_one_parse_compiles_what_three_did():
    """The package's patterns compile to the same code (re's Pattern equality compares the
    pattern, its flags and its compiled code) when compile() parses each once and skips the
    lookahead form wherever the scanned form serves."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", _COMPILED_AT_START], cwd=root, capture_output=True, text=True,
                          check=True, env={**__import__("os").environ, "PYTHONPATH": str(root)})
    seen = json.loads(done.stdout)
    assert len(seen) >= 50
    scanned = 0
    for pattern, flags in seen:
        now, before = regexes.compile(pattern, flags), _compiled_as_before(pattern, flags)
        assert now == before and now.groupindex == before.groupindex, pattern[:80]
        scanned += now is not re.compile(pattern, flags) and now.pattern.startswith("(?")
    assert scanned >= 10
