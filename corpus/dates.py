"""Chinese dates (2019年1月27日, 二〇〇四年八月十二日) to ISO strings."""
from __future__ import annotations

import re

from corpus.numbers import cn_to_int

_YEAR_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_YEAR_DIGITS.update({"○": "0", "零": "0", "Ｏ": "0", "O": "0", "０": "0"})
_CN_YEAR = "[〇○零ＯO０一二三四五六七八九]{4}"
_CN_SMALL = "[一二三四五六七八九十]{1,3}"
DATE = re.compile(
    rf"(?P<y>\d{{4}}|{_CN_YEAR})[\s　]*年[\s　]*(?P<m>\d{{1,2}}|{_CN_SMALL})[\s　]*月[\s　]*(?P<d>\d{{1,2}}|{_CN_SMALL})[\s　]*日"
)


def iso_date(match: re.Match) -> str | None:
    """ISO form of a DATE match; None when month or day is out of range."""
    y, m, d = match.group("y"), match.group("m"), match.group("d")
    year = int(y) if y.isdigit() and y.isascii() else int("".join(_YEAR_DIGITS.get(c, c) for c in y))
    month = int(m) if m.isdigit() else cn_to_int(m)
    day = int(d) if d.isdigit() else cn_to_int(d)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def all_dates(text: str) -> list[str]:
    """Every valid date in the text, in order, as ISO strings."""
    return [iso for m in DATE.finditer(text) if (iso := iso_date(m))]


def parse_date_line(line: str) -> str | None:
    """ISO date when the whole line is a date (a signature date line), else None."""
    m = DATE.fullmatch(line.strip(" \t　\u00a0"))
    return iso_date(m) if m else None
