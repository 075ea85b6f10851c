#!/usr/bin/env python3
"""`mtl serve` stays responsive under heavy requests (issue 22, class 5), at full scale.

On loopback only, with bounded counts and time:
  - 100 clients each send one 8 MB body (one text of words, just under --max-body-bytes),
    at full speed, all at once;
  - 2 clients each ask for explanations (`"explain": 5`) of a 3 MB text;
  - a probe asks for /healthz every 100 ms throughout.

Floor: every probe answers within 1 s, and every request the server read ends in a result,
a 408, a 413 or a 503 (never a reset or a hang). The script prints one JSON object with the
status counts, the slowest probe and the wall time, and exits 1 if the floor is missed.

Usage: Benchmarks/serve_load.py --model runs/default/model.mtl [--mtl .build/release/mtl]
       [--clients 100] [--body-mb 8] [--explain-clients 2] [--explain-mb 3]
Train a model first with `mtl pipeline corpora/default.yaml` (writes runs/default/model.mtl).
Uses only the Python standard library.
"""
import argparse, json, os, socket, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORDS = b"free prize lunch tomorrow budget meeting bank fee report friday "


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def body_of(text_bytes, explain=0):
    repeats = text_bytes // len(WORDS) + 1
    text = (WORDS * repeats)[:text_bytes]
    return b'{"explain": %d, "texts": ["%s"]}' % (explain, text)


def request(port, method, path, body=b"", timeout=300):
    """Sends one request on a fresh connection; returns (status or error name, seconds).

    The body is sent from a second thread while the answer is read, so an early answer
    (413, 503) is seen even if the server then closes the connection.
    """
    started = time.monotonic()
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    except OSError as error:
        return type(error).__name__, time.monotonic() - started
    head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode()

    def send():
        try:
            sock.sendall(head + body)
        except OSError:
            pass

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    received = b""
    try:
        while b"\r\n" not in received:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
    except OSError as error:
        if not received:
            sock.close()
            return type(error).__name__, time.monotonic() - started
    finally:
        sock.close()
    line = received.split(b"\r\n", 1)[0].split()
    status = int(line[1]) if len(line) >= 2 and line[1].isdigit() else "no answer"
    return status, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=os.path.join(ROOT, "runs/default/model.mtl"))
    parser.add_argument("--mtl", default=os.path.join(ROOT, ".build/release/mtl"))
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--body-mb", type=float, default=8)
    parser.add_argument("--explain-clients", type=int, default=2)
    parser.add_argument("--explain-mb", type=float, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit-seconds", type=float, default=600)
    options = parser.parse_args()

    port = free_port()
    body_limit = 8 * 1024 * 1024
    # The server's log goes to a file: a pipe nobody reads would fill and stall it.
    log = tempfile.NamedTemporaryFile(prefix="serve_load-", suffix=".log", delete=False)
    server = subprocess.Popen(
        [options.mtl, "serve", "--model", options.model, "--port", str(port),
         "--workers", str(options.workers), "--max-body-bytes", str(body_limit),
         "--log-format", "text"],
        stderr=log, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while request(port, "GET", "/healthz", timeout=1)[0] != 200:
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("mtl serve did not start")
            time.sleep(0.1)
        big = body_of(min(int(options.body_mb * 1024 * 1024), body_limit - 64))
        explain = body_of(int(options.explain_mb * 1024 * 1024), explain=5)

        probes, stop = [], threading.Event()

        def probe():
            while not stop.is_set():
                probes.append(request(port, "GET", "/healthz", timeout=10))
                time.sleep(0.1)

        results = []

        def client(body):
            results.append(request(port, "POST", "/v1/predict", body, timeout=options.limit_seconds))

        prober = threading.Thread(target=probe)
        prober.start()
        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(explain,))
                   for _ in range(options.explain_clients)]
        threads += [threading.Thread(target=client, args=(big,)) for _ in range(options.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(options.limit_seconds)
        wall = time.monotonic() - started
        stop.set()
        prober.join()
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()

    counts = {}
    for status, _ in results:
        counts[str(status)] = counts.get(str(status), 0) + 1
    slowest_probe = max(seconds for _, seconds in probes)
    failed_probes = sum(1 for status, _ in probes if status != 200)
    allowed = {"200", "408", "413", "503"}
    report = {
        "clients": options.clients, "body_mb": options.body_mb,
        "explain_clients": options.explain_clients, "explain_mb": options.explain_mb,
        "statuses": counts, "answered": len(results),
        "probes": len(probes), "failed_probes": failed_probes,
        "slowest_probe_seconds": round(slowest_probe, 3), "wall_seconds": round(wall, 1),
        "server_log": log.name,
    }
    print(json.dumps(report, indent=2))
    missed = (slowest_probe >= 1 or failed_probes or set(counts) - allowed
              or len(results) != len(threads))
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
