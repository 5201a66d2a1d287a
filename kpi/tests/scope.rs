//! Scopes and metric keys: round trips and clear refusals.

use kpi::{ClusterId, MemberId, MetricKey, RegionId, Scope, ScopeKind, VocabularyError};

#[test]
fn scope_keys_round_trip() {
    for scope in [
        Scope::Organization,
        Scope::Region(RegionId(3)),
        Scope::Cluster(ClusterId(12)),
        Scope::Member(MemberId(77)),
    ] {
        assert_eq!(Scope::parse(&scope.key()), Ok(scope));
    }
    assert_eq!(Scope::Cluster(ClusterId(12)).key(), "cluster-12");
    assert_eq!(Scope::Region(RegionId(3)).kind(), ScopeKind::Region);
    assert_eq!(ScopeKind::Organization.as_str(), "organization");
}

#[test]
fn bad_scope_keys_say_what_is_accepted() {
    for bad in [
        "",
        "cluster",
        "cluster-",
        "cluster-x",
        "cluster--1",
        "team-4",
        "cluster-99999999999",
    ] {
        let err = Scope::parse(bad).expect_err(bad);
        assert_eq!(err, VocabularyError::Scope(bad.to_owned()));
        assert!(err.to_string().contains("cluster-12"), "{err}");
    }
}

#[test]
fn scopes_cross_the_wire_unchanged() {
    let json = serde_json::to_string(&Scope::Cluster(ClusterId(12))).expect("serializes");
    assert_eq!(json, r#"{"kind":"cluster","id":12}"#);
    assert_eq!(
        serde_json::from_str::<Scope>(&json).expect("deserializes"),
        Scope::Cluster(ClusterId(12))
    );
    assert_eq!(
        serde_json::to_string(&Scope::Organization).expect("serializes"),
        r#"{"kind":"organization"}"#
    );
}

#[test]
fn metric_keys_are_checked_once_at_the_boundary() {
    for good in ["renewal_rate", "retention_12m", "nps"] {
        assert_eq!(MetricKey::parse(good).expect(good).as_str(), good);
    }
    for bad in [
        "",
        "x",
        "Renewal",
        "12m_retention",
        "renewal-rate",
        "renewal rate",
        &"a".repeat(49),
    ] {
        assert_eq!(
            MetricKey::parse(bad),
            Err(VocabularyError::MetricKey(bad.to_owned()))
        );
    }
    assert!(serde_json::from_str::<MetricKey>(r#""Bad-Key""#).is_err());
    assert_eq!(
        serde_json::to_string(&MetricKey::parse("renewal_rate").expect("valid")).expect("json"),
        r#""renewal_rate""#
    );
}
