#!/usr/bin/env python3
"""Prints the hits the server has recorded on the messages of one batch, people's clicks and bot
hits together (every hit that got a 302 is stored): clicks-recorded.py BASE BATCH, with LT_AUTH or
LT_API_KEY set (lt_auth.py)."""
import json
import sys
import urllib.request

from lt_auth import headers

base, batch = sys.argv[1], sys.argv[2]
total, page = 0, 0
while True:
    url = "%s/api/messages?batchId=%s&size=500&page=%d" % (base, batch, page)
    items = json.load(urllib.request.urlopen(urllib.request.Request(url, headers=headers())))["items"]
    if not items:
        break
    total += sum(message["clicks"] + message["botClicks"] for message in items)
    page += 1
print(total)
