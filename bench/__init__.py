"""Benchmark scripts: each prints its numbers and writes a report under bench/reports/; run as `python -m bench.<name>`."""
