//! Reading statements back from the LRS for the team view: `GET {endpoint}/statements` per
//! activity (`activity`, `related_activities=true`, `since`), following the `more` links to the
//! end, with the same version header and Basic auth as the sender.

use std::collections::HashSet;

use serde_json::Value;

use super::config::{LrsConfig, LrsConfigError};
use super::send::base64;

/// Why the statements could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The settings are not usable.
    #[error(transparent)]
    Config(#[from] LrsConfigError),
    /// The LRS refused the key and secret.
    #[error("the LRS refused the key and secret (HTTP {0}); check them with `followthrough xapi config`")]
    Unauthorised(u16),
    /// The LRS could not be reached or answered with an error.
    #[error("the LRS could not be read ({0}); try again later")]
    Failed(String),
}

/// A connection for reading statements.
pub struct Reader {
    agent: ureq::Agent,
    statements_url: String,
    origin: String,
    authorization: String,
}

/// Statements per page asked for.
const PAGE: usize = 500;
/// No query follows more links than this (a looping `more` would otherwise never end).
const MAX_PAGES: usize = 10_000;

impl Reader {
    /// A reader for this LRS (refused unless https, or http on this machine).
    pub fn new(config: &LrsConfig) -> Result<Self, FetchError> {
        config.validate()?;
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(std::time::Duration::from_secs(60)))
            .user_agent(concat!("FollowThrough/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let statements_url = config.statements_url();
        let origin = origin_of(&statements_url);
        let authorization = format!("Basic {}", base64(format!("{}:{}", config.key, config.secret).as_bytes()));
        Ok(Self { agent, statements_url, origin, authorization })
    }

    /// Every statement about any of `activities` (as object or context activity), stored since
    /// `since` when given; each once, in the order first seen.
    pub fn statements(&self, activities: &[String], since: Option<jiff::Timestamp>) -> Result<Vec<Value>, FetchError> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for activity in activities {
            let mut url = self.first_page(activity, since);
            for _ in 0..MAX_PAGES {
                let page = self.get(&url)?;
                for s in page["statements"].as_array().into_iter().flatten() {
                    if seen.insert(s["id"].as_str().unwrap_or_default().to_string()) {
                        out.push(s.clone());
                    }
                }
                match page["more"].as_str().filter(|m| !m.is_empty()) {
                    Some(more) => url = self.resolve(more),
                    None => break,
                }
            }
        }
        Ok(out)
    }

    fn first_page(&self, activity: &str, since: Option<jiff::Timestamp>) -> String {
        let mut url = format!(
            "{}?activity={}&related_activities=true&ascending=true&limit={PAGE}",
            self.statements_url,
            query_encode(activity)
        );
        if let Some(since) = since {
            url.push_str(&format!("&since={}", query_encode(&since.to_string())));
        }
        url
    }

    /// A `more` link: absolute, or a path on the LRS's host.
    fn resolve(&self, more: &str) -> String {
        if more.starts_with("http://") || more.starts_with("https://") {
            more.to_string()
        } else if more.starts_with('/') {
            format!("{}{more}", self.origin)
        } else {
            format!("{}/{more}", self.origin)
        }
    }

    fn get(&self, url: &str) -> Result<Value, FetchError> {
        let mut response = self
            .agent
            .get(url)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", &self.authorization)
            .call()
            .map_err(|e| FetchError::Failed(e.to_string()))?;
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string().map_err(|e| FetchError::Failed(e.to_string()))?;
        match status {
            200 => serde_json::from_str(&text).map_err(|e| FetchError::Failed(format!("not a statement result: {e}"))),
            401 | 403 => Err(FetchError::Unauthorised(status)),
            _ => Err(FetchError::Failed(format!("HTTP {status}: {}", text.chars().take(300).collect::<String>()))),
        }
    }
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => format!("{scheme}://{}", rest.split('/').next().unwrap_or(rest)),
        None => url.to_string(),
    }
}

/// Percent-encode a query value (everything but RFC 3986's unreserved characters).
fn query_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_links_resolve_against_the_lrs_host() {
        let config =
            LrsConfig { endpoint: "https://lrs.example.org/data/xAPI/".into(), key: "k".into(), secret: "s".into() };
        let reader = Reader::new(&config).expect("reader");
        assert_eq!(
            reader.resolve("/data/xAPI/statements?more=2"),
            "https://lrs.example.org/data/xAPI/statements?more=2"
        );
        assert_eq!(reader.resolve("https://other.example.org/m"), "https://other.example.org/m");
        let first = reader.first_page("https://org.example/scenarios/a%20b", None);
        assert!(first.starts_with("https://lrs.example.org/data/xAPI/statements?activity=https%3A%2F%2Forg.example"));
        assert!(first.contains("related_activities=true"));
    }
}
