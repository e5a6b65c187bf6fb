"""Credentials for the API calls of the bench scripts, from the environment:
LT_AUTH=user:password (HTTP Basic, e.g. admin and the password from the first start) or
LT_API_KEY=lt_... (an API key). Short links need none."""
import base64
import os
import sys


def headers():
    key = os.environ.get("LT_API_KEY")
    if key:
        return {"Authorization": "Bearer " + key}
    auth = os.environ.get("LT_AUTH")
    if auth and ":" in auth:
        return {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode()}
    sys.exit("The API needs credentials: set LT_AUTH=user:password (the administrator's password is "
             "logged at the first start: grep LINKTRACK_BOOTSTRAP_ADMIN in messages.log) "
             "or LT_API_KEY=lt_... (docs/operations.md#access)")
