#!/usr/bin/env python3
"""Starts (and stops) a private mail provider on 127.0.0.1 for the email tests: Dovecot for IMAP
(with IDLE, a Sent folder and LMTP delivery) and Postfix for SMTP submission (SASL through
Dovecot), as a small business's provider would run them. Nothing is read from or written to the
system's own mail configuration; everything lives in one folder.

    mailservers.py start DIR [--tokeninfo URL] user@domain:password [...]
                                            prints {"imap": port, "smtp": port, ...}
    mailservers.py stop DIR

With --tokeninfo, both servers also take SASL XOAUTH2 and OAUTHBEARER (Dovecot's oauth2 passdb,
Postfix through it) with access tokens that URL vouches for — Google's tokeninfo endpoint, or
the simulator's copy of it — as Gmail does; the token's `email` must be the user's address.

Postfix delivers every mail for the users' domains to Dovecot over LMTP; mail to other domains
is refused. Plain connections without TLS: the servers listen on 127.0.0.1 only. Postfix needs
root (its master drops to the `postfix` user); so does this script.
"""
import json
import os
import pwd
import socket
import subprocess
import sys
import time

DOVECOT = """
protocols = imap lmtp
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login{oauth_mechanisms}
mail_location = maildir:{d}/mail/%d/%n
first_valid_uid = 1
default_internal_user = dovecot
default_login_user = dovenull
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = subscribe
  }}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users
}}
{oauth_passdb}userdb {{
  driver = static
  args = uid={uid} gid={gid} home={d}/mail/%d/%n
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {lmtp}
  }}
}}
service auth {{
  inet_listener auth {{
    address = 127.0.0.1
    port = {auth}
  }}
}}
"""

POSTFIX_MAIN = """
compatibility_level = 3.6
queue_directory = {d}/postfix/spool
data_directory = {d}/postfix/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
meta_directory = /etc/postfix
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
maillog_file = {d}/postfix.log
maillog_file_prefixes = {d}
myhostname = mail.{domain}
mydomain = {domain}
myorigin = $mydomain
mydestination =
local_recipient_maps =
local_transport = error:no local delivery here
alias_maps =
alias_database =
relay_domains =
mynetworks = 127.0.0.1/32
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
virtual_mailbox_domains = {domains}
virtual_transport = lmtp:inet:127.0.0.1:{lmtp}
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:{auth}
smtpd_sasl_auth_enable = yes
smtpd_tls_security_level = none
smtpd_tls_auth_only = no
smtp_tls_security_level = none
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
biff = no
"""

POSTFIX_MASTER = """
127.0.0.1:{smtp} inet n - n - - smtpd
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
smtp      unix  - - n - - smtp
relay     unix  - - n - - smtp
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
lmtp      unix  - - n - - lmtp
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
"""


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def answers(port):
    try:
        with socket.create_connection(('127.0.0.1', port), timeout=1) as s:
            return s.recv(64) != b''
    except OSError:
        return False


class Failed(Exception):
    """A server did not start; the message says which and shows its log."""


def tail(path):
    return open(path).read()[-2000:] if os.path.exists(path) else ''


def wait_for(port, what, log, deadline=30.0):
    # Polls the port (a connect and its greeting) until the server answers.
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if answers(port):
            return
        time.sleep(0.05)
    raise Failed(f'{what} did not start on 127.0.0.1:{port}:\n{tail(log) or "(no log)"}')


OAUTH_PASSDB = """passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {d}/oauth2.conf.ext
}}
"""

OAUTH_CONF = """tokeninfo_url = {tokeninfo}
username_attribute = email
"""


def start(d, users, tokeninfo=None):
    """Starts both servers; a port taken between choosing and binding it (another program can
    take a free port meanwhile) makes a new attempt with other ports."""
    errors = []
    for _ in range(3):
        try:
            return attempt(d, users, tokeninfo)
        except (Failed, subprocess.CalledProcessError) as e:
            errors.append(f'{e}\n{tail(os.path.join(d, "start.log"))}')
            stop(d)
    sys.exit('the mail servers did not start:\n' + '\n---\n'.join(errors))


