"""A hint for questions not written in Chinese: the gazettes are Chinese, so is the search."""
from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

HINT = ("本助手只收录中文的政府公报，请用中文提问，例如：“开诊所有什么补贴？”\n"
        "Please ask in Chinese: answers come only from the Chinese government gazettes indexed here "
        "(for example: “开诊所有什么补贴？”).")


def language_hint(question: str) -> str | None:
    """HINT when the question has no Chinese character but at least three letters of another script."""
    if _CJK.search(question):
        return None
    letters = sum(1 for ch in question if ch.isalpha())
    return HINT if letters >= 3 else None
