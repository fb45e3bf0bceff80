"""Build → load → search with the fake embedder; incremental updates; filters; exact references."""
from __future__ import annotations

import json

import pytest

from index.build import FORMAT_VERSION, build_index
from index.embed import FakeEmbedder
from index.errors import BadFilter
from index.query import Filters
from index.search import load_index


def _search(index_dir, embedder, query, **kw):
    return load_index(index_dir, embedder=embedder).search(query, **kw)


def test_build_load_search(built, embedder):
    searcher = load_index(built, embedder=embedder)
    assert len(searcher) == 14
    for mode in ("hybrid", "keyword", "dense"):
        hits = searcher.search("社会办医疗机构配置大型医用设备", k=3, mode=mode)
        assert hits[0].label == "三、（一）", mode
        assert [h.rank for h in hits] == [1, 2, 3]
        assert hits[0].doc_number == "温政办〔2019〕49号"


def test_manifest_records_build(built):
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["model"]["name"] == "fake-64"
    assert manifest["dimensions"] == 64
    assert manifest["settings"]["fusion"] == "weighted" and manifest["settings"]["weights"] == [0.7, 0.3]
    assert manifest["settings"]["dense_index"] == "flat"
    assert set(manifest["files"]) >= {"clauses.jsonl", "dense.faiss", "windows.npy", "keyword/matrix.npz",
                                      "keyword/vocab.json", "keyword/userdict.txt"}
    assert len(manifest["sources"]) == 3
    assert manifest["counts"]["clauses"] == 14


def test_search_batch_encodes_once(built, embedder):
    searcher = load_index(built, embedder=embedder)
    before = embedder.calls
    queries = ["养犬管理", "全科诊所", "产业基金奖励"]
    batch = searcher.search_batch(queries, k=2)
    assert embedder.calls == before + 1
    assert [[h.clause_id for h in hits] for hits in batch] == \
        [[h.clause_id for h in searcher.search(q, k=2)] for q in queries]


def test_embed_is_normalized(built, embedder):
    import numpy as np

    vectors = load_index(built, embedder=embedder).embed(["放宽市场准入", "养犬"])
    assert vectors.shape == (2, 64)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize("query", ["温政办〔2019〕49号有哪些规定", "49号文讲了什么", "〔2019〕49号文件的主要内容",
                                   "49号文件"])
def test_doc_number_query_ranks_that_document_first(built, embedder, query):
    hits = _search(built, embedder, query, k=5)
    assert hits[0].doc_number == "温政办〔2019〕49号"
    numbers = [h.doc_number for h in hits]
    # all of the named document's clauses come before any other document's
    first_other = next((i for i, n in enumerate(numbers) if n != "温政办〔2019〕49号"), len(numbers))
    assert all(n != "温政办〔2019〕49号" for n in numbers[first_other:])


def test_a_query_in_traditional_characters_finds_what_its_simplified_form_finds(built, embedder):
    # The gazettes print simplified characters; a resident may type traditional ones.
    for mode in ("hybrid", "keyword", "dense"):
        traditional = _search(built, embedder, "社會辦醫療機構配置大型醫用設備", k=3, mode=mode)
        simplified = _search(built, embedder, "社会办医疗机构配置大型医用设备", k=3, mode=mode)
        assert [h.clause_id for h in traditional] == [h.clause_id for h in simplified], mode
    assert _search(built, embedder, "溫政辦〔2019〕49號有哪些規定", k=1)[0].doc_number == "温政办〔2019〕49号"


@pytest.mark.parametrize("query,label", [
    ("温政办〔2019〕49号第三部分第九条是什么", "三、（九）"),
    ("49号文件三（二）", "三、（二）"),
    ("49号文附则第一条", "附则"),
    ("养犬管理条例第三条怎么规定", "第三条"),
])
def test_clause_reference_goes_to_that_clause(built, embedder, query, label):
    assert _search(built, embedder, query, k=3)[0].label == label


