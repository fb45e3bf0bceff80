"""Corpus stage: gazette sources parsed into documents and clauses."""
