#!/usr/bin/env python3
"""`mtl serve` under load from wrk on loopback, against `mtl predict` and against FastAPI +
uvicorn + fastText serving three models, in the same run (issue 13's floors).

One three-task mtl model (ag_news + sst2 + sms_spam, compare_fasttext.py's settings) and
three fastText models trained with Debian's `fasttext`. Client and server share the machine.

  batched   64 texts per request, 4 connections: documents/s vs `mtl predict`   floor 0.6x
  single    1 text per request, 16 connections: documents/s vs `mtl predict`    floor 0.15x
            and p99 latency (wrk --latency)                                       floor 10 ms
  memory    RSS of the server before and after --memory-requests single requests floor +5%
  fastapi   the same two loads against FastAPI; the ratio of documents/s         goal 3x

Usage: Benchmarks/serve.py [--seconds 10] [--memory-requests 1000000]
Needs: `apt-get install -y wrk fasttext`, a venv with `fastapi uvicorn fasttext-wheel
'numpy<2'` (VENV, default /tmp/serve-venv), and the shared corpora.
"""
import argparse, json, os, re, signal, socket, subprocess, sys, tempfile, time

from benchmark_support import CORPORA, release_mtl, timed
from compare_fasttext import read_jsonl, train_three

NAMES = ["ag_news", "sst2", "sms_spam"]
HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port, path, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
                if sock.recv(64):
                    return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"nothing answered on port {port}")


def lua_script(path, bodies):
    """A wrk script that posts `bodies` in turn."""
    quoted = ",\n".join("[==[" + body + "]==]" for body in bodies)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f"""local bodies = {{{quoted}}}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, "/v1/predict", nil, bodies[i])
end
""")


def wrk(port, script, connections, seconds):
    """Runs wrk; returns (requests/s, p99 ms, total requests, non-2xx + errors)."""
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency",
                          "-s", script, f"http://127.0.0.1:{port}"],
                         capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failures = (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0)
    return rate, p99_ms, total, failures


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as handle:
        return int(re.search(r"VmRSS:\s+(\d+)", handle.read()).group(1))


def tree_rss_kib(pid):
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return rss_kib(pid) + sum(rss_kib(int(child)) for child in children.split())


def measure(label, port, scripts, seconds):
    batched = wrk(port, scripts["batched"], 4, seconds)
    single = wrk(port, scripts["single"], 16, seconds)
    print(f"  {label:8} batched {batched[0] * 64:9.0f} doc/s ({batched[0]:.0f} req/s, "
          f"p99 {batched[1]:.2f} ms)   single {single[0]:8.0f} doc/s (p99 {single[1]:.2f} ms)"
          f"   failures {batched[3] + single[3]}")
    return batched[0] * 64, single[0], single[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--memory-requests", type=int, default=1_000_000)
    parser.add_argument("--venv", default=os.environ.get("VENV", "/tmp/serve-venv"))
    args = parser.parse_args()
    mtl = release_mtl()
    work = tempfile.mkdtemp(prefix="mtl-serve-bench-")
    texts = [r["text"].replace("\n", " ") for name in NAMES
             for r in read_jsonl(f"{CORPORA}/{name}/test.jsonl")]
    documents = [texts[i % len(texts)] for i in range(50_000)]
    with open(f"{work}/raw.txt", "w", encoding="utf-8") as handle:
        handle.writelines(text + "\n" for text in documents)
    print("== training one three-task mtl model and three fastText models")
    train_three(mtl, work, NAMES)
    model = f"{work}/three/model.mtl"

    with open(f"{work}/raw.txt", "rb") as stdin:
        seconds = timed([mtl, "predict", "--model", model], stdin=stdin)[0]
    baseline = len(documents) / seconds
    print(f"== mtl predict: {baseline:.0f} doc/s over {len(documents)} documents")

    scripts = {"batched": f"{work}/batched.lua", "single": f"{work}/single.lua"}
    lua_script(scripts["batched"], [json.dumps({"texts": documents[i:i + 64]})
                                    for i in range(0, 64 * 200, 64)])
    lua_script(scripts["single"], [json.dumps({"texts": [text]}) for text in documents[:2000]])

    print(f"== load, wrk -t1 on loopback, {args.seconds} s per figure")
    port = free_port()
    server = subprocess.Popen([mtl, "serve", "--model", model, "--port", str(port)],
                              stderr=open(f"{work}/serve.log", "w"))
    wait_for(port, "/readyz")
    mtl_batched, mtl_single, mtl_p99 = measure("mtl", port, scripts, args.seconds)

    print(f"== memory over {args.memory_requests} single-text requests")
    before = rss_kib(server.pid)
    done, started = 0, time.time()
    while done < args.memory_requests:
        done += wrk(port, scripts["single"], 16, 10)[2]
    after = rss_kib(server.pid)
    growth = (after - before) / before
    print(f"  RSS {before / 1024:.1f} MiB -> {after / 1024:.1f} MiB after {done} requests "
          f"({time.time() - started:.0f} s): {growth * 100:+.2f}%")
    server.send_signal(signal.SIGTERM)
    status = server.wait(timeout=30)
    print(f"  SIGTERM: exit status {status}")

    port = free_port()
    environment = dict(os.environ, FASTTEXT_MODELS=",".join(
        f"{name}={work}/{name}-ft.bin" for name in NAMES))
    fastapi = subprocess.Popen(
        [f"{args.venv}/bin/uvicorn", "serve_fastapi_app:app", "--port", str(port),
         "--workers", "2", "--log-level", "warning", "--no-access-log"],
        cwd=HERE, env=environment, stderr=subprocess.DEVNULL)
    wait_for(port, "/docs")
    time.sleep(2)
    api_batched, api_single, api_p99 = measure("fastapi", port, scripts, args.seconds)
    api_rss = tree_rss_kib(fastapi.pid)
    fastapi.terminate()
    fastapi.wait(timeout=30)

    def verdict(ok):
        return "ok" if ok else "MISSED"
    print("== floors")
    print(f"  batched / mtl predict  {mtl_batched / baseline:5.2f}x  (>= 0.6)  "
          f"{verdict(mtl_batched / baseline >= 0.6)}")
    print(f"  single / mtl predict   {mtl_single / baseline:5.2f}x  (>= 0.15) "
          f"{verdict(mtl_single / baseline >= 0.15)}")
    print(f"  single p99             {mtl_p99:5.2f} ms (< 10)    {verdict(mtl_p99 < 10)}")
    print(f"  RSS growth             {growth * 100:+5.2f}%  (< 5%)    {verdict(growth < 0.05)}")
    print(f"  vs FastAPI batched     {mtl_batched / api_batched:5.2f}x  (goal 3) "
          f"{verdict(mtl_batched / api_batched >= 3)}")
    print(f"  vs FastAPI single      {mtl_single / api_single:5.2f}x  (goal 3) "
          f"{verdict(mtl_single / api_single >= 3)}")
    print(f"  FastAPI RSS (2 workers, 3 models each) {api_rss / 1024:.0f} MiB; "
          f"mtl serve {after / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
