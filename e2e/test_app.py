"""The real Earshot app, end to end, in demo mode against the built-in simulator."""
import os

from selenium.webdriver.common.by import By

from conftest import ROOT, sim_url, sweep_inbox, wait_until

# Screenshots of each run; docs/inbox.png is one of these, copied by hand when the UI changes.
SHOTS = os.path.join(ROOT, 'e2e', 'artifacts')


def by_testid(driver, name):
    return driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{name}"]')


def mention_by_author(driver, author):
    """The inbox row by `author`, in view; None when the inbox has none."""
    def is_it(row):
        return row if row.find_element(By.CSS_SELECTOR, '[data-testid="mention-author"]').text == author else None
    return sweep_inbox(driver, is_it)


def test_an_urgent_mention_appears_notifies_opens_and_is_marked_done(app, fakebus):
    row = wait_until(lambda: mention_by_author(app, 'kestrel'), 'the urgent simulated mention in the inbox')
    first = by_testid(app, 'mention')[0]
    assert first.find_element(By.CSS_SELECTOR, '[data-testid="mention-author"]').text == 'kestrel', 'urgent first'
    assert int(row.get_attribute('data-urgency')) >= 60
    assert 'refund' in row.find_element(By.CSS_SELECTOR, '[data-testid="mention-reason"]').text or 'worst' in row.text

    call = wait_until(lambda: next((c for c in fakebus.notifications.calls if 'kestrel' in c['summary']), None),
                      'a desktop notification naming the author')
    assert call['app_name'] == 'Earshot'
    assert 'Hacker News' in call['summary']
    assert call['urgency'] == 2, 'critical urgency hint for an urgent mention'
    assert 'default' in call['actions'], 'the notification offers Open'

    os.makedirs(SHOTS, exist_ok=True)
    # The window may still be settling to its size (the page laid out for a smaller one).
    wait_until(lambda: app.execute_script('return innerHeight') >= app.get_window_rect()['height'] - 2,
               'the page to fill the window before the screenshot')
    app.get_screenshot_as_file(os.path.join(SHOTS, 'inbox.png'))
    # The same in the dark theme (docs/inbox-dark.png), then back to the system's.
    app.execute_script("document.documentElement.dataset.theme = 'dark'")
    app.get_screenshot_as_file(os.path.join(SHOTS, 'inbox-dark.png'))
    app.execute_script('delete document.documentElement.dataset.theme')

    # Clicking the notification brings the window to that mention.
    fakebus.invoke_action(call['id'], 'default')
    wait_until(lambda: by_testid(app, 'detail-author') and by_testid(app, 'detail-author')[0].text == 'kestrel',
               'the notification action to open the mention')
    assert 'refund' in by_testid(app, 'detail-reasons')[0].text
    app.get_screenshot_as_file(os.path.join(SHOTS, 'inbox-detail.png'))
    kestrel_id = by_testid(app, 'detail')[0].get_attribute('data-id')
    by_testid(app, 'status-done')[0].click()
    # Done leaves the to-do queue, and the next mention opens.
    wait_until(lambda: by_testid(app, 'detail')[0].get_attribute('data-id') != kestrel_id, 'the next mention to open')
    wait_until(lambda: mention_by_author(app, 'kestrel') is None, 'kestrel to leave the to-do view')


def test_hostile_post_content_is_inert_text_in_the_real_webview(app):
    row = wait_until(lambda: mention_by_author(app, 'xss_tester'), 'the hostile simulated post')
    row.click()
    text = wait_until(lambda: by_testid(app, 'detail-text')[0].text, 'the detail text')
    assert '<script>window.__earshotPwned = 1</script>' in text, text
    assert '<img src=x onerror=' in text, text
    assert app.execute_script('return window.__earshotPwned === undefined'), 'no injected script ran'
    assert not app.find_elements(By.CSS_SELECTOR, '[data-testid="detail"] img, [data-testid="detail"] script')


def test_the_tray_icon_registers_with_its_menu_and_urgent_count(app, fakebus):
    wait_until(lambda: mention_by_author(app, 'kestrel'), 'mentions loaded')
    wait_until(lambda: fakebus.watcher.items, 'the tray icon to register with the StatusNotifierWatcher')
    labels = wait_until(lambda: fakebus.tray_menu_labels(), 'the tray menu')
    for item in ('Open Earshot', 'Pause alerts', 'Quit'):
        assert item in labels, labels
    assert fakebus.tray_property('Title') == 'Earshot', 'the tray says the app\'s name, not its binary\'s'
    shown = wait_until(lambda: by_testid(app, 'unread-urgent')[0].text.split()[0], 'the in-app urgent count')
    assert int(shown) >= 1
    wait_until(lambda: fakebus.tray_property('XAyatanaLabel') == by_testid(app, 'unread-urgent')[0].text.split()[0],
               'the tray label to show the unread-urgent count')


