"""A scripted OpenAI-compatible chat server on loopback, for unit tests of the generator path.

Each request takes the next reply from `script` (the last one repeats): `FakeReply(text)` streams `text` in
small pieces; `mode` makes it fail instead: "500", "404", "hang" (never answers), "malformed" (not SSE JSON),
"drop" (closes the connection half way). Requests are recorded for checks on the prompt.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class FakeReply:
    text: str = ""
    mode: str = "ok"
    piece_delay_s: float = 0.0


class FakeLLMServer:
    def __init__(self, script: list[FakeReply]) -> None:
        self.script = list(script)
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                reply = server._next(body)
                if reply.mode in ("500", "404"):
                    payload = b'{"error": {"message": "boom"}}'
                    self.send_response(int(reply.mode))
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                if reply.mode == "hang":
                    time.sleep(30)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                if reply.mode == "malformed":
                    self.wfile.write(b"data: this is not json\n\n")
                    self.wfile.flush()
                    return
                pieces = [reply.text[i:i + 7] for i in range(0, len(reply.text), 7)]
                if reply.mode == "drop":
                    pieces = pieces[: len(pieces) // 2]
                for piece in pieces:
                    chunk = {"id": "c", "object": "chat.completion.chunk", "created": 0, "model": "fake",
                             "choices": [{"index": 0, "delta": {"role": "assistant", "content": piece},
                                          "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                    if reply.piece_delay_s:
                        time.sleep(reply.piece_delay_s)
                if reply.mode == "drop":
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    return
                done = {"id": "c", "object": "chat.completion.chunk", "created": 0, "model": "fake",
                        "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def _next(self, body: dict) -> FakeReply:
        with self._lock:
            self.requests.append(body)
            return self.script.pop(0) if len(self.script) > 1 else self.script[0]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> "FakeLLMServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
