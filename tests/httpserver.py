"""A local HTTP server on 127.0.0.1 for download tests, and small IDX files to serve."""

import gzip
import http.server
import struct
import threading
import time

import numpy as np


def _idx_gz(arr: np.ndarray) -> bytes:
    head = bytes([0, 0, 8, arr.ndim]) + struct.pack(f">{arr.ndim}I", *arr.shape)
    return gzip.compress(head + arr.astype(np.uint8).tobytes(), mtime=0)


def _files(n_train=120, n_test=30):
    rng = np.random.default_rng(0)
    return {
        "train-images-idx3-ubyte.gz": _idx_gz(rng.integers(0, 256, (n_train, 28, 28))),
        "train-labels-idx1-ubyte.gz": _idx_gz(rng.integers(0, 10, n_train)),
        "t10k-images-idx3-ubyte.gz": _idx_gz(rng.integers(0, 256, (n_test, 28, 28))),
        "t10k-labels-idx1-ubyte.gz": _idx_gz(rng.integers(0, 10, n_test)),
    }


FILES = _files()


class _Server:
    """Serves FILES under several behaviours, chosen by the first path element."""

    def __init__(self):
        self.requests: list[str] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):  # noqa: N802
                owner.requests.append(self.path)
                mode, _, name = self.path.strip("/").partition("/")
                body = FILES.get(name)
                if body is None or mode == "missing":
                    self.send_error(404, "Not Found")
                    return
                if mode == "slow":
                    time.sleep(1.5)
                if mode == "badsum":
                    body = bytes([body[0] ^ 0xFF]) + body[1:]
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if mode == "trunc":
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, mode):
        return f"{self.base}/{mode}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
