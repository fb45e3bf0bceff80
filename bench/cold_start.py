"""Cold start: a single-shot `gazette ask` from the shell, and `gazette serve` until ready and its first answers.

Each single-shot run is a fresh process (`python -m assistant ask QUESTION --json`) on the default index of the
data folder (`$GAZETTE_DATA`, built first when missing); wall time and the child's CPU time (user + sys) per run,
medians quoted. One extra run lists which heavy modules the ask imported (none of torch, sentence-transformers,
gradio, pandas may be). Serve: the time from start until /api/health answers, then the first and second /api/ask.
The machine's load average is printed beside the numbers: on a shared machine wall time follows the load.
Writes bench/reports/cold_start.md.

    .venv/bin/python -m bench.cold_start [--runs 5] [--serve-runs 3] [--root DIR] [--before OLD_CHECKOUT]

`--root DIR` runs another checkout of the project with this interpreter; `--before OLD_CHECKOUT` (e.g. the previous
commit: `git archive HEAD~1 | tar -x -C /tmp/old`) is measured first and shown beside.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.paths import REPORTS, ROOT

REPORT = REPORTS / "cold_start.md"
# Issue 13's targets (quiet 2-core machine, bundled index, ONNX backend).
TARGET_ASK_S = 1.5
TARGET_READY_S = 5.0
TARGET_FIRST_ANSWER_S = 0.5
HEAVY = ("torch", "sentence_transformers", "gradio", "pandas", "transformers")
EVAL_SET = ROOT / "eval" / "sets" / "wenzhou-203-test.jsonl"
_IMPORTS_PROBE = """
import runpy, sys
sys.argv = ["gazette", "ask", sys.argv[1], "--json"]
try:
    runpy.run_module("assistant", run_name="__main__")
