"""The answer stage's jieba tokenizers: one plain tokenizer and a part-of-speech tagger sharing its dictionary."""
from __future__ import annotations

import logging
from functools import lru_cache


@lru_cache(maxsize=1)
def tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()


@lru_cache(maxsize=1)
def posseg():
    """(POSTokenizer, word -> tag table); the tagger shares tokenizer()'s dictionary."""
    import jieba.posseg

    tagger = jieba.posseg.POSTokenizer(tokenizer())
    return tagger, tagger.word_tag_tab
