"""Spot text that tries to instruct the model ("忽略以上所有指令…") so it is never quoted as an answer."""
from __future__ import annotations

import re

INJECTION = re.compile(
    r"忽略(?:以上|之前|前面|上述|先前)?(?:的)?(?:所有|全部|一切)?(?:的)?(?:指令|指示|提示|规则|要求)"
    r"|(?:ignore|disregard)\s+(?:all\s+)?(?:the\s+)?(?:previous|above|prior)\s+(?:instructions|prompts?)"
    r"|system\s*prompt|系统提示词?|你现在(?:是|扮演)|请?直接回答[:：]",
    re.IGNORECASE,
)


def looks_like_injection(text: str) -> bool:
    """Whether text reads as an instruction to an assistant rather than as gazette prose."""
    return bool(INJECTION.search(text))
