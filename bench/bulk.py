#!/usr/bin/env python3
"""One bulk send of N recipients (default 100,000) against a running server; prints acceptance time and progress.

    LT_AUTH=user:password python3 bench/bulk.py [N]     (or LT_API_KEY=lt_...)
"""
import json, time, urllib.request, sys
from lt_auth import headers
base = "http://localhost:9080"
n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
body = {"channel": "SMS", "body": "Hi {{name}}, your offer: https://example.com/o/{{n}} (reply STOP)",
        "recipients": [{"to": "+1555%07d" % i, "contactId": "c%d" % i, "fields": {"name": "Ann %d" % i, "n": i}} for i in range(n)]}
data = json.dumps(body).encode()
print("request bytes", len(data))
t0 = time.time()
resp = urllib.request.urlopen(urllib.request.Request(base + "/api/messages/bulk", data, {"Content-Type": "application/json", **headers()}), timeout=600)
accepted = json.load(resp)
t1 = time.time()
print("status", resp.status, accepted, "accepted in %.1f s" % (t1 - t0))
bid = accepted["id"]
while True:
    b = json.load(urllib.request.urlopen(urllib.request.Request(base + "/api/batches/%d" % bid, headers=headers())))
    print("%.0f s" % (time.time() - t0), b, flush=True)
    if b["finished"]: break
    time.sleep(15)
print("finished in %.1f s after acceptance" % (time.time() - t1))
