#!/usr/bin/env python3
"""Issue 31's abuse probe, re-run as an attacker against the real server jar as a process.

Starts what an operator would run — `bin/slotbridge` (its JVM options: -Xmx256m, -XX:+ExitOnOutOfMemoryError), one
YAML file in MICRONAUT_CONFIG_FILES, a separate management port — with clients of different permissions (all;
search+book+manage-own; search only), sandbox councils, a DRS council on the DRS fake of provider-drs's tests
(bench/probes/DrsFakeProcess.java), a DRS council whose gateway never answers, HRO front ends, webhooks to a local
receiver and the memory or the Redis store (its own redis-server on a free loopback port, --save ''). Then it repeats
every finding of issue 31 and writes bench/results/<UTC>-abuse-probe.md: per finding what was sent, what came back,
PASS/FAIL, with figures. Python 3 standard library only.

Run (after `./mvnw -B -o -pl server -am package -DskipTests`, which also compiles provider-drs's test classes):
    python3 bench/probes/abuse-probe.py                  # memory store, then Redis store
    python3 bench/probes/abuse-probe.py --store memory --only jobcodes,holds
"""
import argparse
import base64
import collections
import datetime as dt
import glob
import hashlib
import hmac
import http.client
import http.server
import json
import os
import random
import re
import resource
import selectors
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
import xml.etree.ElementTree as ET

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JAVA_HOME = os.environ.get("JAVA_HOME") or "/usr/lib/jvm/temurin-25-jdk-amd64"
SERVER_NOFILE = 4096          # the server's open-file limit: the connection flood below opens more than this
FLOOD_CONNECTIONS = 6000
TODAY = dt.datetime.now(dt.timezone.utc).date()


def rnd(n=40):
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(n))


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_pair():
    while True:
        p = free_port()
        try:
            with socket.socket() as s:
                s.bind(("127.0.0.1", p + 1))
            return p
        except OSError:
            continue


# ---------------------------------------------------------------------------------------------------------------
# the world around the server: secrets, webhook receiver, blackhole gateway, DRS fake, Redis, the server itself
# ---------------------------------------------------------------------------------------------------------------
class Secrets:
    def __init__(self):
        self.keys = {name: "key-" + name + "-" + rnd(32) for name in ("ops", "portal", "greedy", "neighbour", "searcher",
                                                                      "booker", "hooker")}
        self.fe = {name: "fe-" + name + "-" + rnd(32) for name in ("sandbox", "other", "all", "drs", "diary")}
        self.jwt = "jwt-" + rnd(40)
        self.signing = "sign-" + rnd(40)
        self.callback = "cb-" + rnd(32)
        self.drs_password = "s3cr&t<pw>"   # the DRS fake's password
        self.webhook = {name: "whsec-" + rnd(24) for name in ("ops", "portal", "searcher")}

    def all(self):
        return (list(self.keys.values()) + list(self.fe.values()) + [self.jwt, self.signing, self.callback,
                self.drs_password] + list(self.webhook.values()))


class Receiver:
    """Webhook receiver: records every POST per path, answers 200."""

    def __init__(self):
        self.events = collections.defaultdict(list)
        self.lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with outer.lock:
                    outer.events[self.path].append(body.decode("utf-8", "replace"))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, name):
        return f"http://127.0.0.1:{self.port}/{name}"

    def of(self, name):
        with self.lock:
            return list(self.events["/" + name])


class Blackhole:
    """A gateway that accepts connections and reads, but never answers (DRS unreachable behind a firewall that
    drops nothing)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(512)
        self.port = self.sock.getsockname()[1]
        self.held = []
        threading.Thread(target=self.run, daemon=True).start()

    def run(self):
        while True:
            try:
                conn, _ = self.sock.accept()
                self.held.append(conn)
            except OSError:
                return


class World:
    def __init__(self, store, workdir):
        self.store = store
        self.work = workdir
        self.s = Secrets()
        self.receiver = Receiver()
        self.blackhole = Blackhole()
        self.procs = []
        self.api = free_port()
        self.mgmt = free_port()
        self.drs_port = free_pair()
        self.redis_port = free_port() if store == "redis" else None
        self.closed_port = free_port()
        self.log_path = os.path.join(workdir, f"server-{store}.log")
        self.server = None

    # -- processes ------------------------------------------------------------------------------------------
    def start(self):
        if self.store == "redis":
            self.redis = subprocess.Popen(["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1",
                                           "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
            self.procs.append(self.redis)
        wiremock = glob.glob(os.path.expanduser("~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar"))
        wiremock = [w for w in wiremock if not w.endswith(("-sources.jar", "-javadoc.jar"))]
        self.drs = subprocess.Popen([JAVA_HOME + "/bin/java", "-Xmx256m", "-cp",
                                     os.path.join(ROOT, "provider-drs/target/test-classes") + ":" + sorted(wiremock)[-1],
                                     os.path.join(ROOT, "bench/probes/DrsFakeProcess.java"), str(self.drs_port)],
                                    stdout=open(os.path.join(self.work, "drs-fake.log"), "w"), stderr=subprocess.STDOUT)
        self.procs.append(self.drs)
        config = os.path.join(self.work, f"slotbridge-{self.store}.yml")
        with open(config, "w") as f:
            f.write(self.yaml())
        env = dict(os.environ, JAVA_HOME=JAVA_HOME, MICRONAUT_CONFIG_FILES=config,
                   SIGNING_KEY=self.s.signing, HRO_JWT_SECRET=self.s.jwt, DRS_PASSWORD=self.s.drs_password,
                   CALLBACK_SECRET=self.s.callback)
        env.pop("JAVA_OPTS", None)     # bin/slotbridge's defaults: -Xmx256m -XX:+UseSerialGC, +ExitOnOutOfMemoryError

        def limit():
            resource.setrlimit(resource.RLIMIT_NOFILE, (SERVER_NOFILE, SERVER_NOFILE))
            os.setsid()

        self.env, self.limit = env, limit
        self.log = open(self.log_path, "w")
        self.start_server()

    def start_server(self):
        self.server = subprocess.Popen([os.path.join(ROOT, "bin/slotbridge")], env=self.env, stdout=self.log,
                                       stderr=subprocess.STDOUT, preexec_fn=self.limit)
        self.procs.append(self.server)
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.server.poll() is not None:
                raise SystemExit(f"server exited {self.server.returncode}: see {self.log_path}")
            try:
                st, _, _, _ = request("GET", "/health/readiness", port=self.mgmt, timeout=2)
                if st == 200 and self.gateway_up():
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit("server not ready in 90 s")

    def restart_server(self):
        """A fresh server on the same configuration and log (the memory store starts empty)."""
        if self.server.poll() is None:
            self.server.terminate()
            self.server.wait(30)
        self.start_server()

    def live_heap_mb(self):
        """The heap a full collection leaves (jcmd GC.run, then GC.heap_info: used of the young and old generations)."""
        jcmd = JAVA_HOME + "/bin/jcmd"
        subprocess.run([jcmd, str(self.server.pid), "GC.run"], capture_output=True, timeout=60)
        out = subprocess.run([jcmd, str(self.server.pid), "GC.heap_info"], capture_output=True, text=True, timeout=60).stdout
        return sum(int(x) for x in re.findall(r"used (\d+)K", out)[:2]) / 1024

    def gateway_up(self):
        try:
            st, _, _, _ = request("GET", "/__admin/requests?limit=1", port=self.drs_port, timeout=2)
            return st == 200
        except OSError:
            return False

    def stop(self):
        for p in reversed(self.procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(25)
                except subprocess.TimeoutExpired:
                    p.kill()
        self.receiver.server.shutdown()

    def rss_kb(self):
        with open(f"/proc/{self.server.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return -1

    def logs(self):
        self.log.flush()
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def drs_requests(self):
        st, _, body, _ = request("GET", "/__admin/requests?limit=100000", port=self.drs_port, timeout=20)
        return json.loads(body)["requests"]

    def yaml(self):
        s, r = self.s, self.receiver
        store = (f"  store:\n    type: redis\n    redis:\n      uri: redis://127.0.0.1:{self.redis_port}/0\n"
                 if self.store == "redis" else "  store:\n    type: memory\n")
        drs = lambda endpoint: (f"      provider: drs\n      settings:\n        endpoint: {endpoint}\n"
                                f"        username: lincoln-ws\n        password: ${{DRS_PASSWORD}}\n        contract: \"0\"\n        default-priority: \"1\"\n")
        return f"""# abuse-probe.py: written by the probe, as an operator would (docs/configuration.md)
micronaut:
  server:
    port: {self.api}
endpoints:
  all:
    port: {self.mgmt}
slotbridge:
  signing-key: ${{SIGNING_KEY}}
  trusted-proxies: [127.0.0.3]
{store}  webhooks:
    dispatch-interval: 200ms
  hro:
    jwt-secret: ${{HRO_JWT_SECRET}}
    front-ends:
      fe-sandbox:
        identifier-sha256: {sha(s.fe['sandbox'])}
        council: sandbox
      fe-other:
        identifier-sha256: {sha(s.fe['other'])}
        council: sandbox
      fe-all:
        identifier-sha256: {sha(s.fe['all'])}
        council: sandbox
        manage-all: true
      fe-drs:
        identifier-sha256: {sha(s.fe['drs'])}
        council: lincoln
      fe-diary:
        identifier-sha256: {sha(s.fe['diary'])}
        council: diary
        max-days: 62
        search-days: 62
  councils:
    sandbox:
      provider: sandbox
    diary:
      provider: sandbox
      settings:
        capacity-per-slot: 1
        days-ahead: 62
      holds:
        # a portal holding for many tenants: the share is the bound that matters
        max-per-client: 100000
    small:
      # a sandbox that remembers only its newest 100 bookings: its own memory stays bounded
      provider: sandbox
      settings:
        max-bookings: 100
    tight:
      provider: sandbox
      holds:
        max-per-client: 3
        max-share: 100
    lincoln:
{drs(f"http://127.0.0.1:{self.drs_port}/drs/webservices/SOAP")}      callbacks:
        secret: ${{CALLBACK_SECRET}}
    deadzone:
{drs(f"http://127.0.0.1:{self.blackhole.port}/drs/webservices/SOAP")}  clients:
    ops:
      key-sha256: {sha(s.keys['ops'])}
      councils: [sandbox, diary, lincoln, deadzone]
      permissions: all
      rate-limit:
        requests: 1000000
      webhooks:
        - url: {r.url('ops')}
          secret: {s.webhook['ops']}
          events: [booking.created, booking.rescheduled, booking.cancelled, booking.changed]
    portal:
      key-sha256: {sha(s.keys['portal'])}
      councils: [sandbox, lincoln]
      permissions: [search, book, manage-own]
      rate-limit:
        requests: 1000000
      webhooks:
        - url: {r.url('portal')}
          secret: {s.webhook['portal']}
          events: [booking.created, booking.rescheduled, booking.cancelled, booking.changed]
    searcher:
      key-sha256: {sha(s.keys['searcher'])}
      councils: [sandbox, lincoln, diary]
      permissions: [search]
      webhooks:
        - url: {r.url('searcher')}
          secret: {s.webhook['searcher']}
          events: [booking.changed]
    greedy:
      key-sha256: {sha(s.keys['greedy'])}
      councils: [sandbox, diary, tight, small]
      permissions: [search, book, manage-own]
      rate-limit:
        requests: 1000000
    booker:
      # a tenant portal without webhooks, default rate limit (100 a second)
      key-sha256: {sha(s.keys['booker'])}
      councils: [sandbox, lincoln, small]
      permissions: [search, book, manage-own]
    hooker:
      # a tenant portal whose own webhook receiver refuses connections (a closed port)
      key-sha256: {sha(s.keys['hooker'])}
      councils: [small]
      permissions: [search, book, manage-own]
      webhooks:
        - url: http://127.0.0.1:{self.closed_port}/events
          secret: {s.webhook['ops']}
          events: [booking.created, booking.rescheduled, booking.cancelled]
    neighbour:
      key-sha256: {sha(s.keys['neighbour'])}
      councils: [diary]
      permissions: [search, book, manage-own]
      rate-limit:
        requests: 1000000
