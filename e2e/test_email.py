"""The real Earshot app with a real mail provider (Dovecot and Postfix on 127.0.0.1, started for
the test by interop/mail/mailservers.py): the owner adds the inbox in Settings, a customer's
complaint sent through Postfix notifies and is answered from the app, and the customer's mailbox
on Dovecot then holds exactly one reply, threaded under the complaint and filed in Sent."""
import email
import email.policy
import imaplib
import json
import os
import shutil
import smtplib
import subprocess
import tempfile
import uuid

import pytest

from conftest import ROOT, wait_until
from test_app import by_testid, mention_by_author
from test_pages import notified, send

SCRIPT = os.path.join(ROOT, 'interop', 'mail', 'mailservers.py')
OWNER, OWNER_PW = 'hello@brightside.test', 'owner-secret-7'
CUSTOMER, CUSTOMER_PW = 'marta.quill@example.test', 'customer-secret-9'


@pytest.fixture
def mail():
    if os.geteuid() != 0 or not os.path.exists('/usr/sbin/dovecot') or not os.path.exists('/usr/sbin/postfix'):
        if os.environ.get('EARSHOT_REQUIRE_INTEROP'):
            pytest.fail('Dovecot and Postfix cannot run here (install them; run as root)')
        pytest.skip('no Dovecot and Postfix here (or not root); ./dev test installs them')
    # Not under pytest's tmp_path: its folders are private to root, and Dovecot's and Postfix's
    # own users must reach theirs.
    d = tempfile.mkdtemp(prefix='earshot-mail-')
    out = subprocess.run(['python3', SCRIPT, 'start', str(d), f'{OWNER}:{OWNER_PW}', f'{CUSTOMER}:{CUSTOMER_PW}'],
                         capture_output=True, text=True)
    if out.returncode != 0:
        shutil.rmtree(d, ignore_errors=True)
        pytest.fail(f'the mail servers did not start:\n{out.stdout}\n{out.stderr}')
    try:
        yield json.loads(out.stdout)
    finally:
        subprocess.run(['python3', SCRIPT, 'stop', str(d)], check=False)
        shutil.rmtree(d, ignore_errors=True)


def folder(info, user, password, name):
    """Every message in a folder of `user`'s mailbox, parsed."""
    m = imaplib.IMAP4('127.0.0.1', info['imap'])
    m.login(user, password)
    m.select(name, readonly=True)
    _, data = m.search(None, 'ALL')
    out = []
    for n in data[0].split():
        _, parts = m.fetch(n, '(BODY.PEEK[])')
        out.append(email.message_from_bytes(parts[0][1], policy=email.policy.default))
    m.logout()
    return out


def test_an_email_complaint_is_answered_from_the_app_with_one_threaded_reply(app, fakebus, mail):
    by_testid(app, 'open-settings')[0].click()
    # The settings open after the click's round trip; their form is there when it is.
    wait_until(lambda: by_testid(app, 'email-address'), 'the settings to open')[0].send_keys(OWNER)
    imap, smtp = by_testid(app, 'email-imap')[0], by_testid(app, 'email-smtp')[0]
    imap.clear()
    imap.send_keys(f"imap://127.0.0.1:{mail['imap']}")
    smtp.clear()
    smtp.send_keys(f"smtp://127.0.0.1:{mail['smtp']}")
    by_testid(app, 'email-password')[0].send_keys(OWNER_PW)
    by_testid(app, 'email-add')[0].click()
    note = wait_until(lambda: by_testid(app, 'account-note') and by_testid(app, 'account-note')[0].text,
                      'the inbox to be added')
    assert OWNER in note, note
    by_testid(app, 'settings-close')[0].click()

    complaint_id = f'<{uuid.uuid4()}@example.test>'
    msg = email.message.EmailMessage()
    msg['From'] = f'Marta Quill <{CUSTOMER}>'
    msg['To'] = f'Brightside Coffee <{OWNER}>'
    msg['Subject'] = 'Cold coffee and no refund'
    msg['Message-ID'] = complaint_id
    msg.set_content('My order was cold and the shop refused a refund. I am very disappointed and want my money back.')
    with smtplib.SMTP('127.0.0.1', mail['smtp']) as s:
        s.login(CUSTOMER, CUSTOMER_PW)
        s.send_message(msg)

    call = notified(fakebus, 'Marta Quill')
    assert 'Email' in call['summary'], call
    row = wait_until(lambda: mention_by_author(app, CUSTOMER), 'the email in the inbox')
    row.click()
    wait_until(lambda: by_testid(app, 'reply-text'), 'the reply composer')
    assert not by_testid(app, 'reply-public'), 'an email is answered privately'
    by_testid(app, 'mark-done-on-send')[0].click()  # stay on this mention to see it sent
    send(app, 'Marta, we are sorry. We have refunded your order in full today.', private=False)

    replies = wait_until(lambda: folder(mail, CUSTOMER, CUSTOMER_PW, 'INBOX') or None, 'the reply in the customer\'s mailbox')
    assert len(replies) == 1, [r['Subject'] for r in replies]
    r = replies[0]
    assert r['In-Reply-To'] == complaint_id, r['In-Reply-To']
    assert complaint_id in r['References'], r['References']
    assert r['Subject'] == 'Re: Cold coffee and no refund', r['Subject']
    body = r.get_content()
    assert body.startswith('Marta, we are sorry.'), body
    assert '> My order was cold' in body, body
    sent = folder(mail, OWNER, OWNER_PW, 'Sent')
    assert [m['Message-ID'] for m in sent] == [r['Message-ID']]