def test_the_owner_corrects_triage_in_one_click_and_it_is_stored(app):
    row = wait_until(lambda: mention_by_author(app, 'kestrel'), 'the urgent simulated mention')
    row.click()
    assert wait_until(lambda: by_testid(app, 'detail-mood')[0].text, 'the sentiment chip') == 'Negative'
    assert by_testid(app, 'detail-intent')[0].text == 'Complaint'
    by_testid(app, 'mark-not-urgent')[0].click()
    wait_until(lambda: by_testid(app, 'detail-reasons')[0].text.startswith('you marked this not urgent'),
               'the engine to record the correction and re-rank')
    assert int(wait_until(lambda: mention_by_author(app, 'kestrel'), 'the row').get_attribute('data-urgency')) < 60


def sim_call(app, method, path, body=None):
    import json
    import urllib.request
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(sim_url(app) + path, data=data, method=method, headers={'content-type': 'application/json'})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read() or b'null')


def test_a_streamed_bluesky_post_notifies_and_a_reply_typed_in_the_app_reaches_bluesky(app, fakebus):
    # The demo signs in to the simulated accounts; their mentions (found by search) show it is done.
    wait_until(lambda: mention_by_author(app, '@dana.bsky.social'), 'the signed-in Bluesky mentions')
    post = sim_call(app, 'POST', '/_sim/post', {
        'net': 'bluesky', 'handle': 'furious.bsky.social', 'followers': 48000,
        'text': 'Brightside Coffee double-charged me and support ignores me. I want a refund now!'})
    call = wait_until(lambda: next((c for c in fakebus.notifications.calls if 'furious.bsky.social' in c['summary']), None),
                      'a desktop notification for the streamed post')
    assert 'Bluesky' in call['summary'] and call['urgency'] == 2, call

    row = wait_until(lambda: mention_by_author(app, '@furious.bsky.social'), 'the streamed post in the inbox')
    row.click()
    box = wait_until(lambda: by_testid(app, 'reply-text')[0], 'the reply composer')
    by_testid(app, 'mark-done-on-send')[0].click()  # stay on this mention to watch the reply
    text = 'So sorry! We have refunded the second charge ☕'
    box.send_keys(text)
    wait_until(lambda: by_testid(app, 'reply-count')[0].text == f'{len(text)}/300', 'the grapheme count')
    by_testid(app, 'send-reply')[0].click()
    # The pre-send check asks once more before a public reply into an angry thread.
    wait_until(lambda: by_testid(app, 'presend-angry'), 'the angry-thread confirmation')
    by_testid(app, 'presend-send')[0].click()
    wait_until(lambda: by_testid(app, 'reply') and by_testid(app, 'reply')[0].get_attribute('data-state') == 'sent',
               'the reply to show as sent')
    writes = sim_call(app, 'GET', '/_sim/writes')
    rec = next(w for w in writes if w['path'] == 'com.atproto.repo.createRecord')
    assert rec['accepted']
    record = rec['body']['record']
    assert record['text'] == text
    parent = f"at://{post['author_id']}/app.bsky.feed.post/{post['id']}"
    assert record['reply']['parent']['uri'] == parent
    assert record['reply']['root']['uri'] == parent, 'a top-level post is its own root'
    app.get_screenshot_as_file(os.path.join(SHOTS, 'reply-sent.png'))


def keys(app, *seq):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    chain = ActionChains(app)
    for k in seq:
        if k.startswith('ctrl+'):
            chain = chain.key_down(Keys.CONTROL).send_keys(k[5:]).key_up(Keys.CONTROL)
        else:
            chain = chain.send_keys(k)
    chain.perform()


def test_a_mention_answered_from_the_keyboard_with_a_saved_reply_is_sent_once_and_counted(app, fakebus):
    wait_until(lambda: mention_by_author(app, '@dana.bsky.social'), 'the signed-in Bluesky mentions')
    sim_call(app, 'POST', '/_sim/post', {
        'net': 'bluesky', 'handle': 'sour.bsky.social', 'followers': 120,
        'text': 'Brightside Coffee, my flat white was cold again and the barista was rude. Not happy.'})
    row = wait_until(lambda: mention_by_author(app, '@sour.bsky.social'), 'the streamed complaint in the inbox')
    row.click()
    wait_until(lambda: by_testid(app, 'reply-text'), 'the reply composer')
    mention_id = by_testid(app, 'detail')[0].get_attribute('data-id')
    app.execute_script('document.activeElement && document.activeElement.blur()')
    keys(app, 'r')
    wait_until(lambda: app.execute_script("return document.activeElement.dataset.testid") == 'reply-text', 'r to focus the reply')
    keys(app, 'ctrl+k')
    wait_until(lambda: by_testid(app, 'picker'), 'the saved-reply picker')
    keys(app, 'we will fix')
    wait_until(lambda: len(by_testid(app, 'picker-item')) == 1, 'one saved reply to match')
    keys(app, '\ue007')  # Enter
    body = wait_until(lambda: by_testid(app, 'reply-text')[0].get_attribute('value'), 'the filled saved reply')
    assert 'Brightside Coffee' in body and '{' not in body, body
    by_testid(app, 'reply-text')[0].click()
    keys(app, 'ctrl+\ue007')  # Ctrl+Enter sends
    wait_until(lambda: by_testid(app, 'presend-angry'), 'the angry-thread confirmation')
    by_testid(app, 'presend-send')[0].click()
    # Sent, marked done, and on to the next mention.
    wait_until(lambda: by_testid(app, 'detail')[0].get_attribute('data-id') != mention_id, 'the next mention to open')
    writes = wait_until(lambda: [w for w in sim_call(app, 'GET', '/_sim/writes')
                                 if w['path'] == 'com.atproto.repo.createRecord' and 'Brightside Coffee we want' in w['body']['record']['text']],
                        'the saved reply to reach Bluesky')
    assert len(writes) == 1, 'posted exactly once'

    by_testid(app, 'open-dashboard')[0].click()
    frt = wait_until(lambda: by_testid(app, 'kpi-frt') and by_testid(app, 'kpi-frt')[0].text, 'the dashboard')
    wait_until(lambda: '–' not in by_testid(app, 'kpi-frt')[0].text.split('\n')[0], 'a first-response time')
    frt = by_testid(app, 'kpi-frt')[0].text
    assert 'answered' in frt and not frt.split('· ')[-1].startswith('0 '), frt
    target = by_testid(app, 'kpi-target')[0].text
    assert '%' in target, target
    assert app.find_elements(By.CSS_SELECTOR, '[data-testid="chart-volume"] canvas'), 'the volume chart is drawn'
    app.get_screenshot_as_file(os.path.join(SHOTS, 'dashboard.png'))


