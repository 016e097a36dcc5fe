"""Bytes to text: UTF-8 first, then a declared or detected encoding, said out loud."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from storyline.errors import InputError

# Signatures of common binary formats, so the error can say what the file is.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "a SQLite database",
}
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def binary_kind(data: bytes) -> str | None:
    """What binary format `data` is, or None when it may be text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:8192]
    if head.startswith(_UTF16_BOMS):
        return None
    if b"\x00" in head:
        return "binary data"
    return None


def decode_bytes(data: bytes, source: str, *, html: bool = False) -> tuple[str, str | None]:
    """Decode `data`; return the text and a note when it was not plain UTF-8.

    Raises InputError for binary data and for bytes no encoding explains.
    """
    encoding, note = text_encoding(data, source, html=html)
    return data.decode(encoding), note


def text_encoding(
    data: bytes, source: str, *, complete: bool = True, html: bool = False
) -> tuple[str, str | None]:
    """The codec `data` is written in, and a note when it is not UTF-8. With
    `complete=False`, `data` is the head of a longer stream and may end inside a
    character. An HTML page's declared charset comes before a guess."""
    kind = binary_kind(data)
    if kind:
        raise InputError(source, f"binary file ({kind}), not text")
    if data.startswith(_UTF16_BOMS):
        return "utf-16", "decoded as UTF-16 (byte-order mark)"
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=complete)
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8-sig", None
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", "replace")
            try:
                data.decode(name)
            except (LookupError, UnicodeDecodeError):
                pass
            else:
                return name, f"not UTF-8; decoded as {name} (declared in the page)"
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(source, "cannot decode the bytes: not UTF-8 and no encoding detected")
    return best.encoding, f"not UTF-8; decoded as {best.encoding} (detected)"
