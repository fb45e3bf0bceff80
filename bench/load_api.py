"""Load test of the HTTP API: start `gazette serve`, drive it with N concurrent clients for T seconds.

Each client cycles through requests: POST /api/ask with the checked questions below (the first citation must be
the expected clause) and with the shipped eval set's questions (the JSON contract must hold: an abstention or
citations), every fifth request POST /api/search, every seventh POST /v1/chat/completions. Reports errors (must
be zero), latency p50/p95/p99, throughput and the server's RSS before, during (sampled every second) and after;
writes bench/reports/load.md.

    .venv/bin/python -m bench.load_api [--clients 20] [--seconds 60] [--index DIR] [--max-requests 100000]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

from bench.paths import ROOT
REPORT = ROOT / "bench" / "reports" / "load.md"
# (question, expected 文号, expected clause label): every answer is checked, not just its status code.
QUESTIONS = [
    ("个体诊所设置有数量限制吗？", "温政办〔2019〕49号", "三、（一）"),
    ("社会办医疗机构采购医用设备有补助吗？", "温政办〔2019〕49号", "三、（九）"),
    ("到2021年智能装备产业总产值目标是多少？", "温政办〔2019〕48号", "二、（二）"),
    ("社会办医疗机构能纳入医保定点吗？", "温政办〔2019〕49号", "三、（十四）"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident set size of a process from /proc (Linux)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def start_server(port: int, index: str | None, log_path: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "assistant", "serve", "--port", str(port)]
    if index:
        cmd += ["--index", index]
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    log = log_path.open("w")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/api/health"
    deadline = time.monotonic() + 900  # first run builds the default index
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gazette serve 退出：\n{log_path.read_text()}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return proc
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    proc.terminate()
    raise SystemExit("gazette serve 未能在 15 分钟内启动")


EVAL_SET = ROOT / "eval" / "sets" / "wenzhou-203.jsonl"


def eval_questions() -> list[str]:
    """Varied questions (the shipped eval set), so caches see more than a handful of queries."""
    if not EVAL_SET.is_file():
        return []
    return [json.loads(line)["question"] for line in EVAL_SET.read_text(encoding="utf-8").splitlines() if line.strip()]


def contract_error(data) -> str | None:
    """Why an /api/ask body breaks the `gazette ask --json` contract; None when it holds."""
    if not isinstance(data, dict) or not {"question", "answer", "abstained", "citations", "related"} <= set(data):
        return "malformed answer"
    if not isinstance(data["answer"], str) or not data["answer"].strip() or not isinstance(data["abstained"], bool):
        return "malformed answer"
    if not data["abstained"] and not data["citations"]:
        return "answer without citations"
    if any(not c.get("quote") or not c.get("label") for c in data["citations"]):
        return "citation without quote or label"
    return None


def one_request(session: requests.Session, base: str, n: int, varied: list[str]) -> str | None:
    """Request number n of a client; the error, or None when the reply is well-formed (and right when checked)."""
    if n % 5 == 4:
        r = session.post(base + "/api/search", json={"query": QUESTIONS[n % len(QUESTIONS)][0], "k": 5}, timeout=120)
        if r.status_code != 200:
            return f"search HTTP {r.status_code}"
        hits = r.json().get("hits")
        ok = isinstance(hits, list) and 1 <= len(hits) <= 5 and all({"doc_number", "label", "text"} <= set(h) for h in hits)
        return None if ok else "malformed search"
    if n % 7 == 6:
        question, doc, _ = QUESTIONS[n % len(QUESTIONS)]
        r = session.post(base + "/v1/chat/completions", json={"messages": [{"role": "user", "content": question}]},
                         timeout=120)
        if r.status_code != 200:
            return f"chat HTTP {r.status_code}"
        data = r.json()
        ok = data.get("object") == "chat.completion" and doc in data["choices"][0]["message"]["content"]
        return None if ok else "malformed chat completion"
    checked = n % 2 == 0 or not varied
    question, doc, label = QUESTIONS[(n // 2) % len(QUESTIONS)] if checked else (varied[n % len(varied)], None, None)
    r = session.post(base + "/api/ask", json={"question": question}, timeout=120)
    if r.status_code != 200:
        return f"ask HTTP {r.status_code}"
    data = r.json()
    error = contract_error(data)
    if error or not checked:
        return error
    c = (data.get("citations") or [{}])[0]
    if (c.get("doc_number"), c.get("label")) != (doc, label):
        return f"wrong citation {c.get('doc_number')} {c.get('label')}"
    return None


def client(base: str, stop_at: float, offset: int, budget: threading.Semaphore, out: list, lock: threading.Lock,
           varied: list[str]):
    """One user: send requests in turn until time is up or the shared request budget is spent."""
    session = requests.Session()
    n = offset
    while time.monotonic() < stop_at and budget.acquire(blocking=False):
        t0 = time.perf_counter()
        try:
            error = one_request(session, base, n, varied)
        except (requests.RequestException, ValueError, KeyError, IndexError, TypeError) as exc:
            error = type(exc).__name__
        n += 1
        with lock:
            out.append((time.perf_counter() - t0, error))


def sample_rss(pid: int, stop: threading.Event, samples: list, t0: float) -> None:
    while not stop.wait(1.0):
        try:
            samples.append((time.monotonic() - t0, rss_mb(pid)))
        except OSError:
            return


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="HTTP 接口压力测试")
    parser.add_argument("--clients", type=int, default=20, help="并发客户端数（默认 20）")
    parser.add_argument("--seconds", type=float, default=60, help="持续时间，秒（默认 60）")
    parser.add_argument("--max-requests", type=int, default=100000, help="请求总数上限（默认 100000）")
    parser.add_argument("--index", help="索引目录（默认：数据目录/index，首次运行自动建立）")
    parser.add_argument("--report", default=str(REPORT), help="报告路径（默认 bench/reports/load.md）")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.seconds <= 0 or args.max_requests < 1:
        parser.error("--clients、--seconds、--max-requests 必须为正数")

    port = free_port()
    log_path = Path(tempfile.mkdtemp(prefix="gazette-load-")) / "serve.log"
    proc = start_server(port, args.index, log_path)
    try:
        base = f"http://127.0.0.1:{port}"
        requests.post(base + "/api/ask", json={"question": QUESTIONS[0][0]}, timeout=120)  # warm-up, not measured
        rss_before = rss_mb(proc.pid)
        results: list[tuple[float, str | None]] = []
        samples: list[tuple[float, float]] = []
        lock, budget, stop = threading.Lock(), threading.Semaphore(args.max_requests), threading.Event()
        varied = eval_questions()
        t0 = time.monotonic()
        stop_at = t0 + args.seconds
        sampler = threading.Thread(target=sample_rss, args=(proc.pid, stop, samples, t0), daemon=True)
        sampler.start()
        threads = [threading.Thread(target=client, args=(base, stop_at, i, budget, results, lock, varied), daemon=True)
                   for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(args.seconds + 300)
        elapsed = time.monotonic() - t0
        stop.set()
        rss_after = rss_mb(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()

    latencies = [lat for lat, err in results if err is None]
    errors = [err for _, err in results if err is not None]
    if not latencies:
        print(f"没有成功的请求；错误：{errors[:5]}", file=sys.stderr)
        return 1
    stats = {
        "requests": len(results), "errors": len(errors), "elapsed": elapsed,
        "p50": percentile(latencies, 50), "p95": percentile(latencies, 95), "p99": percentile(latencies, 99),
        "mean": statistics.mean(latencies), "throughput": len(results) / elapsed,
        "rss_before": rss_before, "rss_after": rss_after,
        "rss_peak": max([r for _, r in samples] + [rss_after]),
        "rss_half": next((r for t, r in samples if t >= args.seconds / 2), rss_after),
    }
    report = render(args, stats, errors)
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    Path(args.report).write_text(report, encoding="utf-8")
    print(report)
    return 0 if not errors else 1


def render(args, s: dict, errors: list[str]) -> str:
    cpu = os.cpu_count()
    verdict = "通过：零错误" if not errors else f"失败：{len(errors)} 个错误（例如 {sorted(set(errors))[:3]}）"
    growth = (s["rss_after"] - s["rss_half"]) / s["rss_half"] * 100
    return f"""# HTTP 接口压力测试

