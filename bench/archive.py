"""Archive bench: many gazette issues as PDFs in one index. Writes bench/reports/archive.md.

Stand-in archive: the bundled issue re-rendered N times with its issue number changed (总第203期 → 总第204期 …)
and varied layouts (one or two columns, page-number side, header rule, footer, first page number) by two
producers (reportlab; chromium for every k-th issue when installed). Measures PDF reading and parsing per issue,
a cold build over all issues, adding and removing one issue, and query latency over the archive.

    .venv/bin/python -m bench.archive                       # 50 issues, fake-64 embedder + real model (see below)
    .venv/bin/python -m bench.archive --issues 10 --real-issues 0

The real model (m3e-small, about 28 windows/s on 2 cores) would need ~20 min to embed 50 issues, so it embeds
`--real-issues` issues cold; the full archive is then built over those vectors (identical clause text is reused
by content hash, as in any rebuild) to time queries with the real model. The fake embedder (`--model fake-64`,
deterministic, as in the fast tests) times everything else on all issues.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.paths import ROOT

from bench import gazette_pdf

GAZETTE = "温州市人民政府公报"
FIRST_NUMBER = 203
EVALSET = ROOT / "eval" / "sets" / "wenzhou-203.jsonl"
REPORT = ROOT / "bench" / "reports" / "archive.md"


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def style_for(i: int) -> gazette_pdf.Style:
    footers = ["温州市人民政府门户网站 www.wenzhou.gov.cn", "温州市人民政府办公室编印", ""]
    return gazette_pdf.Style(columns=2 if i % 4 else 1, header_rule=bool(i % 3),
                             number_side="outer" if i % 2 else "center", footer=footers[i % 3])


def render_issues(text: str, n: int, folder: Path, chromium_every: int) -> tuple[list[Path], dict[str, list[float]], list[str]]:
    """N issue PDFs; the issue-number line of the text is changed before rendering."""
    times: dict[str, list[float]] = {"reportlab": [], "chromium": []}
    has_chromium = gazette_pdf.chromium() is not None
    paths, producers = [], []
    for i in range(n):
        number = FIRST_NUMBER + i
        issue = f"总第{number}期"
        issue_text = text.replace(f"总第{FIRST_NUMBER}期", issue)
        plans = gazette_pdf.plan_gazette(issue_text, GAZETTE, issue, style_for(i), first_page=1 + 48 * (i % 12))
        producer = "chromium" if has_chromium and chromium_every and i % chromium_every == chromium_every - 1 \
            else "reportlab"
        path = folder / f"wenzhou-gazette-{number}.pdf"
        t0 = time.perf_counter()
        (gazette_pdf.render_chromium if producer == "chromium" else gazette_pdf.render_reportlab)(plans, path)
        times[producer].append(time.perf_counter() - t0)
        paths.append(path)
        producers.append(producer)
    return paths, times, producers


def parse_all(paths: list[Path]) -> tuple[dict[str, list], list[float], list[int]]:
    from corpus.parse import parse_file

    docs, seconds, pages = {}, [], []
    import pypdfium2 as pdfium

    for path in paths:
        t0 = time.perf_counter()
        docs[str(path.resolve())] = parse_file(path)
        seconds.append(time.perf_counter() - t0)
        pdf = pdfium.PdfDocument(str(path))
        pages.append(len(pdf))
        pdf.close()
    return docs, seconds, pages


def compare_with_text(text: str, paths: list[Path], docs: dict[str, list], producers: list[str]) -> list[str]:
    """Documents and clause paths of one issue per producer against the text the PDF was printed from."""
    import re

    from corpus.parse import parse_text

    def key(doc) -> str:
        return doc.doc_number or re.sub(r"\s+", "", doc.title)

    lines = []
    for producer in ("reportlab", "chromium"):
        i = next((n for n, p in enumerate(producers[: len(paths)]) if p == producer), None)
        if i is None:
            continue
        number = FIRST_NUMBER + i
        ref = parse_text(text.replace(f"总第{FIRST_NUMBER}期", f"总第{number}期"), "text")
        got = docs[str(paths[i].resolve())]
        want_paths = {(key(d), c.path) for d in ref for c in d.clauses}
        got_paths = {(key(d), c.path) for d in got for c in d.clauses}
        meta = [(d.doc_number, d.title, d.issuer, d.date) for d in ref if d.doc_number]
        same_meta = meta == [(d.doc_number, d.title, d.issuer, d.date) for d in got if d.doc_number]
        diff = sorted(want_paths - got_paths) + sorted(got_paths - want_paths)
        lines.append(f"- {producer}, 总第{number}期: {len(got)} documents (text: {len(ref)}); {len(meta)} numbered "
                     f"documents with the same 文号, title, issuer and date: {'yes' if same_meta else 'NO'}; clause paths "
                     f"equal {len(want_paths & got_paths)}/{len(want_paths)}; differences: "
                     + ("none" if not diff else "; ".join(f"{k} {'/'.join(p) or '导语'}" for k, p in diff[:20])))
    return lines


def questions(n: int) -> list[str]:
    rows = [json.loads(line) for line in EVALSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["question"] for r in rows[:n]]


def latency(searcher, queries: list[str], mode: str, filters=None) -> tuple[float, float]:
    times = []
    for q in queries:
        searcher.clear_cache()  # time query encoding too
        t0 = time.perf_counter()
        searcher.search(q, k=10, mode=mode, filters=filters)
        times.append((time.perf_counter() - t0) * 1000)
    return pct(times, 50), pct(times, 95)


def query_lines(folder: Path, model: str, queries: list[str], issues: list[str], label: str) -> list[str]:
    from index.query import Filters
    from index.search import load_index

    t0 = time.perf_counter()
    searcher = load_index(folder)
    load_s = time.perf_counter() - t0
    searcher.search("预热", k=1)  # loads the model
    lines = [f"- load index {load_s * 1000:.0f} ms (sha256 of every file checked); {label}"]
    for mode in ("keyword", "hybrid"):
        p50, p95 = latency(searcher, queries, mode)
        lines.append(f"- {mode}: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(queries)} eval questions, k=10)")
    try:
        p50, p95 = latency(searcher, queries, "hybrid", Filters(issue=issues[len(issues) // 2]))
        lines.append(f"- hybrid with an issue filter (`{issues[len(issues) // 2]}`): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    except Exception as exc:  # noqa: BLE001 - the issue filter belongs to the archive metadata work
        lines.append(f"- hybrid with an issue filter: not measured ({type(exc).__name__})")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--issues", type=int, default=50)
    ap.add_argument("--model", default="fake-64", help="embedder for the full archive (default fake-64)")
    ap.add_argument("--real-model", default=None, help="real model for the subset (default: the project's default)")
    ap.add_argument("--real-issues", type=int, default=1, help="issues embedded cold with the real model (0: skip)")
    ap.add_argument("--chromium-every", type=int, default=10, help="every k-th issue printed by chromium (0: none)")
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--report", type=Path, default=REPORT)
    args = ap.parse_args(argv)

    from corpus.parse import default_sources
    from corpus.sources import read_source
    from index.build import build_index
    from index.embed import resolve_model

    text = read_source(default_sources()[0])
    queries = questions(args.queries)
    out = ["# Archive of many issues (PDF input)", "",
           f"`python -m bench.archive --issues {args.issues} --real-issues {args.real_issues}` on "
           f"{time.strftime('%Y-%m-%d')}, 2 shared CPU cores. Stand-in archive: the bundled issue (41 pages, 17 "
           "documents, 289 clauses) rendered as a PDF per issue with its issue number changed (总第203期, "
           "总第204期, …) and varied layouts (one or two columns, page numbers centred or outside, header rule, "
           "footer, first page number); reportlab prints most issues, chromium every "
           f"{args.chromium_every}th. Every issue has the same clause texts, so the dense part reuses vectors "
           "by content hash across issues (noted where it matters).", ""]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pdfs = tmp / "pdfs"
        pdfs.mkdir()
        t0 = time.perf_counter()
        paths, render, producers = render_issues(text, args.issues + 1, pdfs, args.chromium_every)
        extra, paths = paths[-1], paths[:-1]
        print(f"rendered {len(paths) + 1} PDFs in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        out += ["## Producing the test PDFs (not product work)", ""]
        for producer, times in render.items():
            if times:
                out.append(f"- {producer}: {len(times)} issues, {statistics.mean(times):.2f} s per issue")
        out.append("")

        docs, seconds, pages = parse_all(paths + [extra])
        per_page = [s / p for s, p in zip(seconds, pages)]
        counts = {len(d) for d in docs.values()}
        clauses = {sum(len(x.clauses) for x in d) for d in docs.values()}
        out += ["## Reading and parsing one issue PDF (`corpus.parse.parse_file`)", "",
                f"- {len(seconds)} issues of {statistics.mean(pages):.0f} pages: p50 {pct(seconds, 50):.2f} s, "
                f"p95 {pct(seconds, 95):.2f} s per issue ({pct(per_page, 50) * 1000:.0f} ms per page, pdfium text "
                "with positions + pdfplumber on pages that draw rules + parsing)",
                f"- documents per issue: {sorted(counts)}; clauses per issue: {sorted(clauses)} "
                "(the text path gives 17 and 289)", ""]

        out += ["## PDF path against the text path", ""]
        out += compare_with_text(text, paths, docs, producers)
        out.append("")

        def parser(path: Path) -> list:  # parsed once above; builds below time embedding and indexing
            return docs[str(Path(path).resolve())]

        fake = tmp / "fake-idx"
        spec = resolve_model(args.model)
        t0 = time.perf_counter()
        s = build_index(paths, fake, spec, parser=parser, progress=False)
        cold = time.perf_counter() - t0
        t = s.timings
        out += [f"## Archive of {len(paths)} issues, embedder `{spec.name}`", "",
                f"- cold build: {cold:.1f} s = {cold / len(paths):.2f} s per issue, plus reading the PDF "
                f"({pct(seconds, 50):.2f} s per issue, above); parse (cached) {t['parse']:.1f} s, embed "
                f"{t['embed']:.1f} s, keyword/dense index {t['index']:.1f} s",
                f"- {s.documents} documents, {s.clauses} clauses, {s.vectors} windows, dense index `{s.dense_index}`, "
                f"{dir_mb(fake):.0f} MB on disk"]
        t0 = time.perf_counter()
        s2 = build_index(paths + [extra], fake, spec, parser=parser, progress=False)
        add = time.perf_counter() - t0
        out.append(f"- add one issue ({len(s2.added)} file added, {len(s2.unchanged)} unchanged and not parsed "
                   f"again): {add:.1f} s + reading its PDF; embedded {s2.embedded}, reused {s2.reused} windows")
        t0 = time.perf_counter()
        s3 = build_index(paths, fake, spec, parser=parser, progress=False)
        out.append(f"- remove one issue: {time.perf_counter() - t0:.1f} s ({len(s3.removed)} removed, "
                   f"{s3.clauses} clauses left)")
        issues = [f"总第{FIRST_NUMBER + i}期" for i in range(len(paths))]
        out += query_lines(fake, spec.name, queries, issues, f"embedder `{spec.name}`")
        out += [f"- peak resident memory so far {rss_mb():.0f} MB", ""]

        if args.real_issues > 0:
            real = resolve_model(args.real_model)
            idx = tmp / "real-idx"
            first = paths[: args.real_issues]
            t0 = time.perf_counter()
            r1 = build_index(first, idx, real, parser=parser, progress=False)
            cold_real = time.perf_counter() - t0
            out += [f"## Real model `{real.name}`", "",
                    f"- cold build of {len(first)} issue(s): {cold_real:.1f} s = {cold_real / len(first):.1f} s per "
                    f"issue (embed {r1.timings['embed']:.1f} s for {r1.embedded} windows, model load included): "
                    "what an issue with new text costs"]
            t0 = time.perf_counter()
            r2 = build_index(paths, idx, real, parser=parser, progress=False)
            out.append(f"- the other {len(paths) - len(first)} issues added in one build: {time.perf_counter() - t0:.1f}"
                       f" s (embedded {r2.embedded}, reused {r2.reused}: same clause texts)")
            out += query_lines(idx, real.name, queries, issues, f"model `{real.name}`, {len(paths)} issues")
            out += [f"- peak resident memory {rss_mb():.0f} MB", ""]
    out += ["Not measured here: OCR (scanned pages are reported per page and skipped, see README), real gazette PDFs "
            "(none on these machines).", ""]
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text("\n".join(out), encoding="utf-8")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