except SystemExit:
    pass
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)
"""


def questions(n: int) -> list[str]:
    """The first n answerable questions of the shipped test set: each run asks a different one."""
    out = []
    for line in EVAL_SET.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case.get("answerable", True) and case["question"] not in out:
            out.append(case["question"])
        if len(out) == n:
            break
    return out


def env() -> dict[str, str]:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
            "PYTHONWARNINGS": "ignore"}


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def single_shot(root: Path, question: str) -> tuple[float, float]:
    """(wall s, cpu s) of one `gazette ask` process."""
    cpu0, t0 = child_cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "assistant", "ask", question, "--json"], cwd=root, env=env(),
                          capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, child_cpu() - cpu0
    if done.returncode != 0:
        raise SystemExit(f"gazette ask 失败（退出码 {done.returncode}）：\n{done.stderr}")
    return wall, cpu


def heavy_imports(root: Path, question: str) -> list[str]:
    probe = "import json\n" + _IMPORTS_PROBE.format(heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", probe, question], cwd=root, env=env(), capture_output=True, text=True)
    return json.loads(done.stderr.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def _ask(base: str, question: str) -> float:
    body = json.dumps({"question": question}).encode("utf-8")
    req = urllib.request.Request(base + "/api/ask", data=body, headers={"Content-Type": "application/json"})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=60) as r:
        data = json.loads(r.read())
    if "answer" not in data:
        raise SystemExit(f"/api/ask 答复异常：{str(data)[:300]}")
    return time.perf_counter() - t0


def process_cpu(pid: int) -> float:
    """User + sys CPU seconds a running process has used so far (Linux /proc)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serve_once(root: Path, first: str, second: str) -> tuple[float, float, float, float]:
    """(ready s, its CPU s until ready, first /api/ask s, second /api/ask s) of one fresh `gazette serve`."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], cwd=root, env=env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        while not _get(base + "/api/health"):
            if proc.poll() is not None:
                raise SystemExit(f"gazette serve 退出：\n{proc.stderr.read()}")
            if time.perf_counter() - t0 > 120:
                raise SystemExit("gazette serve 未能在 120 秒内就绪")
            time.sleep(0.05)
        ready, cpu = time.perf_counter() - t0, process_cpu(proc.pid)
        return ready, cpu, _ask(base, first), _ask(base, second)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def ensure_default_index(root: Path) -> None:
    from index.paths import default_index_dir

    if not (default_index_dir() / "manifest.json").is_file():
        print("建立默认索引（不计时）…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "assistant", "index"], cwd=root, env=env(), check=True)


def measure(root: Path, runs: int, serve_runs: int) -> dict:
    """Single-shot asks (after one warm-up run), the heavy-import check and fresh serve starts of one checkout."""
    ensure_default_index(root)
    qs = questions(max(runs, 2) + 1)
    load_before = os.getloadavg()
    single_shot(root, qs[0])  # warm-up: page cache, jieba and ONNX caches in the data folder
    shots = [single_shot(root, q) for q in qs[1:runs + 1]]
    heavy = heavy_imports(root, qs[0])
    serves = [serve_once(root, qs[1], qs[2]) for _ in range(serve_runs)]
    load_after = os.getloadavg()
    return {
        "ask_wall_s": [round(w, 3) for w, _ in shots], "ask_cpu_s": [round(c, 3) for _, c in shots],
        "heavy_imports": heavy,
        "serve_ready_s": [round(s[0], 3) for s in serves], "serve_ready_cpu_s": [round(s[1], 3) for s in serves],
        "first_ask_s": [round(s[2], 3) for s in serves], "second_ask_s": [round(s[3], 3) for s in serves],
        "load_before": [round(x, 2) for x in load_before], "load_after": [round(x, 2) for x in load_after],
        "cpus": os.cpu_count(), "root": str(root),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="single-shot asks (each a different question)")
    ap.add_argument("--serve-runs", type=int, default=3, help="fresh `gazette serve` starts")
    ap.add_argument("--root", type=Path, default=ROOT, help="project checkout to run (default: this one)")
    ap.add_argument("--before", type=Path, help="an earlier checkout, measured the same way first, shown beside")
    ap.add_argument("--before-label", default="", help="what the earlier checkout is, for the report (a commit)")
    ap.add_argument("--no-report", action="store_true", help="print only, do not write the report")
    args = ap.parse_args(argv)
    before = measure(args.before.resolve(), args.runs, args.serve_runs) if args.before else None
    if before:
        print(json.dumps(before, ensure_ascii=False))
    after = measure(args.root.resolve(), args.runs, args.serve_runs)
    print(json.dumps(after, ensure_ascii=False))
    if not args.no_report:
        REPORT.write_text(render(after, before, args), encoding="utf-8")
        print(f"报告：{REPORT.relative_to(ROOT)}", file=sys.stderr)
    return 0


def _med(values: list[float]) -> str:
    return f"{statistics.median(values):.2f}" if values else "–"


def _cell(values: list[float]) -> str:
    return f"{_med(values)} ({min(values):.2f}–{max(values):.2f})" if values else "–"


ROWS = [("single-shot `gazette ask`, wall s", "ask_wall_s", f"≤ {TARGET_ASK_S} (quiet machine)"),
        ("single-shot `gazette ask`, CPU s", "ask_cpu_s", ""),
        ("`gazette serve` ready (/api/health answers), wall s", "serve_ready_s", f"≤ {TARGET_READY_S}"),
        ("`gazette serve` CPU until ready, s", "serve_ready_cpu_s", ""),
        ("first /api/ask after ready, s", "first_ask_s", f"≤ {TARGET_FIRST_ANSWER_S}"),
        ("second /api/ask, s", "second_ask_s", "")]


def render(r: dict, before: dict | None, args) -> str:
    command = f"`.venv/bin/python -m bench.cold_start --runs {args.runs} --serve-runs {args.serve_runs}"
    command += " --before OLD_CHECKOUT`" if before else "`"
    head = ["measure", "before: median (range)", "now: median (range)", "target"] if before else \
        ["measure", "median (range)", "target"]
    lines = [
        "# Cold start: single-shot ask and serve", "",
        f"{command} on the default index of the data folder (the bundled gazette, default ONNX backend); medians "
        f"of {args.runs} asks (each a different question of the test set) and {args.serve_runs} serve starts.", "",
        f"Machine: {platform.processor() or platform.machine()}, {r['cpus']} CPUs, Python {platform.python_version()}; "
        f"load average (1/5/15 min) {(before or r)['load_before']} at the start, {r['load_after']} at the end. Wall "
        "time on a shared machine follows its load; CPU time (user + sys of the process) much less.", "",
    ]
    if before and args.before_label:
        lines += [f"Before: {args.before_label}.", ""]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, key, target in ROWS:
        cells = [label] + ([_cell(before[key])] if before else []) + [_cell(r[key]), target]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"Heavy modules imported by a single-shot ask: {', '.join(r['heavy_imports']) or 'none'} "
              f"(checked: {', '.join(HEAVY)}).", ""]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
