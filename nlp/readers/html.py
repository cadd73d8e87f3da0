"""HTML pages: narrative as lines, real ``<table>`` markup as pipe rows, page chrome dropped.

Report pages come three ways: plain markup; markup inside JavaScript strings
(``document.write("<p>…")``, JSON ``"\\u003ctable…"``); markup escaped as text
(``&lt;table&gt;``). The last two are unwrapped before the page is read.

>>> page = '''<html><body><div class="breadcrumb">首页 &gt; 政务公开</div>
... <p>一、总体情况</p><table><tr><td rowspan="2">项目</td><td>数量</td></tr>
... <tr><td>1</td></tr></table><div>扫一扫在手机打开当前页</div></body></html>'''
>>> print(read_html(page.encode("utf-8"), "page.html").text)
一、总体情况
项目 | 数量
 | 1
"""
from __future__ import annotations

import html as htmllib
import re
from urllib.parse import unquote

from lxml import etree
from lxml import html as lxml_html

from ..errors import EmptyInput
from ..vocabulary import CJK, cjk_at_least
from .grid import (MAX_COLSPAN, MAX_ROWSPAN, Layout, LayoutBuilder, SpanCell, clean_cell, clip_span, collapse,
                   spans_to_cells)
from .text import decode, normalize_newlines

#: Never content.
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "canvas", "object", "embed",
             "iframe", "select", "button", "input", "option", "link", "meta", "head", "title")
#: Chrome by tag or by class/id word, dropped unless it holds much of the page's text
#: (a misnamed wrapper around the report is kept).
CHROME_TAGS = ("nav", "header", "footer", "aside", "menu")
CHROME_NAME = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|share|bdshare|copyright"
    r"|toolbar|location|position|dqwz|qrcode|ewm|search|friendlinks?)(?:$|[-_\s\d])", re.I)
CHROME_MAX_SHARE = 0.5
#: Short lines of page furniture; a line is dropped when it is this short and matches.
CHROME_LINE = re.compile(
    r"扫一扫|打印本页|关闭窗口|【打印】|【关闭】|字[体號号][:：]?\s*[【\[]?\s*大|分享到|上一篇|下一篇|当前位置"
    r"|您现在的位置|浏览次数|访问量|网站地图|收藏本站|设为首页|掃一掃|列印本頁|關閉窗口")
CHROME_LINE_MAX_CHARS = 60
BLOCK_TAGS = frozenset(
    "p div section article main body html h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre "
    "center address figure figcaption form fieldset hr br table caption thead tbody tfoot tr td th"
    .split())
#: JavaScript strings holding at least this many CJK characters of markup are the report.
MIN_EMBEDDED_CJK = 20
MAX_UNESCAPE_ROUNDS = 3

