"""Starting tauri-driver for a test or a measurement, on ports nobody else holds.

tauri-driver starts its native driver (WebKitWebDriver) as it starts, on `--native-port`. Both
ports come from `free_port()` (the kernel's pick, let go at once), so another process can take one
before the driver binds it: an outgoing connection's local end, seen once in CI as WebKitWebDriver's
"Unable to listen for HTTP server" and a session that never came. So the driver counts as started
only when both ports answer; if one cannot be bound, it is started again on two fresh ports.
"""
import os
import socket
import subprocess
import time

CANNOT_LISTEN = 'Unable to listen'


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def listening(port):
    with socket.socket() as s:
        return s.connect_ex(('127.0.0.1', port)) == 0


def start_driver(driver_bin, env, log, attempts=3, timeout=20.0):
    """Starts `driver_bin` (tauri-driver) writing to the open file `log`; returns (process, port)
    once it and its native driver both listen. Raises RuntimeError with the log's end when no
    attempt got both ports."""
    why = ''
    for _ in range(attempts):
        port, native = free_port(), free_port()
        log.flush()
        start = os.fstat(log.fileno()).st_size
        proc = subprocess.Popen([driver_bin, '--port', str(port), '--native-port', str(native)],
                                env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            if listening(port) and listening(native):
                return proc, port
            log.flush()
            with open(log.name, 'rb') as f:
                f.seek(start)
                said = f.read().decode(errors='replace')
            if CANNOT_LISTEN in said:
                break
            time.sleep(0.05)
        proc.terminate()
        proc.wait(timeout=10)
        log.flush()
        with open(log.name, 'rb') as f:
            f.seek(start)
            said = f.read().decode(errors='replace')
        why = f'ports {port}/{native}: ' + (said[-2000:] or '(nothing logged)')
    raise RuntimeError(f'tauri-driver did not listen after {attempts} attempts; last {why}')
