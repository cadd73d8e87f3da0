"""Zip archives read member by member in memory, never extracted to disk.

Limits hold before a member is inflated: the number of members, each member's and the
archive's uncompressed size, and the compression ratio (a zip bomb's mark). A member
that is refused or damaged yields one :class:`~nlp.errors.InputError` naming it
(``archive.zip/member``); the other members are still read.
"""
from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass

from ..errors import DamagedInput, EmptyInput, UnsafeArchive

MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 500 * 1024 * 1024
#: Text and Office XML compress 3-20 times; far beyond that is a bomb ...
MAX_RATIO = 100
#: ... once the member is big enough for it to matter.
RATIO_MIN_BYTES = 1024 * 1024
#: Archives inside archives are read to this depth.
MAX_DEPTH = 2
#: Operating-system litter, skipped without a word.
LITTER = re.compile(r"(?:^|/)(?:__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$|~\$)", re.I)

#: What zipfile and zlib raise on a damaged archive (a bad offset is a ValueError).
DAMAGED_ZIP = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError, RuntimeError, ValueError)

_UTF8_NAMES = 0x800
_ENCRYPTED = 0x1
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Member:
    source: str
    data: bytes


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as written: zips made on Chinese Windows store names in GBK."""
    if info.flag_bits & _UTF8_NAMES:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def unsafe_path(name: str):
    """Why a member's path is refused, or None.

    >>> [unsafe_path(n) for n in ("a/b.txt", "../../etc/passwd", "/etc/passwd", "C:\\\\x.txt")]
    [None, "its path climbs out of the archive ('..')", 'its path is absolute', 'its path is absolute']
    """
    path = name.replace("\\", "/")
    if path.startswith("/") or _DRIVE.match(path):
        return "its path is absolute"
    if ".." in path.split("/"):
        return "its path climbs out of the archive ('..')"
    return None


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def refusal(info: zipfile.ZipInfo, name: str):
    """Why one member is refused before it is inflated, or None."""
    if _is_symlink(info):
        return "a symbolic link"
    reason = unsafe_path(name)
    if reason:
        return reason
    if info.file_size > MAX_MEMBER_BYTES:
        return f"{info.file_size:,} bytes uncompressed (the limit is {MAX_MEMBER_BYTES:,})"
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size >= RATIO_MIN_BYTES and ratio > MAX_RATIO:
        return f"compression ratio {ratio:,.0f}:1 (the limit is {MAX_RATIO}:1): a zip bomb"
    return None


def open_zip(data: bytes, source: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except DAMAGED_ZIP as exc:
        raise DamagedInput(f"damaged or truncated zip data ({exc})", source=source) from None


def check_container(zf: zipfile.ZipFile, source: str) -> None:
    """A zip-based document (DOCX) is refused whole when any part breaks the limits."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise UnsafeArchive(f"{len(infos):,} parts (the limit is {MAX_MEMBERS:,})", source=source)
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        raise UnsafeArchive(f"{total:,} bytes uncompressed (the limit is {MAX_TOTAL_BYTES:,})", source=source)
    for info in infos:
        reason = refusal(info, info.filename)
        if reason:
            raise UnsafeArchive(f"part {info.filename!r} refused: {reason}", source=source)


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    if info.flag_bits & _ENCRYPTED:
        raise DamagedInput("encrypted (password-protected) member", source=source)
    try:
        with zf.open(info) as handle:
            return handle.read(MAX_MEMBER_BYTES + 1)
    except DAMAGED_ZIP as exc:
        raise DamagedInput(f"damaged member ({exc})", source=source) from None


def iter_members(data: bytes, source: str, depth: int = 0):
    """Each member as a :class:`Member`, or the InputError that refuses it."""
    if depth >= MAX_DEPTH:
        yield UnsafeArchive(f"an archive nested {depth} deep (the limit is {MAX_DEPTH - 1})", source=source)
        return
    try:
        zf = open_zip(data, source)
    except DamagedInput as exc:
        yield exc
        return
    infos = [info for info in zf.infolist() if not info.is_dir()]
    if len(infos) > MAX_MEMBERS:
        yield UnsafeArchive(f"{len(infos):,} members (the limit is {MAX_MEMBERS:,}); nothing read", source=source)
        return
    if not infos:
        yield EmptyInput("the archive holds no files", source=source)
        return
    total = 0
    for info in infos:
        name = member_name(info)
        if LITTER.search(name):
            continue
        where = f"{source}/{name}"
        reason = refusal(info, name)
        if reason is None and total + info.file_size > MAX_TOTAL_BYTES:
            reason = f"the members add up to more than {MAX_TOTAL_BYTES:,} bytes uncompressed"
        if reason:
            yield UnsafeArchive(f"member refused: {reason}", source=where)
            continue
        total += info.file_size
        try:
            yield Member(where, read_member(zf, info, where))
        except DamagedInput as exc:
            yield exc