"""


# ---------------------------------------------------------------------------------------------------------------
# HTTP helpers
# ---------------------------------------------------------------------------------------------------------------
def request(method, path, body=None, headers=None, port=None, source=None, timeout=30, conn=None):
    """One request; returns (status, headers dict, body bytes, seconds). Body: dict/list (JSON) or bytes."""
    own = conn is None
    if own:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                          source_address=(source, 0) if source else None)
    h = dict(headers or {})
    if body is not None and not isinstance(body, (bytes, bytearray)):
        body = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/json")
    t = time.perf_counter()
    try:
        conn.request(method, path, body=body, headers=h)
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data, time.perf_counter() - t
    finally:
        if own:
            conn.close()


def jbody(data):
    try:
        return json.loads(data)
    except ValueError:
        return None


class Api:
    def __init__(self, world):
        self.w = world

    def call(self, method, path, body=None, key="ops", headers=None, source=None, timeout=30):
        h = dict(headers or {})
        if key:
            h["Authorization"] = "Bearer " + self.w.s.keys.get(key, key)
        return request(method, path, body, h, port=self.w.api, source=source, timeout=timeout)

    def search(self, council, frm, to, key="ops", prop="3670010", **extra):
        body = {"propertyRef": prop, "jobCodes": [{"code": "N373049"}], "from": str(frm), "to": str(to)}
        body.update(extra)
        return self.call("POST", f"/v1/councils/{council}/appointment-search", body, key)

    def job(self, prop, ext, description="Kitchen tap leaking"):
        return {"propertyRef": prop, "jobCodes": [{"code": "N373049"}], "externalRef": ext, "description": description}

    def book(self, council, slot_id, prop, ext, key="ops"):
        return self.call("POST", f"/v1/councils/{council}/bookings",
                         {"slotId": slot_id, "job": self.job(prop, ext),
                          "contact": {"name": "Ann Tenant", "phone": "07700900123", "email": "ann@example.org"},
                          "accessNotes": "Dog in garden"}, key, headers={"Idempotency-Key": "probe-" + rnd(20)})

    # HRO door
    def hro_token(self, fe, source=None):
        st, _, body, _ = request("POST", "/authentication?identifier=" + urllib.parse.quote(self.w.s.fe[fe]),
                                 port=self.w.api, source=source)
        assert st == 200, (st, body)
        return body.decode()

    def hro(self, method, path, params, token, body=None, headers=None, source=None):
        query = "&".join(f"{k}={v}" for k, v in params.items())      # values given already encoded
        h = {"Authorization": "Bearer " + token}
        h.update(headers or {})
        if body is not None and not isinstance(body, (bytes, bytearray)):
            body = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        return request(method, path + ("?" + query if query else ""), body, h, port=self.w.api, source=source)


def q(text):
    return urllib.parse.quote(text, safe="")


def hro_time(iso):
    """A slot's instant as the HRO client sends it (ISO-8601)."""
    return q(iso)


class Results:
    def __init__(self):
        self.rows = []

    def add(self, store, ident, severity, finding, sent, got, ok, figures=""):
        self.rows.append(dict(store=store, id=ident, severity=severity, finding=finding, sent=sent, got=got,
                              verdict="PASS" if ok else "FAIL", figures=figures))
        print(f"[{store}] {ident}: {'PASS' if ok else 'FAIL'} — {got} {figures}", flush=True)


def problem_summary(status, data):
    b = jbody(data)
    if isinstance(b, dict):
        bits = [str(status), str(b.get("type", "")).rsplit("/", 1)[-1]]
        if b.get("errors"):
            bits.append("fields=" + ",".join(str(e.get("field")) for e in b["errors"][:6]))
        elif b.get("detail"):
            bits.append("detail=" + str(b.get("detail"))[:120])
        return " ".join(bits)
    return f"{status} {data[:120]!r}"


def names_field(data, field):
    return field in data.decode("utf-8", "replace")


