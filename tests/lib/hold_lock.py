#!/usr/bin/env python3
"""Holds a write transaction on a database for a while, as another program
would: hold_lock.py DB SECONDS READY (READY is created once it holds it).
Shared by the command-line and the full-screen tests."""
import sqlite3
import sys
import time

c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[3], "w").close()
time.sleep(float(sys.argv[2]))
c.execute("ROLLBACK")
