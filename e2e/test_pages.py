"""The real Earshot app against the simulator's Facebook Page and Google reviews: an angry
comment notifies, is answered publicly and then privately from the app, and a one-star review is
answered, each reaching the network exactly once."""
from conftest import wait_until
from test_app import by_testid, mention_by_author, sim_call


def notified(fakebus, who):
    return wait_until(lambda: next((c for c in fakebus.notifications.calls if who in c['summary']), None),
                      f'a desktop notification naming {who}')


def send(app, text, private):
    """Types `text` in the composer and sends it (confirming the pre-send check if it asks);
    waits until this mention shows one more reply as sent."""
    sent_before = len([r for r in by_testid(app, 'reply') if r.get_attribute('data-state') == 'sent'])
    if private:
        by_testid(app, 'reply-private')[0].click()
    box = by_testid(app, 'reply-text')[0]
    box.clear()
    box.send_keys(text)
    by_testid(app, 'send-reply')[0].click()

    def done():
        if by_testid(app, 'presend-send'):
            by_testid(app, 'presend-send')[0].click()
            return False
        return len([r for r in by_testid(app, 'reply') if r.get_attribute('data-state') == 'sent']) > sent_before
    wait_until(done, f'the {"private" if private else "public"} reply to show as sent')


def accepted(app, end, field, value):
    return [w for w in sim_call(app, 'GET', '/_sim/writes')
            if w['accepted'] and w['path'].endswith(end) and w['body'].get(field) == value]


def test_an_angry_facebook_comment_is_answered_publicly_then_privately_once_each(app, fakebus):
    comment = sim_call(app, 'POST', '/_sim/post', {
        'net': 'facebook', 'handle': 'Rita Vance',
        'text': 'Brightside charged my card twice for one latte and nobody answers the phone. I want my money back!'})
    call = notified(fakebus, 'Rita Vance')
    assert 'Facebook' in call['summary'] and call['urgency'] == 2, call

    row = wait_until(lambda: mention_by_author(app, 'Rita Vance'), 'the comment in the inbox')
    assert 'comment' in row.text
    row.click()
    wait_until(lambda: by_testid(app, 'detail-post'), 'the post the comment is on')
    assert by_testid(app, 'detail-post')[0].text.startswith('On: Our autumn menu')
    wait_until(lambda: by_testid(app, 'reply-text'), 'the reply composer')
    by_testid(app, 'mark-done-on-send')[0].click()  # stay on this mention to send twice
    send(app, 'Rita, we are so sorry. We have sent you a message to sort out the refund.', private=False)
    send(app, 'Hi Rita, please reply with the time of your order and we will refund the second charge today.', private=True)

    public = accepted(app, '/comments', 'object', comment['id'])
    private = accepted(app, '/me/messages', 'comment_id', comment['id'])
    assert len(public) == 1 and len(private) == 1, (public, private)
    assert public[0]['body']['message'].startswith('Rita, we are so sorry')
    assert private[0]['body']['text'].startswith('Hi Rita')


def test_a_one_star_google_review_is_answered_once(app, fakebus):
    review = sim_call(app, 'POST', '/_sim/post', {
        'net': 'google_reviews', 'handle': 'Nora Quill', 'rating': 1,
        'text': 'Cold coffee, a sticky table and a rude barista at Division St.'})
    notified(fakebus, 'Nora Quill')
    row = wait_until(lambda: mention_by_author(app, 'Nora Quill'), 'the review in the inbox')
    assert '★☆☆☆☆' in row.text
    row.click()
    reasons = wait_until(lambda: by_testid(app, 'detail-reasons')[0].text, 'the reasons')
    assert '1-star review' in reasons, reasons
    wait_until(lambda: by_testid(app, 'reply-text'), 'the reply composer')
    assert not by_testid(app, 'reply-private'), 'Google reviews take public replies only'
    by_testid(app, 'mark-done-on-send')[0].click()
    send(app, 'Nora, thank you for telling us. This is not the visit we want for you; please ask for Sam next time.', private=False)
    writes = accepted(app, '/reply', 'review', review['id'])
    assert len(writes) == 1 and writes[0]['body']['method'] == 'PUT', writes


def test_a_reddit_complaint_is_answered_from_the_app_once(app, fakebus):
    post = sim_call(app, 'POST', '/_sim/post', {
        'net': 'reddit', 'kind': 't1', 'handle': 'fuming_fran',
        'text': 'Brightside Coffee double charged me and ignored two emails. Avoid until they fix it.'})
    notified(fakebus, 'fuming_fran')
    row = wait_until(lambda: mention_by_author(app, 'u/fuming_fran'), 'the Reddit comment in the inbox')
    row.click()
    wait_until(lambda: by_testid(app, 'reply-text'), 'the reply composer')
    by_testid(app, 'mark-done-on-send')[0].click()
    send(app, 'Fran, that should never happen. We have refunded the double charge; check your email.', private=False)
    fullname = f"t1_{post['id']}"
    writes = [w for w in sim_call(app, 'GET', '/_sim/writes')
              if w['net'] == 'reddit' and w['accepted'] and w['path'] == '/api/comment' and w['body']['thing_id'] == fullname]
    assert len(writes) == 1, writes
    assert writes[0]['body']['text'].startswith('Fran, that should never happen')


def test_an_x_post_the_api_cannot_answer_says_why_and_offers_the_browser(app, fakebus):
    sim_call(app, 'POST', '/_sim/post', {
        'net': 'x', 'handle': 'loud_lena', 'followers': 90000, 'verified': True,
        'text': 'Brightside Coffee lost my order twice this week. Not impressed.'})
    row = wait_until(lambda: mention_by_author(app, '@loud_lena'), 'the X post in the inbox')
    row.click()
    why = wait_until(lambda: by_testid(app, 'reply-elsewhere') and by_testid(app, 'reply-elsewhere')[0].text,
                     'the reason X will not take the reply')
    assert 'mention or quote your account' in why, why
    assert not by_testid(app, 'send-reply'), 'no Reply button X would refuse'
    by_testid(app, 'reply-text')[0].send_keys('Lena, so sorry. Could you DM us your order number?')
    assert by_testid(app, 'open-elsewhere')[0].is_enabled()
    # A private message is still possible from the app.
    by_testid(app, 'reply-private')[0].click()
    wait_until(lambda: by_testid(app, 'send-reply'), 'the Send message button')
