"""Document numbers (文号) and Chinese numerals: the one definition every stage uses.

A document number is issuer code + year in brackets + serial + 号, e.g. 温政办〔2019〕49号. Sources print the year
in any of the bracket pairs below, sometimes with spaces or 第 before the serial; the canonical form is
issuer〔YYYY〕N号 (ASCII digits, no leading zeros). Chinese numerals are parsed by cn2an.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Bracket pairs seen around the year, all normalized to 〔〕.
OPEN, CLOSE = "〔[［【(（", "〕]］】)）"
ISSUER = r"[\u4e00-\u9fff]{1,16}"  # issuer code: 国办发, 温政办, 浙江省人民政府办公厅
YEAR = r"\d{4}"
SERIAL = r"\d{1,5}"
TEXT_YEAR = r"(?:19|20)\d\d"  # in running text a bracketed number is a year only when it looks like one


def _year_serial(year: str) -> str:
    return rf"[{re.escape(OPEN)}]\s*({year})\s*[{re.escape(CLOSE)}]\s*第?\s*({SERIAL})\s*号"


_YEAR_SERIAL = _year_serial(YEAR)
# issuer, year, serial; the whole of a line or field (match / fullmatch).
DOC_NUMBER = re.compile(rf"({ISSUER}){_YEAR_SERIAL}")
# In running text and queries: the issuer may be left out ("〔2019〕49号"), the year must look like one, and
# "文" / "文件" may follow ("49号文").
DOC_NUMBER_IN_TEXT = re.compile(rf"({ISSUER})?{_year_serial(TEXT_YEAR)}(?:文件|文)?")
# Year and serial without the issuer: enough to tell that a line names a document number.
YEAR_SERIAL = re.compile(_YEAR_SERIAL)
# A decree number: 国务院令第588号.
DECREE_NUMBER = re.compile(rf"令[\s　]*第[\s　]*({SERIAL})[\s　]*号")

# Characters of a Chinese numeral as markers and article numbers print them.
CN_DIGITS = "零〇一二两三四五六七八九十百千"


def canonical(issuer: str | None, year: str, serial: str) -> str:
    """issuer〔YYYY〕N号 with ASCII digits and no leading zeros; 〔YYYY〕N号 without an issuer."""
    return f"{issuer or ''}〔{int(year):04d}〕{int(serial)}号"


def normalize_doc_number(text: str) -> str:
    """温政办[2019] 第049 号, 温政办（２０１９）４９号 -> 温政办〔2019〕49号; text without spaces when it names none."""
    m = DOC_NUMBER.fullmatch(text.strip())
    return canonical(*m.groups()) if m else re.sub(r"\s+", "", text)


def find_doc_number(text: str) -> str | None:
    """The first document number named in running text, canonical ("〔2019〕49号" when no issuer is given)."""
    m = DOC_NUMBER_IN_TEXT.search(text)
    return canonical(*m.groups()) if m else None


@lru_cache(maxsize=4096)
def cn_to_int(text: str) -> int:
    """A Chinese numeral (二十三, 一百零五, 两, 〇) as an int; 0 when it is not one."""
    import cn2an  # imported on first use: building its parsers takes about 0.2 s

    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError, IndexError):
        return 0
    return int(value) if float(value).is_integer() and value >= 0 else 0


def to_int(token: str) -> int:
    """An item number written in ASCII digits or as a Chinese numeral; 0 when it is neither."""
    return int(token) if token.isdigit() else cn_to_int(token)


def int_to_cn(n: int) -> str:
    """1..99 as the Chinese numeral a clause path uses (十, 十一, 二十); larger numbers stay in digits."""
    if not 0 <= n < 100:
        return str(n)
    import cn2an

    return cn2an.an2cn(n)
