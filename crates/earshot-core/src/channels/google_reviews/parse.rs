//! Reviews → mentions. A review is one mention; when the reviewer changes it, the changed
//! review is a new mention of its own (the owner's attention is needed again), keyed by the
//! review and its update time.

use super::wire::Review;
use crate::model::{Author, Channel, Kind, Mention};

/// `ONE` … `FIVE` as a number.
pub fn stars(s: &str) -> Option<u8> {
    match s {
        "ONE" => Some(1),
        "TWO" => Some(2),
        "THREE" => Some(3),
        "FOUR" => Some(4),
        "FIVE" => Some(5),
        _ => None,
    }
}

/// ★★☆☆☆.
pub fn star_line(n: u8) -> String {
    let n = n.min(5) as usize;
    format!("{}{}", "★".repeat(n), "☆".repeat(5 - n))
}

fn time(s: Option<&str>) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(s?)
        .ok()
        .map(|d| d.timestamp())
}

/// The review's id and update time.
pub fn key(r: &Review) -> Option<(String, i64)> {
    let id = r
        .review_id
        .clone()
        .or_else(|| {
            r.name
                .as_deref()
                .and_then(|n| n.rsplit('/').next())
                .map(str::to_string)
        })
        .filter(|i| !i.is_empty())?;
    let updated = time(r.update_time.as_deref())
        .or(time(r.create_time.as_deref()))
        .unwrap_or(0);
    Some((id, updated))
}

/// A review of `location` (`accounts/{a}/locations/{l}`, titled `title`) as a mention;
/// `edited` when it is the changed version of one seen before.
pub fn review_to_mention(
    r: &Review,
    location: &str,
    title: &str,
    edited: bool,
    now: i64,
) -> Option<Mention> {
    let (id, updated) = key(r)?;
    let rating = r.star_rating.as_deref().and_then(stars);
    let external = if edited {
        format!("{id}@{updated}")
    } else {
        id.clone()
    };
    let mut m = Mention::new(
        Channel::GoogleReviews,
        external,
        r.comment.clone().unwrap_or_default(),
    );
    m.created_at = if edited {
        updated
    } else {
        time(r.create_time.as_deref()).unwrap_or(updated.max(0))
    };
    if m.created_at == 0 {
        m.created_at = now;
    }
    m.fetched_at = now;
    let reviewer = r.reviewer.clone().unwrap_or_default();
    m.author = Author {
        handle: match reviewer.display_name.filter(|n| !n.trim().is_empty()) {
            Some(n) if !reviewer.is_anonymous => n,
            _ => "Anonymous reviewer".into(),
        },
        ..Author::default()
    };
    m.title = Some(format!(
        "{}{} {} of {title}",
        rating.map(star_line).unwrap_or_default(),
        if rating.is_some() { "" } else { "Unrated" },
        if edited { "edited review" } else { "review" },
    ));
    m.url = Some(format!(
        "https://business.google.com/reviews?review={}",
        url::form_urlencoded::byte_serialize(id.as_bytes()).collect::<String>()
    ));
    m.remote.kind = Some(if edited {
        Kind::EditedReview
    } else {
        Kind::Review
    });
    m.remote.rating = rating;
    m.remote.to_owner = true;
    m.remote.post_id = Some(location.to_string());
    m.remote.post_text = Some(title.to_string());
    m.remote.owner_reply = r.review_reply.as_ref().and_then(|x| x.comment.clone());
    m.thread_root = Some(id);
    Some(m)
}

/// A review that was there and is gone: the reviewer deleted it (or Google removed it).
pub fn deleted_review(
    id: &str,
    seen: &super::Seen,
    location: &str,
    title: &str,
    now: i64,
) -> Mention {
    let stars = seen.rating.map(star_line).unwrap_or_default();
    let mut m = Mention::new(
        Channel::GoogleReviews,
        format!("{id}@deleted"),
        format!("{} deleted their {stars} review of {title}.", seen.reviewer).replace("  ", " "),
    );
    m.title = Some(format!("Deleted: {stars} review of {title}").replace("  ", " "));
    m.created_at = now;
    m.fetched_at = now;
    m.author = Author {
        handle: seen.reviewer.clone(),
        ..Author::default()
    };
    m.remote.kind = Some(Kind::DeletedReview);
    m.remote.to_owner = true;
    m.remote.post_id = Some(location.to_string());
    m.remote.post_text = Some(title.to_string());
    m.thread_root = Some(id.to_string());
    m
}

/// The review's resource name, for replying: `accounts/{a}/locations/{l}/reviews/{r}`.
pub fn review_name(m: &Mention) -> Option<String> {
    Some(format!(
        "{}/reviews/{}",
        m.remote.post_id.as_deref()?,
        m.thread_root.as_deref()?
    ))
}

/// A `reviews.list` body → mentions (each as first seen).
pub fn parse_reviews(
    body: &[u8],
    location: &str,
    title: &str,
    now: i64,
) -> Result<Vec<Mention>, crate::channels::ChannelError> {
    let list: super::wire::ReviewList = serde_json::from_slice(body)
        .map_err(|e| crate::channels::ChannelError::Malformed(format!("Google reviews: {e}")))?;
    Ok(list
        .reviews
        .iter()
        .filter_map(|r| review_to_mention(r, location, title, false, now))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::fixture;

    #[test]
    fn the_documented_review_list_parses() {
        let body = fixture("google_business", "reviews_list_response_assembled.json");
        let list: super::super::wire::ReviewList = serde_json::from_slice(&body).unwrap();
        assert_eq!(list.total_review_count, Some(2));
        assert_eq!(list.next_page_token.as_deref(), Some("{nextPageToken}"));
        let loc = "accounts/1/locations/2";
        let got: Vec<Mention> = list
            .reviews
            .iter()
            .filter_map(|r| review_to_mention(r, loc, "Brightside", false, 9))
            .collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].remote.rating, Some(5));
        assert_eq!(
            got[0].remote.owner_reply.as_deref(),
            Some("{reply comment}")
        );
        assert_eq!(got[0].created_at, 1_412_262_083);
        assert_eq!(got[1].remote.rating, Some(2));
        assert_eq!(got[1].author.handle, "Anonymous reviewer");
        assert_eq!(got[1].title.as_deref(), Some("★★☆☆☆ review of Brightside"));
        assert_eq!(
            review_name(&got[1]).as_deref(),
            Some("accounts/1/locations/2/reviews/{reviewId2}")
        );
        let edited = review_to_mention(&list.reviews[1], loc, "Brightside", true, 9).unwrap();
        assert_eq!(edited.external_id, "{reviewId2}@1412262083");
        assert_eq!(edited.remote.kind, Some(Kind::EditedReview));
        assert_eq!(review_name(&edited), review_name(&got[1]));
    }

    #[test]
    fn stars_read_and_draw() {
        assert_eq!(stars("ONE"), Some(1));
        assert_eq!(stars("STAR_RATING_UNSPECIFIED"), None);
        assert_eq!(star_line(1), "★☆☆☆☆");
    }
}
