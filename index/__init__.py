"""Index stage: clause embeddings in FAISS plus a jieba BM25 keyword index."""
