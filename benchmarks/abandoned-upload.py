#!/usr/bin/env python3
"""abandoned-upload.py URL PATH...: for each path, announces a 1 MB JSON body, sends 16 KB of it and closes the
connection (a client that gives up mid-upload; issue 24). The service must log nothing at warning or above for it:
check its log afterwards (benchmarks/abandoned-upload.sh does)."""
import socket
import sys
import time
from urllib.parse import urlparse

url = urlparse(sys.argv[1])
for path in sys.argv[2:]:
    with socket.create_connection((url.hostname, url.port)) as connection:
        head = (f"POST {path} HTTP/1.1\r\nHost: {url.hostname}\r\nContent-Type: application/json\r\n"
                f"Content-Length: 1000000\r\n\r\n")
        connection.sendall(head.encode() + b'{"coordinates": [' + b" " * 16384)
        time.sleep(0.2)
    print(f"abandoned {path}")