`.venv/bin/python -m bench.load_api --clients {args.clients} --seconds {args.seconds:g}`：启动真实的 `gazette serve`
（127.0.0.1，真实向量模型），{args.clients} 个并发客户端在 {args.seconds:g} 秒内循环请求：`/api/ask`（{len(QUESTIONS)} 个
核对首条引用文号与条款的问题，与评测集中的 {len(eval_questions())} 个问题轮换，后者核对 JSON 约定：拒答或带引用），
每第 5 个请求 `/api/search`，每第 7 个 `/v1/chat/completions`。

- 机器：{platform.machine()}，{cpu} 个 CPU 核，Python {platform.python_version()}
- 结果：**{verdict}**

| 指标 | 数值 |
|---|---|
| 请求数 | {s['requests']} |
| 错误数 | {s['errors']} |
| 用时（秒） | {s['elapsed']:.1f} |
| 吞吐（请求/秒） | {s['throughput']:.2f} |
| 延迟 p50（秒） | {s['p50']:.2f} |
| 延迟 p95（秒） | {s['p95']:.2f} |
| 延迟 p99（秒） | {s['p99']:.2f} |
| 平均延迟（秒） | {s['mean']:.2f} |
| 服务进程 RSS 压测前（MB） | {s['rss_before']:.0f} |
| 服务进程 RSS 压测进行到一半（MB） | {s['rss_half']:.0f} |
| 服务进程 RSS 峰值（MB） | {s['rss_peak']:.0f} |
| 服务进程 RSS 压测后（MB） | {s['rss_after']:.0f} |
| 后半程 RSS 增长 | {growth:+.1f}% |

延迟包含排队：服务同时最多计算 `GAZETTE_MAX_CONCURRENT` 个回答（默认为 CPU 核数，至多 4），其余请求排队，
所以 {args.clients} 个客户端时单个请求的等待约为 客户端数 ÷ 吞吐。内存：句向量缓存有上限（5 万句，约 100 MB），
其余增长来自首次加载与各线程的内存池；后半程增长接近零说明内存不随请求数增长。
"""


if __name__ == "__main__":
    raise SystemExit(main())
