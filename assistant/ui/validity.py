"""Validity badges and shown dates of documents: 已到期 / 有效期至… / 已废止, the issue month for undated items."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date

_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def today() -> str:
    """Today as YYYY-MM-DD; GAZETTE_TODAY overrides it (tests, or checking validity as of another day)."""
    value = (os.environ.get("GAZETTE_TODAY") or "").strip()
    return value if _ISO.match(value) else date.today().isoformat()


@dataclass(frozen=True)
class Validity:
    text: str  # 已到期（有效期至2021-12-31） / 有效期至2030-12-31 / 已废止（…）
    short: str  # what a chip shows
    ended: bool


def validity(effective_until: str | None, repealed_by: str | None = None, on: str | None = None) -> Validity | None:
    """The badge of a document: None when it states no period and no repeal."""
    if repealed_by:
        return Validity(f"已废止（{repealed_by}）", "已废止", True)
    if not effective_until or not _ISO.match(effective_until):
        return None
    on = on or today()
    # An end given only as a month lasts to the month's end: compare on the month then.
    ended = effective_until < on[: len(effective_until)]
    if ended:
        return Validity(f"已到期（有效期至{effective_until}）", "已到期", True)
    return Validity(f"有效期至{effective_until}", f"有效期至{effective_until}", False)


def month_text(value: str | None) -> str | None:
    """2019-07 or 2019-07-15 as 2019年7月."""
    m = _ISO.match(value or "")
    return f"{m.group(1)}年{int(m.group(2))}月" if m else None


def date_shown(item) -> str:
    """A document's own date; else the month of the gazette issue it was printed in; else 未注明."""
    own = getattr(item, "date", None)
    if own:
        return own
    month = month_text(getattr(item, "issue_date", None))
    return f"{month}（所载公报期）" if month else "未注明"
