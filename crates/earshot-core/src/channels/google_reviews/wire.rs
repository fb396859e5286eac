//! Google Business Profile objects as they arrive (see `fixtures/google_business/`): reviews
//! (v4 `accounts.locations.reviews`), locations (Business Information API v1) and Google's
//! error and token bodies.

use serde::Deserialize;

/// `reviews.list`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewList {
    /// The reviews, newest update first with `orderBy=updateTime desc`.
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// The location's average.
    #[serde(default)]
    pub average_rating: Option<f64>,
    /// How many reviews the location has.
    #[serde(default)]
    pub total_review_count: Option<i64>,
    /// The next page.
    #[serde(default)]
    pub next_page_token: Option<String>,
}

/// One review.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    /// `accounts/{a}/locations/{l}/reviews/{r}`.
    #[serde(default)]
    pub name: Option<String>,
    /// `{r}`.
    #[serde(default)]
    pub review_id: Option<String>,
    /// Who wrote it.
    #[serde(default)]
    pub reviewer: Option<Reviewer>,
    /// `ONE` … `FIVE`.
    #[serde(default)]
    pub star_rating: Option<String>,
    /// The text (absent for a rating without words).
    #[serde(default)]
    pub comment: Option<String>,
    /// RFC 3339.
    #[serde(default)]
    pub create_time: Option<String>,
    /// RFC 3339; moves when the reviewer edits.
    #[serde(default)]
    pub update_time: Option<String>,
    /// The owner's reply.
    #[serde(default)]
    pub review_reply: Option<ReviewReply>,
}

/// The reviewer.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reviewer {
    /// Photo.
    #[serde(default)]
    pub profile_photo_url: Option<String>,
    /// Name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Anonymous reviews carry no name.
    #[serde(default)]
    pub is_anonymous: bool,
}

/// The owner's reply.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewReply {
    /// Its text.
    #[serde(default)]
    pub comment: Option<String>,
    /// When it was last written.
    #[serde(default)]
    pub update_time: Option<String>,
}

/// `accounts.locations.list` (Business Information API).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocationList {
    /// The locations.
    #[serde(default)]
    pub locations: Vec<Location>,
    /// The next page.
    #[serde(default)]
    pub next_page_token: Option<String>,
}

/// A location.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Location {
    /// `locations/{l}`.
    #[serde(default)]
    pub name: Option<String>,
    /// Its name for people.
    #[serde(default)]
    pub title: Option<String>,
}

/// Google's error body.
#[derive(Debug, Default, Deserialize)]
pub struct ErrorBody {
    /// The error.
    #[serde(default)]
    pub error: GoogleError,
}

/// The error inside.
#[derive(Debug, Default, Deserialize)]
pub struct GoogleError {
    /// HTTP code.
    #[serde(default)]
    pub code: i64,
    /// What went wrong.
    #[serde(default)]
    pub message: String,
    /// `UNAUTHENTICATED`, `RESOURCE_EXHAUSTED`, `PERMISSION_DENIED`…
    #[serde(default)]
    pub status: Option<String>,
}