def test_the_desktop_measurement_script_runs_and_prints_its_figures(tmp_path):
    """A small run of e2e/measure_desktop.py so it cannot rot (its figures are not asserted)."""
    import json
    import subprocess
    import sys
    from conftest import APP
    cli = os.path.join(os.path.dirname(APP), 'earshot')
    data = tmp_path / 'db'
    subprocess.run([cli, 'bench', 'query', '--rows', '1000', '--db-dir', str(data)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    out = subprocess.run([sys.executable, os.path.join(ROOT, 'e2e', 'measure_desktop.py'), '--data-dir', str(data),
                          '--app', APP, '--pages', '2', '--idle-secs', '2'], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    figures = [json.loads(line) for line in out.stdout.splitlines() if line.startswith('{')]
    names = [f['name'] for f in figures]
    assert any('cold start' in n for n in names) and any('memory' in n for n in names), names
    mem = next(f for f in figures if 'memory' in f['name'])
    assert mem['value'] > 0 and mem['rows_scrolled'] >= 100 and mem['rows_drawn'] < 60, mem
    for what in ('closed to the tray', 'wake-ups per minute', 're-open'):
        assert any(what in n for n in names), (what, names)
    hidden = next(f for f in figures if 'memory' in f['name'] and 'tray' in f['name'])
    assert not any('WebKitWebProces' in k for k in hidden['processes_rss_pss']), 'the web process ended'


def test_a_notification_s_buttons_reply_snooze_and_finish_its_mention(app, fakebus):
    call = wait_until(lambda: next((c for c in fakebus.notifications.calls if 'kestrel' in c['summary']), None),
                      'the urgent mention\'s notification')
    actions = call['actions']
    assert dict(zip(actions[::2], actions[1::2])) == {
        'default': 'Open', 'reply': 'Reply', 'snooze': 'Snooze 1 h', 'done': 'Done'}, actions

    # Reply, on a mention Earshot can answer (Hacker News has no replies): the window opens on it
    # with the reply box ready for typing.
    social = wait_until(lambda: next((c for c in fakebus.notifications.calls
                                      if ' on Bluesky' in c['summary'] or ' on Mastodon' in c['summary']), None),
                        'a notification of a Bluesky or Mastodon mention')
    fakebus.invoke_action(social['id'], 'reply')
    wait_until(lambda: by_testid(app, 'detail-author') and by_testid(app, 'detail-author')[0].text
               and by_testid(app, 'detail-author')[0].text in social['summary'], 'Reply to open the mention')
    wait_until(lambda: app.execute_script('return document.activeElement?.dataset.testid') == 'reply-text',
               'the reply box to take the typing')

    def in_view(status):
        app.find_element(By.CSS_SELECTOR, '[data-testid="filter-status"] option[value="%s"]' % status).click()
        return mention_by_author(app, 'kestrel')

    # Each notification takes one action (the server then closes it): Snooze 1 h on a third one,
    # done without the window.
    third = wait_until(lambda: next((c for c in fakebus.notifications.calls
                                     if c['id'] not in (call['id'], social['id'])), None), 'a third notification')
    fakebus.invoke_action(third['id'], 'snooze')
    snoozed = '[data-testid="filter-status"] option[value="snoozed"]'
    wait_until(lambda: app.find_element(By.CSS_SELECTOR, snoozed).text == 'Snoozed (1)', 'one mention snoozed')
    # Done on kestrel's, from the notification: out of the to-do view, in the done one.
    fakebus.invoke_action(call['id'], 'done')
    wait_until(lambda: in_view('done') is not None, 'kestrel among the done')
    assert in_view('todo') is None, 'no longer to do'