def test_filters(built, embedder):
    searcher = load_index(built, embedder=embedder)
    assert {h.doc_number for h in searcher.search("奖励", k=10, filters=Filters(doc_number="温财企[2019]491号"))} \
        == {"温财企〔2019〕491号"}
    assert {h.issuer for h in searcher.search("管理", k=10, filters=Filters(issuer="财政局"))} == {"温州市财政局"}
    assert {h.kind for h in searcher.search("养犬", k=10, filters=Filters(kind="statute"))} == {"statute"}
    dated = searcher.search("管理", k=20, filters=Filters(date_from="2019-07-02", date_to="2019-07-31"))
    assert dated and all("2019-07-02" <= h.date <= "2019-07-31" for h in dated)
    assert searcher.search("管理", k=5, filters=Filters(kind="statute", date_to="2019-01-01")) == []
    with pytest.raises(BadFilter, match="normative"):
        searcher.search("管理", filters=Filters(kind="法规"))
    with pytest.raises(BadFilter, match="ISO"):
        searcher.search("管理", filters=Filters(date_from="2019年7月"))
    with pytest.raises(BadFilter, match="hybrid"):
        searcher.search("管理", mode="fuzzy")


def test_unchanged_sources_embed_nothing(tmp_path, sources, parser, built):
    fresh = FakeEmbedder(dim=64, max_chars=126, name="fake-64")
    summary = build_index(list(sources.values()), built, "fake-64", parser=parser, embedder=fresh, progress=False)
    assert fresh.embedded == 0 and fresh.calls == 0
    assert summary.embedded == 0 and summary.reused == summary.vectors
    assert len(summary.unchanged) == 3


def test_changed_source_embeds_only_changed_clauses(tmp_path, sources, parser, built, docs, make_sources):
    from dataclasses import replace

    doc = docs[2]
    edited = replace(doc, clauses=(doc.clauses[0], replace(doc.clauses[1], text="申请奖励的企业应当于每年4月底前提交申请材料。")))
    make_sources(tmp_path / "src", [edited])
    fresh = FakeEmbedder(dim=64, max_chars=126, name="fake-64")
    summary = build_index(list(sources.values()), built, "fake-64", parser=parser, embedder=fresh, progress=False)
    assert fresh.embedded == 2  # the changed clause's one window and its one new sentence (sentence vectors)
    assert summary.changed == [str(sources["finance.txt"].resolve())]
    hit = load_index(built, embedder=fresh).search("4月底前提交申请材料", k=1, mode="keyword")[0]
    assert "4月底" in hit.text


def test_removed_source_disappears(sources, parser, built, embedder):
    kept = [p for name, p in sources.items() if name != "statute.txt"]
    summary = build_index(kept, built, "fake-64", parser=parser, embedder=embedder, progress=False)
    assert summary.removed == [str(sources["statute.txt"].resolve())]
    hits = load_index(built, embedder=embedder).search("养犬管理条例", k=20)
    assert all(h.title != "温州市养犬管理条例" for h in hits)


def test_changed_model_forces_rebuild(sources, parser, built):
    other = FakeEmbedder(dim=32, max_chars=126, name="fake-32")
    summary = build_index(list(sources.values()), built, "fake-32", parser=parser, embedder=other, progress=False)
    manifest = json.loads((built / "manifest.json").read_text())
    assert summary.reused == 0 and other.embedded == summary.vectors + manifest["counts"]["sentences"]
    assert manifest["dimensions"] == 32


def test_long_clause_is_split_into_windows_of_one_clause(tmp_path, parser, make_sources):
    from corpus.model import Clause, Document

    long_text = "".join(f"第{i}项措施：加强医疗机构监管，提高服务质量。" for i in range(40)) + "末尾提到楠溪江流域。"
    doc = Document("long.txt", "长条款测试", "notice", (Clause(("一",), "一", None, long_text),), doc_number="测〔2020〕1号")
    paths = make_sources(tmp_path / "long", [doc])
    emb = FakeEmbedder(dim=64, max_chars=126, name="fake-64")
    summary = build_index(list(paths.values()), tmp_path / "li", "fake-64", parser=parser, embedder=emb, progress=False)
    assert summary.clauses == 1 and summary.vectors > 5
    hits = load_index(tmp_path / "li", embedder=emb).search("楠溪江流域", k=5, mode="dense")
    assert len(hits) == 1 and hits[0].label == "一"


def test_broken_source_is_skipped(tmp_path, sources, embedder, capsys):
    from corpus.errors import SourceError

    def parser(path):
        raise SourceError(str(path), "无法识别的编码")

    summary = build_index([sources["finance.txt"]], tmp_path / "b", "fake-64", parser=parser, embedder=embedder,
                          progress=False)
    assert summary.skipped and summary.clauses == 0
    assert "跳过文件" in capsys.readouterr().err
