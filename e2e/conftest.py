"""Real-app end-to-end fixtures: the built Earshot binary in demo mode with a fresh data folder,
driven through tauri-driver → WebKitWebDriver, with fake notification and tray services on the
private session bus. Run under `xvfb-run … dbus-run-session -- pytest e2e` (see scripts/test)."""
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions

from driver import start_driver
from fakebus import FakeBus

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.environ.get('EARSHOT_APP', os.path.join(os.environ.get('CARGO_TARGET_DIR', os.path.join(ROOT, 'target')), 'debug', 'earshot-app'))


def sweep_inbox(driver, visit):
    """Looks through the inbox a screen at a time from the top, calling `visit(row)` on each drawn
    row until it returns something, which is returned (the row scrolled into view); None at the
    end. The list draws only the rows in view and fetches the next page as its end comes near."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    found = driver.find_elements(By.CSS_SELECTOR, '[data-testid="inbox-scroll"]')
    if not found:
        return None
    el = found[0]
    # The list publishes the scroll offset its drawn rows were chosen for (data-drawn-at) and how
    # many rows it holds (data-count): the sweep waits on those, not on time.
    drawn = ('const e = arguments[0]; return Math.round(e.scrollTop) === +e.dataset.drawnAt')
    at_end = 'const e = arguments[0]; return e.scrollTop + e.clientHeight >= e.scrollHeight - 2'
    count = 'return +arguments[0].dataset.count'

    def more():
        return bool(driver.find_elements(By.CSS_SELECTOR, '[data-testid="more"]'))

    driver.execute_script('arguments[0].scrollTop = 0', el)
    wait_until(lambda: driver.execute_script(drawn, el), 'the top of the inbox drawn')
    while True:
        try:
            for row in driver.find_elements(By.CSS_SELECTOR, '[data-testid="mention"]'):
                got = visit(row)
                if got:
                    driver.execute_script('arguments[0].scrollIntoView({block: "nearest"})', row)
                    return got
        except StaleElementReferenceException:
            continue  # rows were redrawn (a row changed, a page arrived): look at this screen again
        if driver.execute_script(at_end, el):
            if not more():
                return None
            # At the end with another page to come: the list asks for it when its last rows are
            # drawn; wait for it to arrive.
            have = driver.execute_script(count, el)
            wait_until(lambda: driver.execute_script(count, el) != have or not more(), 'the next page of the inbox')
            continue
        driver.execute_script('arguments[0].scrollTop += arguments[0].clientHeight * 0.8', el)
        wait_until(lambda: driver.execute_script(drawn, el), 'the next screen of the inbox drawn')


def wait_until(cond, what, timeout=30.0, interval=0.1):
    """Polls a condition (not a sleep standing in for an event); fails with `what` on timeout."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = cond()
            if last:
                return last
        except Exception as e:  # the condition may not be checkable yet (element not there)
            last = e
        time.sleep(interval)
    raise AssertionError(f'timed out waiting for {what} (last: {last!r})')


@pytest.fixture(scope='session')
def fakebus():
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        pytest.fail('run under dbus-run-session: the tests need a private session bus')
    return FakeBus()


def app_env(tmp_path, **extra):
    """The environment the app runs in for a test: demo mode, its own data folder and home (start
    at login writes under ~/.config). The demo's simulator takes a port the kernel picks and names
    it in the data folder (`sim_url`)."""
    (tmp_path / 'home').mkdir(exist_ok=True)
    env = dict(os.environ, EARSHOT_DATA_DIR=str(tmp_path / 'data'), EARSHOT_DEMO='1', EARSHOT_LOG='info',
               HOME=str(tmp_path / 'home'))
    env.update(extra)
    return env


SIM_URL_FILE = 'demo-simulator.url'  # src-tauri's SIM_URL_FILE


def sim_url(app):
    """The address of the demo simulator `app` started, once it listens."""
    path = Path(app.env['EARSHOT_DATA_DIR']) / SIM_URL_FILE
    return wait_until(lambda: path.read_text().strip(), "the demo simulator's address")


