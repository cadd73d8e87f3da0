"""HTML pages: span tables as grids, chrome dropped, reports inside scripts or escaped."""
from __future__ import annotations

import json

import pytest

from nlp.errors import EmptyInput
from nlp.read import read_bytes

from .build import Span, html_body, html_table

SPAN_TABLE = [
    [Span("项目", rowspan=2), Span("申请人情况", colspan=3)],
    ["自然人", "法人", Span("总计", rowspan=2)],
    ["新收申请", "3", "1"],
    [Span("三、办理结果", rowspan=2), "予以公开", "2", "2"],
    ["不予公开", "1", "", "1"],
]
SPAN_LINES = [
    "项目 | 申请人情况 |  |",
    " | 自然人 | 法人 | 总计",
    "新收申请 | 3 | 1 |",
    "三、办理结果 | 予以公开 | 2 | 2",
    " | 不予公开 | 1 |  | 1",
]
NARRATIVE = ["一、总体情况", "2020年，本机关主动公开政府信息1234条。"]

CHROME = """
<div class="top-nav"><ul><li><a href="/">首页</a></li><li>政务公开</li><li>互动交流</li></ul></div>
<nav><a href="/">网站首页</a> <a href="/zwgk">政务公开</a></nav>
<div id="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>
<script>var _hmt = _hmt || []; window.alert("统计代码");</script>
<style>.content { font-size: 14px }</style>
"""
FOOTER = """
<div class="share">分享到：微信 微博</div>
<div class="ewm"><img src="qr.png">扫一扫在手机打开当前页</div>
<p>【打印本页】【关闭窗口】</p>
<footer>主办单位：某某市人民政府办公室 版权所有 备案号：京ICP备0000000号</footer>
"""


def page(body: str, head: str = "<meta charset='utf-8'>", title: str = "") -> bytes:
    return (f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>{CHROME}"
            f"<div class='article'>{body}</div>{FOOTER}</body></html>").encode("utf-8")


def report_body() -> str:
    return html_body([NARRATIVE[0], NARRATIVE[1]]) + html_table(SPAN_TABLE) + "<p>二、其他</p>"


def test_span_table_chrome_and_narrative():
    doc = read_bytes(page(report_body()), "report.html")
    assert doc.format == "html"
    assert doc.text.splitlines() == NARRATIVE + SPAN_LINES + ["二、其他"]


@pytest.mark.parametrize("chrome", ["首页", "当前位置", "统计代码", "font-size", "扫一扫", "打印本页", "版权所有", "分享到"])
def test_chrome_is_gone(chrome):
    assert chrome not in read_bytes(page(report_body()), "report.html").text


def test_layout_tables_are_walked_not_rendered():
    body = f"<table><tr><td><table><tr><td>{report_body()}</td></tr></table></td></tr></table>"
    assert read_bytes(page(body), "r.htm").text.splitlines() == NARRATIVE + SPAN_LINES + ["二、其他"]


def test_one_column_table_wrapping_paragraphs():
    body = f"<table><tr><td><p>{NARRATIVE[0]}</p><p>{NARRATIVE[1]}</p></td></tr></table>"
    assert read_bytes(page(body), "r.html").text.splitlines() == NARRATIVE


def test_inline_markup_and_breaks():
    body = ("<p><span>政府</span><b>信息</b>公开</p><p>第一行<br>第二行</p>"
            "<table><tr><td>本年新<br/>制作数量</td><td>a|b</td></tr></table>")
    assert read_bytes(page(body), "r.html").text.splitlines() == [
        "政府信息公开", "第一行", "第二行", "本年新 制作数量 | a｜b"]


def test_report_inside_a_javascript_string():
    markup = report_body()
    script = f"<script>var content = {json.dumps(markup)};\ndocument.write(content);</script>"
    escaped = script.replace("<p>", "\\u003cp\\u003e").replace("</td>", "\\x3c/td>")
    doc = read_bytes(page(escaped), "report.html")
    assert doc.text.splitlines() == NARRATIVE + SPAN_LINES + ["二、其他"]


def test_report_concatenated_in_javascript():
    parts = " + ".join(json.dumps(piece) for piece in
                       ["<p>" + NARRATIVE[0] + "</p>", "<p>" + NARRATIVE[1], "</p>", html_table(SPAN_TABLE)])
    doc = read_bytes(page(f"<script type='text/javascript'>document.write({parts});</script>"), "r.html")
    assert doc.text.splitlines() == NARRATIVE + SPAN_LINES


