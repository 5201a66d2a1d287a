//! What a widget may be pinned to, for the editor's choices and the widget's caption: the
//! dashboard's scope or the organization, a region or a cluster; the dashboard's period,
//! the one before, the same a year earlier, or one period.

use crate::{
    i18n::{Locale, Msg, t},
    models::{
        dashboard::{DashboardView, WidgetConfig, WidgetPeriod, WidgetScope},
        ids::{ClusterId, RegionId},
        validation::Choice,
    },
};

/// The choices of pins, their values those of [`WidgetScope::as_value`] and
/// [`WidgetPeriod::as_value`].
#[derive(Clone, Debug, PartialEq)]
pub struct PinChoices {
    /// Scopes: the dashboard's, the organization, every region, the clusters shown and
    /// those widgets are pinned to.
    pub scopes: Vec<Choice>,
    /// Periods: the dashboard's, the one before, a year earlier, then every period.
    pub periods: Vec<Choice>,
}

impl PinChoices {
    /// The choices for `data`'s widgets.
    pub fn of(locale: Locale, data: &DashboardView) -> Self {
        let choice = |value: String, msg: Msg| Choice {
            value,
            label: t(locale, msg).to_owned(),
        };
        let id = |value: &str| value.parse::<i32>().ok();
        let mut scopes = vec![
            choice(WidgetScope::Dashboard.as_value(), Msg::WidgetScopeDashboard),
            choice(
                WidgetScope::Organization.as_value(),
                Msg::WidgetScopeOrganization,
            ),
        ];
        scopes.extend(data.regions.iter().filter_map(|r| {
            Some(Choice {
                value: WidgetScope::Region(RegionId(id(&r.value)?)).as_value(),
                label: r.label.clone(),
            })
        }));
        scopes.extend(data.clusters.iter().filter_map(|c| {
            Some(Choice {
                value: WidgetScope::Cluster(ClusterId(id(&c.value)?)).as_value(),
                label: c.label.clone(),
            })
        }));
        for pinned in &data.pinned_clusters {
            if !scopes.iter().any(|s| s.value == pinned.value) {
                scopes.push(pinned.clone());
            }
        }
        let mut periods = vec![
            choice(
                WidgetPeriod::Dashboard.as_value(),
                Msg::WidgetPeriodDashboard,
            ),
            choice(WidgetPeriod::Previous.as_value(), Msg::WidgetPeriodPrevious),
            choice(
                WidgetPeriod::YearEarlier.as_value(),
                Msg::WidgetPeriodYearEarlier,
            ),
        ];
        periods.extend(data.periods.iter().map(|key| Choice {
            value: WidgetPeriod::Fixed(key.clone()).as_value(),
            label: key.clone(),
        }));
        Self { scopes, periods }
    }

    /// What `widget` is pinned to, in words ("Region North · The period before"); none
    /// when it follows the dashboard in both.
    pub fn caption(&self, widget: &WidgetConfig) -> Option<String> {
        let label = |choices: &[Choice], value: String| {
            choices
                .iter()
                .find(|c| c.value == value)
                .map_or(value, |c| c.label.clone())
        };
        let mut parts = Vec::new();
        if widget.scope != WidgetScope::Dashboard {
            parts.push(label(&self.scopes, widget.scope.as_value()));
        }
        match &widget.period {
            WidgetPeriod::Dashboard => {}
            WidgetPeriod::Fixed(key) => parts.push(key.clone()),
            relative => parts.push(label(&self.periods, relative.as_value())),
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}