def attempt(d, users, tokeninfo):
    if os.geteuid() != 0:
        sys.exit('mailservers.py needs root: Postfix starts as root and drops to its own user')
    d = os.path.abspath(d)
    os.makedirs(d, exist_ok=True)
    os.chmod(d, 0o755)
    for up in [os.path.dirname(d)]:
        while up != '/':
            if not os.stat(up).st_mode & 0o001:
                sys.exit(f'{up} is closed to other users: Dovecot and Postfix run as their own users '
                         f'and must reach {d}; use a folder under /tmp')
            up = os.path.dirname(up)
    nobody = pwd.getpwnam('nobody')
    ports = {k: free_port() for k in ('imap', 'lmtp', 'auth', 'smtp')}
    domains = sorted({u.split(':', 1)[0].split('@', 1)[1] for u in users})
    with open(f'{d}/users', 'w') as f:
        for u in users:
            addr, password = u.split(':', 1)
            f.write(f'{addr}:{{PLAIN}}{password}::::::\n')
    os.chmod(f'{d}/users', 0o644)
    mail = f'{d}/mail'
    os.makedirs(mail, exist_ok=True)
    os.chown(mail, nobody.pw_uid, nobody.pw_gid)
    oauth = {'oauth_mechanisms': '', 'oauth_passdb': ''}
    if tokeninfo:
        oauth = {'oauth_mechanisms': ' xoauth2 oauthbearer', 'oauth_passdb': OAUTH_PASSDB.format(d=d)}
        with open(f'{d}/oauth2.conf.ext', 'w') as f:
            f.write(OAUTH_CONF.format(tokeninfo=tokeninfo))
        os.chmod(f'{d}/oauth2.conf.ext', 0o644)
    with open(f'{d}/dovecot.conf', 'w') as f:
        f.write(DOVECOT.format(d=d, uid=nobody.pw_uid, gid=nobody.pw_gid, **ports, **oauth))
    # The daemons must not hold this script's output open: whoever reads it waits for its end.
    with open(f'{d}/start.log', 'ab') as log:
        subprocess.run(['dovecot', '-c', f'{d}/dovecot.conf'], check=True, stdin=subprocess.DEVNULL,
                       stdout=log, stderr=log)
    wait_for(ports['imap'], 'Dovecot', f'{d}/dovecot.log')

    pf = f'{d}/postfix'
    os.makedirs(f'{pf}/spool', exist_ok=True)
    os.makedirs(f'{pf}/data', exist_ok=True)
    pfu = pwd.getpwnam('postfix')
    os.chown(f'{pf}/data', pfu.pw_uid, pfu.pw_gid)
    with open(f'{pf}/main.cf', 'w') as f:
        f.write(POSTFIX_MAIN.format(d=d, domain=domains[0], domains=' '.join(domains), **ports))
    with open(f'{pf}/master.cf', 'w') as f:
        f.write(POSTFIX_MASTER.format(**ports))
    # postfix(1) reports to stderr only on a terminal; otherwise its complaints go to the log.
    with open(f'{d}/start.log', 'ab') as log:
        started = subprocess.run(['postfix', '-c', pf, 'start'], stdin=subprocess.DEVNULL, stdout=log,
                                 stderr=log)
    if started.returncode != 0:
        raise Failed(f'Postfix did not start ({started.returncode}): {tail(f"{d}/postfix.log")}'
                     ' — run `postfix -c DIR/postfix check` on a terminal to see why')
    wait_for(ports['smtp'], 'Postfix', f'{d}/postfix.log')
    info = dict(ports, dir=d, host='127.0.0.1')
    with open(f'{d}/servers.json', 'w') as f:
        json.dump(info, f)
    print(json.dumps(info))


def stop(d):
    d = os.path.abspath(d)
    subprocess.run(['postfix', '-c', f'{d}/postfix', 'abort'], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    subprocess.run(['dovecot', '-c', f'{d}/dovecot.conf', 'stop'], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    # `dovecot stop` only signals: wait until its master has gone (its pid file with it).
    end = time.monotonic() + 10
    while os.path.exists(f'{d}/run/master.pid') and time.monotonic() < end:
        time.sleep(0.05)


if __name__ == '__main__':
    if len(sys.argv) >= 5 and sys.argv[1] == 'start' and sys.argv[3] == '--tokeninfo':
        start(sys.argv[2], sys.argv[5:], tokeninfo=sys.argv[4])
    elif len(sys.argv) >= 3 and sys.argv[1] == 'start':
        start(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 3 and sys.argv[1] == 'stop':
        stop(sys.argv[2])
    else:
        sys.exit(__doc__)