@pytest.mark.parametrize("times", [1, 2])
def test_escaped_html(times):
    import html

    markup = report_body()
    for _ in range(times):
        markup = html.escape(markup)
    doc = read_bytes(page(f"<div id='zoom'>{markup}</div>"), "r.html")
    assert doc.text.splitlines() == NARRATIVE + SPAN_LINES + ["二、其他"]


def test_escaped_html_in_a_textarea():
    import html

    doc = read_bytes(page(f"<textarea id='content'>{html.escape(report_body())}</textarea>"), "r.html")
    assert doc.text.splitlines() == NARRATIVE + SPAN_LINES + ["二、其他"]


def test_declared_gbk_page():
    data = page(report_body(), head="<meta http-equiv='Content-Type' content='text/html; charset=gb2312'>")
    doc = read_bytes(data.decode("utf-8").encode("gbk"), "r.htm")
    assert doc.text.splitlines()[:2] == NARRATIVE


def test_undeclared_gbk_page_is_detected():
    data = page(report_body(), head="")
    assert read_bytes(data.decode("utf-8").encode("gb18030"), "r.htm").text.splitlines()[:2] == NARRATIVE


def test_big5_traditional_page_is_converted():
    body = "<p>一、總體情況</p><p>本機關主動公開政府信息1234條。</p>" + html_table(
        [[Span("項目", rowspan=2), "數量"], ["1"]])
    data = (f"<html><head><meta charset='big5'></head><body>{body}</body></html>").encode("big5")
    doc = read_bytes(data, "trad.html")
    assert doc.text.splitlines() == ["一、总体情况", "本机关主动公开政府信息1234条。", "项目 | 数量", " | 1"]
    assert doc.script is not None
    at = doc.text.index("总体")
    assert doc.script.original[doc.script.to_original(at):][:2] == "總體"


TITLE = "某某区2020年政府信息公开工作年度报告"


@pytest.mark.parametrize("title", [TITLE, f"{TITLE}_某某区人民政府", f"{TITLE} - 政务公开 - 某某区人民政府"])
def test_page_title_opens_the_text_when_the_body_lacks_it(title):
    assert read_bytes(page(report_body(), title=title), "r.html").text.splitlines()[:3] == [TITLE] + NARRATIVE


def test_page_title_is_not_repeated():
    body = f"<article><header><h1>{TITLE}</h1></header>{report_body()}</article>"
    lines = read_bytes(page(body, title=f"{TITLE}_某某区人民政府"), "r.html").text.splitlines()
    assert lines[:3] == [TITLE] + NARRATIVE and lines.count(TITLE) == 1


def test_html_saved_as_txt_is_read_as_html():
    assert read_bytes(page(report_body()), "saved.txt").format == "html"


def test_chrome_only_page_is_empty():
    with pytest.raises(EmptyInput, match=r"menu\.html.*no text once page chrome is removed"):
        read_bytes(f"<html><body>{CHROME}{FOOTER}</body></html>".encode("utf-8"), "menu.html")


def test_clipped_spans():
    table = "<table><tr><td colspan='9999'>甲</td><td rowspan='0'>乙</td></tr><tr><td>1</td></tr></table>"
    lines = read_bytes(page(table), "r.html").text.splitlines()
    assert lines[0].startswith("甲 | ") and lines[0].endswith("乙") and len(lines[0].split("|")) == 65


def test_page_saved_as_mhtml():
    import quopri

    html_part = quopri.encodestring(page(report_body()).decode("utf-8").encode("gb18030").replace(
        b"charset='utf-8'", b"charset='gb2312'"))
    mht = (b"From: <Saved by Windows Internet Explorer 8>\r\nSubject: report\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----=_NextPart_000\"\r\n\r\n"
           b"This is a multi-part message in MIME format.\r\n\r\n------=_NextPart_000\r\n"
           b"Content-Type: text/html;\r\n\tcharset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
           + html_part + b"\r\n------=_NextPart_000\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           b"iVBORw0KGgo=\r\n------=_NextPart_000--\r\n")
    doc = read_bytes(mht, "report.mht")
    assert doc.format == "mhtml"
    assert doc.text.splitlines() == NARRATIVE + SPAN_LINES + ["二、其他"]


def test_mhtml_without_an_html_part():
    from nlp.errors import DamagedInput

    mht = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n"
           b"--B\r\nContent-Type: image/png\r\n\r\nxx\r\n--B--\r\n")
    with pytest.raises(DamagedInput, match=r"x\.mht.*without an HTML part"):
        read_bytes(mht, "x.mht")
