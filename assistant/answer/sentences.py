"""Sentence splitting lives in corpus.sentences (the index precomputes sentence vectors with it); re-exported here."""
import re
from functools import lru_cache

from corpus.sentences import TERMINATORS, Sentence, split_sentences  # noqa: F401

# A line that introduces the items after it: a colon, or words that do when extraction lost the colon
# ("申请材料包括", "主要任务如下", "我们采取了以下几方面的措施").
_LEAD_IN = re.compile(r"(?:[：:]|包括|如下|下列|以下|分别是|分别为"
                      r"|以下(?:几|[一二三四五六七八九十两\d]+)(?:个|项|条|点|方面)[^，,。；;]{0,6})\s*$")


def introduces_items(text: str) -> bool:
    """Whether the text ends by introducing a list ("……提出以下意见：", "申请材料包括")."""
    return bool(_LEAD_IN.search(text))


# An aside in brackets ("（4件）", "(试行)").
BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")


def plain_heading(heading: str | None) -> str:
    """A heading without bracketed asides and punctuation."""
    return re.sub(r"\W", "", BRACKETED.sub("", heading or ""))


# Spaces a PDF puts between the characters of a word to space out a column ("主  任：孙春兰", "主 要 内 容").
_LETTER_SPACING = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


@lru_cache(maxsize=4096)
def unspaced(text: str) -> str:
    """The text without spaces between Chinese characters, for matching words (quotes keep the spaces)."""
    return _LETTER_SPACING.sub("", text) if " " in text or "\u3000" in text else text
