"""Report folder: results.jsonl (one row per case), summary.json, and a self-contained report.html."""
from __future__ import annotations

import base64
import html
import io
import json
import os
import uuid
from pathlib import Path

from eval.errors import ReportError
from eval.evalset import PERSONAS
from eval.results import ResultRow
from eval.score import LABELS, score

RESULTS, SUMMARY, HTML = "results.jsonl", "summary.json", "report.html"
FORMAT_VERSION = 1
_CJK_FONTS = ["Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", "DejaVu Sans"]


def write_report(rows: list[ResultRow], folder: str | Path, meta: dict | None = None, comparison: dict | None = None,
                 charts: bool = True) -> dict:
    """Write the three files into folder (each written to a temporary name, then moved into place); the summary."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    summary = {"format_version": FORMAT_VERSION, "meta": meta or {}, **score(rows)}
    _atomic(folder / RESULTS, "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in rows))
    _atomic(folder / SUMMARY, json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    _atomic(folder / HTML, render_html(rows, summary, comparison, charts))
    return summary


def load_report(folder: str | Path) -> tuple[list[ResultRow], dict]:
    """(rows, summary) of a report folder; raises ReportError when it is missing or malformed."""
    folder = Path(folder)
    try:
        rows = [json.loads(line) for line in (folder / RESULTS).read_text(encoding="utf-8").splitlines() if line.strip()]
        summary = json.loads((folder / SUMMARY).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ReportError(str(folder), f"缺少文件 {Path(exc.filename).name}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReportError(str(folder), str(exc)) from None
    if not isinstance(summary, dict) or not all(isinstance(r, dict) and "id" in r for r in rows):
        raise ReportError(str(folder), "文件格式不符")
    try:
        return [ResultRow.from_json(r) for r in rows], summary
    except (KeyError, TypeError, AttributeError) as exc:
        raise ReportError(str(folder), f"文件格式不符（{exc!r}）") from None


def _atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# -- HTML --------------------------------------------------------------------------------------------------------

def fmt(value, key: str = "") -> str:
    if value is None:
        return "—"
    if key.endswith("_ms"):
        return f"{value:.0f}"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def delta_text(delta, key: str = "") -> str:
    if delta is None:
        return "—"
    return f"{delta:+.0f}" if key.endswith("_ms") else f"{delta:+.3f}"


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def render_html(rows: list[ResultRow], summary: dict, comparison: dict | None = None, charts: bool = True) -> str:
    overall = summary["overall"]
    parts = [
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>问答评测报告</title>",
        "<style>body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
        ".fail{background:#fff0f0}.pass{background:#f0fff0}img{max-width:100%}code{white-space:pre-wrap}</style>",
        "</head><body><h1>问答评测报告</h1>",
    ]
    meta = summary.get("meta", {})
    if meta:
        parts.append("<p>" + "；".join(f"{_e(k)}：{_e(v)}" for k, v in meta.items()) + "</p>")
    parts.append(f"<p>用例 {overall['n']} 条（可回答 {overall['answerable']}，无法回答 {overall['unanswerable']}），"
                 f"引文 {overall['quotes']} 条。</p>")
    parts.append("<h2>总体指标</h2>" + _metric_table({"全部": overall}))
    parts.append("<h2>按用户类型</h2>" + _metric_table(
        {PERSONAS.get(p, p): s for p, s in summary["by_persona"].items()}))
    parts.append("<h2>按文件</h2>" + _metric_table(summary["by_document"]))
    if comparison:
        parts.append(_comparison_html(comparison))
    if charts:
        parts.append("<h2>图表</h2>" + "".join(_img(png, alt) for alt, png in make_charts(rows, summary)))
    parts.append("<h2>未通过的用例</h2>" + _cases_table([r for r in rows if not r.passed]))
    parts.append("<h2>全部用例</h2>" + _cases_table(rows))
    parts.append("</body></html>")
    return "\n".join(parts)


def _metric_table(groups: dict[str, dict]) -> str:
    keys = [k for k in LABELS]
    head = "<tr><th>分组</th><th>用例数</th>" + "".join(f"<th>{_e(LABELS[k])}</th>" for k in keys) + "</tr>"
    body = "".join("<tr><td>" + _e(name) + f"</td><td>{s['n']}</td>" + "".join(f"<td>{fmt(s.get(k), k)}</td>"
                                                                              for k in keys) + "</tr>"
                   for name, s in groups.items())
    return f"<table>{head}{body}</table>"


def _comparison_html(comparison: dict) -> str:
    rows = "".join(f"<tr><td>{_e(LABELS[k])}</td><td>{fmt(v['old'], k)}</td><td>{fmt(v['new'], k)}</td>"
                   f"<td>{delta_text(v['delta'], k)}</td></tr>" for k, v in comparison["metrics"].items())
    out = ["<h2>与旧报告对比</h2><table><tr><th>指标</th><th>旧</th><th>新</th><th>变化</th></tr>", rows, "</table>"]
    for title, key, field in (("新失败的用例", "newly_failing", "reason"), ("新通过的用例", "newly_passing", "was")):
        items = comparison[key]
        out.append(f"<h3>{title}（{len(items)}）</h3><ul>" + "".join(
            f"<li>{_e(i['id'])}：{_e(i['question'])}（{_e(i.get(field) or '')}）</li>" for i in items) + "</ul>")
    return "".join(out)


def _cases_table(rows: list[ResultRow]) -> str:
    head = ("<tr><th>编号</th><th>用户</th><th>问题</th><th>标准条款</th><th>检索前 10</th><th>回答</th>"
            "<th>引用</th><th>要点</th><th>结果</th><th>毫秒</th></tr>")
    body = []
    for r in rows:
        gold = "<br>".join(_e(f"{g.doc_id} {'/'.join(g.path)}") for g in r.case.gold) or "（无）"
        retrieved = "<br>".join(("★" if h.gold else "") + _e(f"{h.rank}. {h.doc_number or h.title} {h.label}")
                                for h in r.retrieved)
        cites = "<br>".join(("★" if c.gold else "") + ("" if c.verbatim else "✗非逐字 ")
                            + _e(f"[{c.marker}] {c.doc_number or c.title} {c.label}") for c in r.citations)
        facts = _e("、".join(r.facts_found)) + ("<br>缺：" + _e("、".join(r.facts_missing)) if r.facts_missing else "")
        verdict = "通过" if r.passed else "未通过：" + _e(r.reason or "")
        answer = ("（拒答）" if r.abstained else "") + _e(r.answer)
        cls = "pass" if r.passed else "fail"
        body.append(f"<tr class='{cls}'><td>{_e(r.case.id)}</td><td>{_e(PERSONAS.get(r.case.persona, r.case.persona))}</td>"
                    f"<td>{_e(r.case.question)}</td><td>{gold}</td><td>{retrieved}</td><td><code>{answer}</code></td>"
                    f"<td>{cites}</td><td>{facts}</td><td>{verdict}</td><td>{fmt(r.latency_ms, '_ms')}</td></tr>")
    return f"<table>{head}{''.join(body)}</table>"


def _img(png: bytes, alt: str) -> str:
    return f"<figure><img alt='{_e(alt)}' src='data:image/png;base64,{base64.b64encode(png).decode('ascii')}'>" \
           f"<figcaption>{_e(alt)}</figcaption></figure>"


# -- charts ------------------------------------------------------------------------------------------------------

def make_charts(rows: list[ResultRow], summary: dict) -> list[tuple[str, bytes]]:
    """(caption, PNG bytes) for: hit@k curve, per-persona bars, per-document bars, latency histogram."""
    try:
        import logging

        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    plt.rcParams["font.sans-serif"] = _CJK_FONTS
    plt.rcParams["axes.unicode_minus"] = False
    overall = summary["overall"]
    charts = []
    ks = [1, 3, 5, 10]
    fig, ax = plt.subplots(figsize=(5, 3.2))
    ax.plot(ks, [overall.get(f"hit@{k}") or 0 for k in ks], marker="o", label="条款")
    ax.plot(ks, [overall.get(f"doc_hit@{k}") or 0 for k in ks], marker="s", label="文件")
    ax.set_xticks(ks)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("k")
    ax.set_ylabel("hit@k")
    ax.legend()
    charts.append(("检索 hit@k 曲线", _png(fig, plt)))
    keys = ["hit@5", "fact_recall", "citation_recall", "abstention_f1", "pass_rate"]
    for caption, groups in (("按用户类型的主要指标", {PERSONAS.get(p, p): s for p, s in summary["by_persona"].items()}),
                            ("按文件的主要指标", summary["by_document"])):
        names = list(groups)
        fig, ax = plt.subplots(figsize=(max(6, 1.1 * len(names)), 3.6))
        width = 0.8 / len(keys)
        for i, key in enumerate(keys):
            ax.bar([x + i * width for x in range(len(names))], [groups[n].get(key) or 0 for n in names], width,
                   label=LABELS[key])
        ax.set_xticks([x + 0.4 - width / 2 for x in range(len(names))])
        ax.set_xticklabels([n if len(n) <= 14 else n[:13] + "…" for n in names], rotation=30, ha="right", fontsize=7)
        ax.set_ylim(0, 1.3)
        ax.legend(fontsize=7, ncol=len(keys), loc="upper center")
        charts.append((caption, _png(fig, plt)))
    latencies = [r.latency_ms for r in rows if r.latency_ms is not None]
    fig, ax = plt.subplots(figsize=(5, 3.2))
    ax.hist(latencies or [0], bins=20)
    ax.set_xlabel("毫秒")
    ax.set_ylabel("用例数")
    charts.append(("回答延迟分布", _png(fig, plt)))
    return charts


def _png(fig, plt) -> bytes:
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", dpi=90)
    plt.close(fig)
    return buf.getvalue()
