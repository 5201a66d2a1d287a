//! Sign-in rate limiting per client address: at most [`ATTEMPTS`] sign-in (and password
//! reset) posts per [`WINDOW`] from one address, whatever the accounts tried. The
//! per-account lockout (`domain::account`) stops guessing one password; this stops one
//! client spraying many accounts.

use std::{
    collections::{HashMap, VecDeque},
    net::{IpAddr, SocketAddr},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use app::error::AppError;
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Attempts allowed per window from one address, unless configured otherwise.
pub const ATTEMPTS: usize = 10;
/// The window.
pub const WINDOW: Duration = Duration::from_secs(60);
/// The paths limited.
const LIMITED: &[&str] = &["/api/account/sign-in", "/api/account/reset"];

/// Recent attempts per client address, shared by all requests.
#[derive(Clone, Debug)]
pub struct SignInLimiter {
    recent: Arc<Mutex<HashMap<IpAddr, VecDeque<Instant>>>>,
    attempts: usize,
    forwarded_for: bool,
}

impl Default for SignInLimiter {
    fn default() -> Self {
        Self::new(ATTEMPTS, false)
    }
}

impl SignInLimiter {
    /// A limiter allowing `attempts` per minute (0: no limit); with `forwarded_for`, the
    /// client is the last address of `X-Forwarded-For` (set only behind a proxy you run,
    /// which appends the real client's address).
    pub fn new(attempts: usize, forwarded_for: bool) -> Self {
        Self {
            recent: Arc::default(),
            attempts,
            forwarded_for,
        }
    }

    /// Records an attempt from `ip` at `now`; the wait until the next allowed attempt
    /// when the window is full.
    pub fn attempt(&self, ip: IpAddr, now: Instant) -> Option<Duration> {
        // A poisoned lock only means another request panicked mid-update: the counts
        // are still usable.
        if self.attempts == 0 {
            return None;
        }
        let mut map = self
            .recent
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Forget addresses whose attempts all left the window, so the map stays small.
        map.retain(|_, times| {
            times
                .back()
                .is_some_and(|t| now.duration_since(*t) < WINDOW)
        });
        let times = map.entry(ip).or_default();
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= WINDOW)
        {
            times.pop_front();
        }
        if times.len() >= self.attempts {
            let oldest = times.front().copied().unwrap_or(now);
            return Some(WINDOW.saturating_sub(now.duration_since(oldest)));
        }
        times.push_back(now);
        None
    }
}

/// Answers 429 with `Retry-After` once an address has used up its attempts. Requests
/// without a known client address (in-process tests) are not limited.
pub async fn limit_sign_ins(
    State(limiter): State<SignInLimiter>,
    request: Request,
    next: Next,
) -> Response {
    let limited = request.method() == Method::POST && LIMITED.contains(&request.uri().path());
    let forwarded = limiter
        .forwarded_for
        .then(|| request.headers().get("x-forwarded-for"))
        .flatten()
        .and_then(|value| value.to_str().ok())
        .and_then(|list| list.rsplit(',').next())
        .and_then(|last| last.trim().parse::<IpAddr>().ok());
    let client = forwarded.or_else(|| {
        request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip())
    });
    if let (true, Some(ip)) = (limited, client)
        && let Some(wait) = limiter.attempt(ip, Instant::now())
    {
        let seconds = wait.as_secs().max(1);
        tracing::warn!(%ip, "sign-in attempts limited");
        let body =
            serde_json::to_string(&AppError::TooManyAttempts { seconds }).unwrap_or_default();
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [
                (header::RETRY_AFTER, seconds.to_string()),
                (header::CONTENT_TYPE, "application/json".to_owned()),
            ],
            body,
        )
            .into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eleventh_attempt_in_a_minute_waits_and_other_addresses_do_not() {
        let limiter = SignInLimiter::default();
        let start = Instant::now();
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        for i in 0..ATTEMPTS {
            assert_eq!(
                limiter.attempt(a, start + Duration::from_secs(i as u64)),
                None
            );
        }
        let wait = limiter.attempt(a, start + Duration::from_secs(20));
        assert_eq!(wait, Some(Duration::from_secs(40)));
        assert_eq!(limiter.attempt(b, start + Duration::from_secs(20)), None);
        // Once the first attempt has left the window, one more is allowed.
        assert_eq!(limiter.attempt(a, start + Duration::from_secs(61)), None);
    }

    #[test]
    fn a_limit_of_zero_limits_nothing() {
        let limiter = SignInLimiter::new(0, false);
        let ip: IpAddr = [10, 0, 0, 1].into();
        for _ in 0..100 {
            assert_eq!(limiter.attempt(ip, Instant::now()), None);
        }
    }
}
