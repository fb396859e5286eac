"""start_driver gets a driver whose two ports both listen, starting again on fresh ports when the
native one was taken in between (the CI failure "Unable to listen for HTTP server"). The driver
here is a stand-in with tauri-driver's command line and WebKitWebDriver's message, so the case
can be made on purpose: the real one fails this way only by chance."""
import socket
import sys
import textwrap

import pytest

import driver

STAND_IN = textwrap.dedent('''\
    import socket, sys, time
    args = dict(zip(sys.argv[1::2], sys.argv[2::2]))
    socks = []
    for key in ('--port', '--native-port'):
        s = socket.socket()
        try:
            s.bind(('127.0.0.1', int(args[key])))
        except OSError:
            print('Unable to listen for HTTP server at 127.0.0.1:' + args[key], flush=True)
            time.sleep(60)
            sys.exit(1)
        s.listen()
        socks.append(s)
    print('listening', flush=True)
    time.sleep(60)
''')


@pytest.fixture
def stand_in(tmp_path):
    path = tmp_path / 'stand-in-driver'
    path.write_text(f'#!{sys.executable}\n' + STAND_IN)
    path.chmod(0o755)
    return str(path)


def test_a_taken_native_port_starts_the_driver_again_on_fresh_ports(stand_in, tmp_path, monkeypatch):
    taken = socket.socket()  # bound, not listening: as an outgoing connection's local end
    taken.bind(('127.0.0.1', 0))
    real = driver.free_port
    picks = iter([real(), taken.getsockname()[1]])  # the first attempt's native port is taken
    monkeypatch.setattr(driver, 'free_port', lambda: next(picks, None) or real())
    with open(tmp_path / 'driver.log', 'w') as log:
        proc, port = driver.start_driver(stand_in, {}, log)
        try:
            assert driver.listening(port)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    said = (tmp_path / 'driver.log').read_text()
    assert said.count('Unable to listen') == 1, said
    assert said.count('listening') == 1, said
    taken.close()


def test_a_driver_that_never_listens_is_an_error_with_its_log(stand_in, tmp_path, monkeypatch):
    taken = socket.socket()  # bound, not listening: as an outgoing connection's local end
    taken.bind(('127.0.0.1', 0))
    monkeypatch.setattr(driver, 'free_port', lambda: taken.getsockname()[1])
    with open(tmp_path / 'driver.log', 'w') as log:
        with pytest.raises(RuntimeError, match='did not listen after 2 attempts.*Unable to listen'):
            driver.start_driver(stand_in, {}, log, attempts=2)
    taken.close()
