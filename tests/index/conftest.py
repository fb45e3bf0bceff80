"""Fixtures for the index tests: a data folder in tmp, a fake embedder, and documents from real gazette excerpts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.model import Clause, Document
from index.embed import FakeEmbedder

DOCS = [
    Document(
        source="wenzhou-203.txt", title="温州市人民政府办公室关于支持社会力量提供多层次多样化医疗服务的实施意见",
        kind="normative", doc_number="温政办〔2019〕49号", issuer="温州市人民政府办公室", date="2019-07-11",
        clauses=(
            Clause((), "导语", None, "各县（市、区）人民政府，市政府直属各单位：为支持社会力量提供多层次多样化医疗服务，提出如下实施意见。"),
            Clause(("三",), "三", "支持政策与措施", ""),
            Clause(("三", "（一）"), "三、（一）", "放宽市场准入与设备配置",
                   "取消个体诊所具体数量和布局的限制，社会办中医诊所实行备案制。支持社会办医疗机构配置甲类、乙类大型医用设备。"),
            Clause(("三", "（二）"), "三、（二）", "扶持全科诊所发展",
                   "支持社会力量举办全科诊所，为群众提供常见病、多发病诊疗服务，探索区域集团化管理模式，发展连锁经营。"),
            Clause(("三", "（九）"), "三、（九）", "扶持社会办医疗机构能力建设",
                   "对新获评三甲、三乙、二甲、二乙等级的社会办医疗机构，分别给予200万元、100万元、50万元、30万元奖励。"),
            Clause(("附则",), "附则", None, "本意见自2019年8月11日起施行，由市卫生健康委负责解释。"),
        )),
    Document(
        source="wenzhou-203.txt", title="温州市人民政府办公室关于印发温州市人民政府2019年立法工作计划的通知",
        kind="normative", doc_number="温政办〔2019〕47号", issuer="温州市人民政府办公室", date="2019-07-01",
        clauses=(
            Clause(("一",), "一", "总体要求", "以良法促进发展、保障善治，深入推进科学、民主、依法立法。"),
            Clause(("二", "（一）", "1"), "二、（一）1", None,
                   "为了保护和改善楠溪江流域生态环境，提请审议《温州市楠溪江保护管理条例》（永嘉县人民政府起草）。"),
            Clause(("二", "（一）", "2"), "二、（一）2", None,
                   "为了加强养犬管理，规范养犬行为，提请审议《温州市养犬管理条例》（市公安局起草，于6月底前向市政府报送草案）。"),
            Clause(("二", "（二）", "1"), "二、（二）1", None,
                   "为了优化营商环境，制定《温州市优化营商环境管理办法》（市经信局起草，于12月底前向市政府报送草案）。"),
        )),
    Document(
        source="finance.txt", title="温州市财政局关于印发《温州市政府产业基金财政鼓励政策实施细则》的通知",
        kind="notice", doc_number="温财企〔2019〕491号", issuer="温州市财政局", date="2019-07-02",
        clauses=(
            Clause(("一",), "一", None, "产业基金对符合条件的企业给予财政奖励，奖励资金由市财政局统一拨付。"),
            Clause(("二",), "二", None, "申请奖励的企业应当于每年3月底前向市经信局提交申请材料。"),
        )),
    Document(
        source="statute.txt", title="温州市养犬管理条例", kind="statute", doc_number=None, issuer="温州市人民代表大会常务委员会",
        date="2020-01-01",
        clauses=(
            Clause(("第一章", "第一条"), "第一条", None, "为了加强养犬管理，规范养犬行为，保障公民健康和人身安全，制定本条例。"),
            Clause(("第一章", "第三条"), "第三条", None, "养犬人应当依法登记，携犬出户时应当为犬只佩戴犬牌并束犬链。"),
        )),
]


def write_sources(folder: Path, docs=DOCS) -> dict[str, Path]:
    """One JSON file per source name; `json_parser` turns it back into Documents."""
    folder.mkdir(parents=True, exist_ok=True)
    by_source: dict[str, list[Document]] = {}
    for d in docs:
        by_source.setdefault(d.source, []).append(d)
    paths = {}
    for name, group in by_source.items():
        path = folder / name
        path.write_text(json.dumps([d.to_json() for d in group], ensure_ascii=False), encoding="utf-8")
        paths[name] = path
    return paths


def json_parser(path: Path) -> list[Document]:
    docs = []
    for data in json.loads(Path(path).read_text(encoding="utf-8")):
        clauses = tuple(Clause(tuple(c["path"]), c["label"], c["heading"], c["text"]) for c in data.pop("clauses"))
        data["addressees"] = tuple(data["addressees"])
        data["attachments"] = tuple(data["attachments"])
        docs.append(Document(clauses=clauses, **data))
    return docs


@pytest.fixture(autouse=True)
def _own_data_dir(data_dir):
    """Every test here gets its own data folder (tests/conftest.py)."""


@pytest.fixture
def embedder():
    return FakeEmbedder(dim=64, max_chars=126, name="fake-64")


@pytest.fixture
def sources(tmp_path):
    return write_sources(tmp_path / "src")


@pytest.fixture
def built(tmp_path, sources, embedder):
    """An index over DOCS built with the fake embedder."""
    from index.build import build_index

    index_dir = tmp_path / "idx"
    build_index(list(sources.values()), index_dir, "fake-64", parser=json_parser, embedder=embedder, progress=False)
    return index_dir


@pytest.fixture
def parser():
    return json_parser


@pytest.fixture
def make_sources():
    return write_sources


@pytest.fixture
def docs():
    return DOCS
