//! Recording a media item.

use leptos::prelude::*;

use crate::{error::AppError, models::media::MediaForm};

/// Records `item` for its cluster: staff for any cluster, a leader for their own. Every
/// field is checked again here (the form checks them first); a refused item says what
/// to fix and writes nothing. The KPIs follow at once.
#[server(endpoint = "media/record")]
pub async fn record_media(item: MediaForm) -> Result<(), AppError> {
    use chrono::NaiveDate;
    use domain::{
        entity::media_item::MediaKind,
        media_coverage::{MediaCoverage, MediaDraft},
    };

    use crate::models::ids::ClusterId;

    let user = crate::auth::require_user()?;
    let db = crate::auth::database()?;
    let locale = crate::providers::locale::request_locale();
    crate::auth::require_cluster(&user, &db, ClusterId(item.cluster)).await?;
    let mut problems = Vec::new();
    let published_on = NaiveDate::parse_from_str(item.published_on.trim(), "%Y-%m-%d").ok();
    if published_on.is_none() {
        problems.push(format!(
            "published on: {:?} is not a date (YYYY-MM-DD)",
            item.published_on
        ));
    }
    let kind = match item.kind.as_str() {
        "mention" => Some(MediaKind::Mention),
        "press_release" => Some(MediaKind::PressRelease),
        "social_post" => Some(MediaKind::SocialPost),
        other => {
            problems.push(format!(
                "kind: {other:?} is not a mention, press release or social post"
            ));
            None
        }
    };
    let reach = crate::i18n::parse_number(locale, &item.reach)
        .filter(|r| r.fract() == 0.0)
        .map(|r| r as i64);
    if reach.is_none() {
        problems.push(format!("reach: {:?} is not a whole number", item.reach));
    }
    let (Some(published_on), Some(kind), Some(reach), true) =
        (published_on, kind, reach, problems.is_empty())
    else {
        return Err(AppError::Refused(problems).respond());
    };
    let today = chrono::Local::now().date_naive();
    MediaCoverage::record(
        &db,
        ClusterId(item.cluster),
        MediaDraft {
            published_on,
            outlet: item.outlet,
            kind,
            reach,
            title: item.title,
        },
        today,
    )
    .await?;
    Ok(())
}
