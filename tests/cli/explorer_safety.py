#!/usr/bin/python3
"""The live explorer's safety rules over real HTTP (issue 15, "Offline and safe"):
only the embedded page is served (a path-traversal attempt is a 404, never a file), a
change (or an "add to report" request) naming no lever or carrying no plain value is
refused with a message, a value
out of range gets the catalog's message, an oversized request is refused, beyond
127.0.0.1 every request needs the printed token, and SIGTERM stops the server within
seconds with exit code 0, even with a page's event stream open.

Usage: explorer_safety.py ALIGNSIM SOURCE_DIR
"""
import json
import os
import signal
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from explorer_driver import start_server  # noqa: E402


def request(url, form=None):
    """(status, body) of a GET, or of a form POST when `form` is given."""
    data = None if form is None else (form if isinstance(form, bytes) else urllib.parse.urlencode(form).encode())
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def raw_get(port, path):
    """The status line of a GET sent byte for byte (urllib would normalise '..')."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % path).encode())
        return connection.recv(4096).decode(errors="replace").split("\r\n")[0]


def stop(server):
    started = time.time()
    server.send_signal(signal.SIGTERM)
    code = server.wait(timeout=30)
    assert code == 0, "alignsim serve exited %d: %s" % (code, server.stderr.read())
    assert time.time() - started < 10, "took %.1f s to stop" % (time.time() - started)


def check_loopback(alignsim, scenario):
    server, port = start_server(alignsim, scenario)
    base = "http://127.0.0.1:%d" % port
    try:
        assert request(base + "/")[0] == 200
        assert request(base + "/explorer.js")[0] == 200
        assert request(base + "/report.js")[0] == 200
        for path in ("/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/CMakeLists.txt", "/page/index.html"):
            status = raw_get(port, path)
            assert " 200 " not in status, (path, status)
        status, body = request(base + "/api/whatif", {"run.seed": "1"})
        assert status == 400 and "is not a lever of this page" in json.loads(body)["error"], body
        status, body = request(base + "/api/whatif", {"followup.sla_floor": "0.5\n    run: {seed: 1}"})
        assert status == 400 and "is not a value" in json.loads(body)["error"], body
        status, body = request(base + "/api/whatif", {"followup.sla_floor": "1.5"})
        assert status == 400, body
        assert json.loads(body)["error"] == ("<what-if>:7:18: variants[0].followup.sla_floor: '1.5' is out of "
                                             "range (a number in [0, 1])"), body
        # "Add to report": only what_if_K.LEVER fields of the K what-ifs counted, plain values.
        report = {"what_ifs": "2", "replicates": "8", "what_if_1.followup.sla_floor": "0.6"}
        status, body = request(base + "/api/report", report)
        assert status == 200 and "  - name: what_if_2\n" in body and "replicates: 8" in body, body
        for refused, message in (({"what_if_1.run.seed": "1"}, "is not a lever of this page"),
                                 ({"run.seed": "1"}, "is not a lever of this page"),
                                 ({"what_if_3.followup.sla_floor": "0.6"}, "is not a lever of this page"),
                                 ({"what_if_1.followup.sla_floor": "0.5\n    run: {seed: 1}"}, "is not a value"),
                                 ({"what_ifs": "51"}, "at most 50 what-ifs"),
                                 ({"what_ifs": "0"}, "what_ifs: give")):
            status, body = request(base + "/api/report", dict(report, **refused))
            assert status == 400 and message in json.loads(body)["error"], (refused, body)
        status, body = request(base + "/api/report", dict(report, **{"what_if_2.followup.sla_floor": "1.5"}))
        assert status == 400 and "'1.5' is out of range (a number in [0, 1])" in json.loads(body)["error"], body
        status, _ = request(base + "/api/report", b"what_ifs=1&replicates=8&what_if_1.followup.sla_floor=" +
                            b"1" * (80 * 1024))
        assert status == 413, status
        status, _ = request(base + "/api/whatif", b"followup.sla_floor=" + b"1" * (80 * 1024))
        assert status == 413, status
        status, body = request(base + "/api/whatif", {"followup.sla_floor": "0.4"})
        assert status == 200 and json.loads(body)["generation"] >= 2, body
        # An open event stream (a page left open) must not hold the server up when it stops.
        stream = socket.create_connection(("127.0.0.1", port), timeout=10)
        stream.sendall(b"GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n")
        assert b"text/event-stream" in stream.recv(4096)
    finally:
        stop(server)


def check_token_beyond_loopback(alignsim, scenario):
    server, port = start_server(alignsim, scenario, "--host", "0.0.0.0")
    base = "http://127.0.0.1:%d" % port
    try:
        assert server.token and len(server.token) == 32, server.token
        assert request(base + "/")[0] == 403
        assert request(base + "/api/setup")[0] == 403
        assert request(base + "/api/whatif", {"followup.sla_floor": "0.4"})[0] == 403
        assert request(base + "/api/report", {"what_ifs": "1", "replicates": "8"})[0] == 403
        assert request(base + "/api/report?token=" + server.token, {"what_ifs": "1", "replicates": "8"})[0] == 200
        assert request(base + "/api/setup?token=" + "0" * 32)[0] == 403
        assert request(base + "/?token=" + server.token)[0] == 200
        assert request(base + "/api/setup?token=" + server.token)[0] == 200
    finally:
        stop(server)


def main():
    alignsim, source_dir = sys.argv[1:3]
    scenario = os.path.join(source_dir, "tests/cli/data/explorer.yaml")
    check_loopback(alignsim, scenario)
    check_token_beyond_loopback(alignsim, scenario)
    print("explorer safety rules hold")


if __name__ == "__main__":
    main()
