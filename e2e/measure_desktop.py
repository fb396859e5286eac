"""Measures the desktop app: cold start to the first inbox rows in the DOM, the resident memory
of all its processes (the app, WebKit's web and network processes) after paging through the
inbox, the same once the window is closed to the tray, and the time to open it again. Prints one JSON object per figure, like `earshot bench --json`.

    cargo run --release -p earshot-cli -- bench query --rows 1000000 --db-dir /var/tmp/q1m
    xvfb-run -a dbus-run-session -- e2e/.venv/bin/python e2e/measure_desktop.py --data-dir /var/tmp/q1m

The data folder is opened by the app as it is (no source is polled: the bench database has none).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions

from driver import start_driver
from xwindow import descendants, has_window, name, send_close, web_processes

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get('CARGO_TARGET_DIR', os.path.join(ROOT, 'target'))


def poll(cond, what, timeout=60.0, interval=0.005):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            v = cond()
            if v:
                return v
        except Exception:
            pass
        time.sleep(interval)
    raise SystemExit(f'timed out waiting for {what}')


def rss_kib(pid):
    try:
        for line in open(f'/proc/{pid}/status'):
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def pss_kib(pid):
    """Proportional set size: shared pages split between the processes that share them."""
    try:
        for line in open(f'/proc/{pid}/smaps_rollup'):
            if line.startswith('Pss:'):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def breakdown(pid, top=10):
    """Where a process's PSS is, in MiB: by library file, '[heap]', anonymous mappings (the
    allocators' and JavaScriptCore's heaps), and the rest; the `top` largest, then 'other'."""
    by = {}
    what = None
    try:
        for line in open(f'/proc/{pid}/smaps'):
            head = line.split()
            if len(head) >= 5 and '-' in head[0] and not line.endswith(':\n') and not head[0].endswith(':'):
                path = head[5] if len(head) > 5 else ''
                if not path:
                    what = 'anonymous'
                elif path.startswith('/'):
                    what = os.path.basename(path)
                else:
                    what = path
            elif head and head[0] == 'Pss:' and what is not None:
                by[what] = by.get(what, 0) + int(head[1])
    except OSError:
        return {}
    ranked = sorted(by.items(), key=lambda kv: -kv[1])
    out = {k: round(v / 1024, 1) for k, v in ranked[:top]}
    out['other'] = round(sum(v for _, v in ranked[top:]) / 1024, 1)
    return out


def trace_waits(pid, secs):
    """What each thread of `pid` waits in, over `secs` (strace -f): per thread name, its waiting
    system calls with their timeouts, most frequent first — a thread that wakes on a timer shows
    the timer's period; one woken by another thread shows futex waits without a timeout."""
    import re
    out = tempfile.NamedTemporaryFile('r', suffix='.strace', delete=False)
    names = {}
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            names[tid] = open(f'/proc/{pid}/task/{tid}/comm').read().strip()
        except OSError:
            pass
    calls = 'epoll_wait,epoll_pwait,poll,ppoll,futex,clock_nanosleep,nanosleep,select,pselect6,read,recvmsg'
    tracer = subprocess.Popen(['strace', '-f', '-qq', '-e', f'trace={calls}', '-o', out.name, '-p', str(pid)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(secs)  # the tracing window itself
    tracer.terminate()
    tracer.wait(timeout=10)
    by = {}
    for line in open(out.name):
        m = re.match(r'(\d+)\s+(\w+)\((.*)', line)
        if not m or 'resumed>' in line:
            continue
        tid, call, args = m.groups()
        args = args.split(') ')[0].split(' <unfinished')[0]
        if call in ('epoll_wait', 'epoll_pwait', 'poll', 'ppoll'):
            what = f'{call} timeout {args.rsplit(",", 1)[-1].strip()}'
        elif call == 'futex':
            parts = args.split(',')
            op = parts[1].strip() if len(parts) > 1 else '?'
            what = f'futex {op}' + (' with a timeout' if '{tv_sec' in args else '')
        else:
            what = call
        thread = names.get(tid, f'thread {tid}')
        by.setdefault(thread, {}).setdefault(what, 0)
        by[thread][what] += 1
    os.unlink(out.name)
    minutes = secs / 60
    return {t: dict(sorted(((k, round(v / minutes)) for k, v in calls.items()), key=lambda kv: -kv[1])[:6])
            for t, calls in sorted(by.items(), key=lambda kv: -sum(kv[1].values()))}


def switches(pids):
    """Context switches (voluntary and not) of every thread of `pids`, by 'process/thread' name
    and thread id."""
    out = {}
    for pid in pids:
        try:
            tids = os.listdir(f'/proc/{pid}/task')
        except OSError:
            continue
        for tid in tids:
            try:
                n = 0
                for line in open(f'/proc/{pid}/task/{tid}/status'):
                    if line.startswith(('voluntary_ctxt_switches:', 'nonvoluntary_ctxt_switches:')):
                        n += int(line.split()[1])
                out[f'{name(pid)}/{open(f"/proc/{pid}/task/{tid}/comm").read().strip()}[{tid}]'] = n
            except OSError:
                pass
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data-dir', required=True)
    ap.add_argument('--app', default=os.path.join(TARGET, 'release', 'earshot-app'))
    ap.add_argument('--pages', type=int, default=20, help='inbox pages to scroll through before measuring memory')
    ap.add_argument('--idle-secs', type=float, default=60, help='how long to count wake-ups in the tray')
    ap.add_argument('--trace-tray', action='store_true', help='then trace what each thread waits in, in the tray, for --idle-secs (strace)')
    ap.add_argument('--profile', action='store_true', help='also print where each process\'s memory is, by mapping')
    args = ap.parse_args()
    if not os.path.exists(args.app):
        raise SystemExit(f'build the app first: {args.app} (cargo build --release -p earshot-app)')

    driver_bin = shutil.which('tauri-driver') or os.path.expanduser('~/.cargo/bin/tauri-driver')
    log = tempfile.NamedTemporaryFile('w', suffix='.log', delete=False)
    env = dict(os.environ, EARSHOT_DATA_DIR=args.data_dir, EARSHOT_LOG='warn')
    try:
        driver_proc, port = start_driver(driver_bin, env, log)
    except RuntimeError:
        log.close()
        os.unlink(log.name)
        raise
    try:
        options = ArgOptions()
        options.set_capability('browserName', 'wry')
        options.set_capability('tauri:options', {'application': args.app})
        # The app starts when the session is created: the clock starts here.
        t0 = time.monotonic()
        driver = poll(lambda: webdriver.Remote(command_executor=f'http://127.0.0.1:{port}', options=options),
                      'a WebDriver session', timeout=60, interval=0.2)
        poll(lambda: driver.find_elements(By.CSS_SELECTOR, '[data-testid="mention"]'), 'the first inbox rows')
        cold = time.monotonic() - t0
        rows = driver.execute_script('return document.querySelectorAll("[data-testid=mention]").length')
        total = driver.find_element(By.CSS_SELECTOR, '.total').text
        print(json.dumps({'name': 'desktop cold start to first inbox rows', 'unit': 's', 'value': round(cold, 3),
                          'rows': rows, 'stored': total}))

        # Scroll through the inbox: each time the end of the list comes into view the next page
        # is fetched by cursor; the list draws only the rows in view.
        deepest = 'return Math.max(-1, ...[...document.querySelectorAll("[data-index]")].map(e => +e.dataset.index))'
        for _ in range(args.pages):
            if not driver.find_elements(By.CSS_SELECTOR, '[data-testid="more"]'):
                break
            before = driver.execute_script(deepest)
            driver.execute_script('const el = document.querySelector("[data-testid=inbox-scroll]"); el.scrollTop = el.scrollHeight')
            poll(lambda: driver.execute_script(deepest) > before, 'the next page')
        loaded = driver.execute_script(deepest) + 1
        drawn = driver.execute_script('return document.querySelectorAll("[data-testid=mention]").length')
        time.sleep(3)  # idle: let the web process settle before reading memory (a measurement, not a sync)
        app_pids = [p for p in descendants(driver_proc.pid) if name(p).startswith('earshot')]
        procs = []
        for p in app_pids:
            procs.append(p)
            procs.extend(descendants(p))
        per = {f'{name(p)}[{p}]': (rss_kib(p), pss_kib(p)) for p in procs}
        rss = sum(r for r, _ in per.values()) / 1024
        pss = sum(p for _, p in per.values()) / 1024
        print(json.dumps({'name': 'desktop resident memory, all processes, idle', 'unit': 'MiB',
                          'value': round(pss, 1), 'pss': round(pss, 1), 'rss': round(rss, 1), 'rows_scrolled': loaded, 'rows_drawn': drawn,
                          'processes_rss_pss': {k: [round(r / 1024, 1), round(p / 1024, 1)] for k, (r, p) in per.items()}}))
        if args.profile:
            for p in procs:
                print(json.dumps({'name': f'desktop memory profile, window open: {name(p)}', 'unit': 'MiB PSS',
                                  'value': round(pss_kib(p) / 1024, 1), 'by_mapping': breakdown(p)}))

        # Closed to the tray: the window and its web view are released; the app listens on.
        app_pid = app_pids[0]
        old_handle = driver.current_window_handle
        poll(lambda: has_window(app_pid), 'the window on the X display', timeout=20)
        send_close(app_pid)
        poll(lambda: not web_processes(app_pid), 'the web process to end after closing', timeout=60)
        time.sleep(3)  # idle in the tray before reading memory (a measurement, not a sync)
        hidden = {f'{name(p)}[{p}]': (rss_kib(p), pss_kib(p)) for p in [app_pid] + descendants(app_pid)}
        print(json.dumps({'name': 'desktop resident memory, all processes, closed to the tray', 'unit': 'MiB',
                          'value': round(sum(p for _, p in hidden.values()) / 1024, 1),
                          'rss': round(sum(r for r, _ in hidden.values()) / 1024, 1),
                          'processes_rss_pss': {k: [round(r / 1024, 1), round(p / 1024, 1)] for k, (r, p) in hidden.items()}}))
        if args.profile:
            for p in [app_pid] + descendants(app_pid):
                print(json.dumps({'name': f'desktop memory profile, in the tray: {name(p)}', 'unit': 'MiB PSS',
                                  'value': round(pss_kib(p) / 1024, 1), 'by_mapping': breakdown(p)}))

        # Idle in the tray: every wake-up (context switch) of every thread of every process.
        before = switches([app_pid] + descendants(app_pid))
        t_idle = time.monotonic()
        time.sleep(args.idle_secs)  # the measuring window itself
        after = switches([app_pid] + descendants(app_pid))
        minutes = (time.monotonic() - t_idle) / 60
        woke = {k: round((n - before.get(k, 0)) / minutes) for k, n in after.items() if n > before.get(k, 0)}
        print(json.dumps({'name': 'desktop wake-ups per minute, closed to the tray, idle', 'unit': '1/min',
                          'value': sum(woke.values()), 'seconds': args.idle_secs,
                          'by_thread': dict(sorted(woke.items(), key=lambda kv: -kv[1])[:12])}))
        if args.trace_tray:
            print(json.dumps({'name': 'desktop waits per minute in the tray, by thread (strace)', 'unit': '1/min',
                              'value': None, 'by_thread': trace_waits(app_pid, args.idle_secs)}))

        # Re-open as the owner does from the launcher: a second launch hands over to the running
        # app, which makes the window again; the clock stops at the first inbox rows in the DOM
        # (polled every few ms through WebDriver, so the figure is high by a poll's round trip).
        t_open = time.time()
        subprocess.Popen([args.app], env=dict(env, EARSHOT_LOG='warn'))
        handle = poll(lambda: next((h for h in driver.window_handles if h != old_handle), None), 'the window made again')
        driver.switch_to.window(handle)
        poll(lambda: driver.find_elements(By.CSS_SELECTOR, '[data-testid="mention"]'), 'the first inbox rows again')
        t_rows = time.time()
        origin = driver.execute_script('return performance.timeOrigin') / 1000.0
        print(json.dumps({'name': 'desktop re-open from the tray to first inbox rows', 'unit': 's',
                          'value': round(t_rows - t_open, 3),
                          'launch_to_page_start': round(origin - t_open, 3), 'page_start_to_rows': round(t_rows - origin, 3)}))
        driver.quit()
    except BaseException:
        log.flush()
        with open(log.name, 'rb') as f:
            f.seek(max(0, os.path.getsize(log.name) - 3000))
            print('--- tauri-driver log (end) ---\n' + f.read().decode(errors='replace'), file=sys.stderr)
        raise
    finally:
        driver_proc.terminate()
        driver_proc.wait(timeout=10)
        log.close()
        os.unlink(log.name)


if __name__ == '__main__':
    sys.exit(main())
