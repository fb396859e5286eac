"""Two real Earshot apps on one team database (PostgreSQL, the test command's throwaway server):
each has its own data folder, both work in the same inbox. The team's mentions come from the
simulator through `earshot watch --team` (a third desktop, on the command line). A mention answered
on one app leaves the other's to-do view; someone writing a reply on one shows as
"is replying" on the other."""
import os
import subprocess
import uuid

import pytest
from selenium.webdriver.common.by import By

from conftest import ROOT, sweep_inbox, wait_until

TARGET = os.environ.get('CARGO_TARGET_DIR', os.path.join(ROOT, 'target'))
CLI = os.path.join(TARGET, 'debug', 'earshot')


def by_testid(driver, name):
    return driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{name}"]')


def row(driver, mention_id):
    found = driver.find_elements(By.CSS_SELECTOR, f'[data-testid="mention"][data-id="{mention_id}"]')
    return found[0] if found else None


@pytest.fixture
def team_db():
    server = os.environ.get('EARSHOT_TEST_POSTGRES')
    if not server:
        if os.environ.get('EARSHOT_REQUIRE_INTEROP'):
            pytest.fail('EARSHOT_REQUIRE_INTEROP is set without EARSHOT_TEST_POSTGRES')
        pytest.skip('no test PostgreSQL here; `./dev test` starts one')
    name = f'earshot_e2e_{uuid.uuid4().hex[:8]}'
    subprocess.run(['psql', f'{server}/postgres', '-qc', f'CREATE DATABASE {name}'], check=True)
    yield f'{server}/{name}'
    subprocess.run(['psql', f'{server}/postgres', '-qc', f'DROP DATABASE IF EXISTS {name} WITH (FORCE)'], check=False)


@pytest.fixture
def feeder(team_db, tmp_path):
    """The simulator, and `earshot watch --team` storing its mentions in the team database."""
    assert os.path.exists(CLI), f'build the command line first: {CLI}'
    sim = subprocess.Popen([CLI, 'sim', '--all-now', '--seed', '3', '--count', '6'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    watch = None
    try:
        base = sim.stdout.readline().strip()
        port = base.rsplit(':', 1)[1]
        config = tmp_path / 'earshot.toml'
        config.write_text(subprocess.run([CLI, 'sim', '--print-config', '--port', port], check=True, capture_output=True, text=True).stdout)
        watch = subprocess.Popen([CLI, 'watch', '--config', str(config), '--data-dir', str(tmp_path / 'feeder'), '--team', team_db, '--name', 'Feeder'],
                                 stdout=subprocess.DEVNULL, stderr=open(tmp_path / 'feeder.log', 'w'))
        yield team_db
    finally:
        for p in (watch, sim):
            if p:
                p.kill()
                p.wait()


def desktop(launch, tmp_path, team_db, name):
    """An app whose data folder says it is on the team as `name` (as Settings leaves it)."""
    data = tmp_path / name.lower()
    data.mkdir()
    (data / 'team.json').write_text(f'{{"address": "{team_db}", "name": "{name}", "joined_at": 0}}')
    return launch(EARSHOT_DEMO='0', EARSHOT_DATA_DIR=str(data))


def test_two_apps_on_one_team_database_share_the_queue_and_see_who_is_replying(launch, feeder, tmp_path):
    ana = desktop(launch, tmp_path, feeder, 'Ana')
    ben = desktop(launch, tmp_path, feeder, 'Ben')
    # Both show the team's inbox: the same mentions, by the same ids.
    wait_until(lambda: by_testid(ana, 'mention'), "the team's mentions on Ana's app")

    # Answered on Ana's app (a Hacker News comment, answered on the site and marked so): it
    # leaves Ben's to-do view, without a reload.
    def on_hn(r):
        net = r.find_element(By.CSS_SELECTOR, '[data-testid="mention-net"]').get_attribute('class')
        return r.get_attribute('data-id') if 'net-hackernews' in net else None
    first = wait_until(lambda: sweep_inbox(ana, on_hn), "a Hacker News mention on Ana's app")
    wait_until(lambda: sweep_inbox(ben, lambda r: r.get_attribute('data-id') == first), "the same mention on Ben's app")
    row(ana, first).click()
    wait_until(lambda: by_testid(ana, 'detail') and by_testid(ana, 'detail')[0].get_attribute('data-id') == first
               and by_testid(ana, 'mark-answered'), 'the mention to open')
    by_testid(ana, 'mark-answered')[0].click()
    wait_until(lambda: sweep_inbox(ben, lambda r: r.get_attribute('data-id') == first) is None,
               "the mention Ana answered to leave Ben's to-do view")

    # Ben writes a reply to a mention that takes one; Ana, on the same mention, sees him at it.
    def answerable(r):
        net = r.find_element(By.CSS_SELECTOR, '[data-testid="mention-net"]').get_attribute('class')
        return r.get_attribute('data-id') if ('net-mastodon' in net or 'net-bluesky' in net) else None
    target = wait_until(lambda: sweep_inbox(ben, answerable), 'a Mastodon or Bluesky mention, which can be answered from Earshot')
    row(ben, target).click()
    wait_until(lambda: by_testid(ben, 'detail') and by_testid(ben, 'detail')[0].get_attribute('data-id') == target
               and by_testid(ben, 'reply-text'), "Ben's composer")
    wait_until(lambda: sweep_inbox(ana, lambda r: r.get_attribute('data-id') == target), "the same mention on Ana's app")
    row(ana, target).click()
    wait_until(lambda: by_testid(ana, 'detail') and by_testid(ana, 'detail')[0].get_attribute('data-id') == target
               and by_testid(ana, 'reply-text'), "Ana's composer on the same mention")
    by_testid(ben, 'reply-text')[0].send_keys('Sorry about that, we are on it!')
    shown = wait_until(lambda: by_testid(ana, 'others-replying'), "'Ben is replying…' on Ana's app")
    assert shown[0].text == 'Ben is replying…'
    # Ben clears his draft: the indicator goes.
    box = by_testid(ben, 'reply-text')[0]
    ben.execute_script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", box)
    wait_until(lambda: not by_testid(ana, 'others-replying'), "the indicator to go when Ben stops")

    # Settings says who is on the team and who listens for each source (the command line here).
    by_testid(ana, 'open-settings')[0].click()
    members = wait_until(lambda: by_testid(ana, 'team-members'), "the team's members in Settings")
    assert set(members[0].text.replace(' and ', ', ').split(', ')) == {'Ana', 'Ben', 'Feeder'}
    listeners = [e.text for e in by_testid(ana, 'team-listener')]
    assert listeners and all(t in ('Feeder', 'Ana (this computer)', 'Ben') for t in listeners), listeners
