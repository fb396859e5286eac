"""Earshot as a desktop citizen: one instance per data folder, start at login, and a database
that cannot be opened."""
import glob
import os
import subprocess

from selenium.webdriver.common.by import By

from conftest import APP, app_env, app_processes, wait_until
from xwindow import has_window, send_close, web_processes


def by_testid(driver, name):
    return driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{name}"]')


def inbox_loaded(driver):
    return wait_until(lambda: by_testid(driver, 'mention'), 'the first mentions in the inbox')


def window_visible(driver):
    """What the shell says of its own window (GTK's visibility), through the app's IPC."""
    return driver.execute_async_script(
        'const done = arguments[arguments.length - 1];'
        "window.__TAURI_INTERNALS__.invoke('plugin:window|is_visible', {label: 'main'})"
        '.then(done, (e) => done("error: " + e));')


def switch_to_new_window(driver, gone):
    """The web view made when the window opened again: a new WebDriver window handle."""
    handle = wait_until(lambda: next((h for h in driver.window_handles if h != gone), None),
                        'the window made again')
    driver.switch_to.window(handle)
    return handle


def close_to_the_tray(app, pid):
    """Closes the window as the owner would and waits until it is gone; what the app logged is
    shown if it never closes."""
    wait_until(lambda: has_window(pid), 'the Earshot window on the X display')
    send_close(pid)
    try:
        wait_until(lambda: not has_window(pid), 'closing the window to the tray')
    except AssertionError:
        logs = ''.join(p.read_text() for p in app.logs)
        raise AssertionError(f'the window never closed\n{logs[-4000:]}')


def test_closing_releases_the_web_view_and_a_click_or_a_second_launch_opens_it_again(app, fakebus):
    inbox_loaded(app)
    first = app_processes(app.env['EARSHOT_DATA_DIR'])
    assert len(first) == 1, first
    assert web_processes(first[0]), 'the open window has its web process'
    call = wait_until(lambda: next((c for c in fakebus.notifications.calls if 'kestrel' in c['summary']), None),
                      'the urgent mention\'s notification')

    gone = app.current_window_handle
    close_to_the_tray(app, first[0])
    # Closed to the tray: still listening, the web view and its process released.
    assert app_processes(app.env['EARSHOT_DATA_DIR']) == first, 'Earshot listens on in the tray'
    wait_until(lambda: not web_processes(first[0]), "the web view's process to end")

    # A notification clicked while the window is closed makes it again, on that mention.
    fakebus.invoke_action(call['id'], 'default')
    gone = switch_to_new_window(app, gone)
    wait_until(lambda: by_testid(app, 'detail-author') and by_testid(app, 'detail-author')[0].text == 'kestrel',
               'the re-made window to open the notified mention')

    # Launching Earshot again shows the window of the running one.
    close_to_the_tray(app, first[0])
    second = subprocess.run([APP], env=app.env, capture_output=True, text=True, timeout=60)
    assert second.returncode == 0, second.stderr
    assert 'Earshot started' not in second.stderr, 'the second launch started no engine of its own'
    switch_to_new_window(app, gone)
    wait_until(lambda: window_visible(app) is True, 'the running window to be shown again')
    assert app_processes(app.env['EARSHOT_DATA_DIR']) == first, 'still one Earshot'
    inbox_loaded(app)


def test_started_at_login_it_listens_in_the_tray_without_a_web_view(fakebus, tmp_path):
    """`--hidden` (what the autostart entry runs) makes no window at all, so no web view is kept
    for a window nobody looks at; it listens and notifies from the tray."""
    fakebus.notifications.calls.clear()
    env = app_env(tmp_path)
    log = open(tmp_path / 'hidden.log', 'w')
    proc = subprocess.Popen([APP, '--hidden'], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: app_processes(env['EARSHOT_DATA_DIR']), 'Earshot to start')
        wait_until(lambda: fakebus.watcher.items, 'the tray icon')
        wait_until(lambda: fakebus.notifications.calls, 'a notification from the tray app')
        assert not has_window(proc.pid), 'no window'
        assert not web_processes(proc.pid), 'no web view, so no web process'
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def test_start_at_login_is_an_autostart_entry_that_launches_hidden(app):
    inbox_loaded(app)
    entry = os.path.join(app.env['HOME'], '.config', 'autostart', 'Earshot.desktop')
    assert not os.path.exists(entry)
    by_testid(app, 'open-settings')[0].click()
    box = wait_until(lambda: by_testid(app, 'autostart'), 'the start-at-login switch')[0]
    wait_until(lambda: box.is_enabled(), 'the switch to know the current setting')
    assert not box.is_selected()
    box.click()
    wait_until(lambda: os.path.exists(entry), 'the autostart entry')
    with open(entry) as f:
        text = f.read()
    exec_line = next(l for l in text.splitlines() if l.startswith('Exec='))
    assert exec_line.split('=', 1)[1].split()[0] == APP, exec_line
    assert '--hidden' in exec_line.split(), 'it starts in the tray, not in the owner\'s face'
    box.click()
    wait_until(lambda: not os.path.exists(entry), 'the autostart entry to be removed')


