"""The text encoding of a file, and its first part decoded.

UTF-8 (with or without BOM), UTF-16/32 (with a BOM, or UTF-16 told by its NUL bytes) or a
legacy single-byte code page: Windows-1252 whenever it reads as Western text, otherwise the
code page charset-normalizer finds least chaotic among :data:`_LEGACY_CODEPAGES`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from typing import Final

from mot.io._common import SAMPLE_BYTES
from mot.io.sources import Source, not_a_table

_MAX_SAMPLE_BYTES: Final = 1 << 24

# Candidates for text that is not UTF-8 (charset-normalizer guesses wildly on small samples
# when it may pick any codec): Windows code pages, KOI8-R, Mac Roman and the main CJK ones.
_LEGACY_CODEPAGES: Final = (
    "cp1250",
    "cp1251",
    "cp1252",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "koi8_r",
    "mac_roman",
    "shift_jis",
    "gb18030",
    "big5",
    "euc_kr",
)

_BOMS: Final = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)


@dataclass(frozen=True)
class Encoding:
    """How a text file is encoded."""

    codec: str  # codec of the bytes after the BOM
    bom: int  # length of the byte-order mark
    label: str  # what RawTable.encoding reports


def detect_encoding(head: bytes, complete: bool) -> Encoding:
    """The encoding of a file from its first bytes (``complete``: they are the whole file)."""
    for bom, codec, label in _BOMS:
        if head.startswith(bom):
            return Encoding(codec, len(bom), label)
    utf16 = _utf16_without_bom(head)
    if utf16 is not None:
        return Encoding(utf16, 0, utf16)
    if _is_utf8(head, complete):
        return Encoding("utf-8", 0, "utf-8")
    codec = _legacy_encoding(head)
    return Encoding(codec, 0, codec)


def _utf16_without_bom(head: bytes) -> str | None:
    sample = head[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    half = len(sample) // 2
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if odd_nuls > 0.6 and even_nuls < 0.1:
        return "utf-16-le"
    if even_nuls > 0.6 and odd_nuls < 0.1:
        return "utf-16-be"
    return None


def _is_utf8(head: bytes, complete: bool) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        truncated = err.reason == "unexpected end of data" and err.start >= len(head) - 3
        return truncated and not complete
    return True


def _legacy_encoding(head: bytes) -> str:
    """Guess the single-byte encoding of text that is not UTF-8.

    Windows-1252 wins whenever it decodes the bytes into Western-looking text (it is what
    Excel writes in Spain and the Americas, and a superset of Latin-1's letters), and on a
    tie; otherwise charset-normalizer decides (Cyrillic in cp1251, Greek in cp1253, ...).
    """
    from charset_normalizer import from_bytes

    cp1252 = _decodes(head, "cp1252")
    if cp1252 and _looks_western(head.decode("cp1252")):
        return "cp1252"
    matches = list(from_bytes(head, cp_isolation=list(_LEGACY_CODEPAGES)))
    if not matches:
        return "cp1252" if cp1252 else "latin-1"
    best = min(matches, key=lambda match: match.chaos)
    tie = any(m.encoding == "cp1252" and m.chaos <= best.chaos + 0.01 for m in matches)
    if tie or _same_text(head, best.encoding, "cp1252"):
        return "cp1252"
    return codecs.lookup(best.encoding).name


_WORD = re.compile(r"[^\W\d_]+")


def _looks_western(text: str) -> bool:
    """Accented letters are a minority within the words that have them ("Satisfacción").

    Cyrillic or Greek bytes read as Windows-1252 give words made only of accented letters.
    """
    words = [word for word in _WORD.findall(text[:SAMPLE_BYTES]) if not word.isascii()]
    letters = sum(len(word) for word in words)
    accented = sum(1 for word in words for ch in word if not ch.isascii())
    return accented <= letters / 2


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _same_text(data: bytes, codec_a: str, codec_b: str) -> bool:
    try:
        return data.decode(codec_a) == data.decode(codec_b)
    except (UnicodeDecodeError, LookupError):
        return False


def check_is_text(text: str, src: Source) -> None:
    """Refuse text with more control characters than a stray one (a binary file)."""
    text = text[:SAMPLE_BYTES]
    if not text:
        return
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n") + text.count("\x7f")
    if controls > max(1, len(text) // 100):  # a stray control character is tolerated
        raise not_a_table(src, "binary")


@dataclass(frozen=True)
class Sample:
    """The first part of a text file, decoded."""

    encoding: Encoding
    text: str
    complete: bool  # the sample is the whole file
    clean: bool  # the sample decoded without errors in ``encoding``


def take_sample(src: Source, head: bytes, encoding: Encoding | None = None) -> Sample:
    """Decode the first 64 KB; take more while it holds fewer than 5 complete records.

    The encoding is detected from ``head`` unless given.
    """
    size = SAMPLE_BYTES
    total = src.size()
    encoding = encoding or detect_encoding(head, complete=total <= size)
    while True:
        complete = total <= size
        text, clean = decode_sample(head, encoding, complete)
        if complete or size >= _MAX_SAMPLE_BYTES or _count_records(text) > 5:
            return Sample(encoding, text, complete, clean)
        size *= 4
        head = src.head(size)


def decode_sample(head: bytes, encoding: Encoding, complete: bool) -> tuple[str, bool]:
    """Decode the sample; replace what does not decode (and say so) rather than fail."""
    body = head[encoding.bom :]
    try:
        return codecs.getincrementaldecoder(encoding.codec)().decode(body, final=complete), True
    except UnicodeDecodeError:
        decoder = codecs.getincrementaldecoder(encoding.codec)(errors="replace")
        return decoder.decode(body, final=complete), False


def _count_records(text: str) -> int:
    try:
        return sum(1 for _ in csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return 0


def transcode_to_utf8(src: Source, sample: Sample) -> tuple[Source, Sample]:
    """UTF-16/32 files are rare and small: re-encode them as UTF-8 in memory."""
    enc = sample.encoding
    data = src.all_bytes()[enc.bom :].decode(enc.codec, errors="replace").encode("utf-8")
    complete = len(data) <= SAMPLE_BYTES
    utf8 = Encoding("utf-8", 0, enc.label)
    text, _ = decode_sample(data[:SAMPLE_BYTES], utf8, complete)
    return Source(src.name, data=data), Sample(utf8, text, complete, clean=True)


def decode_all(data: bytes, encoding: Encoding) -> tuple[str, str]:
    """Decode the whole file; if it is not all in the sampled encoding, find one that fits."""
    body = data[encoding.bom :]
    candidates = ((encoding.codec, encoding.label), ("utf-8", "utf-8"), ("cp1252", "cp1252"))
    for codec, label in candidates:
        try:
            return body.decode(codec), label
        except UnicodeDecodeError:
            continue
    return body.decode("latin-1"), "latin-1"


def fitting_encoding(src: Source, encoding: Encoding) -> Encoding:
    """The first of ``encoding``, UTF-8, Windows-1252 and Latin-1 that decodes the whole file.

    The file is decoded in 1 MB pieces (nothing is kept); the byte-order mark stays skipped.
    """
    candidates = ((encoding.codec, encoding.label), ("utf-8", "utf-8"), ("cp1252", "cp1252"))
    for codec, label in candidates:
        if _decodes_whole(src, codec, encoding.bom):
            return Encoding(codec, encoding.bom, label)
    return Encoding("latin-1", encoding.bom, "latin-1")


def _decodes_whole(src: Source, codec: str, offset: int) -> bool:
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        with src.arrow_stream(offset) as stream:
            while chunk := stream.read(1 << 20):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True
