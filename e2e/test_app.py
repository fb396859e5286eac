"""The real Earshot app, end to end, in demo mode against the built-in simulator."""
import os

from selenium.webdriver.common.by import By

from conftest import ROOT, wait_until

# Screenshots of each run; docs/inbox.png is one of these, copied by hand when the UI changes.
SHOTS = os.path.join(ROOT, 'e2e', 'artifacts')


def by_testid(driver, name):
    return driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{name}"]')


def mention_by_author(driver, author):
    for row in by_testid(driver, 'mention'):
        if row.find_element(By.CSS_SELECTOR, '[data-testid="mention-author"]').text == author:
            return row
    return None


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
    app.get_screenshot_as_file(os.path.join(SHOTS, 'inbox.png'))

    # Clicking the notification brings the window to that mention.
    fakebus.invoke_action(call['id'], 'default')
    wait_until(lambda: by_testid(app, 'detail-author') and by_testid(app, 'detail-author')[0].text == 'kestrel',
               'the notification action to open the mention')
    assert 'refund' in by_testid(app, 'detail-reasons')[0].text
    by_testid(app, 'status-done')[0].click()
    wait_until(lambda: 'active' in by_testid(app, 'status-done')[0].get_attribute('class'), 'status done')
    app.get_screenshot_as_file(os.path.join(SHOTS, 'inbox-detail.png'))


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
