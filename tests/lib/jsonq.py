"""jsonq FILE EXPR: evaluates a Python expression over the JSON in FILE
(as d) for the shell test suites. ind("12.2") is that indicator's object,
inds() every indicator, sector(name) a sector by name, short name or code.
Strings print as they are, anything else as JSON (null, true, 86.5)."""
import json
import sys

try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception as e:
    print("<invalid JSON: %s>" % e)
    sys.exit(0)


def inds():
    return [i for c in d["criteria"] for i in c["indicators"]]


def ind(code):
    for i in inds():
        if i["code"] == code:
            return i
    return None


def sector(name):
    for s in d.get("sectors", []):
        if name in (s.get("name"), s.get("short_name"), s.get("code")):
            return s
    return None


try:
    v = eval(sys.argv[2])
except Exception as e:
    v = "<error: %r>" % e
print(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
