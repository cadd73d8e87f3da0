"""Regexes that skip at once the characters where no match can start.

Python's ``re`` looks for a match at every character of the text. Given the set of first
characters of a pattern's literal alternatives (``网站|栏目|…``), it scans for them in C
and tries the pattern only there; but one alternative that opens with a lookbehind
(``(?<!公)开通``), a named group (``(?P<c0>…)``) or a gap between characters takes that
away, and then each of hundreds of alternatives is tried at every character of the text.
:func:`compile` reads the pattern once, finds the characters a match can start with, and
puts a lookahead for them in front: the same matches (same spans, same groups), one
character-class test at each position instead of the alternatives. The compiled pattern
carries that class as the set re's own scanning loop tests (:func:`_scanned`), so the
pattern is not even entered where no match can start; ``.pattern`` shows the lookahead.

>>> compile("(?<!公)开通|网站").pattern
'(?=[\\\\u5f00\\\\u7f51])(?:(?<!公)开通|网站)'
>>> [m.span() for m in compile("(?<!公)开通|网站").finditer("公开通过网站开通")]
[(4, 6), (6, 8)]
>>> compile("(?m)^\\\\s*平台").pattern
'(?m)(?=[\\\\s\\\\u5e73])(?:^\\\\s*平台)'
>>> compile(".{0,4}网站").pattern  # any character may open a match: kept as it is
'.{0,4}网站'
>>> compile("网站|栏目").pattern  # re scans for 网 and 栏 itself
'网站|栏目'
"""
from __future__ import annotations

import re

import _sre

try:  # the parser and compiler of the standard library's re (Python 3.11 on; sre_* before)
    from re import _compiler
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover
    import sre_compile as _compiler
    import sre_constants as _c
    import sre_parse as _parser

#: Leading global flags, which must stay at the start of the pattern: (?m), (?s)…
_GLOBAL_FLAGS = re.compile(r"^(?:\(\?[aiLmsux]+\))+")
#: Class escapes of the categories a first character can be in.
_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
               _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)