def test_a_damaged_database_offers_the_newest_good_backup_and_keeps_the_damaged_file(launch):
    first = launch()
    inbox_loaded(first)
    data = first.env['EARSHOT_DATA_DIR']
    launch.stop(first)

    cli = os.path.join(os.path.dirname(APP), 'earshot')
    backup = subprocess.run([cli, 'backup', '--data-dir', data], capture_output=True, text=True, timeout=60)
    assert backup.returncode == 0, backup.stderr
    db = os.path.join(data, 'earshot.sqlite3')
    garbage = b'the remains of a bad disk ' * 400
    with open(db, 'wb') as f:
        f.write(garbage)
    for side in ('-wal', '-shm'):
        if os.path.exists(db + side):
            os.remove(db + side)

    app = launch()
    screen = wait_until(lambda: by_testid(app, 'recovery'), 'the window that says what happened')[0]
    assert screen.get_attribute('data-code') == 'damaged'
    assert 'damaged' in by_testid(app, 'recovery-message')[0].text
    assert by_testid(app, 'recovery-folder')[0].text == data
    for button in ('recovery-restore', 'recovery-folder-open', 'recovery-quit'):
        assert by_testid(app, button)[0].is_displayed(), button
    with open(db, 'rb') as f:
        assert f.read() == garbage, 'nothing was changed before the owner chose'

    by_testid(app, 'recovery-restore')[0].click()
    inbox_loaded(app)
    kept = glob.glob(db + '.before-restore-*')
    assert len(kept) == 1, os.listdir(data)
    with open(kept[0], 'rb') as f:
        assert f.read() == garbage, 'the damaged file is kept, byte for byte'


def test_a_first_run_opens_the_demo_beside_it_which_quits_with_its_window(launch, tmp_path):
    import sqlite3
    cache = tmp_path / 'cache'
    app = launch(EARSHOT_DEMO='0', XDG_CACHE_HOME=str(cache))
    wait_until(lambda: by_testid(app, 'onboarding'), 'the first-run screen')
    owner = app_processes(app.env['EARSHOT_DATA_DIR'])
    by_testid(app, 'ob-try-demo')[0].click()
    wait_until(lambda: by_testid(app, 'ob-demo-note'), 'the note that the demo is opening')

    def demo_pids():
        pids = []
        for pid in set(app_processes(app.env['EARSHOT_DATA_DIR'])) - set(owner):
            try:
                with open(f'/proc/{pid}/cmdline', 'rb') as f:
                    if b'--demo' in f.read().split(b'\0'):
                        pids.append(pid)
            except OSError:
                pass
        return pids

    demo = wait_until(demo_pids, 'the demo process')[0]
    folder = cache / 'app.earshot.desktop' / 'demo'
    db = folder / 'earshot.sqlite3'

    def demo_mentions():
        if not db.exists():
            return 0
        with sqlite3.connect(f'file:{db}?mode=ro', uri=True) as c:
            try:
                return c.execute('SELECT count(*) FROM mentions').fetchone()[0]
            except sqlite3.OperationalError:
                return 0

    assert wait_until(demo_mentions, "the demo's simulated mentions, in its own folder", timeout=60) > 0
    owner_db = os.path.join(app.env['EARSHOT_DATA_DIR'], 'earshot.sqlite3')
    with sqlite3.connect(f'file:{owner_db}?mode=ro', uri=True) as c:
        assert c.execute('SELECT count(*) FROM mentions').fetchone()[0] == 0, "the owner's inbox stays empty"
    # Its window closed, the demo quits (no second tray icon is left behind). The close is sent
    # again while the window stays, as a request that reaches GTK too early can be dropped.
    close_to_the_tray(app, demo)
    wait_until(lambda: demo not in app_processes(app.env['EARSHOT_DATA_DIR']), 'the demo to quit with its window', timeout=20)
