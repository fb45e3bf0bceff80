"""bench/stard/build.py leaves out the answer-stage sentence vectors unless --sentence-vectors asks for them."""
from __future__ import annotations

from types import SimpleNamespace

import pytest


@pytest.mark.parametrize("flag, stored", [([], False), (["--sentence-vectors"], True)])
def test_sentence_vectors_flag(monkeypatch, tmp_path, flag, stored):
    import index.build
    import index.embed
    from bench.stard import build

    seen = []

    def fake_build(files, index_dir, spec, progress=None, settings=None):
        seen.append(settings)
        return SimpleNamespace(clauses=1, vectors=1, embedded=1, reused=0, dense_index="flat", timings={})

    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # main() sets it when unset; keep the test process as it was
    monkeypatch.setattr(build, "plan_stages", lambda stage_clauses: ([[tmp_path / "a.md"]], {}))
    monkeypatch.setattr(index.embed, "resolve_model", lambda name, backend=None: SimpleNamespace(name=name, backend="x"))
    monkeypatch.setattr(index.build, "build_index", fake_build)
    assert build.main(["--index", str(tmp_path / "idx"), "--model", "fake-8", "--stages", "0", *flag]) == 0
    assert [s.sentence_vectors for s in seen] == [stored]
    assert seen[0] == index.build.Settings(sentence_vectors=stored)  # every other setting the project's default
