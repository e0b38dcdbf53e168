"""Text normalisation shared by every loader.

Inputs are Chinese: UTF-8 with or without BOM, GB18030, traditional characters,
full-width digits and punctuation.  These helpers turn all of that into one
canonical form: simplified characters, ASCII digits and letters, and Chinese
punctuation left as it is (statutes are written with it).

>>> normalise("第１２２條")
'第122条'
>>> chinese_to_int("一百二十二")
122
>>> chinese_to_int("１０")
10
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path


class DecodeError(ValueError):
    """A file is binary or in no encoding we read."""


ENCODINGS = ("utf-8-sig", "gb18030")  # tried in this order (UTF-16 only with its BOM)


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.

    Raises :class:`DecodeError` naming ``name`` for binary or undecodable data.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"{name}: not valid UTF-16 ({exc.reason})") from None
    if b"\x00" in data[:4096]:
        raise DecodeError(f"{name}: binary file (NUL bytes), not text")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DecodeError(f"{name}: not UTF-8 or GB18030 text")


def read_text(path: str | Path) -> str:
    """Read a text file in any supported encoding, normalised."""
    path = Path(path)
    return normalise(decode_bytes(path.read_bytes(), str(path)))


# --- full-width to half-width ------------------------------------------------

# Full-width ASCII digits and letters become ASCII; Chinese punctuation
# （），、；：《》“” stays, because statutes and citations are written with it.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH.update({0x3000: 0x20, 0xFF0E: ord("."), 0xFF05: ord("%"), 0xFF0D: ord("-")})
_FULLWIDTH.update({0x00A0: 0x20, 0x200B: None, 0xFEFF: None})


def halfwidth(text: str) -> str:
    """Full-width digits/letters and ideographic spaces to ASCII."""
    return text.translate(_FULLWIDTH)


# --- traditional to simplified -------------------------------------------------


@functools.lru_cache(maxsize=1)
def _opencc():
    import opencc  # opencc-python-reimplemented

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters that OpenCC's t2s table changes (first target differs)."""
    import os

    import opencc

    base = os.path.join(os.path.dirname(opencc.__file__), "dictionary")
    chars: set[str] = set()
    for name in ("TSCharacters.txt",):
        path = os.path.join(base, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                key, _, targets = line.rstrip("\n").partition("\t")
                # 覆 -> "覆 复": OpenCC keeps the first target, so 覆 is no trigger
                if len(key) == 1 and targets.split(" ", 1)[0] != key:
                    chars.add(key)
    return frozenset(chars)


def simplified(text: str) -> str:
    """Traditional characters to simplified (OpenCC t2s).

    OpenCC is slow in pure Python, so text is converted only when it holds a
    traditional character; most statutes hold none.
    """
    trad = _traditional_chars()
    if trad and trad.isdisjoint(text):
        return text
    return _opencc().convert(text)


def normalise(text: str) -> str:
    """NFC, half-width digits and letters, simplified characters, ``\\n`` lines.

    Most texts need none of it: one search in C finds those and returns them
    as they are, instead of three passes (a power list has millions of cells).
    """
    changing = _changing_chars()
    if changing is not None and changing.search(text) is None and unicodedata.is_normalized("NFC", text):
        return text
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return simplified(halfwidth(text))


# --- numerals --------------------------------------------------------------------

_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
              "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}

NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_UNITS) + "".join(_CN_BIG) + "0123456789"
NUMERAL_RE = f"[{NUMERAL_CHARS}]+"


@functools.lru_cache(maxsize=4096)
def chinese_to_int(numeral: str) -> int:
    """A Chinese or Arabic numeral as an int: 一百二十二 -> 122, 十 -> 10, 二〇二一 -> 2021.

    Raises ``ValueError`` for anything that is not a numeral.
    """
    numeral = halfwidth(numeral.strip())
    if not numeral:
        raise ValueError("empty numeral")
    if numeral.isdigit():
        return int(numeral)
    if all(ch in _CN_DIGITS for ch in numeral) and len(numeral) > 1:
        # digit by digit, as in years: 二〇二一
        return int("".join(str(_CN_DIGITS[ch]) for ch in numeral))
    total = section = 0
    digit = None
    for ch in numeral:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            total += section * _CN_BIG[ch]
            section, digit = 0, None
        elif ch.isdigit():
            digit = (digit or 0) * 10 + int(ch)
        else:
            raise ValueError(f"not a numeral: {numeral!r}")
    return total + section + (digit or 0)


_DATE_RE = re.compile(r"(\d{4}|[一二三四五六七八九〇零○]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?")


def parse_chinese_date(text: str) -> str | None:
    """The first date in ``text`` as ISO (``2021年4月29日`` -> ``2021-04-29``).

    A date without a day gives the first of the month.
    """
    match = _DATE_RE.search(halfwidth(text))
    if not match:
        return None
    year, month, day = match.groups()
    try:
        y, m = chinese_to_int(year), chinese_to_int(month)
        d = chinese_to_int(day) if day else 1
    except ValueError:
        return None
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def strip_prc(title: str) -> str:
    """Title without the 中华人民共和国 prefix: citations often drop it."""
    return title[len("中华人民共和国"):] if title.startswith("中华人民共和国") else title


_PUNCT_RE = re.compile(r"[\s\u3000，。、；：！？,.;:!?“”‘’\"'（）()《》〈〉【】\[\]—\-…·]")


def squeeze(text: str) -> str:
    """Text without whitespace and punctuation: for comparing quotes."""
    return _PUNCT_RE.sub("", text)


def bigrams(text: str | None) -> frozenset[str]:
    """Character bigrams of ``text`` without whitespace and punctuation (a single character is its own).

    >>> sorted(bigrams("违反、规定")), bigrams(None)
    (['反规', '规定', '违反'], frozenset())
    """
    text = squeeze(text or "")
    if len(text) < 2:
        return frozenset((text,)) if text else frozenset()
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


@functools.lru_cache(maxsize=1)
def _changing_chars() -> re.Pattern[str] | None:
    """A class of every character :func:`normalise` changes besides NFC: a traditional
    character :func:`simplified` converts, a full-width one :func:`halfwidth` maps, ``\\r``.

    None when OpenCC's table is missing (:func:`simplified` then converts every text).
    """
    traditional = _traditional_chars()
    if not traditional:
        return None
    chars = set(traditional) | {chr(code) for code in _FULLWIDTH} | {"\r"}
    # Characters past U+FFFF stand for themselves in one range: a class of BMP characters alone
    # compiles to a bitmap (a microsecond a text); one astral literal makes it a slow list.
    bmp = "".join(re.escape(ch) for ch in sorted(chars) if ord(ch) <= 0xFFFF)
    return re.compile(f"[{bmp}\U00010000-\U0010FFFF]")
