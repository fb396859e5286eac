"""The .deb a user installs: lintian and AppStream accept it, `apt-get install` puts Earshot in
/usr/bin with its menu entry, icons and metainfo, the installed binary runs the demo (mentions
appear, a notification is raised), and removing the package leaves none of its files. `./dev
test` builds the release .deb and passes it as EARSHOT_DEB; this needs root (or sudo without a
password) to install it."""
import os
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import wait_until

DEB = os.environ.get('EARSHOT_DEB')
INSTALLED = '/usr/bin/earshot-app'
pytestmark = pytest.mark.skipif(not DEB, reason='set EARSHOT_DEB to a built .deb (./dev test does)')


def as_root(*cmd):
    return list(cmd) if os.geteuid() == 0 else ['sudo', '-n', *cmd]


def run(*cmd, root=False):
    r = subprocess.run(as_root(*cmd) if root else list(cmd), capture_output=True, text=True, timeout=600,
                       env=dict(os.environ, DEBIAN_FRONTEND='noninteractive'))
    assert r.returncode == 0, f'{cmd}: {r.stdout}\n{r.stderr}'
    return r.stdout


def package_files():
    """The regular files the package installs (`dpkg-deb -c` lines end with the path)."""
    lines = run('dpkg-deb', '-c', DEB).splitlines()
    return ['/' + l.split()[-1].lstrip('./') for l in lines if l.startswith('-')]


def test_the_deb_passes_lintian_installs_runs_the_demo_and_removes_cleanly(launch, fakebus):
    lint = subprocess.run(['lintian', '--fail-on', 'error', DEB], capture_output=True, text=True, timeout=600)
    errors = [l for l in lint.stdout.splitlines() if l.startswith('E:')]
    assert lint.returncode == 0 and not errors, lint.stdout + lint.stderr
    control = run('dpkg-deb', '-f', DEB, 'Package', 'Depends')
    assert 'libwebkit2gtk-4.1-0' in control and 'libayatana-appindicator3-1' in control and 'libc6' in control, control
    files = package_files()
    for path in (INSTALLED, '/usr/share/applications/Earshot.desktop',
                 '/usr/share/metainfo/app.earshot.Earshot.metainfo.xml', '/usr/share/doc/earshot/copyright'):
        assert path in files, files
    for size in ('16x16', '32x32', '48x48', '64x64', '128x128', '256x256', '512x512'):
        assert f'/usr/share/icons/hicolor/{size}/apps/earshot-app.png' in files, (size, files)

    assert not os.path.exists(INSTALLED), 'Earshot is not installed before the test'
    try:
        run('apt-get', 'install', '-y', '--no-install-recommends', os.path.abspath(DEB), root=True)
        assert os.access(INSTALLED, os.X_OK)
        run('appstreamcli', 'validate', '--no-net', '/usr/share/metainfo/app.earshot.Earshot.metainfo.xml')
        run('desktop-file-validate', '/usr/share/applications/Earshot.desktop')

        app = launch(application=INSTALLED)
        wait_until(lambda: app.find_elements(By.CSS_SELECTOR, '[data-testid="mention"]'), 'the demo mentions in the installed app')
        call = wait_until(lambda: next((c for c in fakebus.notifications.calls if c['app_name'] == 'Earshot'), None),
                          'a desktop notification from the installed app')
        assert call['summary'], call
        launch.stop(app)
    finally:
        subprocess.run(as_root('apt-get', 'remove', '-y', 'earshot'), capture_output=True, timeout=600)
    status = subprocess.run(['dpkg-query', '-W', '-f=${Status}', 'earshot'], capture_output=True, text=True)
    assert 'installed' not in status.stdout.replace('not-installed', ''), status.stdout
    left = [f for f in files if os.path.exists(f)]
    assert not left, f'files left after removal: {left}'
