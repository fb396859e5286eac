"""A free port on 127.0.0.1 for the servers the E2E tests start (tauri-driver, WebKitWebDriver,
the simulator)."""
import random
import socket


def free_port():
    """A port that was free a moment ago, picked below Linux's ephemeral range (32768-60999). A port
    that bind(0) hands out comes from that range, and once let go it can become the local end of any
    outgoing connection before the server it was meant for binds it: WebKitWebDriver then stops
    with "Unable to listen for HTTP server" (seen in CI while other tests were connecting)."""
    while True:
        port = random.randint(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(('127.0.0.1', port))
            except OSError:
                continue
        return port
