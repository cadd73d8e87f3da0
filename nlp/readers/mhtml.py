"""Web pages saved as one file (.mht/.mhtml, "Web archive"): the HTML part is read as a page.

>>> page = ("MIME-Version: 1.0\\r\\nContent-Type: multipart/related; boundary=\\"B\\"\\r\\n\\r\\n"
...         "--B\\r\\nContent-Type: text/html; charset=\\"gb2312\\"\\r\\n"
...         "Content-Transfer-Encoding: quoted-printable\\r\\n\\r\\n"
...         "<html><body><p>=D5=FE=B8=AE=D0=C5=CF=A2</p></body></html>\\r\\n--B--\\r\\n")
>>> read_mhtml(page.encode("ascii"), "saved.mht").text
'政府信息'
"""
from __future__ import annotations

import email
import re

from ..errors import DamagedInput
from .grid import Layout
from .html import read_html

_PROBE_BYTES = 4096
_HEADER = re.compile(rb"[A-Za-z][\w-]*:")
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")


def looks_like_mhtml(data: bytes) -> bool:
    """MIME headers first, and among them a multipart/related content type."""
    headers = _BLANK_LINE.split(data[:_PROBE_BYTES], maxsplit=1)[0]
    return bool(_HEADER.match(headers)) and b"multipart/related" in headers.lower()


def read_mhtml(data: bytes, source: str) -> Layout:
    from email import policy  # 50 ms to import (its header grammar): paid only by a run that meets an MHTML file

    try:
        message = email.message_from_bytes(data, policy=policy.compat32)
        parts = [p for p in message.walk() if p.get_content_type() == "text/html"]
        page = parts[0].get_payload(decode=True) if parts else None
    except Exception as exc:  # the email package raises assorted types on mangled MIME
        raise DamagedInput(f"damaged MHTML ({type(exc).__name__}: {exc})", source=source) from None
    if not page:
        raise DamagedInput("an MHTML file without an HTML part", source=source)
    return read_html(page, source, parts[0].get_content_charset())
