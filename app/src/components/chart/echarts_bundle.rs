//! The ECharts bundles the app serves (built by `vendor/build.mjs`): one per chart kind, for
//! pages that open with that kind alone, and one with every kind.

use crate::models::chart::ChartKind;

/// One of the ECharts bundles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EchartsBundle {
    /// The bundle drawing one chart kind.
    Kind(ChartKind),
    /// The bundle drawing every kind.
    All,
}

impl EchartsBundle {
    /// The name the bundle registers under in the browser (`trend`, ..., `all`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Kind(kind) => kind.as_str(),
            Self::All => "all",
        }
    }

    /// Where the app serves the bundle.
    pub fn src(self) -> String {
        match self {
            Self::Kind(kind) => format!("/echarts-{}.min.js", kind.as_str()),
            Self::All => "/echarts.min.js".to_owned(),
        }
    }

    /// Whether `path` is where the app serves one of the bundles.
    pub fn is_src(path: &str) -> bool {
        path == "/echarts.min.js"
            || path
                .strip_prefix("/echarts-")
                .and_then(|rest| rest.strip_suffix(".min.js"))
                .is_some_and(|kind| ChartKind::parse(kind).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundle_is_found_at_its_address_and_nothing_else_is() {
        for bundle in ChartKind::ALL
            .map(EchartsBundle::Kind)
            .into_iter()
            .chain([EchartsBundle::All])
        {
            assert!(EchartsBundle::is_src(&bundle.src()), "{bundle:?}");
        }
        for path in [
            "/echarts-pie.min.js",
            "/echarts-.min.js",
            "/echarts-trend.js",
            "/echarts",
        ] {
            assert!(!EchartsBundle::is_src(path), "{path}");
        }
    }
}
