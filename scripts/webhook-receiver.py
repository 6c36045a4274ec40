#!/usr/bin/env python3
"""A minimal StackRatings webhook receiver: verifies X-StackRatings-Signature and prints each rating action.

Usage: WEBHOOK_SECRET=<the subscription's secret> python3 scripts/webhook-receiver.py [port]
Standard library only (docs/webhooks.md).
"""
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

SECRET = os.environ["WEBHOOK_SECRET"].encode()
TOLERANCE_SECONDS = 300          # refuse signatures older than 5 minutes (replays)
seen_ids = set()                 # a real receiver keeps these in its database


def verify(header, body):
    """True when header is t=<unix>,v1=<hex> and v1 is HMAC-SHA256(secret, "<t>." + body)."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    timestamp, given = fields.get("t", ""), fields.get("v1", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    expected = hmac.new(SECRET, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, given)


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not verify(self.headers.get("X-StackRatings-Signature", ""), body):
            self.send_response(401)
            self.end_headers()
            print("REJECTED: bad signature", flush=True)
            return
        event = json.loads(body)
        if event["id"] not in seen_ids:   # retries carry the same id
            seen_ids.add(event["id"])
            action = event["data"]
            print(f"verified {event['id']} seq={event['sequence']} {action['member']}: {action['action']} "
                  f"{action['previousRating']} -> {action['rating']} ({action['reason']})", flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 8099), Receiver).serve_forever()