def app_processes(data_dir, application=APP):
    """Pids of the Earshot app processes (the binary itself, not its web view helpers or the
    driver) running on `data_dir`."""
    want = f'EARSHOT_DATA_DIR={data_dir}'.encode()
    exe = os.path.realpath(application)
    pids = []
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            if os.path.realpath(f'/proc/{pid}/exe') != exe:
                continue
            with open(f'/proc/{pid}/environ', 'rb') as f:
                if want in f.read().split(b'\0'):
                    pids.append(int(pid))
        except OSError:
            pass
    return pids


class Launcher:
    """Starts the app under tauri-driver (one WebDriver session per launch) and cleans up."""

    def __init__(self, fakebus, tmp_path):
        self.fakebus, self.tmp_path, self.running, self.launched = fakebus, tmp_path, [], 0

    def __call__(self, application=APP, **extra):
        assert os.path.exists(application), f'build the app first: {application}'
        env = app_env(self.tmp_path, **extra)
        # A relaunch on the same data folder must not read the last run's simulator address.
        (Path(env['EARSHOT_DATA_DIR']) / SIM_URL_FILE).unlink(missing_ok=True)
        self.fakebus.notifications.calls.clear()
        self.fakebus.watcher.items.clear()
        self.launched += 1
        log_path = self.tmp_path / f'tauri-driver-{self.launched}.log'
        driver, proc, log = start_session(env, application, log_path)
        driver.env, driver.application, driver.logs = env, application, [log_path]
        self.running.append((driver, proc, log))
        return driver

    def stop(self, driver):
        """Ends the session and the app, and waits until it has exited (its data folder is free).
        Ending a WebDriver session closes the window, which Earshot answers by hiding in the
        tray and listening on: the app is then asked to quit as the system would (SIGTERM), and
        killed if it does not."""
        for i, (d, proc, log) in enumerate(self.running):
            if d is driver:
                self.running.pop(i)
                end_session(d, proc, log)
                # What the app logged: pytest shows it with a failing test's output.
                for path in d.logs:
                    print(f'--- {path.name} (last 4000 characters) ---\n{path.read_text()[-4000:]}')
                data = d.env['EARSHOT_DATA_DIR']
                for sig in (signal.SIGTERM, signal.SIGKILL):
                    for pid in app_processes(data, d.application):
                        try:
                            os.kill(pid, sig)
                        except ProcessLookupError:
                            pass
                    try:
                        wait_until(lambda: not app_processes(data, d.application), 'the app to exit', timeout=10)
                        return
                    except AssertionError:
                        if sig == signal.SIGKILL:
                            raise
                return

    def close(self):
        while self.running:
            self.stop(self.running[-1][0])


def end_session(driver, proc, log):
    try:
        driver.quit()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


@pytest.fixture
def launch(fakebus, tmp_path):
    """`launch(**env)` starts the app; every app it started is ended after the test."""
    launcher = Launcher(fakebus, tmp_path)
    try:
        yield launcher
    finally:
        launcher.close()


@pytest.fixture
def app(launch):
    return launch()


def start_session(env, application, log_path):
    driver_bin = shutil.which('tauri-driver') or os.path.expanduser('~/.cargo/bin/tauri-driver')
    log = open(log_path, 'w')
    try:
        proc, port = start_driver(driver_bin, env, log)
    except RuntimeError as e:
        log.close()
        raise AssertionError(str(e)) from None
    options = ArgOptions()
    options.set_capability('browserName', 'wry')
    options.set_capability('tauri:options', {'application': application})
    # Both drivers listen by now, but a session request that comes while WebKitWebDriver is still
    # setting up can fail: retry until a session exists, then show the driver log if not.
    try:
        driver = wait_until(lambda: webdriver.Remote(command_executor=f'http://127.0.0.1:{port}', options=options),
                            'a WebDriver session with the app', timeout=30, interval=0.5)
    except AssertionError as e:
        log.flush()
        proc.terminate()
        raise AssertionError(f'{e}\n--- tauri-driver log ---\n{log_path.read_text()}') from None
    return driver, proc, log
