"""STARD statute retrieval benchmark: `gold` maps STARD's queries onto LawRefBook clauses, `build` builds the index
in stages, `runs` runs and scores queries, `tune` tunes settings on train, `evalset` writes a split as an eval set;
`python -m bench.stard` writes bench/reports/stard.md."""
