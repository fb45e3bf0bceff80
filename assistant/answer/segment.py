"""The answer stage's jieba tokenizers: one plain tokenizer and a part-of-speech tagger sharing its dictionary."""
from __future__ import annotations

from index import dictionary


def tokenizer():
    """The process's plain jieba tokenizer (index.dictionary: the dictionary is read once per process)."""
    return dictionary.tokenizer()


def posseg():
    """(POSTokenizer, word -> tag table); the tagger shares tokenizer()'s dictionary."""
    tagger = dictionary.tagger()
    return tagger, tagger.word_tag_tab