class _Unknown(Exception):
    """Any character may open a match (or the pattern is beyond this reading)."""


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, with a lookahead for the characters a match can
    start with in front where they are known (a pattern that can match the empty string,
    or ignores case, is compiled as it is)."""
    try:
        parsed = _parser.parse(pattern, flags)  # read once, for the first characters and the scanned form
        first = _first_class_of(parsed, flags)
    except (_Unknown, re.error, RecursionError):
        first = None
    if first is None:
        return re.compile(pattern, flags)
    head = _GLOBAL_FLAGS.match(pattern)
    head = head.group(0) if head else ""
    wrapped = f"{head}(?={first})(?:{pattern[len(head):]})"
    # the scanned form where this Python's compiler allows it, else the lookahead form: the
    # lookahead form is compiled only when it serves (compiling it beside the scanned form,
    # then dropping it, was a third of the package's 0.1 s of pattern compiling at start-up)
    scanned = _scanned(pattern, first, wrapped, flags, parsed)
    if scanned is not None:
        return scanned
    try:
        return re.compile(wrapped, flags)
    except re.error:  # pragma: no cover - a pattern this reading got wrong: as it is
        return re.compile(pattern, flags)


def first_characters(pattern: str, flags: int = 0):
    """The class of the characters a match of ``pattern`` can start with, as compile() puts
    it in its lookahead (``[\\u5f00\\u7f51]``); None where it is not known or re finds a
    prefix of its own."""
    try:
        return _first_class(pattern, flags)
    except (_Unknown, re.error, RecursionError):
        return None


def _scanned(pattern: str, first: str, shown: str, flags: int, parsed=None):
    """``pattern`` compiled with ``first`` (its first characters, a class) as the set re
    scans for before it tries the pattern: what re does itself for a pattern that opens with a
    class. The lookahead of compile() is tried at every character of the text (the matcher
    entered, the class tested, left); the set is tested in re's scanning loop, and the pattern
    entered only where a character of the set stands: the cue scans of a report take 0.13 ms
    instead of 0.21 ms. The same matches, since no match starts elsewhere (the lookahead says as
    much); ``.pattern`` is ``shown``, the lookahead form. None where this Python's compiler is
    not the one this reads (the lookahead form then serves). ``parsed``: ``pattern`` parsed,
    when the caller has it (the compiler reads the parsed pattern and changes nothing in it)."""
    try:
        parsed = _parser.parse(pattern, flags) if parsed is None else parsed
        code = _compiler._code(parsed, flags)
        (op, items), = _parser.parse(first, flags).data
        if op == _c.LITERAL:  # a class of one character
            items = [(op, items)]
        if code[0] != _c.INFO or (op != _c.IN and op != _c.LITERAL) or not code[3]:
            return None
        charset, cased = _compiler._optimize_charset(items)
        if cased:
            return None
        info = [_c.INFO, 0, _c.SRE_INFO_CHARSET, code[3], code[4]]  # skip, flags, min and max width
        _compiler._compile_charset(charset, parsed.state.flags | flags, info)
        info[1] = len(info) - 1
        groups = [None] * parsed.state.groups
        for name, index in parsed.state.groupdict.items():
            groups[index] = name
        return _sre.compile(shown, flags | parsed.state.flags, info + code[1 + code[1]:], parsed.state.groups - 1,
                            parsed.state.groupdict, tuple(groups))
    except Exception:  # pragma: no cover - another Python's compiler
        return None


def _first_class(pattern: str, flags: int):
    return _first_class_of(_parser.parse(pattern, flags), flags)


def _first_class_of(parsed, flags: int):
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE | re.LOCALE) or _scans_itself(parsed, flags):
        return None
    chars, categories, nullable = _first(parsed.data)
    if nullable or not (chars or categories):
        return None
    parts = list(dict.fromkeys(categories))
    for lo, hi in _ranges(chars):
        parts.append(_char(lo) if lo == hi else f"{_char(lo)}-{_char(hi)}")
    return "[" + "".join(parts) + "]"


def _scans_itself(parsed, flags: int) -> bool:
    """re finds a literal prefix or a first-character set of its own (then a lookahead
    would only slow it down)."""
    try:
        return bool(_compiler._get_literal_prefix(parsed, flags)[0] or _compiler._get_charset_prefix(parsed, flags))
    except Exception:  # pragma: no cover - another Python's compiler: assume it does
        return True


def _first(items) -> tuple:
    """(code points, category escapes, can be empty) of the first character of a sequence."""
    chars, categories = set(), []
    for op, av in items:
        c, cats, nullable = _first_of(op, av)
        chars |= c
        categories += cats
        if not nullable:
            return chars, categories, False
    return chars, categories, True


def _first_of(op, av) -> tuple:
    if op is _c.LITERAL:
        return {av}, [], False
    if op is _c.IN:
        chars, categories = set(), []
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(value)
            elif kind is _c.RANGE:
                if value[1] - value[0] > 0x3000:
                    categories.append(f"{_char(value[0])}-{_char(value[1])}")
                else:
                    chars.update(range(value[0], value[1] + 1))
            elif kind is _c.CATEGORY and value in _CATEGORIES:
                categories.append(_CATEGORIES[value])
            else:  # a negated class, or what this reading does not know
                raise _Unknown
        return chars, categories, False
    if op is _c.BRANCH:
        chars, categories, nullable = set(), [], False
        for alternative in av[1]:
            c, cats, n = _first(alternative.data if hasattr(alternative, "data") else alternative)
            chars |= c
            categories += cats
            nullable = nullable or n
        return chars, categories, nullable
    if op is _c.SUBPATTERN:
        _, add_flags, _, sub = av
        if add_flags & (re.IGNORECASE | re.VERBOSE | re.LOCALE):
            raise _Unknown
        return _first(sub.data)
    if op in _REPEATS:
        low, _, sub = av
        chars, categories, nullable = _first(sub.data)
        return chars, categories, nullable or low == 0
    if op in _ZERO_WIDTH:  # consumes nothing: the first character comes after it
        return set(), [], True
    raise _Unknown


def _ranges(chars) -> list:
    out = []
    for ch in sorted(chars):
        if out and ch == out[-1][1] + 1:
            out[-1][1] = ch
        else:
            out.append([ch, ch])
    return out


def _char(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