# ---------------------------------------------------------------------------------------------------------------
# the probes
# ---------------------------------------------------------------------------------------------------------------
def probe_jobcodes(w, api, R):
    """H: 4,500/5,000 job codes (bodies under the 64 KiB limit) are a fast 400; RSS flat over 10,000 after warm-up."""
    for n in (4500, 5000):
        for path, body in (("appointment-search", {"propertyRef": "3670010", "jobCodes": [{"code": "a"}] * n,
                                                   "from": str(TODAY + dt.timedelta(days=1)), "to": str(TODAY + dt.timedelta(days=7))}),
                           ("bookings", {"slotId": "x", "job": {"propertyRef": "3670010", "jobCodes": [{"code": "a"}] * n,
                                                                "externalRef": "J", "description": "d"}})):
            raw = json.dumps(body, separators=(",", ":")).encode()
            st, _, data, secs = api.call("POST", f"/v1/councils/sandbox/{path}", raw, headers={"Content-Type": "application/json"})
            R.add(w.store, f"H1 jobCodes {n} {path}", "high", "memory exhaustion through jobCodes",
                  f"POST /v1/councils/sandbox/{path} with {n} job codes, {len(raw)} bytes",
                  problem_summary(st, data), st == 400 and names_field(data, "jobCodes") and secs < 1,
                  f"{secs * 1000:.0f} ms, answer {len(data)} bytes")
    tok = api.hro_token("sandbox")
    allowed = json.dumps([{"startTime": "08:00:00", "endTime": "12:00:00"}] * 1200, separators=(",", ":")).encode()
    st, _, data, secs = api.hro("GET", "/Appointments/AvailableAppointments",
                                {"sorCode": "N373049", "locationId": "3670010", "fromDate": q(str(TODAY + dt.timedelta(days=1)))},
                                tok, body=allowed, headers={"Content-Type": "application/json"})
    R.add(w.store, "H1 HRO allowed slots x 1,200", "high", "memory exhaustion through one list (HRO door)",
          f"AvailableAppointments with 1,200 allowed slots in its JSON body ({len(allowed)} bytes)",
          problem_summary(st, data), st == 400, f"{secs * 1000:.0f} ms")
    body = json.dumps({"slotId": "x", "job": {"propertyRef": "3670010", "jobCodes": [{"code": "a"}] * 5000,
                                              "externalRef": "J", "description": "d"}}, separators=(",", ":")).encode()
    headers = {"Content-Type": "application/json", "Authorization": "Bearer " + w.s.keys["ops"]}
    statuses = collections.Counter()
    lat = []
    lock = threading.Lock()

    def run(count):
        conn = http.client.HTTPConnection("127.0.0.1", w.api, timeout=30)
        for _ in range(count):
            try:
                st, _, _, secs = request("POST", "/v1/councils/sandbox/bookings", body, headers, conn=conn)
            except (OSError, http.client.HTTPException) as e:
                st, secs = type(e).__name__, 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", w.api, timeout=30)
            with lock:
                statuses[st] += 1
                lat.append(secs)
        conn.close()

    def batch(total, threads=3):
        ts = [threading.Thread(target=run, args=(total // threads,)) for _ in range(threads)]
        [t.start() for t in ts]
        [t.join() for t in ts]

    t0 = time.time()
    batch(3000)                       # warm-up
    rss = [("after 3,000 warm-up", w.rss_kb())]
    statuses.clear()
    lat.clear()
    t1 = time.time()
    for i in range(10):
        batch(1002)
        rss.append((f"after {(i + 1) * 1002}", w.rss_kb()))
    elapsed = time.time() - t1
    lat.sort()
    p50, p99 = lat[len(lat) // 2] * 1000, lat[int(len(lat) * 0.99)] * 1000
    growth = (rss[-1][1] - rss[0][1]) / 1024
    alive = w.server.poll() is None
    st_live, _, _, _ = request("GET", "/health/liveness", port=w.mgmt)
    ok = alive and set(statuses) == {400} and growth < 32 and p99 < 1000
    R.add(w.store, "H1 RSS over 10,020 x 5,000 job codes", "high", "memory exhaustion through jobCodes",
          f"3 threads on kept-alive connections, {len(body)}-byte bookings with 5,000 job codes: 3,000 warm-up, then 10,020",
          f"statuses {dict(statuses)}; server alive={alive}; liveness {st_live}", ok,
          f"{len(lat) / elapsed:.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms; RSS MB: "
          + ", ".join(f"{k} {v / 1024:.0f}" for k, v in rss) + f"; growth after warm-up {growth:+.1f} MB")
    if w.store == "redis":
        info = subprocess.run(["redis-cli", "-p", str(w.redis_port), "info", "memory"], capture_output=True, text=True).stdout
        used = re.search(r"used_memory_human:(\S+)", info)
        dbsize = subprocess.run(["redis-cli", "-p", str(w.redis_port), "dbsize"], capture_output=True, text=True).stdout.strip()
        R.add(w.store, "H1 Redis after the job-code flood", "high", "memory exhaustion through jobCodes (Redis grew to 318 MB)",
              "redis-cli info memory / dbsize after the 13,020 refused bookings", f"used_memory {used.group(1) if used else '?'}, keys {dbsize}",
              used is not None and not used.group(1).endswith("G") and (not used.group(1).endswith("M") or float(used.group(1)[:-1]) < 20))


def day_counts(slots):
    c = collections.Counter()
    for s in slots:
        c[s["start"][:10]] += 1
    return c


def probe_holds(w, api, R):
    """H: one client holds as much as it may on a 62-day diary; the other is still offered >= half of each day."""
    frm, to = TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=62)
    st, _, data, _ = api.search("diary", frm, to, key="neighbour", prop="N-1")
    base = day_counts(jbody(data)["slots"])
    st, _, data, _ = api.search("diary", frm, to, key="greedy", prop="G-0")
    slots = jbody(data)["slots"]
    tok = api.hro_token("diary")
    allowed = None
    st_h0, _, hro0, _ = api.hro("GET", "/Appointments/AvailableAppointments",
                                {"sorCode": "N373049", "locationId": "H-1", "fromDate": q(str(frm))}, tok, body=allowed)
    before_hro = len(jbody(hro0) or [])
    outcomes = collections.Counter()
    held_ids = []
    t = time.time()
    lock = threading.Lock()

    def hold(i, slot):      # 8 threads at once: parallel holds must not pass a bound together
        st, _, data, _ = api.call("POST", "/v1/councils/diary/holds",
                                  {"slotId": slot["slotId"], "job": api.job(f"G-{i}", f"GREEDY-{i}")}, key="greedy")
        b = jbody(data) or {}
        with lock:
            outcomes[f"{st} {str(b.get('type', '')).rsplit('/', 1)[-1]}".strip()] += 1
            if st == 201:
                held_ids.append(b["holdId"])

    work = list(enumerate(slots))
    threads = [threading.Thread(target=lambda part=work[k::8]: [hold(i, sl) for i, sl in part]) for k in range(8)]
    [th.start() for th in threads]
    [th.join() for th in threads]
    secs = time.time() - t
    # a second pass: every slot it is still offered
    st, _, data, _ = api.search("diary", frm, to, key="greedy", prop="G-0")
    again = collections.Counter()
    for i, slot in enumerate(jbody(data)["slots"]):
        st, _, d2, _ = api.call("POST", "/v1/councils/diary/holds",
                                {"slotId": slot["slotId"], "job": api.job(f"G2-{i}", f"GREEDY2-{i}")}, key="greedy")
        again[st] += 1
        if st == 201:
            held_ids.append(jbody(d2)["holdId"])
    st, _, data, _ = api.search("diary", frm, to, key="neighbour", prop="N-1")
    after = day_counts(jbody(data)["slots"])
    worst = min(((after[d] / base[d]) if base[d] else 1.0, d) for d in base)
    short = [d for d in base if after[d] < 0.5 * base[d]]
    tok = api.hro_token("diary")
    st_h, _, hro1, _ = api.hro("GET", "/Appointments/AvailableAppointments",
                               {"sorCode": "N373049", "locationId": "H-1", "fromDate": q(str(frm))}, tok)
    after_hro = len(jbody(hro1) or [])
    R.add(w.store, "H2 one client holds a 62-day diary", "high", "one client empties a council's diary with holds",
          f"greedy (search+book+manage-own, holds.max-per-client 100000, max-share default 50) held every one of the "
          f"{len(slots)} slots it was offered over 62 days (8 in parallel), then every slot still offered to it",
          f"holds: {dict(outcomes)}; second pass {dict(again)}; neighbour offered per day before/after: "
          f"min ratio {worst[0]:.2f} on {worst[1]}; days below half: {len(short)}; HRO front end on diary: {st_h0} "
          f"{before_hro} appointments before, {st_h} {after_hro} after",
          not short and after_hro > 0 and st_h == 200 and set(s.split()[0] for s in outcomes) <= {"201", "429"},
          f"{len(held_ids)} holds admitted in {secs:.1f} s; neighbour slots {sum(base.values())} before, "
          f"{sum(after.values())} after; days {len(base)}")
    # the per-client bound at a council with the defaults
    st, _, data, _ = api.search("sandbox", frm, to, key="greedy", prop="G-0")
    sb = collections.Counter()
    for i, slot in enumerate(jbody(data)["slots"][:400]):
        st, h, d2, _ = api.call("POST", "/v1/councils/sandbox/holds",
                                {"slotId": slot["slotId"], "job": api.job(f"GS-{i}", f"GS-{i}")}, key="greedy")
        sb[f"{st} {str((jbody(d2) or {}).get('type', '')).rsplit('/', 1)[-1]}".strip()] += 1
        if st == 201:
            held_ids.append(("sandbox", jbody(d2)["holdId"]))
    st, h, d2, _ = api.call("POST", "/v1/councils/sandbox/holds",
                            {"slotId": jbody(data)["slots"][0]["slotId"], "job": api.job("GS-0", "GS-X")}, key="greedy")
    R.add(w.store, "H2 holds per client / per property (defaults)", "high", "one client empties a council's diary with holds",
          "greedy held up to 400 slots of the sandbox council (defaults: max-per-client 100, max-per-property 1, "
          "max-share 50), each for its own property; then a second hold for property GS-0",
          f"{dict(sb)}; second hold for one property: {problem_summary(st, d2)} Retry-After={h.get('retry-after')}",
          sb.get("201", 0) <= 100 and st == 429, "")
    st, _, data, _ = api.search("tight", frm, to, key="greedy", prop="T-0")
    tc = collections.Counter()
    for i, slot in enumerate(jbody(data)["slots"][:10]):
        st, h, d2, _ = api.call("POST", "/v1/councils/tight/holds",
                                {"slotId": slot["slotId"], "job": api.job(f"T-{i}", f"T-{i}")}, key="greedy")
        tc[f"{st} {str((jbody(d2) or {}).get('type', '')).rsplit('/', 1)[-1]}".strip()] += 1
    R.add(w.store, "H2 holds.max-per-client", "high", "one client empties a council's diary with holds",
          "greedy held 10 slots, each for its own property, at a council configured max-per-client 3, max-share 100",
          str(dict(tc)), tc.get("201", 0) == 3 and tc.get("429 hold-quota-exceeded", 0) == 7)


def probe_auth(w, api, R):
    """H: 1,000 wrong keys then a valid key; also via X-Forwarded-For from an untrusted peer and a trusted proxy."""
    def flood(source, n, headers_for=lambda i: {}, key_for=lambda i: "wrong-" + rnd(40), path="/v1/councils"):
        c = collections.Counter()
        for i in range(n):
            h = {"Authorization": "Bearer " + key_for(i)}
            h.update(headers_for(i))
            st, _, _, _ = request("GET", path, headers=h, port=w.api, source=source)
            c[st] += 1
        return c

    c = flood("127.0.0.5", 1000)
    st, _, data, secs = api.call("GET", "/v1/councils", key="ops", source="127.0.0.5")
    st2, _, _, _ = api.call("GET", "/v1/councils", key="wrong-" + rnd(40), source="127.0.0.5")
    R.add(w.store, "H3 valid key after 1,000 wrong ones", "high", "failed-authentication throttling locks out valid keys",
          "1,000 GET /v1/councils with random wrong keys from 127.0.0.5, then the ops key from 127.0.0.5",
          f"wrong: {dict(c)}; valid key then: {st} in {secs * 1000:.0f} ms; one more wrong key: {st2}",
          st == 200 and c.get(429, 0) >= 900 and st2 == 429)
    # HRO identifiers
    c = collections.Counter()
    for i in range(1000):
        st, _, _, _ = request("POST", "/authentication?identifier=wrong-" + rnd(30), port=w.api, source="127.0.0.6")
        c[st] += 1
    st, _, data, secs = request("POST", "/authentication?identifier=" + q(w.s.fe["sandbox"]), port=w.api, source="127.0.0.6")
    R.add(w.store, "H3 /authentication after 1,000 wrong identifiers", "high", "failed-authentication throttling locks out valid keys",
          "1,000 POST /authentication with wrong identifiers from 127.0.0.6, then the right one",
          f"wrong: {dict(c)}; right identifier: {st} ({len(data)}-byte token) in {secs * 1000:.0f} ms", st == 200)
    # the same wrong key many times (per credential), then the valid one
    c = flood("127.0.0.7", 200, key_for=lambda i: "stolen-old-key-of-ops")
    st, _, _, _ = api.call("GET", "/v1/councils", key="ops", source="127.0.0.7")
    c2 = flood("127.0.0.8", 5, key_for=lambda i: "stolen-old-key-of-ops")
    R.add(w.store, "H3 one wrong key 200 times", "high", "failed-authentication throttling locks out valid keys",
          "200 requests with one wrong key from 127.0.0.7; the valid key; the same wrong key from another address 127.0.0.8",
          f"wrong: {dict(c)}; valid: {st}; same wrong key elsewhere: {dict(c2)}", st == 200 and c2.get(429, 0) == 5)
    # untrusted peer forging X-Forwarded-For: it cannot spread its failures over invented addresses
    c = flood("127.0.0.9", 1000, headers_for=lambda i: {"X-Forwarded-For": f"198.51.{i // 250}.{i % 250 + 1}"})
    st, _, _, _ = api.call("GET", "/v1/councils", key="ops", source="127.0.0.9", headers={"X-Forwarded-For": "198.51.100.1"})
    R.add(w.store, "H3 X-Forwarded-For from an untrusted peer", "high", "failed-authentication throttling (X-Forwarded-For)",
          "1,000 wrong keys from the untrusted peer 127.0.0.9, each claiming another X-Forwarded-For; then the valid key",
          f"wrong: {dict(c)} (counted against the peer: forged header not believed); valid: {st}",
          st == 200 and c.get(429, 0) >= 900)
    # through the trusted proxy 127.0.0.3: one tenant's failures do not lock out another behind the same proxy
    c = flood("127.0.0.3", 1000, headers_for=lambda i: {"X-Forwarded-For": "203.0.113.66"})
    other_wrong, _, _, _ = request("GET", "/v1/councils", headers={"Authorization": "Bearer nope-" + rnd(20),
                                                                  "X-Forwarded-For": "203.0.113.77"}, port=w.api, source="127.0.0.3")
    same_valid, _, _, _ = api.call("GET", "/v1/councils", key="portal", source="127.0.0.3",
                                   headers={"X-Forwarded-For": "203.0.113.66"})
    logged = "203.0.113.66" in w.logs()
    R.add(w.store, "H3 behind a trusted proxy", "high", "failed-authentication throttling (shared address)",
          "1,000 wrong keys through the trusted proxy 127.0.0.3 for client 203.0.113.66; then a wrong key for 203.0.113.77; "
          "the portal key for 203.0.113.66",
          f"wrong: {dict(c)}; another client's wrong key: {other_wrong} (not locked); valid key of the guesser's "
          f"address: {same_valid}; client address in the access log: {logged}",
          c.get(429, 0) >= 900 and other_wrong == 401 and same_valid == 200 and logged)


def wait_events(w, names, seconds=4.0):
    time.sleep(seconds)
    return {n: w.receiver.of(n) for n in names}


def probe_changed(w, api, R):
    """M: booking.changed must not reach manage-own (or search-only) clients for others' bookings."""
    frm, to = TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=12)
    st, _, data, _ = api.search("sandbox", frm, to, key="ops", prop="OPS-PROP-77")
    slots = jbody(data)["slots"]
    ext = "OPSEXT-" + rnd(8)
    st, _, data, _ = api.book("sandbox", slots[0]["slotId"], "OPS-PROP-77", ext)
    ref = jbody(data)["bookingRef"]
    st_r, _, _, _ = api.call("POST", f"/v1/councils/sandbox/bookings/{ref}/reschedule", {"slotId": slots[3]["slotId"]})
    st_c, _, _, _ = api.call("POST", f"/v1/councils/sandbox/bookings/{ref}/cancel", {"reason": "Tenant request"})
    # portal's own booking: ops (manage-all) may hear of it
    st2, _, data, _ = api.search("sandbox", frm, to, key="portal", prop="PORTAL-PROP-1")
    pext = "PORTALEXT-" + rnd(8)
    st_p, _, pdata, _ = api.book("sandbox", jbody(data)["slots"][1]["slotId"], "PORTAL-PROP-1", pext, key="portal")
    pref = (jbody(pdata) or {}).get("bookingRef")
    ev = wait_events(w, ["ops", "portal", "searcher"])
    leak = [e for e in ev["portal"] + ev["searcher"] if ref in e or ext in e or "OPS-PROP-77" in e]
    portal_view, _, _, _ = api.call("GET", f"/v1/councils/sandbox/bookings/{ref}", key="portal")
    ops_types = collections.Counter(json.loads(e)["type"].rsplit(".", 1)[-1] for e in ev["ops"])
    portal_types = collections.Counter(json.loads(e)["type"].rsplit(".", 1)[-1] for e in ev["portal"])
    ops_heard_portal = any(pref and pref in e for e in ev["ops"])
    R.add(w.store, "M1 booking.changed to manage-own", "medium", "booking.changed leaks to manage-own clients",
          f"ops (all) booked, rescheduled ({st_r}) and cancelled ({st_c}) a booking on sandbox; portal (manage-own, all 4 events) "
          f"and searcher (search only, booking.changed) subscribed; portal booked one of its own ({st_p})",
          f"events ops {dict(ops_types)}, portal {dict(portal_types)}, searcher {len(ev['searcher'])}; events to portal/searcher "
          f"naming ops's booking (ref, externalRef or propertyRef): {len(leak)}; GET of ops's booking by portal: {portal_view}; "
          f"ops told of portal's booking: {ops_heard_portal}",
          not leak and portal_view == 404 and not ev["searcher"] and ops_heard_portal)


def bad_texts():
    # name, as text in JSON, as raw query value (percent-encoded bytes)
    return [("BEL", "a\u0007b", "a%07b"), ("NUL", "a\u0000b", "a%00b"), ("U+FFFE", "a\ufffeb", "a%EF%BF%BEb"),
            ("U+FFFF", "a\uffffb", "a%EF%BF%BFb"),
            ("lone surrogate", "a\ud800b", "a%ED%A0%80b"), ("bidi override U+202E", "a\u202eb", "a%E2%80%AEb"),
            ("invalid UTF-8 byte", None, "a%FFb")]


def probe_hro_text(w, api, R):
    """M: the HRO door applies /v1's text checks; nothing malformed reaches DRS; duplicated JSON keys refused."""
    before = len(w.drs_requests())
    tok = api.hro_token("drs")
    start = dt.datetime.combine(TODAY + dt.timedelta(days=3), dt.time(8)).strftime("%Y-%m-%dT%H:%M:%SZ")
    end = dt.datetime.combine(TODAY + dt.timedelta(days=3), dt.time(12)).strftime("%Y-%m-%dT%H:%M:%SZ")
    base = {"bookingReference": "HROTXT-1", "sorCode": "N373049", "priority": "P1", "locationId": "3670010",
            "startDateTime": q(start), "endDateTime": q(end)}
    fails, rows = [], collections.Counter()
    for name, text, raw in bad_texts():
        cases = [("bookingReference", dict(base, bookingReference=raw), {"Text": "ok"}),
                 ("sorCode", dict(base, sorCode=raw), {"Text": "ok"})]
        if text is not None:
            cases.append(("Text", base, json.dumps({"Text": text}).encode()))
        else:
            cases.append(("Text", base, b'{"Text":"a\xffb"}'))
        for field, params, body in cases:
            st, _, data, _ = api.hro("POST", "/Appointments/BookAppointment", params, tok, body=body,
                                     headers={"Content-Type": "application/json"} if isinstance(body, bytes) else None)
            rows[st] += 1
            if st != 400 or not names_field(data, field):
                fails.append(f"{name} in {field}: {problem_summary(st, data)}")
        st, _, data, _ = api.hro("GET", "/Appointments/AvailableAppointments",
                                 {"sorCode": raw, "locationId": "3670010", "fromDate": q(str(TODAY + dt.timedelta(days=1)))}, tok)
        rows[st] += 1
        if st != 400 or not names_field(data, "sorCode"):
            fails.append(f"{name} in search sorCode: {problem_summary(st, data)}")
    reqs = w.drs_requests()
    new = reqs[:len(reqs) - before]
    malformed = 0
    for r in reqs:
        try:
            ET.fromstring(r["request"]["body"].encode())
        except ET.ParseError:
            malformed += 1
    R.add(w.store, "M2 HRO door text checks (DRS front end)", "medium", "the HRO door skips /v1's text checks",
          f"{sum(rows.values())} HRO requests: BEL, NUL, U+FFFE, U+FFFF, lone surrogate, U+202E, an invalid UTF-8 byte in "
          "bookingReference, sorCode (query) and Text (JSON body) of BookAppointment, and in sorCode of AvailableAppointments",
          f"statuses {dict(rows)}; not 400-naming-the-field: {fails or 'none'}; SOAP requests to DRS during them: {len(new)}; "
          f"SOAP bodies DRS received so far that are not well-formed XML: {malformed} of {len(reqs)}",
          not fails and not new and malformed == 0)
    # a valid booking through the DRS front end whose text needs escaping (& < > quotes, a line break, an emoji)
    st, _, data, _ = api.hro("GET", "/Appointments/AvailableAppointments",
                             {"sorCode": "N373049", "locationId": "3670010", "fromDate": q(str(TODAY + dt.timedelta(days=2)))}, tok)
    appt = (jbody(data) or [{}])[0].get("timeOfDay", {})
    ok_params = dict(base, bookingReference="HROXML-" + rnd(6), startDateTime=q(appt.get("earliestArrivalTime", start)),
                     endDateTime=q(appt.get("latestArrivalTime", end)))
    st_ok, _, data_ok, _ = api.hro("POST", "/Appointments/BookAppointment", ok_params, tok,
                                   body={"Text": "Tap & <sink> \"leaking\"\nsince Monday \U0001F6BF"})
    R.add(w.store, "M2 HRO door: text that needs escaping still books", "medium", "the HRO door skips /v1's text checks (control)",
          "BookAppointment through the DRS front end with Text `Tap & <sink> \"leaking\"` + line break + an emoji",
          problem_summary(st_ok, data_ok) if st_ok != 200 else f"200 {data_ok[:40]!r}", st_ok == 200)
    # the sandbox front end: the same, and nothing stored
    tok = api.hro_token("sandbox")
    fails2 = []
    for name, text, raw in bad_texts()[:6]:
        st, _, data, _ = api.hro("POST", "/Appointments/BookAppointment", dict(base, bookingReference="HROSBX-" + rnd(6)), tok,
                                 body=json.dumps({"Text": text}).encode(), headers={"Content-Type": "application/json"})
        if st != 400 or not names_field(data, "Text"):
            fails2.append(f"{name}: {problem_summary(st, data)}")
    # duplicated keys
    dup = []
    st, _, data, _ = api.hro("POST", "/Appointments/BookAppointment", dict(base, bookingReference="HRODUP-1"), tok,
                             body=b'{"Text":"first","Text":"second"}', headers={"Content-Type": "application/json"})
    dup.append(("BookAppointment {Text,Text}", st, problem_summary(st, data)))
    st, _, data, _ = api.hro("GET", "/Appointments/AvailableAppointments",
                             {"sorCode": "N373049", "locationId": "3670010", "fromDate": q(str(TODAY + dt.timedelta(days=1)))}, tok,
                             body=b'[{"startTime":"08:00:00","startTime":"09:00:00","endTime":"12:00:00"}]',
                             headers={"Content-Type": "application/json"})
    dup.append(("AvailableAppointments allowed slot {startTime,startTime}", st, problem_summary(st, data)))
    st, _, data, _ = api.call("POST", "/v1/councils/sandbox/appointment-search",
                              b'{"propertyRef":"1","propertyRef":"2","jobCodes":[{"code":"N373049"}],"from":"2027-01-04","to":"2027-01-05"}',
                              headers={"Content-Type": "application/json"})
    dup.append(("/v1 search {propertyRef,propertyRef}", st, problem_summary(st, data)))
    R.add(w.store, "M2 HRO door text checks (sandbox front end) and duplicated keys", "medium", "the HRO door skips /v1's text checks",
          "Text with each bad character through the sandbox front end; bodies with a key twice",
          f"Text not refused: {fails2 or 'none'}; duplicated keys: " + "; ".join(f"{n}: {s}" for n, _, s in dup),
          not fails2 and all(st == 400 and "malformed-json" in s for _, st, s in dup))


def confirmation(booking_id, order, start, end):
    return f"""<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
  xmlns:bg="http://autogenerated.OTBackgroundService.xmbrace.com/"><soapenv:Header/><soapenv:Body>
<bg:bookingConfirmation><bookingConfirmation><bookingId>{booking_id}</bookingId><bookingReason>Planner moved visit</bookingReason>
<changedDate>2026-03-02T14:21:01</changedDate><locationID>3670010</locationID><planningWindowEnd>{end}</planningWindowEnd>
<planningWindowStart>{start}</planningWindowStart><primaryOrderNumber>{order}</primaryOrderNumber>
<theBookingCodes><bookingCodeSORCode>N373049</bookingCodeSORCode></theBookingCodes><tokenId>q8Zf2LkPz0aVYw3Ns7Hx</tokenId>
<userId>planner01</userId></bookingConfirmation></bg:bookingConfirmation></soapenv:Body></soapenv:Envelope>""".encode()


def local(iso_z):
    """A UTC instant as DRS's local UK wall-clock time without an offset (GMT in winter; BST handled)."""
    t = dt.datetime.fromisoformat(iso_z.replace("Z", "+00:00"))
    try:
        from zoneinfo import ZoneInfo
        t = t.astimezone(ZoneInfo("Europe/London"))
    except Exception:
        pass
    return t.strftime("%Y-%m-%dT%H:%M:%S")


def probe_callbacks(w, api, R):
    """M: replayed or forged DRS bookingConfirmation sends nothing; a real planner move is told as DRS shows it."""
    frm, to = TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=9)
    st, _, data, _ = api.search("lincoln", frm, to, prop="3670010")
    slots = jbody(data)["slots"]
    ext = "CB-" + rnd(8)
    st, _, data, _ = api.book("lincoln", slots[0]["slotId"], "3670010", ext)
    booking = jbody(data)
    ref = booking["bookingRef"]
    bid = request("GET", "/booking-id?order=" + ext, port=w.drs_port + 1)[2].decode()
    cb = lambda s, e: request("POST", f"/callbacks/lincoln/drs?token={q(w.s.callback)}", confirmation(bid, ext, s, e),
                              {"Content-Type": "text/xml; charset=utf-8"}, port=w.api)
    s0, e0 = local(slots[0]["start"]), local(slots[0]["end"])
    time.sleep(1.5)
    n0 = len(w.receiver.of("ops"))
    steps = []
    st, _, _, _ = cb(s0, e0)
    steps.append(("echo of its own booking", st, len(wait_events(w, ["ops"], 2)["ops"]) - n0))
    # reschedule through Slotbridge, then replay the old confirmation
    st_r, _, _, _ = api.call("POST", f"/v1/councils/lincoln/bookings/{ref}/reschedule", {"slotId": slots[2]["slotId"]})
    n1 = len(wait_events(w, ["ops"], 2)["ops"])
    st, _, _, _ = cb(s0, e0)
    steps.append(("replayed old confirmation (DRS shows the rescheduled window)", st, len(wait_events(w, ["ops"], 2)["ops"]) - n1))
    forged = (local(slots[5]["start"]), local(slots[5]["end"]))
    st, _, _, _ = cb(*forged)
    steps.append(("forged window DRS does not show", st, len(wait_events(w, ["ops"], 2)["ops"]) - n1))
    # a real move inside DRS: the positive control
    ms, me = slots[7]["start"], slots[7]["end"]
    request("GET", f"/move?order={ext}&start={q(ms.replace('Z', '+00:00'))}&end={q(me.replace('Z', '+00:00'))}", port=w.drs_port + 1)
    st, _, _, _ = cb(local(slots[4]["start"]), local(slots[4]["end"]))   # the callback even lies about the window
    evs = wait_events(w, ["ops", "portal"], 2.5)
    moved = [json.loads(e) for e in evs["ops"][n1:]]
    told = [(e["type"].rsplit(".", 1)[-1], e["data"]["slot"]["start"]) for e in moved]
    steps.append(("planner really moved it; callback names yet another window", st, told))
    n2 = len(evs["ops"])
    st, _, _, _ = cb(ms[:19], me[:19]) if False else cb(local(ms), local(me))
    steps.append(("the true confirmation after the move, sent again", st, len(wait_events(w, ["ops"], 2)["ops"]) - n2))
    leak = [e for e in evs["portal"] if ref in e]
    ok = (steps[0][2] == 0 and steps[1][2] == 0 and steps[2][2] == 0 and told == [("rescheduled", ms)]
          and steps[4][2] == 0 and not leak and st_r == 200)
    metrics = request("GET", "/prometheus", port=w.mgmt)[2].decode()
    counted = [l for l in metrics.splitlines() if l.startswith("slotbridge_callbacks_total") and "lincoln" in l]
    R.add(w.store, "M3 replayed / forged DRS callbacks", "medium", "scheduler callbacks trusted as told",
          "ops booked on the DRS council (its webhook takes every event); bookingConfirmation callbacks with the right secret: "
          "an echo, the old window replayed after a /v1 reschedule, a forged window, then a real planner move in the fake "
          "with a callback naming a third window",
          "; ".join(f"{n}: {s}, events {e}" for n, s, e in steps) + f"; to portal: {len(leak)}; metrics: " + " ".join(
              l.split("{", 1)[1] for l in counted), ok)


def probe_hro_scope(w, api, R):
    """M: an HRO front end cannot cancel or move another's booking."""
    frm = TODAY + dt.timedelta(days=2)
    tok = api.hro_token("sandbox")
    st, _, data, _ = api.hro("GET", "/Appointments/AvailableAppointments",
                             {"sorCode": "N373049", "locationId": "HRO-P1", "fromDate": q(str(frm))}, tok)
    appts = jbody(data)
    a = appts[0]["timeOfDay"]
    ref1 = "HROREF-" + rnd(8)
    params = {"bookingReference": ref1, "sorCode": "N373049", "priority": "P1", "locationId": "HRO-P1",
              "startDateTime": q(a["earliestArrivalTime"]), "endDateTime": q(a["latestArrivalTime"])}
    st_b, _, bdata, _ = api.hro("POST", "/Appointments/BookAppointment", params, tok, body={"Text": "Leaking tap"})
    # a /v1 booking
    st, _, data, _ = api.search("sandbox", frm, frm + dt.timedelta(days=6), prop="V1-P1")
    v1ext = "V1REF-" + rnd(8)
    st_v, _, vdata, _ = api.book("sandbox", jbody(data)["slots"][2]["slotId"], "V1-P1", v1ext)
    other = api.hro_token("other")
    b = appts[1]["timeOfDay"]
    tries = {}
    for ref in (ref1, v1ext):
        tries[f"fe-other cancel {ref[:6]}"] = api.hro("POST", "/Appointments/CancelAppointment", {"bookingReference": ref}, other)[0]
        tries[f"fe-other move {ref[:6]}"] = api.hro("POST", "/Appointments/UpdateAppointmentSlot",
                                                    {"bookingReference": ref, "startDateTime": q(b["earliestArrivalTime"]),
                                                     "endDateTime": q(b["latestArrivalTime"])}, other)[0]
    tries["fe-sandbox cancel the /v1 booking"] = api.hro("POST", "/Appointments/CancelAppointment", {"bookingReference": v1ext}, tok)[0]
    still = api.call("GET", f"/v1/councils/sandbox/bookings/{jbody(vdata)['bookingRef']}")[2]
    allt = api.hro_token("all")
    tries["fe-all (manage-all: true) cancel the /v1 booking"] = api.hro("POST", "/Appointments/CancelAppointment",
                                                                        {"bookingReference": v1ext}, allt)[0]
    tries["fe-sandbox cancel its own"] = api.hro("POST", "/Appointments/CancelAppointment", {"bookingReference": ref1}, tok)[0]
    ok = (st_b == 200 and all(v == 404 for k, v in tries.items() if k.startswith("fe-other") or k.startswith("fe-sandbox cancel the"))
          and jbody(still)["status"] == "BOOKED" and tries["fe-all (manage-all: true) cancel the /v1 booking"] == 200
          and tries["fe-sandbox cancel its own"] == 200)
    R.add(w.store, "M4 HRO front end cancelling another's booking", "medium", "any HRO front end can cancel or move any booking",
          f"fe-sandbox booked {ref1} ({st_b}); ops booked {v1ext} through /v1 ({st_v}); fe-other (default scope) and fe-sandbox "
          "tried to cancel and move them; fe-all is configured manage-all: true",
          "; ".join(f"{k}: {v}" for k, v in tries.items()) + f"; /v1 booking after the refused cancels: {jbody(still)['status']}", ok)


def raw_exchange(payload, port, read_for=4.0, source=None):
    """Sends bytes on one connection; returns (bytes received, closed by server?, seconds to close)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=read_for, source_address=(source, 0) if source else None)
    s.sendall(payload)
    got = b""
    t = time.time()
    closed = False
    try:
        while time.time() - t < read_for:
            chunk = s.recv(65536)
            if not chunk:
                closed = True
                break
            got += chunk
    except socket.timeout:
        pass
    except ConnectionResetError:
        closed = True
    secs = time.time() - t
    s.close()
    return got, closed, secs


def probe_smuggling(w, api, R):
    """M: Transfer-Encoding: xchunked + Content-Length, and an overflowing chunk size: 400, closed, nothing smuggled."""
    key = w.s.keys["ops"]
    cases = []
    for name, head, body in (
            ("Transfer-Encoding: xchunked + Content-Length: 4", "Transfer-Encoding: xchunked\r\nContent-Length: 4\r\n", b"abcd"),
            ("chunk size FFFFFFFFFFFFFFFFFF", "Transfer-Encoding: chunked\r\n", b"FFFFFFFFFFFFFFFFFF\r\nabcd\r\n0\r\n\r\n"),
            ("Transfer-Encoding: chunked, identity + Content-Length", "Transfer-Encoding: chunked, identity\r\nContent-Length: 5\r\n", b"0\r\n\r\n"),
            ("two Transfer-Encoding headers", "Transfer-Encoding: chunked\r\nTransfer-Encoding: xchunked\r\n", b"0\r\n\r\n"),
            ("Content-Length twice, different", "Content-Length: 4\r\nContent-Length: 40\r\n", b"abcd")):
        marker = "smuggled-" + rnd(10)
        payload = (f"POST /v1/councils/sandbox/appointment-search HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n"
                   f"Content-Type: application/json\r\n{head}\r\n").encode() + body + (
                   f"GET /v1/{marker} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n\r\n").encode()
        got, closed, secs = raw_exchange(payload, w.api)
        answers = re.findall(rb"HTTP/1\.1 (\d{3})", got)
        kind = re.search(rb'"type":"[^"]*/([^"/]+)"', got)
        time.sleep(0.3)
        served = marker in w.logs()
        cases.append((name, [a.decode() + (" " + kind.group(1).decode() if kind and i == 0 else "")
                             for i, a in enumerate(answers)], closed, served, secs))
    ok = all(a and a[0].startswith("400") and len(a) == 1 and closed and not served for _, a, closed, served, _ in cases[:2])
    extra_ok = all(len(a) <= 1 and not served for _, a, _, served, _ in cases[2:])
    R.add(w.store, "M5 request smuggling", "medium", "xchunked + Content-Length leaves the connection open; smuggled request processed",
          "one POST with each framing below, a `GET /v1/smuggled-<random>` behind it on the same connection",
          "; ".join(f"{n}: answers {a}, closed={c} in {s:.2f}s, smuggled served={sv}" for n, a, c, sv, s in cases),
          ok and extra_ok)


def probe_slowloris(w, api, R):
    """M: headers trickled one line every 8 s on 300 connections; a body trickled; all cut off by the read deadline."""
    sel = selectors.DefaultSelector()
    conns = []
    # from 60 addresses (127.0.1.1-60), 5 or 6 each: under the per-address connection limit, so only the read deadline acts
    for i in range(300):
        s = socket.create_connection(("127.0.0.1", w.api), source_address=(f"127.0.1.{i % 60 + 1}", 0))
        s.sendall(b"POST /v1/councils/sandbox/appointment-search HTTP/1.1\r\nHost: x\r\n")
        s.setblocking(False)
        conns.append(s)
    bodies = []
    for i in range(20):
        s = socket.create_connection(("127.0.0.1", w.api), source_address=(f"127.0.2.{i + 1}", 0))
        s.sendall(("POST /v1/councils/sandbox/appointment-search HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                   + w.s.keys["ops"] + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{").encode())
        s.setblocking(False)
        bodies.append(s)
    t0 = time.time()
    state = {id(s): None for s in conns + bodies}
    answers = collections.Counter()
    open_at = {}
    next_line = t0 + 8
    while time.time() - t0 < 32:
        now = time.time()
        for s in conns + bodies:
            if state[id(s)] is not None:
                continue
            try:
                data = s.recv(4096)
                if data:
                    m = re.match(rb"HTTP/1\.1 (\d{3})", data)
                    answers[m.group(1).decode() if m else "other"] += 1
                    data2 = b""
                    try:
                        data2 = s.recv(4096)
                    except BlockingIOError:
                        pass
                state[id(s)] = now - t0
            except BlockingIOError:
                pass
            except OSError:
                state[id(s)] = now - t0
        if now >= next_line:
            for s in conns:
                if state[id(s)] is None:
                    try:
                        s.send(b"X-Trickle: " + rnd(6).encode() + b"\r\n")
                    except OSError:
                        pass
            for s in bodies:
                if state[id(s)] is None:
                    try:
                        s.send(b" ")
                    except OSError:
                        pass
            next_line += 8
        for mark in (12, 20, 30):
            if mark not in open_at and now - t0 >= mark:
                open_at[mark] = sum(1 for s in conns + bodies if state[id(s)] is None)
        time.sleep(0.05)
    closed_times = sorted(v for v in state.values() if v is not None)
    for s in conns + bodies:
        s.close()
    ok = (open_at.get(20, 1) == 0 and bool(closed_times) and closed_times[-1] < 15
          and answers.get("408", 0) == len(conns) + len(bodies))
    R.add(w.store, "M6 slowloris: trickled requests", "medium", "slow requests are never cut off",
          "300 connections from 60 addresses (127.0.1.x) sending a request head one header line every 8 s; 20 sending a complete head and "
          "then a body byte every 8 s (Content-Length: 500)",
          f"still open at 12 s / 20 s / 30 s: {open_at.get(12)} / {open_at.get(20)} / {open_at.get(30)}; answers {dict(answers)}",
          ok, f"closed after {closed_times[0]:.1f}–{closed_times[-1]:.1f} s" if closed_times else "none closed")


def probe_connection_flood(w, api, R):
    """M: thousands of connections from one address: at most the per-address limit held; others and readiness served."""
    results = {}
    for port_name, port in (("API", w.api), ("management", w.mgmt)):
        socks, refused, errors = [], 0, collections.Counter()
        t0 = time.time()
        for i in range(FLOOD_CONNECTIONS):
            s = socket.socket()
            s.setblocking(False)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            try:
                s.bind(("127.0.0.1", 0))
                s.connect_ex(("127.0.0.1", port))
                socks.append(s)
            except OSError as e:
                errors[e.errno] += 1
                s.close()
        open_time = time.time() - t0
        time.sleep(3)
        alive = 0
        for s in socks:
            try:
                data = s.recv(1)
                if data == b"":
                    continue
                alive += 1
            except BlockingIOError:
                alive += 1      # connected and not reset: held open by the server
            except OSError:
                pass
        # from another address meanwhile
        t = time.time()
        try:
            st_v1, _, _, s1 = api.call("GET", "/v1/councils", key="ops", source="127.0.0.2", timeout=10)
        except OSError as e:
            st_v1, s1 = type(e).__name__, time.time() - t
        try:
            st_rd, _, _, s2 = request("GET", "/health/readiness", port=w.mgmt, source="127.0.0.2", timeout=10)
        except OSError as e:
            st_rd, s2 = type(e).__name__, 0
        fds = len(os.listdir(f"/proc/{w.server.pid}/fd"))
        results[port_name] = (alive, len(socks), dict(errors), st_v1, s1, st_rd, s2, fds, open_time)
        for s in socks:
            s.close()
        time.sleep(2)
    emfile = "Too many open files" in w.logs()
    ok = all(r[0] <= 256 and r[3] == 200 and r[5] == 200 and r[4] < 2 and r[6] < 2 for r in results.values()) and not emfile
    R.add(w.store, "M6 connection flood from one address", "medium", "~21,000 connections from one address: fd limit, /v1 and readiness hang",
          f"{FLOOD_CONNECTIONS} connections from 127.0.0.1 to the API port, then to the management port (server's open-file "
          f"limit {SERVER_NOFILE}); meanwhile GET /v1/councils and /health/readiness from 127.0.0.2",
          "; ".join(f"{p}: {r[0]} of {r[1]} held open after 3 s (connect errors {r[2]}), /v1 from 127.0.0.2 {r[3]} in "
                    f"{r[4] * 1000:.0f} ms, readiness {r[5]} in {r[6] * 1000:.0f} ms, server fds {r[7]}" for p, r in results.items())
          + f"; 'Too many open files' in log: {emfile}", ok)


def jwt(secret, claims):
    enc = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
    head = enc(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = enc(json.dumps(claims).encode())
    sig = enc(hmac.new(secret.encode(), f"{head}.{body}".encode(), hashlib.sha256).digest())
    return f"{head}.{body}.{sig}"


def probe_low(w, api, R):
    now = int(time.time())
    src = "127.0.0.11"
    tok = api.hro_token("sandbox", source=src)
    frm = q(str(TODAY + dt.timedelta(days=2)))
    search = {"sorCode": "N373049", "locationId": "3670010", "fromDate": frm}
    # two Authorization headers at the HRO door (http.client would merge a dict: send raw)
    got, closed, _ = raw_exchange((f"GET /Appointments/AvailableAppointments?sorCode=N373049&locationId=3670010&fromDate={frm} HTTP/1.1\r\n"
                                   f"Host: x\r\nAuthorization: Bearer {tok}\r\nAuthorization: Bearer junk\r\n\r\n").encode(), w.api, 3, src)
    two = re.findall(rb"HTTP/1\.1 (\d{3})", got)
    got2, _, _ = raw_exchange((f"GET /Appointments/AvailableAppointments?sorCode=N373049&locationId=3670010&fromDate={frm} HTTP/1.1\r\n"
                               f"Host: x\r\nAuthorization: Bearer {tok}\r\nAuthorization: Bearer {tok}\r\nConnection: close\r\n\r\n").encode(), w.api, 3, src)
    two2 = re.findall(rb"HTTP/1\.1 (\d{3})", got2)
    R.add(w.store, "L1 two Authorization headers at HRO", "low", "HRO lets the first of two Authorization headers win",
          "AvailableAppointments with a valid token and then a junk one; with the valid token twice",
          f"{[a.decode() for a in two]} / {[a.decode() for a in two2]}", two[:1] == [b"400"] and two2[:1] == [b"400"])
    base = {"iss": "Housing Management System Api", "aud": "Housing Repairs Online", "sub": "fe-sandbox"}
    cases = [("as the door issues it (control)", dict(base, iat=now, exp=now + 60), 200),
             ("nbf a day ahead", dict(base, iat=now, nbf=now + 86400, exp=now + 60), 401),
             ("iat a year ahead", dict(base, iat=now + 365 * 86400, exp=now + 365 * 86400 + 60), 401),
             ("exp ten years ahead", dict(base, iat=now, exp=now + 10 * 365 * 86400), 401),
             ("no iat", dict(base, exp=now + 60), 401)]
    got = []
    for name, claims, want in cases:
        st, _, _, _ = api.hro("GET", "/Appointments/AvailableAppointments", search, jwt(w.s.jwt, claims), source=src)
        got.append((name, st, want))
    none_tok = base64.urlsafe_b64encode(b'{"alg":"none"}').rstrip(b"=").decode() + "." + base64.urlsafe_b64encode(
        json.dumps(dict(base, iat=now, exp=now + 60)).encode()).rstrip(b"=").decode() + "."
    st, _, _, _ = api.hro("GET", "/Appointments/AvailableAppointments", search, none_tok, source=src)
    got.append(("alg none", st, 401))
    R.add(w.store, "L2 HRO token lifetimes", "low", "HRO tokens with nbf/iat in the future or long exp accepted",
          "AvailableAppointments with HS256 tokens signed with the configured jwt-secret",
          "; ".join(f"{n}: {s}" for n, s, _ in got), all(s == want for _, s, want in got))
    # dates
    dates = []
    for field, value in (("startDateTime", "-999999999-01-01T00:00:00Z"), ("startDateTime", "2/30/2027 8:00:00 AM"),
                         ("startDateTime", "+999999999-12-31T23:59:59Z"), ("fromDate", "-999999999-01-01T00:00:00Z"),
                         ("fromDate", "2/30/2027 8:00:00 AM")):
        if field == "fromDate":
            st, _, data, _ = api.hro("GET", "/Appointments/AvailableAppointments", dict(search, fromDate=q(value)), tok, source=src)
        else:
            st, _, data, _ = api.hro("POST", "/Appointments/BookAppointment",
                                     {"bookingReference": "DATE-1", "sorCode": "N373049", "priority": "P1", "locationId": "3670010",
                                      "startDateTime": q(value), "endDateTime": q("2027-03-01T12:00:00Z")}, tok, source=src)
        dates.append((f"HRO {field}={value}", st, names_field(data, field)))
    for field, value in (("from", "-999999999-01-01"), ("to", "+999999999-12-31"), ("from", "1999-12-31")):
        body = {"propertyRef": "3670010", "jobCodes": [{"code": "N373049"}], "from": "2027-01-04", "to": "2027-01-05"}
        body[field] = value
        st, _, data, _ = api.call("POST", "/v1/councils/sandbox/appointment-search", body)
        dates.append((f"/v1 search {field}={value}", st, names_field(data, field)))
    traces = len(re.findall(r"^\s+at [a-z]", w.logs(), re.M))
    R.add(w.store, "L3 dates out of range / impossible", "low", "-999999999 dates answer 500 with a stack trace; 2/30/2027 is 28 Feb",
          "HRO BookAppointment startDateTime and AvailableAppointments fromDate; /v1 search from/to",
          "; ".join(f"{n}: {s}{' naming it' if f else ' NOT naming it'}" for n, s, f in dates) + f"; stack-trace lines in log so far: {traces}",
          all(s == 400 and f for _, s, f in dates) and traces == 0)
    # callback authentication failures throttled
    c = collections.Counter()
    for i in range(40):
        st, _, data, _ = request("POST", f"/callbacks/lincoln/drs?token=wrong-{rnd(20)}", confirmation(1, "X", "2027-01-04T08:00:00",
                                 "2027-01-04T12:00:00"), {"Content-Type": "text/xml"}, port=w.api, source="127.0.0.12")
        c[st] += 1
    st, _, data, _ = request("POST", f"/callbacks/lincoln/drs?token={q(w.s.callback)}", confirmation(1, "NO-SUCH-ORDER", "2027-01-04T08:00:00",
                             "2027-01-04T12:00:00"), {"Content-Type": "text/xml"}, port=w.api, source="127.0.0.12")
    R.add(w.store, "L4 callback authentication failures", "low", "callback authentication failures not throttled",
          "40 DRS callbacks with wrong secrets from 127.0.0.12, then the right secret",
          f"wrong: {dict(c)}; right secret then: {st}", c.get(429, 0) >= 15 and st == 200)
    # XML entity expansion in a callback (billion laughs)
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
           + ']>' + confirmation(1, "&lol9;", "2027-01-04T08:00:00", "2027-01-04T12:00:00").decode()).encode()
    lol = lol.replace(b"&lol0;", b"&lol;")
    t = time.time()
    st, _, data, _ = request("POST", f"/callbacks/lincoln/drs?token={q(w.s.callback)}", lol, {"Content-Type": "text/xml"},
                             port=w.api, source="127.0.0.13")
    R.add(w.store, "L4b DRS callback with entity expansion", "low", "XML bomb through the callback door",
          "a bookingConfirmation whose primaryOrderNumber is a billion-laughs entity (10^9 x 'lol')",
          f"{st} {data[:160]!r}", st == 400 and w.server.poll() is None, f"{(time.time() - t) * 1000:.0f} ms")
    # externalRef CR/LF, U+FFFE in /v1 text, invalid UTF-8 in propertyRef, 10,000 nulls
    drs_before = len(w.drs_requests())
    st, _, data, _ = api.search("lincoln", TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=5))
    slot = jbody(data)["slots"][0]["slotId"]
    drs_mid = len(w.drs_requests())
    checks = []
    for name, council, body, field in (
            ("externalRef with CR/LF", "sandbox", {"slotId": slot, "job": api.job("3670010", "HMS-1\r\nX-Injected: 1")}, "externalRef"),
            ("externalRef with LF", "lincoln", {"slotId": slot, "job": api.job("3670010", "HMS-1\nX")}, "externalRef"),
            ("U+FFFE in description", "lincoln", {"slotId": slot, "job": api.job("3670010", "HMS-2", "tap\ufffe")}, "description"),
            ("U+FFFF in description", "lincoln", {"slotId": slot, "job": api.job("3670010", "HMS-3", "tap\uffff")}, "description"),
            ("U+FFFE in contact.name", "lincoln", {"slotId": slot, "job": api.job("3670010", "HMS-4"), "contact": {"name": "Ann\ufffe"}}, "name"),
            ("BEL in accessNotes", "lincoln", {"slotId": slot, "job": api.job("3670010", "HMS-5"), "accessNotes": "dog\u0007"}, "accessNotes")):
        st, _, data, _ = api.call("POST", f"/v1/councils/{council}/bookings", body)
        checks.append((name, st, names_field(data, field), problem_summary(st, data)))
    raw = (b'{"propertyRef":"36\xff\xfe70","jobCodes":[{"code":"N373049"}],"from":"' + str(TODAY + dt.timedelta(days=2)).encode()
           + b'","to":"' + str(TODAY + dt.timedelta(days=4)).encode() + b'"}')
    st, _, data, _ = api.call("POST", "/v1/councils/lincoln/appointment-search", raw, headers={"Content-Type": "application/json"})
    checks.append(("invalid UTF-8 bytes in propertyRef (body)", st, names_field(data, "propertyRef"), problem_summary(st, data)))
    st, _, data, _ = api.call("GET", "/v1/councils/sandbox/bookings?propertyRef=36%FF70")
    checks.append(("invalid UTF-8 in propertyRef (query)", st, names_field(data, "propertyRef"), problem_summary(st, data)))
    drs_after = len(w.drs_requests())
    R.add(w.store, "L5 /v1 text: CR/LF, U+FFFE/U+FFFF, invalid UTF-8", "low", "externalRef CR/LF; U+FFFE to DRS; invalid UTF-8 accepted",
          "bookings and searches with the characters named (DRS council where noted)",
          "; ".join(f"{n}: {s}{'' if f else ' (field not named)'}" for n, s, f, _ in checks)
          + f"; SOAP calls to DRS caused by them: {drs_after - drs_mid}",
          all(s == 400 and f for _, s, f, _ in checks) and drs_after == drs_mid)
    body = b'{"propertyRef":"3670010","jobCodes":[' + b",".join([b"null"] * 10000) + b'],"from":"2027-01-04","to":"2027-01-05"}'
    st, _, data, secs = api.call("POST", "/v1/councils/sandbox/appointment-search", body, headers={"Content-Type": "application/json"})
    b = jbody(data) or {}
    R.add(w.store, "L6 10,000 null job codes", "low", "10,000 nulls gave an 828 KB error list",
          f"search with 10,000 null job codes ({len(body)} bytes)",
          f"{problem_summary(st, data)}; answer {len(data)} bytes, {len(b.get('errors') or [])} errors listed, detail: {str(b.get('detail'))[:100]}",
          st == 400 and len(data) < 16384, f"{secs * 1000:.0f} ms")
    # DRS unreachable
    t = time.time()
    st, _, data, _ = api.search("deadzone", TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=5))
    secs = time.time() - t
    R.add(w.store, "L7 DRS unreachable", "low", "with DRS unreachable a search took 15 s to answer 504",
          "search on a DRS council whose gateway accepts connections and never answers (resilience defaults: 5 s timeout, 8 s deadline)",
          problem_summary(st, data), st in (503, 504) and secs <= 8.5, f"answered in {secs:.2f} s")


def churn(w, api, keys, cycles, idempotency, council="small", report=None):
    """Each key books and cancels, with every field at its limit (in the 3-byte character), 2 threads per key paced
    under its rate limit (100 requests a second); a fresh Idempotency-Key per booking when idempotency is set.
    Returns (answers, live heap after GC per 1,000 cycles, server exit status or None)."""
    E = "\u20ac"
    st, _, data, _ = api.search(council, TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=7), key=keys[0], prop="P1")
    slots = [x["slotId"] for x in jbody(data)["slots"]]
    answers, lock, heap = collections.Counter(), threading.Lock(), [(0, w.live_heap_mb())]
    stop = threading.Event()

    def worker(key, k, n):
        for j in range(n):
            if stop.is_set():
                return
            i = k * 100000 + j
            job = {"propertyRef": ("P%07d" % (i % 10 ** 7)) + E * 92, "priority": E * 100,
                   "externalRef": ("X%07d-" % (i % 10 ** 7)) + E * 91,
                   "jobCodes": [{"code": ("C%02d" % c) + E * 97, "quantity": 9999} for c in range(50)], "description": E * 255}
            body = {"slotId": slots[i % len(slots)], "job": job, "accessNotes": E * 1000,
                    "contact": {"name": E * 100, "phone": "07700900123", "email": "a" * 240 + "@example.org"}}
            try:
                st, _, data, _ = api.call("POST", f"/v1/councils/{council}/bookings", body, key=key,
                                          headers={"Idempotency-Key": ("k%08d" % i).ljust(64, "k")} if idempotency else {})
                ref = (jbody(data) or {}).get("bookingRef")
                st2 = api.call("POST", f"/v1/councils/{council}/bookings/{ref}/cancel", {"reason": "x"}, key=key)[0] if ref else None
            except OSError as e:
                st, st2 = type(e).__name__, None
            with lock:
                answers[f"{st}/{st2}" if st2 else str(st)] += 1
            time.sleep(0.04)

    per_thread = 1000 // (2 * len(keys))
    for block in range(cycles // 1000):
        threads = [threading.Thread(target=worker, args=(key, block * 10 + k * 2 + t, per_thread))
                   for k, key in enumerate(keys) for t in range(2)]
        [th.start() for th in threads]
        [th.join() for th in threads]
        if w.server.poll() is not None:
            break
        heap.append(((block + 1) * 1000, w.live_heap_mb()))
        if report:
            print(f"  {report}: {heap[-1]}, {dict(answers)}", flush=True)
        if idempotency and answers.get("503", 0) > 500:
            break
    return answers, heap, w.server.poll()


def redis_mb(w):
    out = subprocess.run(["redis-cli", "-p", str(w.redis_port), "info", "memory"], capture_output=True, text=True).stdout
    return int(re.search(r"used_memory:(\d+)", out).group(1)) / 1e6


def probe_redis_growth(w, api, R):
    """New (not in issue 31): what the same churn as the heap probe leaves in Redis (the heap stays flat there)."""
    r0 = redis_mb(w)
    answers, heap, code = churn(w, api, ["hooker"], 2000, False)
    r1 = redis_mb(w)
    per = (r1 - r0) * 1000 / 2000
    R.add(w.store, "NEW-3 webhook outbox in Redis", "high (new)", "Redis grows without bound: a client whose receiver is down",
          "hooker (its webhook at a closed port) books and cancels 2,000 times, every field at its limit, ~35 a second",
          f"answers {dict(answers)}; Redis used_memory {r0:.1f} -> {r1:.1f} MB; live heap (MB) {[round(h) for _, h in heap]}",
          per * 35 * 3600 / 1000 < 1000, f"{per:.1f} KB per cycle, kept 30 days: ~{per * 35 * 3600 / 1e6:.1f} GB an hour at 35 cycles/s")
    answers, heap, code = churn(w, api, ["booker"], 2000, True)
    r2 = redis_mb(w)
    per = (r2 - r1) * 1000 / 2000
    R.add(w.store, "NEW-3b idempotency records in Redis", "info", "documented sizing: max-entries per client in Redis",
          "booker books and cancels 2,000 times with fresh Idempotency-Keys, every field at its limit",
          f"answers {dict(answers)}; Redis used_memory {r1:.1f} -> {r2:.1f} MB; live heap (MB) {[round(h) for _, h in heap]}",
          per * 10000 / 1000 <= 350, f"{per:.1f} KB per record: {per * 10:.0f} MB per client at its 10,000 keys (documented: at most 350 MB)")


def probe_heap(w, api, R):
    """New (not in issue 31): records kept per booking in the memory store's heap, by one or two portal clients."""
    if w.store != "memory":
        probe_redis_growth(w, api, R)
        return
    exit_tail = lambda: "; ".join(l.strip() for l in w.logs().splitlines()[-400:] if "OutOfMemory" in l)[:300]
    # the webhook outbox: a portal whose own receiver is down (connection refused), no Idempotency-Key
    answers, heap, code = churn(w, api, ["hooker"], 3000, False, report="outbox")
    grow = (heap[-1][1] - heap[0][1]) / max(1, heap[-1][0])
    R.add(w.store, "NEW-1 webhook outbox in the heap", "high (new)", "memory exhaustion: pending deliveries are never dropped (memory store)",
          "hooker ([search, book, manage-own], rate limit 100/s, its webhook at a closed port) books and cancels on a sandbox "
          "that keeps 100 bookings, every field at its limit, no Idempotency-Key, 3,000 times (~35 a second)",
          f"answers {dict(answers)}; live heap after full GC (MB) per 1,000 cycles: " + ", ".join(f"{n}: {h:.0f}" for n, h in heap),
          grow * 10000 < 100, f"{grow * 1024:.1f} KB kept per cycle: 256 MB heap full after about {220 / max(grow, 0.001):,.0f} cycles")
    w.restart_server()
    # the idempotency store: two portals, fresh Idempotency-Keys, until the store says capacity or the server dies
    answers, heap, code = churn(w, api, ["booker", "greedy"], 14000, True, report="idempotency")
    R.add(w.store, "NEW-2 idempotency records in the heap", "high (new)", "memory exhaustion: idempotency.max-entries (10,000 per client) x 20 KB > heap",
          "booker and greedy (each [search, book, manage-own], rate limit 100/s, no webhooks) book and cancel on the sandbox that "
          "keeps 100 bookings, every field at its limit, a fresh Idempotency-Key per booking (~35 a second each)",
          f"answers {dict(answers)}; live heap after full GC (MB) per 1,000 bookings: " + ", ".join(f"{n}: {h:.0f}" for n, h in heap)
          + f"; server exit status {code} {exit_tail()}",
          code is None and heap[-1][1] < 200, "")


def probe_drs_xml(w, api, R):
    reqs = w.drs_requests()
    bad = []
    for r in reqs:
        try:
            ET.fromstring(r["request"]["body"].encode())
        except ET.ParseError as e:
            bad.append(f"{e}: {r['request']['body'][:200]!r}")
    ops = collections.Counter(next((m for m in re.findall(r"<\w+:(\w+)[\s>/]", r["request"]["body"])
                                    if m not in ("Envelope", "Header", "Body")), "?") for r in reqs)
    R.add(w.store, "M2/L5 every SOAP body DRS received", "medium", "SOAP bodies that are not well-formed XML sent to DRS",
          "WireMock's journal of the DRS fake after all probes: each body parsed as XML",
          f"{len(reqs)} SOAP requests ({dict(ops.most_common(8))}); not well-formed: {len(bad)} {bad[:3]}", not bad and len(reqs) > 0)


def probe_logs(w, R):
    text = w.logs()
    hits = collections.Counter()
    for secret in w.s.all():
        if secret in text:
            hits["a configured secret or key: " + secret[:6] + "…"] += text.count(secret)
    for name, pattern in (("DRS session id", r"8a4b805d7ca651e4017ca7ab[0-9a-f]{8}"),
                          ("JWT", r"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
                          ("phone 07700900123", r"07700\s?900\s?123"), ("e-mail", r"[\w.+-]+@[\w-]+\.[\w.]+"),
                          ("contact name Ann Tenant", r"Ann Tenant"), ("access notes", r"Dog in garden"),
                          ("stack trace line", r"^\s+at [a-zA-Z_$][\w$.]*\("), ("Exception class", r"\w+(Exception|Error):"),
                          ("OutOfMemoryError", r"OutOfMemoryError"), ("Too many open files", r"Too many open files")):
        n = len(re.findall(pattern, text, re.M))
        if n:
            hits[name] = n
    samples = {}
    for name in list(hits):
        pat = {"Exception class": r".*\w+(?:Exception|Error):.*", "e-mail": r".*[\w.+-]+@[\w-]+\.[\w.]+.*",
               "stack trace line": r".*\n\s+at .*"}.get(name)
        if pat:
            m = re.search(pat, text, re.M)
            samples[name] = m.group(0)[:300] if m else ""
    R.add(w.store, "LOG secrets, personal data, stack traces", "high", "no secret, token, session id or personal data in logs",
          f"grep of the server log ({len(text.encode()) / 1e6:.1f} MB, {text.count(chr(10))} lines) for every configured key, "
          "identifier, secret and password, DRS session ids, JWTs, the contact's phone/e-mail/name/notes, stack traces",
          (dict(hits) or "none found") if not samples else f"{dict(hits)}; samples: {samples}", not hits)
    return text


PROBES = {"smuggling": probe_smuggling, "jobcodes": probe_jobcodes, "holds": probe_holds, "changed": probe_changed,
          "hrotext": probe_hro_text, "callbacks": probe_callbacks, "hroscope": probe_hro_scope, "low": probe_low,
          "auth": probe_auth, "slowloris": probe_slowloris, "flood": probe_connection_flood, "drsxml": probe_drs_xml,
          "heap": probe_heap}


def write_report(R, path, meta):
    lines = [f"# Abuse probe (issue 31) — {meta['started']} UTC", "",
             "Re-run of issue 31's findings by `bench/probes/abuse-probe.py` against the real server jar as a process "
             f"(`bin/slotbridge`, default JVM options `-XX:+ExitOnOutOfMemoryError -Xmx256m -XX:+UseSerialGC`, open-file limit "
             f"{SERVER_NOFILE}), configured by one YAML file. Commit {meta['commit']}; {meta['java']}; {meta['cpus']} CPUs "
             "shared with other work.", "",
             f"Result: **{sum(r['verdict'] == 'PASS' for r in R.rows)} PASS, {sum(r['verdict'] == 'FAIL' for r in R.rows)} FAIL**.", "",
             "| store | probe | severity (issue) | sent | came back | verdict | figures |", "|---|---|---|---|---|---|---|"]
    esc = lambda s: str(s).replace("|", "\\|").replace("\n", " ")
    for r in R.rows:
        lines.append(f"| {r['store']} | {esc(r['id'])} | {r['severity']} | {esc(r['sent'])} | {esc(r['got'])} | "
                     f"**{r['verdict']}** | {esc(r['figures'])} |")
    lines += ["", meta.get("notes", "")]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", choices=["memory", "redis", "both"], default="both")
    ap.add_argument("--only", default=",".join(PROBES), help="comma-separated: " + ",".join(PROBES))
    ap.add_argument("--out", help="report path (default bench/results/<UTC>-abuse-probe.md)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (config, logs)")
    args = ap.parse_args()
    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H-%M")
    out = args.out or os.path.join(ROOT, "bench/results", f"{started}-abuse-probe.md")
    R = Results()
    stores = ["memory", "redis"] if args.store == "both" else [args.store]
    work = tempfile.mkdtemp(prefix="abuse-probe-")
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    java = subprocess.run([JAVA_HOME + "/bin/java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    for store in stores:
        w = World(store, work)
        try:
            w.start()
            api = Api(w)
            names = args.only.split(",")
            # the heap probe runs last, after the log check: it may end the server with an OutOfMemoryError
            for name in [n for n in names if n != "heap"]:
                try:
                    PROBES[name](w, api, R)
                except Exception as e:     # a probe that breaks is a finding too: recorded, the others go on
                    import traceback
                    traceback.print_exc()
                    R.add(store, f"{name} (probe error)", "-", name, "-", f"{type(e).__name__}: {e}", False)
                if w.server.poll() is not None:
                    R.add(store, "server process", "high", "-", "-", f"server exited with {w.server.returncode}", False)
                    break
            probe_logs(w, R)
            if "heap" in names and w.server.poll() is None:
                try:
                    probe_heap(w, api, R)
                except Exception as e:
                    import traceback
                    traceback.print_exc()
                    R.add(store, "heap (probe error)", "-", "heap", "-", f"{type(e).__name__}: {e}", False)
        finally:
            w.stop()
        shutil.copy(w.log_path, os.path.join(work, f"kept-{store}.log"))
    write_report(R, out, dict(started=started, commit=commit, java=java, cpus=os.cpu_count(),
                              notes=f"Work folder with configuration and server logs: {work}"))
    print("report:", out)
    if not args.keep:
        print("(logs kept in", work, ")")
    sys.exit(0 if all(r["verdict"] == "PASS" for r in R.rows) else 1)


if __name__ == "__main__":
    main()