_MARKUP = re.compile(r"<\s*(?:table|tr|td|p|div|span|br|h[1-6])\b", re.I)
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.I | re.S)
_JS_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`', re.S)
_JS_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_JS_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "", "f": "", "v": "", "0": ""}
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TITLE_SITE = re.compile(r"\s*(?:[_|｜–—]|\s-\s)\s*")
_GB_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "cp950"}


def js_unescape(literal: str) -> str:
    r"""
    >>> js_unescape(r"\u003cp\u003e\u653f\x3c/p>\n\/")
    '<p>政</p>\n/'
    """
    def one(m):
        esc = m.group(1)
        if esc.startswith("u{"):
            return chr(int(esc[2:-1], 16))
        if esc[0] in "ux" and len(esc) > 1:
            return chr(int(esc[1:], 16))
        return _JS_SIMPLE.get(esc, esc)

    return _JS_ESCAPE.sub(one, literal)


def script_markup(body: str) -> str:
    """The report markup a script carries, or "" for an ordinary script."""
    if body.lstrip().startswith("<"):
        pieces = [body]
    else:
        pieces = [js_unescape(next(g for g in m.groups() if g is not None)) for m in _JS_STRING.finditer(body)]
        pieces = [unquote(p) if "%3C" in p.upper() else p for p in pieces]
        pieces = [p for p in pieces if _MARKUP.search(p) or CJK.search(p)]
    joined = "".join(pieces)
    if _MARKUP.search(joined) and cjk_at_least(joined, MIN_EMBEDDED_CJK):
        return joined
    return ""


def unwrap_scripts(page: str) -> str:
    return _SCRIPT.sub(lambda m: script_markup(m.group(1)), page)


def decode_page(data: bytes, source: str, charset: str | None = None) -> str:
    """The page as text: in ``charset`` (a MIME header's) or its meta charset when that
    decodes, else in the encoding detected."""
    meta = _META_CHARSET.search(data[:4096])
    for name in filter(None, (charset, meta and meta.group(1).decode("ascii"))):
        try:
            return normalize_newlines(data.decode(_GB_ALIASES.get(name.lower(), name)).lstrip("\ufeff"))
        except (LookupError, UnicodeDecodeError):
            continue
    return decode(data, source)


def escaped_markup(text: str):
    """Markup written as text (``&lt;table&gt;`` in the source), unescaped; else None."""
    for _ in range(MAX_UNESCAPE_ROUNDS):
        if _MARKUP.search(text):
            return text
        unescaped = htmllib.unescape(text)
        if unescaped == text:
            return None
        text = unescaped
    return None


def inline_escaped(root) -> None:
    """Parse markup found in text nodes in place (escaped HTML, ``<textarea>`` content)."""
    for _ in range(MAX_UNESCAPE_ROUNDS):
        found = False
        for el in list(root.iter()):
            if not isinstance(el.tag, str) or el.tag in DROP_TAGS:
                continue
            for attr in ("text", "tail"):
                markup = escaped_markup(getattr(el, attr) or "")
                if markup is None or (attr == "tail" and el.getparent() is None):
                    continue
                fragment = lxml_html.fragment_fromstring(markup, create_parent="div")
                setattr(el, attr, None)
                el.insert(0, fragment) if attr == "text" else el.addnext(fragment)
                found = True
        if not found:
            return


def _text_length(el) -> int:
    return len("".join(el.itertext()).strip())


def is_chrome(el, page_chars: int) -> bool:
    """Menus, breadcrumbs, share bars, page header and footer (not an article's own)."""
    named = " ".join(filter(None, (el.get("class"), el.get("id"))))
    if el.tag in CHROME_TAGS:
        if el.tag in ("header", "footer") and any(a.tag in ("article", "main") for a in el.iterancestors()):
            return False
    elif not CHROME_NAME.search(named):
        return False
    return _text_length(el) < CHROME_MAX_SHARE * page_chars


def drop_chrome(root) -> None:
    for el in list(root.iter(*DROP_TAGS, etree.Comment)):
        el.drop_tree()
    page_chars = _text_length(root)
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.getparent() is not None and is_chrome(el, page_chars):
            el.drop_tree()


class _Lines:
    """Inline text gathers into the current line; a block boundary ends it. ``items`` are
    the lines, and each data table as its cells (a list)."""

    def __init__(self):
        self.items, self._buffer = [], []

    @property
    def lines(self) -> list:
        return [item for item in self.items if isinstance(item, str)]

    def add(self, text) -> None:
        if text:
            self._buffer.append(text)

    def flush(self) -> None:
        line = collapse("".join(self._buffer))
        self._buffer = []
        if line:
            self.items.append(line)


def is_data_table(table) -> bool:
    """A grid of cells, not a layout table wrapping the page (nested tables, one column)."""
    if table.xpath(".//table"):
        return False
    return any(len(row_cells(tr)) > 1 for tr in table_rows(table))


def table_rows(table) -> list:
    return table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")


def row_cells(tr) -> list:
    return tr.xpath("./td|./th")


def cell_text(cell) -> str:
    out = _Lines()
    _walk_children(cell, out)
    out.flush()
    return clean_cell(" ".join(out.lines))


def table_cells(table) -> list:
    """The table's cells with their row/column extents (rowspan and colspan resolved)."""
    rows = [[SpanCell(cell_text(td), clip_span(td.get("rowspan"), MAX_ROWSPAN),
                      clip_span(td.get("colspan"), MAX_COLSPAN)) for td in row_cells(tr)]
            for tr in table_rows(table)]
    return spans_to_cells(rows)


def _walk_children(el, out: _Lines) -> None:
    out.add(el.text)
    for child in el:
        _walk(child, out)
        out.add(child.tail)


def _walk(el, out: _Lines) -> None:
    if not isinstance(el.tag, str):
        return
    block = el.tag in BLOCK_TAGS
    if block:
        out.flush()
    if el.tag == "table" and is_data_table(el):
        out.items += [c for c in (collapse(c.text_content()) for c in el.xpath("./caption")) if c]
        out.items.append(table_cells(el))
    else:
        _walk_children(el, out)
    if block:
        out.flush()


def title_line(root) -> str:
    """The page title without its site name (``…年度报告_某某市人民政府``)."""
    titles = root.xpath("//head/title")
    title = collapse(titles[0].text_content()) if titles else ""
    return _TITLE_SITE.split(title)[0].strip()


def page_lines(page: str) -> list:
    """The page's lines and tables (a table as its cells); its title opens them when the
    body does not repeat it."""
    page = _XML_DECLARATION.sub("", unwrap_scripts(page))
    if not page.strip():
        return []
    try:
        root = lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return []
    title = title_line(root)
    inline_escaped(root)
    drop_chrome(root)
    out = _Lines()
    _walk(root, out)
    out.flush()
    items = [item for item in out.items if not isinstance(item, str) or not is_chrome_line(item)]
    if items and title and not any(title in item for item in items if isinstance(item, str)):
        items.insert(0, title)
    return items


def is_chrome_line(line: str) -> bool:
    return len(line) <= CHROME_LINE_MAX_CHARS and bool(CHROME_LINE.search(line))


def read_html(data: bytes, source: str, charset: str | None = None) -> Layout:
    out = LayoutBuilder()
    for item in page_lines(decode_page(data, source, charset)):
        out.line(item) if isinstance(item, str) else out.table(item)
    layout = out.build()
    if not layout.text.strip():
        raise EmptyInput("the HTML page holds no text once page chrome is removed", source=source)
    return layout

