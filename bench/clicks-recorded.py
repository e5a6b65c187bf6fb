#!/usr/bin/env python3
"""Prints the hits the server has recorded on the messages of one batch, people's clicks and bot
hits together (every hit that got a 302 is stored): clicks-recorded.py BASE BATCH, with LT_AUTH or
LT_API_KEY set (lt_auth.py).

--settled waits until the count stops moving (two reads two seconds apart agree, at most two
minutes): counters trail clicks by a few seconds, so a count read right after a load still grows."""
import json
import sys
import time
import urllib.request

from lt_auth import headers

args = [a for a in sys.argv[1:] if a != "--settled"]
base, batch = args[0], args[1]


def recorded():
    total, page = 0, 0
    while True:
        url = "%s/api/messages?batchId=%s&size=500&page=%d" % (base, batch, page)
        request = urllib.request.Request(url, headers=headers())
        items = json.load(urllib.request.urlopen(request))["items"]
        if not items:
            return total
        total += sum(message["clicks"] + message["botClicks"] for message in items)
        page += 1


total = recorded()
if "--settled" in sys.argv:
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(2)
        again = recorded()
        if again == total:
            break
        total = again
print(total)
