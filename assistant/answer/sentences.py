"""Sentence splitting lives in corpus.sentences (the index precomputes sentence vectors with it); re-exported here."""
from corpus.sentences import TERMINATORS, Sentence, split_sentences  # noqa: F401
