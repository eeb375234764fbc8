"""Per-file text decoding: UTF-8 (BOM or not), Windows-1250/1251, ISO-8859-2, KOI8-R.

Strict UTF-8 wins when it decodes. Otherwise charset-normalizer's guess joins the legacy
code pages as a candidate and every candidate is scored by how plausible its decoded text
is for the languages of the archive (Polish letters, Cyrillic letter frequencies, no
Latin/Cyrillic mix inside a word, no C1 controls). Short texts are where charset detectors
confuse cp1250/ISO-8859-2 and cp1251/KOI8-R; the score separates them.

A UTF-8 BOM is stripped: offsets index the decoded text without U+FEFF. A BOM followed by
bytes that are not UTF-8 (a cp1251 file "labelled" UTF-8) is decoded by detection.
"""
from __future__ import annotations

import codecs
import math
import re
from collections import Counter
from dataclasses import dataclass

from charset_normalizer import from_bytes

LEGACY = ("cp1250", "iso-8859-2", "cp1251", "koi8-r")
# charset-normalizer guesses accepted besides LEGACY (codecs' canonical names); anything
# else it may say for garbage (cp949, big5, ...) is not an encoding of these archives
EXTRA = frozenset({"cp1252", "iso8859-15", "iso8859-1", "cp1257", "iso8859-13", "iso8859-5", "cp866", "koi8-u"})
SAMPLE = 1 << 20  # bytes sniffed for binary content and checked for near-UTF-8
SCORE_SAMPLE = 1 << 16  # bytes decoded and scored per candidate code page
CN_SAMPLE = 1 << 16  # bytes given to charset-normalizer

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png image"),
    (b"\xff\xd8\xff", "jpeg image"),
    (b"GIF87a", "gif image"),
    (b"GIF89a", "gif image"),
    (b"%PDF-", "pdf document"),
    (b"PK\x03\x04", "zip archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"RIFF", "media file"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!", "rar archive"),
    (b"\xd0\xcf\x11\xe0", "ms office document"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")

_POLISH = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# Russian letter frequencies (%), plus the Belarusian and Ukrainian letters.
_CYR_FREQ = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73,
    "в": 4.54, "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01,
    "ы": 1.90, "ь": 1.74, "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97,
    "ж": 0.94, "ш": 0.73, "ю": 0.64, "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04,
    "ё": 0.20, "і": 4.0, "ў": 1.5, "ї": 0.6, "є": 0.8, "ґ": 0.1,
}
_CYR_MEAN = 100.0 / 33
_TYPOGRAPHY = set("„”“‘’‚«»–—…•·°№§€\u00a0×±©®™")
_WORD = re.compile(r"[^\W\d_]+")


class DecodeError(Exception):
    """Bytes that are not text in any supported encoding (binary, garbage)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0  # characters replaced by U+FFFD


def sniff_binary(data: bytes) -> str:
    """A reason when `data` is evidently not text (magic number, NUL bytes, controls), else ""."""
    head = data[:16]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ""  # UTF-16 with BOM: NULs are expected
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({what})"
    sample = data[:SAMPLE]
    if b"\x00" in sample:
        return "binary file (NUL bytes)"
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 50):
        return "binary file (control characters)"
    return ""


def _char_score(ch: str) -> float:
    if ch in _POLISH:
        return 1.0
    low = ch.lower()
    if low in _CYR_FREQ:  # a rare letter still beats punctuation: floor 0.1
        return 0.5 + max(-0.4, min(1.0, math.log(_CYR_FREQ[low] / _CYR_MEAN)))
    if "\u0080" <= ch <= "\u009f" or ch == "\ufffd":
        return -5.0
    if ch in _TYPOGRAPHY:
        return 0.0
    if ch.isalpha():
        return -0.5 if "\u00c0" <= ch <= "\u024f" else -1.0
    return -1.5


def _word_score(word: str) -> float:
    has_cyr = any("\u0400" <= c <= "\u04ff" for c in word)
    has_lat = any(c.isascii() or "\u00c0" <= c <= "\u024f" for c in word)
    score = -3.0 if has_cyr and has_lat else 0.0
    # KOI8-R read as cp1251 (and back) flips case: running text is mostly lower case,
    # so UPPER after lower costs 1 and every non-initial capital 0.5
    score -= sum(1.0 for a, b in zip(word, word[1:]) if a.islower() and b.isupper())
    score -= sum(0.5 for c in word[1:] if c.isupper())
    return score


def plausibility(text: str) -> float:
    """Sum of per-character and per-word evidence that `text` is a correct decoding.

    Distinct characters and words are scored once and weighted by their counts.
    """
    chars = Counter(ch for ch in text if ch >= "\u0080")
    score = sum(_char_score(ch) * n for ch, n in chars.items())
    words = Counter(w for w in _WORD.findall(text) if not w.isascii())
    return score + sum(_word_score(w) * n for w, n in words.items())


def _charset_normalizer_guess(sample: bytes) -> str:
    try:
        best = from_bytes(sample).best()
    except Exception:
        return ""
    return best.encoding if best is not None else ""


def _canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name if name else ""
    except LookupError:
        return ""


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bad bytes (a truncated file, one stray byte) is still UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch >= "\u0080") - bad
    if good >= 3 * bad and good >= 2:
        return Decoded(text, "utf-8", bad)
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode one file's bytes; raises DecodeError with a short reason for non-text."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return Decoded(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            data = data[3:]  # a BOM in front of something else: detect the rest
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise DecodeError("undecodable bytes (broken UTF-16)") from None
    reason = sniff_binary(data)
    if reason:
        raise DecodeError(reason)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:SAMPLE]
    mostly = _mostly_utf8(sample)
    if mostly is not None:
        full = _mostly_utf8(data) if len(data) > SAMPLE else mostly
        if full is not None:
            return full
    guess = _canonical(_charset_normalizer_guess(data[:CN_SAMPLE]))
    candidates = list(LEGACY)
    if guess in EXTRA and guess not in candidates:
        candidates.append(guess)
    best_enc, best_score = "", -math.inf
    scored = data[:SCORE_SAMPLE]
    n_high = sum(1 for b in scored if b >= 0x80) or 1
    for enc in candidates:
        try:
            text = scored.decode(enc, errors="replace")
        except LookupError:
            continue
        score = plausibility(text) + (0.25 if enc == guess and enc in LEGACY else 0.0)
        if score > best_score:
            best_enc, best_score = enc, score
    if not best_enc or best_score / n_high < -1.0:
        raise DecodeError("undecodable bytes (no supported encoding fits)")
    text = data.decode(best_enc, errors="replace")
    return Decoded(text, best_enc, text.count("\ufffd"))
