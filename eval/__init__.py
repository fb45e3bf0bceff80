"""Evaluation harness: eval sets (JSONL), a runner over search and ask, metrics, reports and quality gates."""
