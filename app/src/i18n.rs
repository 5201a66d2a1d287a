//! The one translation layer: every user-facing string is a [`Msg`] rendered by [`t`],
//! and numbers and dates are formatted for the [`Locale`]. English first; German follows.

pub mod definition_words;

use chrono::{Datelike, NaiveDate};

/// A language the UI speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// German.
    De,
}

impl Locale {
    /// The BCP 47 tag written into `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
        }
    }

    /// The locale for a language tag such as `de-AT`; English for anything unknown.
    pub fn from_tag(tag: &str) -> Self {
        match tag.trim().get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("de") => Self::De,
            _ => Self::En,
        }
    }

    /// The first supported language of an `Accept-Language` header, by preference.
    pub fn from_accept_language(header: &str) -> Self {
        let mut ranked: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                Some((quality, tag))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked
            .into_iter()
            .map(|(_, tag)| tag)
            .find(|tag| matches!(tag.get(..2), Some("en" | "de")))
            .map_or(Self::En, Self::from_tag)
    }
}

/// Every user-facing text of the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Page description for search engines and link previews.
    MetaDescription,
    /// Link that skips the navigation.
    SkipToContent,
    /// Label of the main navigation.
    MainNavigation,
    /// Navigation: the organization overview.
    NavOrganization,
    /// Title of the organization overview.
    OrganizationTitle,
    /// Lead text of the organization overview.
    OrganizationLead,
    /// Statistic: regions.
    StatRegions,
    /// Statistic: clusters.
    StatClusters,
    /// Statistic: active members.
    StatMembers,
    /// "As of" before a date.
    AsOf,
    /// Column: cluster.
    ColumnCluster,
    /// Column: city.
    ColumnCity,
    /// Column: members.
    ColumnMembers,
    /// Column: leader.
    ColumnLeader,
    /// Shown where a cluster has no leader.
    NoLeader,
    /// Label of the cluster search.
    SearchLabel,
    /// Placeholder of the cluster search.
    SearchPlaceholder,
    /// Shown when the search matches no cluster.
    NoMatch,
    /// Shown when the organization has no clusters yet.
    EmptyOrganization,
    /// Clusters, after a count.
    ClustersUnit,
    /// Members, after a count.
    MembersUnit,
    /// Shown while data loads (for screen readers).
    Loading,
    /// Shown when data could not be loaded.
    LoadFailed,
    /// Button that tries again.
    Retry,
    /// Title of the not-found page.
    NotFoundTitle,
    /// Text of the not-found page.
    NotFoundText,
    /// Link back to the start page.
    BackHome,
    /// Title of the sign-in page.
    SignInTitle,
    /// Lead text of the sign-in page.
    SignInLead,
    /// Label: e-mail address.
    EmailLabel,
    /// Label: password.
    PasswordLabel,
    /// Button that signs in.
    SignInButton,
    /// Button that signs out.
    SignOutButton,
    /// Sign-in refused.
    WrongCredentials,
    /// Shown when the session ended.
    SignInRequired,
    /// Shown when the role does not allow a page or action.
    Forbidden,
    /// Navigation: the KPI validation queue.
    NavValidation,
    /// Navigation: the metric catalogue.
    NavMetrics,
    /// Signal: green.
    SignalGreen,
    /// Signal: amber.
    SignalAmber,
    /// Signal: red.
    SignalRed,
    /// No value, so no signal.
    SignalNone,
    /// Value status: computed.
    StatusComputed,
    /// Value status: stale.
    StatusStale,
    /// Value status: validated.
    StatusValidated,
    /// Value status: rejected.
    StatusRejected,
    /// Value status: overridden.
    StatusOverridden,
    /// Value status: not applicable.
    StatusNotApplicable,
    /// Title of the validation queue.
    ValidationTitle,
    /// Lead of the validation queue.
    ValidationLead,
    /// Filter label: period.
    FilterPeriod,
    /// Filter label: region.
    FilterRegion,
    /// Filter label: metric group.
    FilterGroup,
    /// Filter label: which values.
    FilterShow,
    /// Filter option: everything.
    FilterAll,
    /// Filter option: values awaiting a decision.
    ShowAwaiting,
    /// Filter option: decided values.
    ShowDecided,
    /// Button applying filters.
    ApplyFilters,
    /// Column: metric.
    ColumnMetric,
    /// Column: value.
    ColumnValue,
    /// Column: numerator and denominator.
    ColumnBasis,
    /// Column: signal.
    ColumnSignal,
    /// Column: status.
    ColumnStatus,
    /// Column: actions.
    ColumnActions,
    /// Button: validate one value.
    ValidateButton,
    /// Link to a value's explanation.
    ExplainLink,
    /// Opens the other decisions on a value.
    DecideSummary,
    /// Label: kind of decision.
    DecisionLabel,
    /// Decision: reject.
    DecisionReject,
    /// Decision: override with a corrected value.
    DecisionOverride,
    /// Decision: not applicable.
    DecisionNotApplicable,
    /// Decision: back to undecided.
    DecisionReopen,
    /// Label: corrected value.
    CorrectedValueLabel,
    /// Label: reason.
    ReasonLabel,
    /// Button: save a decision.
    SaveDecision,
    /// Shown when a period is closed.
    PeriodClosed,
    /// Button: close the period.
    ClosePeriodButton,
    /// Button: restate a closed period.
    RestatePeriodButton,
    /// Shown when the queue has nothing for the filters.
    QueueEmpty,
    /// Shown when no KPI values exist.
    NoValuesYet,
    /// Pagination: previous page.
    PreviousPage,
    /// Pagination: next page.
    NextPage,
    /// After a decision.
    ValuesChanged,
    /// Metric group: cluster.
    GroupCluster,
    /// Metric group: cluster leader.
    GroupClusterLeader,
    /// Metric group: community.
    GroupCommunity,
    /// Title of a value's explanation.
    ExplainTitle,
    /// Label: numerator.
    ExplainNumerator,
    /// Label: denominator.
    ExplainDenominator,
    /// Heading: the definition in words.
    ExplainDefinition,
    /// Heading: the fact rows.
    ExplainFacts,
    /// Heading: decisions on the value.
    ExplainHistory,
    /// No decisions yet.
    ExplainNoHistory,
    /// A measure without rows.
    ExplainNoRows,
    /// Column: when.
    ColumnWhen,
    /// Column: who.
    ColumnWho,
    /// Column: value before.
    ColumnBefore,
    /// Column: value after.
    ColumnAfter,
    /// Column: reason.
    ColumnReason,
    /// Link back to the validation queue.
    BackToQueue,
    /// Title of the metric catalogue.
    MetricsTitle,
    /// Lead of the metric catalogue.
    MetricsLead,
    /// Link: create a metric.
    NewMetric,
    /// Column: group.
    ColumnGroup,
    /// Column: unit.
    ColumnUnit,
    /// Column: owner.
    ColumnOwner,
    /// Column: version.
    ColumnVersion,
    /// Badge: obligatory metric.
    Obligatory,
    /// Badge: optional metric.
    Optional,
    /// Badge: retired metric.
    Retired,
    /// Link: edit.
    EditLink,
    /// Title of the metric editor.
    EditMetricTitle,
    /// Title of the editor for a new metric.
    NewMetricTitle,
    /// Label: metric key.
    KeyLabel,
    /// Label: name.
    NameLabel,
    /// Label: description.
    DescriptionLabel,
    /// Label: unit.
    UnitLabel,
    /// Label: lower values are better.
    LowerIsBetterLabel,
    /// Label: green threshold.
    GreenLabel,
    /// Label: amber threshold.
    AmberLabel,
    /// Label: obligatory.
    ObligatoryLabel,
    /// Label: yearly values only.
    YearlyOnlyLabel,
    /// Label: owner.
    OwnerLabel,
    /// Label: definition.
    DefinitionLabel,
    /// Help under the definition.
    DefinitionHelp,
    /// Button: save the metric.
    SaveMetric,
    /// Button: retire the metric.
    RetireMetric,
    /// Button: restore a retired metric.
    RestoreMetric,
    /// Link back to the metric catalogue.
    BackToMetrics,
    /// Shown while saving.
    Saving,
    /// Unit: percent.
    UnitPercent,
    /// Unit: count.
    UnitCount,
    /// Unit: average.
    UnitAverage,
    /// Unit: hours.
    UnitHours,
    /// Unit: money.
    UnitMoney,
    /// Unit: yes or no.
    UnitBoolean,
    /// Heading: data completeness.
    CompletenessHeading,
    /// Completeness input: activity self-reports.
    InputSelfReports,
    /// Completeness input: committee calls.
    InputCommitteeCalls,
    /// Completeness input: goals.
    InputGoals,
    /// No inputs were expected.
    CompletenessNothingExpected,
    /// Navigation: the cluster's plan (optional metrics and targets).
    NavPlan,
    /// Title of the plan page.
    PlanTitle,
    /// Lead of the plan page.
    PlanLead,
    /// Filter label: cluster.
    FilterCluster,
    /// Filter label: fiscal year.
    FilterYear,
    /// Column: tracked this year.
    ColumnTracked,
    /// Column: default thresholds.
    ColumnDefault,
    /// Column: the cluster's target.
    ColumnTarget,
    /// Button: save the plan.
    SavePlan,
    /// After saving the plan.
    PlanSaved,
    /// Column: obligatory or optional.
    ColumnRequirement,
    /// Navigation: the member's self-reports.
    NavMyReports,
    /// Navigation: the staff's self-report queue.
    NavReportQueue,
    /// Title of the member's self-report page.
    MyReportsTitle,
    /// Lead of the member's self-report page.
    MyReportsLead,
    /// Heading: the form for a new report.
    NewReport,
    /// Label: kind of report.
    KindLabel,
    /// Report kind: activity.
    KindActivity,
    /// Report kind: event participation.
    KindEventParticipation,
    /// Report kind: volunteer hours.
    KindVolunteerHours,
    /// Label: month.
    MonthLabel,
    /// Label: hours.
    HoursLabel,
    /// Label: what was done.
    WhatLabel,
    /// Button: send the report.
    SendReport,
    /// After sending a report.
    ReportSent,
    /// Report status: expected.
    ReportExpected,
    /// Report status: submitted.
    ReportSubmitted,
    /// Report status: verified.
    ReportVerified,
    /// Report status: rejected.
    ReportRejected,
    /// The member has no reports.
    NoReports,
    /// Column: month.
    ColumnMonth,
    /// Column: kind.
    ColumnKind,
    /// Column: hours.
    ColumnHours,
    /// Column: member.
    ColumnMember,
    /// Column: description.
    ColumnDescription,
    /// Title of the staff self-report queue.
    ReportQueueTitle,
    /// Lead of the staff self-report queue.
    ReportQueueLead,
    /// Button: verify one report.
    VerifyButton,
    /// Button: verify the selected reports.
    VerifySelected,
    /// Button: reject a report.
    RejectButton,
    /// Accessible label of a report's checkbox.
    SelectReport,
    /// Nothing waits for staff.
    QueueNothing,
    /// Navigation: user administration.
    NavUsers,
    /// Navigation: the user's own account.
    NavAccount,
    /// Title of user administration.
    UsersTitle,
    /// Lead of user administration.
    UsersLead,
    /// Heading: invite a user.
    InviteHeading,
    /// Label: role.
    RoleLabel,
    /// Role: admin.
    RoleAdmin,
    /// Role: staff.
    RoleStaff,
    /// Role: cluster leader.
    RoleLeader,
    /// Role: member.
    RoleMember,
    /// Label: member number.
    MemberNumberLabel,
    /// Button: invite.
    InviteButton,
    /// Shown with a one-time link.
    LinkShownOnce,
    /// Button: issue a reset link.
    ResetLinkButton,
    /// Button: deactivate a user.
    DeactivateButton,
    /// Button: reactivate a user.
    ReactivateButton,
    /// Opens the role change form.
    ChangeRoleSummary,
    /// Button: change the role.
    ChangeRoleButton,
    /// Badge: deactivated account.
    Inactive,
    /// Column: user.
    ColumnUser,
    /// Column: role.
    ColumnRole,
    /// Title of the account page.
    AccountTitle,
    /// Label: current password.
    CurrentPasswordLabel,
    /// Label: new password.
    NewPasswordLabel,
    /// Label: repeat the new password.
    RepeatPasswordLabel,
    /// The two new passwords differ.
    PasswordsDiffer,
    /// Button: change password.
    ChangePasswordButton,
    /// After a password change.
    PasswordChanged,
    /// Title of the reset page.
    ResetTitle,
    /// Button: set the password.
    SetPasswordButton,
    /// After a reset.
    PasswordSet,
    /// After an admin change.
    UserChanged,
    /// Navigation: the cluster scorecard.
    NavScorecard,
    /// Title of the scorecard page.
    ScorecardTitle,
    /// Lead text of the scorecard page.
    ScorecardLead,
    /// Switch: count validated values only.
    ValidatedOnlyLabel,
    /// Heading: change against the period before.
    VsPrevious,
    /// Heading: change against the same period a year before.
    VsLastYear,
    /// A green value needs nothing more.
    OnTarget,
    /// Heading: the trend over recent periods.
    TrendLabel,
    /// Marks an optional metric the cluster chose.
    ChosenByCluster,
    /// A scorecard without metrics.
    ScorecardEmpty,
    /// Label of the signal counts.
    SignalSummary,
    /// Screen-reader word for a change for the better.
    ChangeBetter,
    /// Screen-reader word for a change for the worse.
    ChangeWorse,
    /// Screen-reader word for no change.
    ChangeSame,
    /// Navigation: the leaderboard.
    NavLeaderboard,
    /// Title of the leaderboard page.
    LeaderboardTitle,
    /// Lead text of the leaderboard page.
    LeaderboardLead,
    /// Filter: the metric.
    FilterMetric,
    /// Filter: region or the whole organization.
    FilterScope,
    /// The whole organization as a scope.
    WholeOrganization,
    /// Column: rank.
    ColumnRank,
    /// Marks the reader's own cluster.
    YourCluster,
    /// A leaderboard without any cluster.
    NoRankingData,
    /// The organization inside a sentence ("ranks 4th in the organization").
    TheOrganization,
    /// An event that was cancelled.
    EventCancelled,
    /// The member attended.
    EventAttended,
    /// The member was invited but did not attend.
    EventMissed,
    /// Navigation: the member's participation.
    NavParticipation,
    /// Title of the participation page.
    ParticipationTitle,
    /// Lead text of the participation page.
    ParticipationLead,
    /// Column: the member's own number.
    ColumnYou,
    /// Column: the cluster's number.
    ColumnYourCluster,
    /// Column: the event.
    ColumnEvent,
    /// Column: attended or not.
    ColumnOutcome,
    /// Before the metrics an event counts in.
    CountsIn,
    /// No events in the period.
    NoEvents,
    /// The list is cut short.
    EventsTruncated,
    /// Heading of the event list.
    EventsHeading,
    /// Heading of the member's metrics.
    MetricsHeading,
    /// Before a metric's green threshold.
    TargetLabel,
    /// Navigation: committee calls.
    NavCalls,
    /// Title of the committee-calls page.
    CallsTitle,
    /// Lead text of the committee-calls page.
    CallsLead,
    /// After recording a call.
    CallRecorded,
    /// A cluster without committees.
    NoCommittees,
    /// Heading of the recent calls.
    RecentCalls,
    /// No calls recorded.
    NoCalls,
    /// A call that took place.
    CallHeld,
    /// Form check: no date.
    CallDateMissing,
    /// Form check: a future date.
    CallInFuture,
    /// Form check: no start time.
    CallStartMissing,
    /// Form check: a cancelled call with attendees.
    CancelledWithAttendees,
    /// Label: when a member joined.
    JoinedAtLabel,
    /// Heading of the form.
    RecordCallHeading,
    /// Label: the committee.
    CommitteeLabel,
    /// Label: the day of the call.
    CallDateLabel,
    /// Label: the start time.
    CallStartLabel,
    /// Label: the call took place.
    CallHeldLabel,
    /// Legend of the attendee list.
    WhoJoined,
    /// Button: record the call.
    RecordCallButton,
    /// Navigation: media coverage.
    NavMedia,
    /// Title of the media page.
    MediaTitle,
    /// Lead text of the media page.
    MediaLead,
    /// After recording an item.
    MediaRecorded,
    /// Heading of the media form.
    RecordMediaHeading,
    /// Label: publication day.
    PublishedOnLabel,
    /// Label: the kind of item.
    MediaKindLabel,
    /// Label: estimated audience.
    ReachLabel,
    /// Label: the outlet.
    OutletLabel,
    /// Label: title or headline.
    HeadlineLabel,
    /// Button: record the item.
    RecordMediaButton,
    /// Heading of the recent items.
    RecentMedia,
    /// No items yet.
    NoMedia,
    /// Button: remove an item recorded by mistake.
    RemoveButton,
    /// Form check: no date.
    MediaDateMissing,
    /// Form check: a future date.
    MediaInFuture,
    /// Form check: no outlet.
    MediaOutletMissing,
    /// Form check: no title.
    MediaTitleMissing,
    /// Form check: reach not a whole number.
    MediaReachInvalid,
    /// Link: download the values on screen as CSV.
    DownloadCsv,
    /// Link: download the values on screen as an Excel workbook.
    DownloadXlsx,
    /// Switches a chart to its table.
    ShowTable,
    /// Switches a table back to its chart.
    ShowChart,
    /// While a chart is being drawn.
    ChartLoading,
    /// When a chart cannot be drawn.
    ChartUnavailable,
    /// A chart without any number.
    ChartNoData,
    /// Column: the region.
    ColumnRegion,
    /// Column: the period.
    ColumnPeriod,
    /// The band of a trend chart where the number is green.
    GreenZone,
    /// Link: chart this metric's trend above the scorecard.
    ChartThisMetric,
    /// Row of a gauge table: where green starts.
    GreenFrom,
    /// Row of a gauge table: where amber starts.
    AmberFrom,
    /// The region view's title.
    RegionViewTitle,
    /// The region view's lead.
    RegionViewLead,
    /// Navigation: the region view.
    NavRegionView,
    /// The breadcrumb's accessible name.
    BreadcrumbLabel,
    /// Radar line: the median of the region's other clusters.
    RegionMedian,
    /// Radar line: the median of clusters of similar size.
    PeerMedian,
    /// Column: the cluster's own number.
    ColumnThisCluster,
    /// Navigation: the brand editor.
    NavBrand,
    /// Brand page title.
    BrandTitle,
    /// Brand page lead.
    BrandLead,
    /// Field: the organization's name.
    FieldOrganizationName,
    /// Field: the primary colour.
    FieldPrimaryColour,
    /// Field: the accent colour.
    FieldAccentColour,
    /// Field: the typeface.
    FieldFont,
    /// Where the primary colour shows.
    PrimaryColourHint,
    /// Where the accent colour shows.
    AccentColourHint,
    /// Font choice.
    FontSystem,
    /// Font choice.
    FontHumanist,
    /// Font choice.
    FontGeometric,
    /// Font choice.
    FontSerif,
    /// Font choice.
    FontRounded,
    /// Heading of the live preview.
    BrandPreview,
    /// Preview: a sample link.
    PreviewLink,
    /// Preview: a sample button.
    PreviewButton,
    /// Theme mode.
    ModeLight,
    /// Theme mode.
    ModeDark,
    /// Theme mode: follow the device.
    ModeDevice,
    /// Button: save the brand.
    SaveBrand,
    /// Notice after saving the brand.
    BrandSaved,
    /// Button: restore the shipped look.
    RestoreBrand,
    /// What restoring does.
    RestoreBrandHint,
    /// Notice after restoring.
    BrandRestored,
    /// Heading of the logo part.
    LogoHeading,
    /// What logos are accepted.
    LogoHint,
    /// Field: the logo file.
    FieldLogoFile,
    /// Button: upload the logo.
    UploadLogo,
    /// Button: remove the logo.
    RemoveLogo,
    /// Notice after a logo upload.
    LogoSaved,
    /// Notice after removing the logo.
    LogoRemoved,
    /// Logo refused: no file.
    LogoEmpty,
    /// Logo refused: too large.
    LogoTooLarge,
    /// Logo refused: not an image.
    LogoNotAnImage,
    /// There is no logo.
    NoLogo,
    /// Alt text prefix of the current logo.
    CurrentLogo,
    /// Heading of the contrast readout.
    ContrastHeading,
    /// Contrast verdict.
    ContrastPasses,
    /// Contrast verdict.
    ContrastFails,
    /// Column: light mode.
    InLightMode,
    /// Column: dark mode (derived).
    InDarkMode,
    /// Accessible name of the theme toggle's group.
    ColourTheme,
    /// Navigation: the metric explorer.
    NavExplorer,
    /// Metric explorer title.
    ExplorerTitle,
    /// Metric explorer lead.
    ExplorerLead,
    /// Filter: the length of the periods.
    FilterGrain,
    /// Grain choice.
    GrainYears,
    /// Grain choice.
    GrainQuarters,
    /// Grain choice.
    GrainMonths,
    /// Region choice: every region.
    AllRegionsChoice,
    /// Staff page: a member's participation.
    MemberParticipationTitle,
    /// Staff page lead.
    MemberParticipationLead,
    /// Column: the member's cluster (staff view).
    ColumnTheirCluster,
    /// Scorecard: the cluster's members (staff).
    MembersHeading,
    /// Scorecard: what the member list is.
    MembersHint,
    /// Scorecard: no members.
    NoMembers,
    /// Staff view: heading of the member's numbers.
    MemberNumbersHeading,
    /// Overview: heading of the pulse.
    PulseHeading,
    /// Overview: the clusters most on track.
    MostOnTrack,
    /// Overview: the clusters least on track.
    LeastOnTrack,
    /// Overview: heading of the key metrics' trends.
    KeyMetricTrends,
    /// Import page: title.
    ImportTitle,
    /// Import page: lead.
    ImportLead,
    /// Import page: the file field's label.
    ImportChooseFile,
    /// Import page: the columns a file has.
    ImportColumns,
    /// Import page: the template link.
    ImportTemplate,
    /// Import page: while the file is checked or written.
    ImportChecking,
    /// Import page: the button that writes the file.
    ImportCommit,
    /// Import page: a file with problems.
    ImportNothingWritten,
    /// Import problems: the line column.
    ImportLine,
    /// Import problems: the column column.
    ImportColumn,
    /// Import problems: the value column.
    ImportValue,
    /// Import problems: the problem column.
    ImportProblem,
    /// Navigation: the import page.
    NavImport,
    /// Import page: marks a column that may be left out.
    ImportOptional,
    /// Import page: what a row of an attendance file is.
    ImportHintAttendances,
    /// Navigation: award applications.
    NavAwards,
    /// Title of the awards page.
    AwardsTitle,
    /// Lead text of the awards page.
    AwardsLead,
    /// After recording or deciding an application.
    AwardRecorded,
    /// Heading of the award form.
    RecordAwardHeading,
    /// Label: the award's name.
    AwardLabel,
    /// Label: the day the application was submitted.
    SubmittedOnLabel,
    /// Label: who applied.
    ApplicantLabel,
    /// The cluster itself applied.
    AwardByCluster,
    /// Button: record the application.
    RecordAwardButton,
    /// Heading of the recorded applications.
    RecentAwards,
    /// No applications yet.
    NoAwards,
    /// Label: whether the award was won.
    OutcomeLabel,
    /// Form check: no date.
    AwardDateMissing,
    /// Form check: a future date.
    AwardInFuture,
    /// Form check: no award named.
    AwardNameMissing,
    /// Opens the form that limits a staff user to regions.
    RegionsSummary,
    /// Button: save a staff user's regions.
    RegionsButton,
    /// Under the region choices: what none means.
    RegionsHint,
    /// A staff user without a region limit.
    AllRegions,
    /// Navigation: service projects and partnerships.
    NavCommunityWork,
    /// Title of the community work page.
    CommunityWorkTitle,
    /// Lead of the community work page.
    CommunityWorkLead,
    /// Heading of the form.
    RecordWorkHeading,
    /// Label: project or partnership.
    WorkKindLabel,
    /// A community service project.
    WorkKindServiceProject,
    /// A partnership with an outside organization.
    WorkKindPartnership,
    /// Label: the project's or partner's name.
    WorkNameLabel,
    /// Label: the first day.
    StartedOnLabel,
    /// Label: the optional last day.
    EndedOnLabel,
    /// Button: record the project or partnership.
    RecordWorkButton,
    /// Notice after a save.
    WorkRecorded,
    /// Heading of the list.
    CurrentWork,
    /// The list is empty.
    NoWork,
    /// Badge: not ended.
    WorkOngoing,
    /// Badge: a completed project.
    WorkCompleted,
    /// Badge: an ended partnership.
    WorkEnded,
    /// Label: the day a listed item ended.
    EndDateLabel,
    /// Button: save the end date.
    SetEndButton,
    /// Button: clear the end date.
    ReopenButton,
    /// Form check: no name.
    WorkNameMissing,
    /// Form check: no start.
    WorkStartMissing,
    /// Form check: start ahead of today.
    WorkStartInFuture,
    /// Form check: end before start.
    WorkEndBeforeStart,
    /// Form check: a project completed ahead of today.
    ProjectEndInFuture,
    /// Form check: no end date given.
    EndDateMissing,
    /// Navigation: the cluster's board.
    NavBoard,
    /// Title of the board page.
    BoardTitle,
    /// Lead of the board page.
    BoardLead,
    /// Notice after a board change.
    BoardSaved,
    /// Badge: the seat whose holder leads the cluster.
    LeadsClusterBadge,
    /// A seat without a holder.
    SeatVacant,
    /// Badge: a term that starts after today.
    TermUpcoming,
    /// Before a term's first day.
    TermSince,
    /// Before a term's last day.
    TermUntil,
    /// Label: the successor named.
    SuccessorLabel,
    /// No successor is named.
    NoSuccessor,
    /// Button: name the successor.
    NameSuccessorButton,
    /// Button: clear the successor.
    ClearSuccessorButton,
    /// Label: the member who takes the seat.
    HolderLabel,
    /// Label: the first day of a term.
    StartsOnLabel,
    /// Button: start a term on a vacant seat.
    StartTermButton,
    /// Button: start the next holder's term.
    HandOverButton,
    /// Label: the last day of a term.
    EndsOnLabel,
    /// Button: end the term.
    EndTermButton,
    /// Button: remove a term recorded by mistake.
    RemoveTermButton,
    /// Button: remove a seat defined by mistake.
    RemoveSeatButton,
    /// Heading of the form that defines a seat.
    AddSeatHeading,
    /// Label: the seat's title.
    SeatTitleLabel,
    /// Checkbox: the seat leads the cluster.
    SeatLeadsLabel,
    /// Button: add the seat.
    AddSeatButton,
    /// The board defines no seats.
    NoSeats,
    /// Form check: no title.
    SeatTitleMissing,
    /// Form check: no member chosen.
    HolderMissing,
    /// Form check: no day given.
    TermDayMissing,
    /// Navigation: inter-cluster programs.
    NavPrograms,
    /// Title of the programs page.
    ProgramsTitle,
    /// Lead of the programs page.
    ProgramsLead,
    /// Heading of the form.
    RecordProgramHeading,
    /// Label: the program's title.
    ProgramTitleLabel,
    /// Label: the program's day.
    ProgramDateLabel,
    /// Label: the program's start time.
    ProgramStartLabel,
    /// Label: planned, held or cancelled.
    ProgramStatusLabel,
    /// Status: still to come.
    ProgramPlanned,
    /// Status: it took place.
    ProgramHeld,
    /// Status: called off.
    ProgramCancelled,
    /// Button: record the program.
    RecordProgramButton,
    /// Notice after a save.
    ProgramSaved,
    /// Heading of the list.
    HostedPrograms,
    /// The list is empty.
    NoPrograms,
    /// After the number of attendances.
    ProgramAttendances,
    /// Form check: no title.
    ProgramTitleMissing,
    /// Form check: no date or start.
    ProgramWhenMissing,
    /// Form check: held before it starts.
    ProgramHeldTooEarly,
    /// Navigation: the cluster's goals.
    NavGoals,
    /// Title of the goals page.
    GoalsTitle,
    /// Lead of the goals page.
    GoalsLead,
    /// Notice after a goal change.
    GoalsSaved,
    /// Label: the fiscal year picker.
    FiscalYearLabel,
    /// Before the goal-setting deadline.
    GoalDeadline,
    /// After the deadline when it has passed.
    GoalDeadlinePassed,
    /// Heading of the goal form.
    AddGoalHeading,
    /// Label: the goal.
    GoalTitleLabel,
    /// Button: add the goal.
    AddGoalButton,
    /// The year has no goals.
    NoGoals,
    /// Badge: recorded after the deadline.
    GoalLate,
    /// Badge: recorded by the deadline.
    GoalOnTime,
    /// Checkbox: the goal was achieved.
    GoalAchievedLabel,
    /// Before the day a goal was recorded.
    GoalRecordedOn,
    /// Form check: no goal given.
    GoalTitleMissing,
    /// Navigation: organization settings.
    NavSettings,
    /// Title of the settings page.
    SettingsTitle,
    /// Lead of the settings page.
    SettingsLead,
    /// Notice after saving the settings.
    SettingsSaved,
    /// Heading of the limits form.
    SelectionLimitsHeading,
    /// Before the number of active optional metrics.
    OptionalMetricsCount,
    /// Label: the fewest optional metrics.
    LimitsMinLabel,
    /// Label: the most optional metrics.
    LimitsMaxLabel,
    /// Button: save the settings.
    SaveSettingsButton,
    /// Form check: minimum above maximum.
    LimitsMinAboveMax,
    /// Form check: more than there are.
    LimitsMaxTooHigh,
    /// Form check: not whole numbers.
    LimitsNotNumbers,
    /// Navigation: API tokens.
    NavApiTokens,
    /// Title of the API tokens page.
    ApiTokensTitle,
    /// Lead of the API tokens page.
    ApiTokensLead,
    /// Heading of the create form.
    ApiTokenCreateHeading,
    /// Label: the integration's name.
    ApiTokenNameLabel,
    /// Label: what the token may do.
    ApiTokenAccessLabel,
    /// Access: read only.
    ApiTokenRead,
    /// Access: read and push facts.
    ApiTokenWrite,
    /// Button: create a token.
    ApiTokenCreateButton,
    /// Form check: no name given.
    ApiTokenNameMissing,
    /// Notice above a new token's secret.
    ApiTokenShownOnce,
    /// No token yet.
    ApiTokensEmpty,
    /// Column: the token's visible prefix.
    ColumnToken,
    /// Column: created when and by whom.
    ColumnCreated,
    /// Column: last used.
    ColumnLastUsed,
    /// Column: access.
    ColumnAccess,
    /// A token never used.
    ApiTokenNeverUsed,
    /// Button: revoke a token.
    ApiTokenRevokeButton,
    /// Asks to confirm a revocation.
    ApiTokenRevokeConfirm,
    /// Button: keep the token.
    KeepButton,
    /// Prefix of the revocation time.
    ApiTokenRevokedOn,
    /// Status: active.
    ApiTokenActive,
    /// Notice after a revocation.
    ApiTokenRevokedNotice,
    /// Heading of the import history.
    ImportHistoryHeading,
    /// What the import history holds.
    ImportHistoryLead,
    /// Nothing imported yet.
    ImportHistoryEmpty,
    /// Column: where an import came from.
    ColumnSource,
    /// Column: who imported.
    ColumnImportedBy,
    /// Column: rows read.
    ColumnRows,
    /// Column: facts created.
    ColumnNew,
    /// Column: facts changed.
    ColumnChanged,
    /// Button: roll an import back.
    RollBackButton,
    /// Asks to confirm a rollback.
    RollBackConfirm,
    /// Prefix of the rollback time.
    RolledBackOn,
    /// Status: an import in place.
    ImportInPlace,
    /// Import page: the question which kind of fact the file holds.
    ImportKindLabel,
    /// Import page: a file of members.
    ImportKindMembers,
    /// Import page: a file of membership terms.
    ImportKindMemberships,
    /// Import page: a file of attendances.
    ImportKindAttendances,
    /// Import page: what a row of a member file is.
    ImportHintMembers,
    /// Import page: what a row of a membership file is.
    ImportHintMemberships,
    /// Import page: a file of dues invoices.
    ImportKindDues,
    /// Import page: what a row of a dues file is.
    ImportHintDues,
    /// Import page: a file of events.
    ImportKindEvents,
    /// Import page: what a row of an event file is.
    ImportHintEvents,
    /// Import page: heading of the column mapping.
    ImportMapHeading,
    /// Import page: what the column mapping does.
    ImportMapLead,
    /// Import page: the mapping table's column of file headers.
    ImportMapFileColumn,
    /// Import page: the mapping table's column of chosen columns.
    ImportMapHolds,
    /// Import page: the choice that leaves a file column out.
    ImportMapLeaveOut,
    /// Import page: the button that checks the file again with the mapping.
    ImportMapCheck,
    /// Import page: before the list of mapped columns.
    ImportMapReadAs,
    /// Import page: before the links that download the recorded facts of the kind.
    ImportDownloadRecorded,
    /// Navigation: the dashboards staff build.
    NavDashboards,
    /// Dashboards page: title.
    DashboardsTitle,
    /// Dashboards page: lead.
    DashboardsLead,
    /// Dashboards page: after restoring the shipped ones.
    DashboardsRestored,
    /// Dashboards page: none at all.
    DashboardsEmpty,
    /// Dashboards page: restores the shipped dashboards.
    DashboardsRestoreButton,
    /// Dashboards page: asked before restoring.
    DashboardsRestoreConfirm,
    /// Dashboard forms: no name given.
    DashboardNameMissing,
    /// Dashboards page: heading of the form that creates one.
    DashboardCreateHeading,
    /// Dashboard forms: the name field.
    DashboardNameLabel,
    /// Dashboards page: creates one and opens the editor.
    DashboardCreateButton,
    /// Dashboards page: deletes one.
    DashboardDeleteButton,
    /// Dashboards page: asked before deleting.
    DashboardDeleteConfirm,
    /// Dashboards page: copies one and opens the copy in the editor.
    DashboardCopyButton,
    /// Dashboards page: a dashboard that came with the product.
    DashboardShipped,
    /// Dashboard page: title.
    DashboardTitle,
    /// Dashboard page: lead.
    DashboardLead,
    /// Dashboard page: opens the editor.
    DashboardEditButton,
    /// Dashboard page: no charts yet.
    DashboardNoWidgets,
    /// Dashboard page: the region choice for the whole organization.
    DashboardWholeOrganization,
    /// Dashboard page: the cluster choice for no single cluster.
    DashboardNoCluster,
    /// Dashboard editor: heading of the charts.
    DashboardWidgetsHeading,
    /// Dashboard editor: adds a chart.
    DashboardAddWidget,
    /// Dashboard editor: saves.
    DashboardSaveButton,
    /// Dashboard editor: leaves without saving.
    DashboardCancelButton,
    /// Dashboard editor: the chart of a widget.
    DashboardChartLabel,
    /// Dashboard editor: the metric of a widget.
    DashboardMetricLabel,
    /// Dashboard editor: the width of a widget.
    DashboardWidthLabel,
    /// Dashboard editor: moves a chart up.
    DashboardMoveUp,
    /// Dashboard editor: the tooltip of a chart's grip, dragged to move it.
    DashboardDragWidget,
    /// Dashboard editor: moves a chart down.
    DashboardMoveDown,
    /// Dashboard editor: removes a chart.
    DashboardRemoveWidget,
    /// A chart kind: the trend line.
    ChartKindTrend,
    /// A chart kind: the ranking bar.
    ChartKindRanking,
    /// A chart kind: the gauge.
    ChartKindGauge,
    /// A chart kind: the radar.
    ChartKindRadar,
    /// A chart kind: the heatmap.
    ChartKindHeatmap,
    /// A widget width: a third.
    WidthThird,
    /// A widget width: a half.
    WidthHalf,
    /// A widget width: the whole width.
    WidthFull,
    /// Dashboard page: the chosen cluster's scorecard, which lists its members.
    DashboardOpenScorecard,
    /// Import page: a file of clusters' goals.
    ImportKindGoals,
    /// Import page: what a row of a goals file is.
    ImportHintGoals,
    /// Import page: a file of board seats.
    ImportKindBoardSeats,
    /// Import page: what a row of a board seat file is.
    ImportHintBoardSeats,
    /// Import page: a file of board terms.
    ImportKindBoardTerms,
    /// Import page: what a row of a board term file is.
    ImportHintBoardTerms,
    /// Import page: a file of service projects.
    ImportKindServiceProjects,
    /// Import page: what a row of a service project file is.
    ImportHintServiceProjects,
    /// Import page: a file of partnerships.
    ImportKindPartnerships,
    /// Import page: what a row of a partnership file is.
    ImportHintPartnerships,
    /// A user list download: an account that can sign in.
    Active,
    /// Lists: before the CSV and XLSX links of a list's download.
    DownloadList,
    /// Import page: a file of media items.
    ImportKindMedia,
    /// Import page: what a row of a media file is.
    ImportHintMedia,
    /// Import page: a file of award applications.
    ImportKindAwards,
    /// Import page: what a row of an award file is.
    ImportHintAwards,
    /// Import page: a file of forums.
    ImportKindForums,
    /// Import page: what a row of a forum file is.
    ImportHintForums,
    /// Import page: a file of forum members and moderators.
    ImportKindForumMembers,
    /// Import page: what a row of a forum member file is.
    ImportHintForumMembers,
    /// Import page: a file of committees.
    ImportKindCommittees,
    /// Import page: what a row of a committee file is.
    ImportHintCommittees,
    /// Import page: a file of committee members.
    ImportKindCommitteeMembers,
    /// Import page: what a row of a committee member file is.
    ImportHintCommitteeMembers,
    /// Import page: a file of members' self-reports.
    ImportKindSelfReports,
    /// Import page: what a row of a self-report file is.
    ImportHintSelfReports,
    /// Tables: a metric's key.
    ColumnKey,
    /// Import page: a file of invitations to events.
    ImportKindInvitations,
    /// Import page: what a row of an invitation file is.
    ImportHintInvitations,
    /// Import page: a file of speakers at events.
    ImportKindSpeakers,
    /// Import page: what a row of a speaker file is.
    ImportHintSpeakers,
    /// Import page: a file of mentorships.
    ImportKindMentorships,
    /// Import page: what a row of a mentorship file is.
    ImportHintMentorships,
    /// Import page: a file of completed trainings.
    ImportKindTrainings,
    /// Import page: what a row of a training file is.
    ImportHintTrainings,
    /// Import page: a file of budgets.
    ImportKindBudgets,
    /// Import page: what a row of a budget file is.
    ImportHintBudgets,
    /// Import page: a file of spendings.
    ImportKindSpendings,
    /// Import page: what a row of a spending file is.
    ImportHintSpendings,
    /// Import page: a file of referrals.
    ImportKindReferrals,
    /// Import page: what a row of a referral file is.
    ImportHintReferrals,
    /// Import page: the file is on its way to the server, before its share sent.
    ImportSending,
    /// A yes in a table cell.
    Yes,
    /// A no in a table cell.
    No,
    /// Tables: when a report was sent.
    ColumnSubmitted,
    /// Tables: how many charts a dashboard holds.
    ColumnCharts,
    /// Dashboard editor: the scope a widget shows.
    DashboardScopeLabel,
    /// Dashboard editor: the period a widget shows.
    DashboardPeriodLabel,
    /// Dashboard editor: the widget follows the dashboard's scope.
    WidgetScopeDashboard,
    /// Dashboard editor and widgets: pinned to the whole organization.
    WidgetScopeOrganization,
    /// Dashboard editor: the widget follows the dashboard's period.
    WidgetPeriodDashboard,
    /// Dashboard editor and widgets: the period before the dashboard's.
    WidgetPeriodPrevious,
    /// Dashboard editor and widgets: the same period a year before the dashboard's.
    WidgetPeriodYearEarlier,
    /// Dashboard widgets: before what a pinned widget shows instead of the dashboard's scope or period.
    WidgetPinned,
}

/// The text of `msg` in `locale`.
pub fn t(locale: Locale, msg: Msg) -> &'static str {
    use Msg::*;
    match (locale, msg) {
        (Locale::En, MetaDescription) => "Cluster and member performance of your organization.",
        (Locale::De, MetaDescription) => "Leistung der Cluster und Mitglieder Ihrer Organisation.",
        (Locale::En, SkipToContent) => "Skip to content",
        (Locale::De, SkipToContent) => "Zum Inhalt springen",
        (Locale::En, MainNavigation) => "Main navigation",
        (Locale::De, MainNavigation) => "Hauptnavigation",
        (Locale::En, NavOrganization) => "Organization",
        (Locale::De, NavOrganization) => "Organisation",
        (Locale::En, OrganizationTitle) => "Regions and clusters",
        (Locale::De, OrganizationTitle) => "Regionen und Cluster",
        (Locale::En, OrganizationLead) => "Every cluster with its active members and its leader.",
        (Locale::De, OrganizationLead) => "Alle Cluster mit aktiven Mitgliedern und ihrer Leitung.",
        (Locale::En, StatRegions) => "Regions",
        (Locale::De, StatRegions) => "Regionen",
        (Locale::En, StatClusters) => "Clusters",
        (Locale::De, StatClusters) => "Cluster",
        (Locale::En, StatMembers) => "Active members",
        (Locale::De, StatMembers) => "Aktive Mitglieder",
        (Locale::En, AsOf) => "As of",
        (Locale::De, AsOf) => "Stand",
        (Locale::En, ColumnCluster) => "Cluster",
        (Locale::De, ColumnCluster) => "Cluster",
        (Locale::En, ColumnCity) => "City",
        (Locale::De, ColumnCity) => "Stadt",
        (Locale::En, ColumnMembers) => "Members",
        (Locale::De, ColumnMembers) => "Mitglieder",
        (Locale::En, ColumnLeader) => "Leader",
        (Locale::De, ColumnLeader) => "Leitung",
        (Locale::En, NoLeader) => "No leader",
        (Locale::De, NoLeader) => "Keine Leitung",
        (Locale::En, SearchLabel) => "Find a cluster",
        (Locale::De, SearchLabel) => "Cluster suchen",
        (Locale::En, SearchPlaceholder) => "Name, city, code or leader",
        (Locale::De, SearchPlaceholder) => "Name, Stadt, Code oder Leitung",
        (Locale::En, NoMatch) => "No cluster matches your search.",
        (Locale::De, NoMatch) => "Kein Cluster passt zu Ihrer Suche.",
        (Locale::En, EmptyOrganization) => {
            "No clusters yet. Import your organization or load the demo data."
        }
        (Locale::De, EmptyOrganization) => {
            "Noch keine Cluster. Importieren Sie Ihre Organisation oder laden Sie die Demodaten."
        }
        (Locale::En, ClustersUnit) => "clusters",
        (Locale::De, ClustersUnit) => "Cluster",
        (Locale::En, MembersUnit) => "members",
        (Locale::De, MembersUnit) => "Mitglieder",
        (Locale::En, Loading) => "Loading…",
        (Locale::De, Loading) => "Wird geladen…",
        (Locale::En, LoadFailed) => "The data could not be loaded.",
        (Locale::De, LoadFailed) => "Die Daten konnten nicht geladen werden.",
        (Locale::En, Retry) => "Try again",
        (Locale::De, Retry) => "Erneut versuchen",
        (Locale::En, NotFoundTitle) => "Page not found",
        (Locale::De, NotFoundTitle) => "Seite nicht gefunden",
        (Locale::En, NotFoundText) => "There is no page at this address.",
        (Locale::De, NotFoundText) => "Unter dieser Adresse gibt es keine Seite.",
        (Locale::En, BackHome) => "Back to the overview",
        (Locale::De, BackHome) => "Zurück zur Übersicht",
        (Locale::En, SignInTitle) => "Sign in",
        (Locale::De, SignInTitle) => "Anmelden",
        (Locale::En, SignInLead) => "Sign in with your e-mail address and password.",
        (Locale::De, SignInLead) => "Melden Sie sich mit E-Mail-Adresse und Passwort an.",
        (Locale::En, EmailLabel) => "E-mail address",
        (Locale::De, EmailLabel) => "E-Mail-Adresse",
        (Locale::En, PasswordLabel) => "Password",
        (Locale::De, PasswordLabel) => "Passwort",
        (Locale::En, SignInButton) => "Sign in",
        (Locale::De, SignInButton) => "Anmelden",
        (Locale::En, SignOutButton) => "Sign out",
        (Locale::De, SignOutButton) => "Abmelden",
        (Locale::En, WrongCredentials) => "The e-mail address or password is wrong.",
        (Locale::De, WrongCredentials) => "E-Mail-Adresse oder Passwort ist falsch.",
        (Locale::En, SignInRequired) => "Your session has ended. Please sign in again.",
        (Locale::De, SignInRequired) => {
            "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an."
        }
        (Locale::En, Forbidden) => "Your role does not give you access to this.",
        (Locale::De, Forbidden) => "Ihre Rolle erlaubt diesen Zugriff nicht.",
        (Locale::En, NavValidation) => "Validation",
        (Locale::De, NavValidation) => "Validierung",
        (Locale::En, NavMetrics) => "Metrics",
        (Locale::De, NavMetrics) => "Kennzahlen",
        (Locale::En, SignalGreen) => "On track",
        (Locale::De, SignalGreen) => "Im Plan",
        (Locale::En, SignalAmber) => "Watch",
        (Locale::De, SignalAmber) => "Beobachten",
        (Locale::En, SignalRed) => "Off track",
        (Locale::De, SignalRed) => "Kritisch",
        (Locale::En, SignalNone) => "No data",
        (Locale::De, SignalNone) => "Keine Daten",
        (Locale::En, StatusComputed) => "Computed",
        (Locale::De, StatusComputed) => "Berechnet",
        (Locale::En, StatusStale) => "Changed since decided",
        (Locale::De, StatusStale) => "Seit Entscheidung geändert",
        (Locale::En, StatusValidated) => "Validated",
        (Locale::De, StatusValidated) => "Validiert",
        (Locale::En, StatusRejected) => "Rejected",
        (Locale::De, StatusRejected) => "Abgelehnt",
        (Locale::En, StatusOverridden) => "Overridden",
        (Locale::De, StatusOverridden) => "Korrigiert",
        (Locale::En, StatusNotApplicable) => "Not applicable",
        (Locale::De, StatusNotApplicable) => "Nicht zutreffend",
        (Locale::En, ValidationTitle) => "Validation queue",
        (Locale::De, ValidationTitle) => "Validierungsliste",
        (Locale::En, ValidationLead) => {
            "Check each cluster's computed values, then validate, correct or reject them."
        }
        (Locale::De, ValidationLead) => {
            "Prüfen Sie die berechneten Werte jedes Clusters und validieren, korrigieren oder verwerfen Sie sie."
        }
        (Locale::En, FilterPeriod) => "Period",
        (Locale::De, FilterPeriod) => "Zeitraum",
        (Locale::En, FilterRegion) => "Region",
        (Locale::De, FilterRegion) => "Region",
        (Locale::En, FilterGroup) => "Metric group",
        (Locale::De, FilterGroup) => "Kennzahlengruppe",
        (Locale::En, FilterShow) => "Show",
        (Locale::De, FilterShow) => "Anzeigen",
        (Locale::En, FilterAll) => "All",
        (Locale::De, FilterAll) => "Alle",
        (Locale::En, ShowAwaiting) => "Awaiting a decision",
        (Locale::De, ShowAwaiting) => "Zu entscheiden",
        (Locale::En, ShowDecided) => "Decided",
        (Locale::De, ShowDecided) => "Entschieden",
        (Locale::En, ApplyFilters) => "Apply",
        (Locale::De, ApplyFilters) => "Anwenden",
        (Locale::En, ColumnMetric) => "Metric",
        (Locale::De, ColumnMetric) => "Kennzahl",
        (Locale::En, ColumnValue) => "Value",
        (Locale::De, ColumnValue) => "Wert",
        (Locale::En, ColumnBasis) => "Basis",
        (Locale::De, ColumnBasis) => "Grundlage",
        (Locale::En, ColumnSignal) => "Signal",
        (Locale::De, ColumnSignal) => "Signal",
        (Locale::En, ColumnStatus) => "Status",
        (Locale::De, ColumnStatus) => "Status",
        (Locale::En, ColumnActions) => "Actions",
        (Locale::De, ColumnActions) => "Aktionen",
        (Locale::En, ValidateButton) => "Validate",
        (Locale::De, ValidateButton) => "Validieren",
        (Locale::En, ExplainLink) => "Explain",
        (Locale::De, ExplainLink) => "Erklären",
        (Locale::En, DecideSummary) => "Other decision…",
        (Locale::De, DecideSummary) => "Andere Entscheidung…",
        (Locale::En, DecisionLabel) => "Decision",
        (Locale::De, DecisionLabel) => "Entscheidung",
        (Locale::En, DecisionReject) => "Reject",
        (Locale::De, DecisionReject) => "Ablehnen",
        (Locale::En, DecisionOverride) => "Correct the value",
        (Locale::De, DecisionOverride) => "Wert korrigieren",
        (Locale::En, DecisionNotApplicable) => "Not applicable",
        (Locale::De, DecisionNotApplicable) => "Nicht zutreffend",
        (Locale::En, DecisionReopen) => "Reopen",
        (Locale::De, DecisionReopen) => "Wieder öffnen",
        (Locale::En, CorrectedValueLabel) => "Corrected value",
        (Locale::De, CorrectedValueLabel) => "Korrigierter Wert",
        (Locale::En, ReasonLabel) => "Reason (for the audit log)",
        (Locale::De, ReasonLabel) => "Begründung (für das Prüfprotokoll)",
        (Locale::En, SaveDecision) => "Save decision",
        (Locale::De, SaveDecision) => "Entscheidung speichern",
        (Locale::En, PeriodClosed) => {
            "This period is closed. Restate it, with a reason, to change its values."
        }
        (Locale::De, PeriodClosed) => {
            "Dieser Zeitraum ist abgeschlossen. Eröffnen Sie ihn mit Begründung neu, um Werte zu ändern."
        }
        (Locale::En, ClosePeriodButton) => "Close period",
        (Locale::De, ClosePeriodButton) => "Zeitraum abschließen",
        (Locale::En, RestatePeriodButton) => "Restate period",
        (Locale::De, RestatePeriodButton) => "Zeitraum neu eröffnen",
        (Locale::En, QueueEmpty) => "Nothing here for these filters.",
        (Locale::De, QueueEmpty) => "Für diese Filter gibt es nichts.",
        (Locale::En, NoValuesYet) => "No KPI values have been computed yet.",
        (Locale::De, NoValuesYet) => "Es wurden noch keine Kennzahlwerte berechnet.",
        (Locale::En, PreviousPage) => "Previous",
        (Locale::De, PreviousPage) => "Zurück",
        (Locale::En, NextPage) => "Next",
        (Locale::De, NextPage) => "Weiter",
        (Locale::En, ValuesChanged) => "Saved.",
        (Locale::De, ValuesChanged) => "Gespeichert.",
        (Locale::En, GroupCluster) => "Cluster",
        (Locale::De, GroupCluster) => "Cluster",
        (Locale::En, GroupClusterLeader) => "Cluster leadership",
        (Locale::De, GroupClusterLeader) => "Clusterleitung",
        (Locale::En, GroupCommunity) => "Community",
        (Locale::De, GroupCommunity) => "Gemeinschaft",
        (Locale::En, ExplainTitle) => "Where this number comes from",
        (Locale::De, ExplainTitle) => "Woher diese Zahl kommt",
        (Locale::En, ExplainNumerator) => "Numerator",
        (Locale::De, ExplainNumerator) => "Zähler",
        (Locale::En, ExplainDenominator) => "Denominator",
        (Locale::De, ExplainDenominator) => "Nenner",
        (Locale::En, ExplainDefinition) => "How it is computed",
        (Locale::De, ExplainDefinition) => "Wie sie berechnet wird",
        (Locale::En, ExplainFacts) => "The facts behind it",
        (Locale::De, ExplainFacts) => "Die Fakten dahinter",
        (Locale::En, ExplainHistory) => "Decisions",
        (Locale::De, ExplainHistory) => "Entscheidungen",
        (Locale::En, ExplainNoHistory) => "No one has decided on this value yet.",
        (Locale::De, ExplainNoHistory) => "Zu diesem Wert gibt es noch keine Entscheidung.",
        (Locale::En, ExplainNoRows) => "No rows.",
        (Locale::De, ExplainNoRows) => "Keine Zeilen.",
        (Locale::En, ColumnWhen) => "When",
        (Locale::De, ColumnWhen) => "Wann",
        (Locale::En, ColumnWho) => "Who",
        (Locale::De, ColumnWho) => "Wer",
        (Locale::En, ColumnBefore) => "Before",
        (Locale::De, ColumnBefore) => "Vorher",
        (Locale::En, ColumnAfter) => "After",
        (Locale::De, ColumnAfter) => "Nachher",
        (Locale::En, ColumnReason) => "Reason",
        (Locale::De, ColumnReason) => "Begründung",
        (Locale::En, BackToQueue) => "Back to the validation queue",
        (Locale::De, BackToQueue) => "Zurück zur Validierungsliste",
        (Locale::En, MetricsTitle) => "Metric catalogue",
        (Locale::De, MetricsTitle) => "Kennzahlenkatalog",
        (Locale::En, MetricsLead) => {
            "Every metric, how it is computed and who is accountable for it. Edit one or add your own: it is computed at once."
        }
        (Locale::De, MetricsLead) => {
            "Alle Kennzahlen, wie sie berechnet werden und wer verantwortlich ist. Bearbeiten Sie eine oder legen Sie eigene an: Sie wird sofort berechnet."
        }
        (Locale::En, NewMetric) => "New metric",
        (Locale::De, NewMetric) => "Neue Kennzahl",
        (Locale::En, ColumnGroup) => "Group",
        (Locale::De, ColumnGroup) => "Gruppe",
        (Locale::En, ColumnUnit) => "Unit",
        (Locale::De, ColumnUnit) => "Einheit",
        (Locale::En, ColumnOwner) => "Owner",
        (Locale::De, ColumnOwner) => "Verantwortlich",
        (Locale::En, ColumnVersion) => "Version",
        (Locale::De, ColumnVersion) => "Version",
        (Locale::En, Obligatory) => "Obligatory",
        (Locale::De, Obligatory) => "Pflicht",
        (Locale::En, Optional) => "Optional",
        (Locale::De, Optional) => "Optional",
        (Locale::En, Retired) => "Retired",
        (Locale::De, Retired) => "Außer Betrieb",
        (Locale::En, EditLink) => "Edit",
        (Locale::De, EditLink) => "Bearbeiten",
        (Locale::En, EditMetricTitle) => "Edit metric",
        (Locale::De, EditMetricTitle) => "Kennzahl bearbeiten",
        (Locale::En, NewMetricTitle) => "New metric",
        (Locale::De, NewMetricTitle) => "Neue Kennzahl",
        (Locale::En, KeyLabel) => "Key (lower case letters, digits and _)",
        (Locale::De, KeyLabel) => "Schlüssel (Kleinbuchstaben, Ziffern und _)",
        (Locale::En, NameLabel) => "Name",
        (Locale::De, NameLabel) => "Name",
        (Locale::En, DescriptionLabel) => "Description",
        (Locale::De, DescriptionLabel) => "Beschreibung",
        (Locale::En, UnitLabel) => "Unit",
        (Locale::De, UnitLabel) => "Einheit",
        (Locale::En, LowerIsBetterLabel) => "Lower values are better",
        (Locale::De, LowerIsBetterLabel) => "Niedrigere Werte sind besser",
        (Locale::En, GreenLabel) => "Green from",
        (Locale::De, GreenLabel) => "Grün ab",
        (Locale::En, AmberLabel) => "Amber from",
        (Locale::De, AmberLabel) => "Gelb ab",
        (Locale::En, ObligatoryLabel) => "Obligatory for every cluster",
        (Locale::De, ObligatoryLabel) => "Pflicht für jeden Cluster",
        (Locale::En, YearlyOnlyLabel) => "Yearly values only",
        (Locale::De, YearlyOnlyLabel) => "Nur Jahreswerte",
        (Locale::En, OwnerLabel) => "Owner (staff e-mail)",
        (Locale::De, OwnerLabel) => "Verantwortlich (E-Mail)",
        (Locale::En, DefinitionLabel) => "Definition (JSON)",
        (Locale::De, DefinitionLabel) => "Definition (JSON)",
        (Locale::En, DefinitionHelp) => {
            "Checked against the fact sources before it is saved; what is wrong is listed above."
        }
        (Locale::De, DefinitionHelp) => {
            "Wird vor dem Speichern gegen die Faktenquellen geprüft; Fehler werden oben aufgeführt."
        }
        (Locale::En, SaveMetric) => "Save and compute",
        (Locale::De, SaveMetric) => "Speichern und berechnen",
        (Locale::En, RetireMetric) => "Retire",
        (Locale::De, RetireMetric) => "Außer Betrieb nehmen",
        (Locale::En, RestoreMetric) => "Restore",
        (Locale::De, RestoreMetric) => "Wieder aufnehmen",
        (Locale::En, BackToMetrics) => "Back to the catalogue",
        (Locale::De, BackToMetrics) => "Zurück zum Katalog",
        (Locale::En, Saving) => "Saving and computing…",
        (Locale::De, Saving) => "Wird gespeichert und berechnet…",
        (Locale::En, UnitPercent) => "Percent",
        (Locale::De, UnitPercent) => "Prozent",
        (Locale::En, UnitCount) => "Count",
        (Locale::De, UnitCount) => "Anzahl",
        (Locale::En, UnitAverage) => "Average",
        (Locale::De, UnitAverage) => "Durchschnitt",
        (Locale::En, UnitHours) => "Hours",
        (Locale::De, UnitHours) => "Stunden",
        (Locale::En, UnitMoney) => "Money",
        (Locale::De, UnitMoney) => "Geldbetrag",
        (Locale::En, UnitBoolean) => "Yes / no",
        (Locale::De, UnitBoolean) => "Ja / nein",
        (Locale::En, CompletenessHeading) => "Data completeness",
        (Locale::De, CompletenessHeading) => "Datenvollständigkeit",
        (Locale::En, InputSelfReports) => "Activity self-reports submitted",
        (Locale::De, InputSelfReports) => "Eingereichte Aktivitätsberichte",
        (Locale::En, InputCommitteeCalls) => "Committee calls with attendance recorded",
        (Locale::De, InputCommitteeCalls) => "Ausschusssitzungen mit erfasster Anwesenheit",
        (Locale::En, InputGoals) => "Goals recorded for the year",
        (Locale::De, InputGoals) => "Für das Jahr erfasste Ziele",
        (Locale::En, CompletenessNothingExpected) => "No inputs were expected for this period.",
        (Locale::De, CompletenessNothingExpected) => {
            "Für diesen Zeitraum wurden keine Eingaben erwartet."
        }
        (Locale::En, NavPlan) => "Targets",
        (Locale::De, NavPlan) => "Ziele",
        (Locale::En, PlanTitle) => "Metrics and targets for the year",
        (Locale::De, PlanTitle) => "Kennzahlen und Ziele für das Jahr",
        (Locale::En, PlanLead) => {
            "Choose the optional metrics your cluster tracks this year and set targets where the default thresholds do not fit. Empty targets use the defaults."
        }
        (Locale::De, PlanLead) => {
            "Wählen Sie die optionalen Kennzahlen Ihres Clusters für dieses Jahr und setzen Sie Ziele, wo die Standardschwellen nicht passen. Leere Ziele verwenden die Standardwerte."
        }
        (Locale::En, FilterCluster) => "Cluster",
        (Locale::De, FilterCluster) => "Cluster",
        (Locale::En, FilterYear) => "Year",
        (Locale::De, FilterYear) => "Jahr",
        (Locale::En, ColumnTracked) => "Tracked",
        (Locale::De, ColumnTracked) => "Verfolgt",
        (Locale::En, ColumnDefault) => "Default (green / amber)",
        (Locale::De, ColumnDefault) => "Standard (grün / gelb)",
        (Locale::En, ColumnTarget) => "Target (green / amber)",
        (Locale::De, ColumnTarget) => "Ziel (grün / gelb)",
        (Locale::En, SavePlan) => "Save plan",
        (Locale::De, SavePlan) => "Plan speichern",
        (Locale::En, PlanSaved) => "The plan is saved. Signals use the new targets at once.",
        (Locale::De, PlanSaved) => {
            "Der Plan ist gespeichert. Signale verwenden die neuen Ziele sofort."
        }
        (Locale::En, ColumnRequirement) => "Requirement",
        (Locale::De, ColumnRequirement) => "Verbindlichkeit",
        (Locale::En, NavMyReports) => "My reports",
        (Locale::De, NavMyReports) => "Meine Berichte",
        (Locale::En, NavReportQueue) => "Self-reports",
        (Locale::De, NavReportQueue) => "Selbstauskünfte",
        (Locale::En, MyReportsTitle) => "My self-reports",
        (Locale::De, MyReportsTitle) => "Meine Selbstauskünfte",
        (Locale::En, MyReportsLead) => {
            "Report your month's activity, events you took part in and volunteer hours. Verified reports count towards your cluster's KPIs."
        }
        (Locale::De, MyReportsLead) => {
            "Melden Sie Ihre Monatsaktivität, Veranstaltungen und ehrenamtliche Stunden. Verifizierte Berichte zählen für die Kennzahlen Ihres Clusters."
        }
        (Locale::En, NewReport) => "Send a report",
        (Locale::De, NewReport) => "Bericht senden",
        (Locale::En, KindLabel) => "Kind",
        (Locale::De, KindLabel) => "Art",
        (Locale::En, KindActivity) => "Monthly activity",
        (Locale::De, KindActivity) => "Monatsaktivität",
        (Locale::En, KindEventParticipation) => "Event participation",
        (Locale::De, KindEventParticipation) => "Veranstaltungsteilnahme",
        (Locale::En, KindVolunteerHours) => "Volunteer hours",
        (Locale::De, KindVolunteerHours) => "Ehrenamtliche Stunden",
        (Locale::En, MonthLabel) => "Month",
        (Locale::De, MonthLabel) => "Monat",
        (Locale::En, HoursLabel) => "Hours",
        (Locale::De, HoursLabel) => "Stunden",
        (Locale::En, WhatLabel) => "What did you do?",
        (Locale::De, WhatLabel) => "Was haben Sie getan?",
        (Locale::En, SendReport) => "Send report",
        (Locale::De, SendReport) => "Bericht senden",
        (Locale::En, ReportSent) => "Sent. Staff will verify it; it counts once verified.",
        (Locale::De, ReportSent) => {
            "Gesendet. Das Team prüft den Bericht; er zählt nach der Prüfung."
        }
        (Locale::En, ReportExpected) => "Due",
        (Locale::De, ReportExpected) => "Fällig",
        (Locale::En, ReportSubmitted) => "Waiting for staff",
        (Locale::De, ReportSubmitted) => "Wartet auf Prüfung",
        (Locale::En, ReportVerified) => "Verified: counts",
        (Locale::De, ReportVerified) => "Verifiziert: zählt",
        (Locale::En, ReportRejected) => "Rejected",
        (Locale::De, ReportRejected) => "Abgelehnt",
        (Locale::En, NoReports) => "No reports yet.",
        (Locale::De, NoReports) => "Noch keine Berichte.",
        (Locale::En, ColumnMonth) => "Month",
        (Locale::De, ColumnMonth) => "Monat",
        (Locale::En, ColumnKind) => "Kind",
        (Locale::De, ColumnKind) => "Art",
        (Locale::En, ColumnHours) => "Hours",
        (Locale::De, ColumnHours) => "Stunden",
        (Locale::En, ColumnMember) => "Member",
        (Locale::De, ColumnMember) => "Mitglied",
        (Locale::En, ColumnDescription) => "Description",
        (Locale::De, ColumnDescription) => "Beschreibung",
        (Locale::En, ReportQueueTitle) => "Self-reports to verify",
        (Locale::De, ReportQueueTitle) => "Zu prüfende Selbstauskünfte",
        (Locale::En, ReportQueueLead) => {
            "Verify what members reported, or reject it with a reason they will see. Verified reports update the KPIs at once."
        }
        (Locale::De, ReportQueueLead) => {
            "Prüfen Sie, was Mitglieder gemeldet haben, oder lehnen Sie es mit einer Begründung ab, die sie sehen. Verifizierte Berichte aktualisieren die Kennzahlen sofort."
        }
        (Locale::En, VerifyButton) => "Verify",
        (Locale::De, VerifyButton) => "Verifizieren",
        (Locale::En, VerifySelected) => "Verify selected",
        (Locale::De, VerifySelected) => "Ausgewählte verifizieren",
        (Locale::En, RejectButton) => "Reject",
        (Locale::De, RejectButton) => "Ablehnen",
        (Locale::En, SelectReport) => "Select this report",
        (Locale::De, SelectReport) => "Diesen Bericht auswählen",
        (Locale::En, QueueNothing) => "No reports are waiting.",
        (Locale::De, QueueNothing) => "Es warten keine Berichte.",
        (Locale::En, NavUsers) => "Users",
        (Locale::De, NavUsers) => "Benutzer",
        (Locale::En, NavAccount) => "My account",
        (Locale::De, NavAccount) => "Mein Konto",
        (Locale::En, UsersTitle) => "Users and roles",
        (Locale::De, UsersTitle) => "Benutzer und Rollen",
        (Locale::En, UsersLead) => {
            "Invite people, give them a role, deactivate accounts and issue one-time links to set a password."
        }
        (Locale::De, UsersLead) => {
            "Laden Sie Personen ein, vergeben Sie Rollen, deaktivieren Sie Konten und erstellen Sie Einmal-Links zum Setzen eines Passworts."
        }
        (Locale::En, InviteHeading) => "Invite someone",
        (Locale::De, InviteHeading) => "Jemanden einladen",
        (Locale::En, RoleLabel) => "Role",
        (Locale::De, RoleLabel) => "Rolle",
        (Locale::En, RoleAdmin) => "Admin",
        (Locale::De, RoleAdmin) => "Admin",
        (Locale::En, RoleStaff) => "Staff",
        (Locale::De, RoleStaff) => "Mitarbeitende",
        (Locale::En, RoleLeader) => "Cluster leader",
        (Locale::De, RoleLeader) => "Clusterleitung",
        (Locale::En, RoleMember) => "Member",
        (Locale::De, RoleMember) => "Mitglied",
        (Locale::En, MemberNumberLabel) => "Member number",
        (Locale::De, MemberNumberLabel) => "Mitgliedsnummer",
        (Locale::En, InviteButton) => "Invite",
        (Locale::De, InviteButton) => "Einladen",
        (Locale::En, LinkShownOnce) => {
            "Pass this link on; it works once, within a day, and is shown only now:"
        }
        (Locale::De, LinkShownOnce) => {
            "Geben Sie diesen Link weiter; er funktioniert einmal, innerhalb eines Tages, und wird nur jetzt angezeigt:"
        }
        (Locale::En, ResetLinkButton) => "Reset link",
        (Locale::De, ResetLinkButton) => "Reset-Link",
        (Locale::En, DeactivateButton) => "Deactivate",
        (Locale::De, DeactivateButton) => "Deaktivieren",
        (Locale::En, ReactivateButton) => "Reactivate",
        (Locale::De, ReactivateButton) => "Reaktivieren",
        (Locale::En, ChangeRoleSummary) => "Change role…",
        (Locale::De, ChangeRoleSummary) => "Rolle ändern…",
        (Locale::En, ChangeRoleButton) => "Change role",
        (Locale::De, ChangeRoleButton) => "Rolle ändern",
        (Locale::En, Inactive) => "Deactivated",
        (Locale::De, Inactive) => "Deaktiviert",
        (Locale::En, ColumnUser) => "User",
        (Locale::De, ColumnUser) => "Benutzer",
        (Locale::En, ColumnRole) => "Role",
        (Locale::De, ColumnRole) => "Rolle",
        (Locale::En, AccountTitle) => "My account",
        (Locale::De, AccountTitle) => "Mein Konto",
        (Locale::En, CurrentPasswordLabel) => "Current password",
        (Locale::De, CurrentPasswordLabel) => "Aktuelles Passwort",
        (Locale::En, NewPasswordLabel) => "New password (at least 12 characters)",
        (Locale::De, NewPasswordLabel) => "Neues Passwort (mindestens 12 Zeichen)",
        (Locale::En, RepeatPasswordLabel) => "Repeat the new password",
        (Locale::De, RepeatPasswordLabel) => "Neues Passwort wiederholen",
        (Locale::En, PasswordsDiffer) => "The two new passwords are not the same.",
        (Locale::De, PasswordsDiffer) => "Die beiden neuen Passwörter stimmen nicht überein.",
        (Locale::En, ChangePasswordButton) => "Change password",
        (Locale::De, ChangePasswordButton) => "Passwort ändern",
        (Locale::En, PasswordChanged) => {
            "Your password is changed. Your other sessions have ended."
        }
        (Locale::De, PasswordChanged) => {
            "Ihr Passwort ist geändert. Ihre anderen Sitzungen wurden beendet."
        }
        (Locale::En, ResetTitle) => "Set your password",
        (Locale::De, ResetTitle) => "Passwort festlegen",
        (Locale::En, SetPasswordButton) => "Set password",
        (Locale::De, SetPasswordButton) => "Passwort festlegen",
        (Locale::En, PasswordSet) => "Your password is set. You can sign in now.",
        (Locale::De, PasswordSet) => "Ihr Passwort ist festgelegt. Sie können sich jetzt anmelden.",
        (Locale::En, UserChanged) => "Saved.",
        (Locale::De, UserChanged) => "Gespeichert.",
        (Locale::En, NavScorecard) => "Scorecard",
        (Locale::De, NavScorecard) => "Scorecard",
        (Locale::En, ScorecardTitle) => "Cluster scorecard",
        (Locale::De, ScorecardTitle) => "Cluster-Scorecard",
        (Locale::En, ScorecardLead) => {
            "Every metric of the cluster for the period: where it stands, what it takes to reach green, and how it moved."
        }
        (Locale::De, ScorecardLead) => {
            "Alle Kennzahlen des Clusters im Zeitraum: wo sie stehen, was bis Grün fehlt und wie sie sich entwickelt haben."
        }
        (Locale::En, ValidatedOnlyLabel) => "Validated values only",
        (Locale::De, ValidatedOnlyLabel) => "Nur validierte Werte",
        (Locale::En, VsPrevious) => "vs. previous period",
        (Locale::De, VsPrevious) => "ggü. Vorperiode",
        (Locale::En, VsLastYear) => "vs. a year before",
        (Locale::De, VsLastYear) => "ggü. Vorjahr",
        (Locale::En, OnTarget) => "On target",
        (Locale::De, OnTarget) => "Im Ziel",
        (Locale::En, TrendLabel) => "Trend",
        (Locale::De, TrendLabel) => "Verlauf",
        (Locale::En, ChosenByCluster) => "chosen",
        (Locale::De, ChosenByCluster) => "gewählt",
        (Locale::En, ScorecardEmpty) => "No metrics are tracked for this cluster and year.",
        (Locale::De, ScorecardEmpty) => {
            "Für diesen Cluster und dieses Jahr werden keine Kennzahlen verfolgt."
        }
        (Locale::En, SignalSummary) => "Signals",
        (Locale::De, SignalSummary) => "Signale",
        (Locale::En, ChangeBetter) => "better",
        (Locale::De, ChangeBetter) => "besser",
        (Locale::En, ChangeWorse) => "worse",
        (Locale::De, ChangeWorse) => "schlechter",
        (Locale::En, ChangeSame) => "unchanged",
        (Locale::De, ChangeSame) => "unverändert",
        (Locale::En, NavLeaderboard) => "Leaderboard",
        (Locale::De, NavLeaderboard) => "Rangliste",
        (Locale::En, LeaderboardTitle) => "Leaderboard",
        (Locale::De, LeaderboardTitle) => "Rangliste",
        (Locale::En, LeaderboardLead) => {
            "Clusters ranked by one metric, best first. Clusters without data come last and are not ranked."
        }
        (Locale::De, LeaderboardLead) => {
            "Cluster nach einer Kennzahl geordnet, die besten zuerst. Cluster ohne Daten stehen am Ende und erhalten keinen Rang."
        }
        (Locale::En, FilterMetric) => "Metric",
        (Locale::De, FilterMetric) => "Kennzahl",
        (Locale::En, FilterScope) => "Compare within",
        (Locale::De, FilterScope) => "Vergleich in",
        (Locale::En, WholeOrganization) => "Whole organization",
        (Locale::De, WholeOrganization) => "Gesamte Organisation",
        (Locale::En, ColumnRank) => "Rank",
        (Locale::De, ColumnRank) => "Rang",
        (Locale::En, YourCluster) => "Your cluster",
        (Locale::De, YourCluster) => "Ihr Cluster",
        (Locale::En, NoRankingData) => "No cluster has data for this metric and period.",
        (Locale::De, NoRankingData) => {
            "Kein Cluster hat Daten für diese Kennzahl und diesen Zeitraum."
        }
        (Locale::En, TheOrganization) => "the organization",
        (Locale::De, TheOrganization) => "der Organisation",
        (Locale::En, EventCancelled) => "Cancelled",
        (Locale::De, EventCancelled) => "Abgesagt",
        (Locale::En, EventAttended) => "Attended",
        (Locale::De, EventAttended) => "Teilgenommen",
        (Locale::En, EventMissed) => "Missed",
        (Locale::De, EventMissed) => "Verpasst",
        (Locale::En, NavParticipation) => "My participation",
        (Locale::De, NavParticipation) => "Meine Teilnahme",
        (Locale::En, ParticipationTitle) => "My participation",
        (Locale::De, ParticipationTitle) => "Meine Teilnahme",
        (Locale::En, ParticipationLead) => {
            "Your own numbers beside your cluster's, and every meeting and event behind them."
        }
        (Locale::De, ParticipationLead) => {
            "Ihre eigenen Werte neben denen Ihres Clusters und alle Treffen und Veranstaltungen dahinter."
        }
        (Locale::En, ColumnYou) => "You",
        (Locale::De, ColumnYou) => "Sie",
        (Locale::En, ColumnYourCluster) => "Your cluster",
        (Locale::De, ColumnYourCluster) => "Ihr Cluster",
        (Locale::En, ColumnEvent) => "Event",
        (Locale::De, ColumnEvent) => "Veranstaltung",
        (Locale::En, ColumnOutcome) => "Outcome",
        (Locale::De, ColumnOutcome) => "Ergebnis",
        (Locale::En, CountsIn) => "Counts in",
        (Locale::De, CountsIn) => "Zählt für",
        (Locale::En, NoEvents) => "No meetings or events in this period.",
        (Locale::De, NoEvents) => "Keine Treffen oder Veranstaltungen in diesem Zeitraum.",
        (Locale::En, EventsTruncated) => {
            "Only the newest 500 are listed; choose a shorter period to see the rest."
        }
        (Locale::De, EventsTruncated) => {
            "Nur die neuesten 500 sind aufgeführt; wählen Sie einen kürzeren Zeitraum für den Rest."
        }
        (Locale::En, EventsHeading) => "Meetings and events",
        (Locale::De, EventsHeading) => "Treffen und Veranstaltungen",
        (Locale::En, MetricsHeading) => "Your numbers",
        (Locale::De, MetricsHeading) => "Ihre Werte",
        (Locale::En, TargetLabel) => "Target",
        (Locale::De, TargetLabel) => "Ziel",
        (Locale::En, NavCalls) => "Committee calls",
        (Locale::De, NavCalls) => "Ausschusssitzungen",
        (Locale::En, CallsTitle) => "Committee calls",
        (Locale::De, CallsTitle) => "Ausschusssitzungen",
        (Locale::En, CallsLead) => {
            "Record each call of your committees: when it started, whether it was held and who joined when. Attendance and punctuality count at once."
        }
        (Locale::De, CallsLead) => {
            "Erfassen Sie jede Sitzung Ihrer Ausschüsse: Beginn, ob sie stattfand und wer wann dazukam. Teilnahme und Pünktlichkeit zählen sofort."
        }
        (Locale::En, CallRecorded) => "Recorded. The cluster's numbers are updated.",
        (Locale::De, CallRecorded) => "Erfasst. Die Werte des Clusters sind aktualisiert.",
        (Locale::En, NoCommittees) => "This cluster has no committees yet.",
        (Locale::De, NoCommittees) => "Dieser Cluster hat noch keine Ausschüsse.",
        (Locale::En, RecentCalls) => "Recent calls",
        (Locale::De, RecentCalls) => "Letzte Sitzungen",
        (Locale::En, NoCalls) => "No calls recorded yet.",
        (Locale::De, NoCalls) => "Noch keine Sitzungen erfasst.",
        (Locale::En, CallHeld) => "Held",
        (Locale::De, CallHeld) => "Stattgefunden",
        (Locale::En, CallDateMissing) => "Date: choose the day of the call.",
        (Locale::De, CallDateMissing) => "Datum: Wählen Sie den Tag der Sitzung.",
        (Locale::En, CallInFuture) => "Date: record a call once it has taken place.",
        (Locale::De, CallInFuture) => {
            "Datum: Erfassen Sie eine Sitzung, nachdem sie stattgefunden hat."
        }
        (Locale::En, CallStartMissing) => "Start: enter when the call began.",
        (Locale::De, CallStartMissing) => "Beginn: Geben Sie an, wann die Sitzung begann.",
        (Locale::En, CancelledWithAttendees) => "Attendees: a cancelled call has no attendees.",
        (Locale::De, CancelledWithAttendees) => {
            "Teilnehmende: Eine abgesagte Sitzung hat keine Teilnehmenden."
        }
        (Locale::En, JoinedAtLabel) => "joined at",
        (Locale::De, JoinedAtLabel) => "dazugekommen um",
        (Locale::En, RecordCallHeading) => "Record a call",
        (Locale::De, RecordCallHeading) => "Sitzung erfassen",
        (Locale::En, CommitteeLabel) => "Committee",
        (Locale::De, CommitteeLabel) => "Ausschuss",
        (Locale::En, CallDateLabel) => "Date",
        (Locale::De, CallDateLabel) => "Datum",
        (Locale::En, CallStartLabel) => "Start",
        (Locale::De, CallStartLabel) => "Beginn",
        (Locale::En, CallHeldLabel) => "The call took place",
        (Locale::De, CallHeldLabel) => "Die Sitzung fand statt",
        (Locale::En, WhoJoined) => "Who joined, and when",
        (Locale::De, WhoJoined) => "Wer kam wann dazu",
        (Locale::En, RecordCallButton) => "Record call",
        (Locale::De, RecordCallButton) => "Sitzung erfassen",
        (Locale::En, NavMedia) => "Media",
        (Locale::De, NavMedia) => "Medien",
        (Locale::En, MediaTitle) => "Media coverage",
        (Locale::De, MediaTitle) => "Medienberichte",
        (Locale::En, MediaLead) => {
            "Record each mention, press release and social post about your cluster with its estimated reach. The media metrics count it at once."
        }
        (Locale::De, MediaLead) => {
            "Erfassen Sie jede Erwähnung, Pressemitteilung und jeden Social-Media-Beitrag über Ihren Cluster mit geschätzter Reichweite. Die Medienkennzahlen zählen sie sofort."
        }
        (Locale::En, MediaRecorded) => "Recorded. The cluster's numbers are updated.",
        (Locale::De, MediaRecorded) => "Erfasst. Die Werte des Clusters sind aktualisiert.",
        (Locale::En, RecordMediaHeading) => "Record coverage",
        (Locale::De, RecordMediaHeading) => "Bericht erfassen",
        (Locale::En, PublishedOnLabel) => "Published on",
        (Locale::De, PublishedOnLabel) => "Erschienen am",
        (Locale::En, MediaKindLabel) => "Kind",
        (Locale::De, MediaKindLabel) => "Art",
        (Locale::En, ReachLabel) => "Estimated reach",
        (Locale::De, ReachLabel) => "Geschätzte Reichweite",
        (Locale::En, OutletLabel) => "Outlet",
        (Locale::De, OutletLabel) => "Medium",
        (Locale::En, HeadlineLabel) => "Title or headline",
        (Locale::De, HeadlineLabel) => "Titel oder Schlagzeile",
        (Locale::En, RecordMediaButton) => "Record coverage",
        (Locale::De, RecordMediaButton) => "Bericht erfassen",
        (Locale::En, RecentMedia) => "Recent coverage",
        (Locale::De, RecentMedia) => "Letzte Berichte",
        (Locale::En, NoMedia) => "No coverage recorded yet.",
        (Locale::De, NoMedia) => "Noch keine Berichte erfasst.",
        (Locale::En, RemoveButton) => "Remove",
        (Locale::De, RemoveButton) => "Entfernen",
        (Locale::En, MediaDateMissing) => "Published on: choose the day.",
        (Locale::De, MediaDateMissing) => "Erschienen am: Wählen Sie den Tag.",
        (Locale::En, MediaInFuture) => "Published on: the day cannot be in the future.",
        (Locale::De, MediaInFuture) => "Erschienen am: Der Tag darf nicht in der Zukunft liegen.",
        (Locale::En, MediaOutletMissing) => "Outlet: say where it appeared.",
        (Locale::De, MediaOutletMissing) => "Medium: Geben Sie an, wo es erschien.",
        (Locale::En, MediaTitleMissing) => "Title: enter the title or headline.",
        (Locale::De, MediaTitleMissing) => "Titel: Geben Sie Titel oder Schlagzeile ein.",
        (Locale::En, MediaReachInvalid) => "Estimated reach: enter a whole number, 0 or more.",
        (Locale::De, MediaReachInvalid) => {
            "Geschätzte Reichweite: Geben Sie eine ganze Zahl ab 0 ein."
        }
        (Locale::En, DownloadCsv) => "Download CSV",
        (Locale::De, DownloadCsv) => "CSV herunterladen",
        (Locale::En, DownloadXlsx) => "Download XLSX",
        (Locale::De, DownloadXlsx) => "XLSX herunterladen",
        (Locale::En, ShowTable) => "Show as table",
        (Locale::De, ShowTable) => "Als Tabelle zeigen",
        (Locale::En, ShowChart) => "Show as chart",
        (Locale::De, ShowChart) => "Als Diagramm zeigen",
        (Locale::En, ChartLoading) => "Drawing the chart…",
        (Locale::De, ChartLoading) => "Diagramm wird gezeichnet…",
        (Locale::En, ChartUnavailable) => {
            "The chart could not be drawn; the table shows the same numbers."
        }
        (Locale::De, ChartUnavailable) => {
            "Das Diagramm konnte nicht gezeichnet werden; die Tabelle zeigt dieselben Zahlen."
        }
        (Locale::En, ChartNoData) => "No numbers to chart for this choice.",
        (Locale::De, ChartNoData) => "Für diese Auswahl gibt es keine Zahlen.",
        (Locale::En, ColumnRegion) => "Region",
        (Locale::De, ColumnRegion) => "Region",
        (Locale::En, ColumnPeriod) => "Period",
        (Locale::De, ColumnPeriod) => "Zeitraum",
        (Locale::En, GreenZone) => "Green zone",
        (Locale::De, GreenZone) => "Grüner Bereich",
        (Locale::En, ChartThisMetric) => "Chart the trend",
        (Locale::De, ChartThisMetric) => "Verlauf als Diagramm",
        (Locale::En, GreenFrom) => "Green at",
        (Locale::De, GreenFrom) => "Grün ab",
        (Locale::En, AmberFrom) => "Amber at",
        (Locale::De, AmberFrom) => "Gelb ab",
        (Locale::En, RegionViewTitle) => "Region view",
        (Locale::De, RegionViewTitle) => "Regionsansicht",
        (Locale::En, RegionViewLead) => {
            "Every cluster of a region on one metric group: click a cell for the cluster's scorecard with that metric's trend."
        }
        (Locale::De, RegionViewLead) => {
            "Alle Cluster einer Region in einer Kennzahlengruppe: Ein Klick auf eine Zelle öffnet die Scorecard des Clusters mit dem Verlauf dieser Kennzahl."
        }
        (Locale::En, NavRegionView) => "Regions",
        (Locale::De, NavRegionView) => "Regionen",
        (Locale::En, BreadcrumbLabel) => "You are here",
        (Locale::De, BreadcrumbLabel) => "Sie sind hier",
        (Locale::En, RegionMedian) => "Region median",
        (Locale::De, RegionMedian) => "Median der Region",
        (Locale::En, PeerMedian) => "Similar-size clusters (median)",
        (Locale::De, PeerMedian) => "Cluster ähnlicher Größe (Median)",
        (Locale::En, ColumnThisCluster) => "This cluster",
        (Locale::De, ColumnThisCluster) => "Dieser Cluster",
        (Locale::En, NavBrand) => "Brand",
        (Locale::De, NavBrand) => "Marke",
        (Locale::En, BrandTitle) => "Brand and theme",
        (Locale::De, BrandTitle) => "Marke und Design",
        (Locale::En, BrandLead) => {
            "Your organization's name, logo, colours and typeface, on every page and chart, in light and dark mode."
        }
        (Locale::De, BrandLead) => {
            "Name, Logo, Farben und Schrift Ihrer Organisation, auf jeder Seite und in jedem Diagramm, im hellen und dunklen Modus."
        }
        (Locale::En, FieldOrganizationName) => "Organization name",
        (Locale::De, FieldOrganizationName) => "Name der Organisation",
        (Locale::En, FieldPrimaryColour) => "Primary colour",
        (Locale::De, FieldPrimaryColour) => "Primärfarbe",
        (Locale::En, FieldAccentColour) => "Accent colour",
        (Locale::De, FieldAccentColour) => "Akzentfarbe",
        (Locale::En, FieldFont) => "Typeface",
        (Locale::De, FieldFont) => "Schrift",
        (Locale::En, PrimaryColourHint) => "Links, buttons and the main series of every chart.",
        (Locale::De, PrimaryColourHint) => {
            "Links, Schaltflächen und die Hauptreihe jedes Diagramms."
        }
        (Locale::En, AccentColourHint) => "Highlights, such as your own cluster in a ranking.",
        (Locale::De, AccentColourHint) => {
            "Hervorhebungen, etwa der eigene Cluster in einer Rangliste."
        }
        (Locale::En, FontSystem) => "Device interface font",
        (Locale::De, FontSystem) => "Systemschrift des Geräts",
        (Locale::En, FontHumanist) => "Humanist sans serif",
        (Locale::De, FontHumanist) => "Humanistische Grotesk",
        (Locale::En, FontGeometric) => "Geometric sans serif",
        (Locale::De, FontGeometric) => "Geometrische Grotesk",
        (Locale::En, FontSerif) => "Book serif",
        (Locale::De, FontSerif) => "Buch-Antiqua",
        (Locale::En, FontRounded) => "Rounded sans serif",
        (Locale::De, FontRounded) => "Abgerundete Grotesk",
        (Locale::En, BrandPreview) => "Preview",
        (Locale::De, BrandPreview) => "Vorschau",
        (Locale::En, PreviewLink) => "A link to a scorecard",
        (Locale::De, PreviewLink) => "Ein Link zu einer Scorecard",
        (Locale::En, PreviewButton) => "A button",
        (Locale::De, PreviewButton) => "Eine Schaltfläche",
        (Locale::En, ModeLight) => "Light",
        (Locale::De, ModeLight) => "Hell",
        (Locale::En, ModeDark) => "Dark",
        (Locale::De, ModeDark) => "Dunkel",
        (Locale::En, ModeDevice) => "Device",
        (Locale::De, ModeDevice) => "Gerät",
        (Locale::En, SaveBrand) => "Save brand",
        (Locale::De, SaveBrand) => "Marke speichern",
        (Locale::En, BrandSaved) => "Saved. Every page and chart now uses the new brand.",
        (Locale::De, BrandSaved) => {
            "Gespeichert. Alle Seiten und Diagramme verwenden jetzt die neue Marke."
        }
        (Locale::En, RestoreBrand) => "Restore the shipped look",
        (Locale::De, RestoreBrand) => "Ursprüngliches Design wiederherstellen",
        (Locale::En, RestoreBrandHint) => {
            "Colours, typeface and logo go back to MemberPulse's; the organization's name stays."
        }
        (Locale::De, RestoreBrandHint) => {
            "Farben, Schrift und Logo werden auf die von MemberPulse zurückgesetzt; der Name der Organisation bleibt."
        }
        (Locale::En, BrandRestored) => "The shipped look is back.",
        (Locale::De, BrandRestored) => "Das ursprüngliche Design ist wiederhergestellt.",
        (Locale::En, LogoHeading) => "Logo",
        (Locale::De, LogoHeading) => "Logo",
        (Locale::En, LogoHint) => {
            "PNG, JPEG, WebP, GIF or SVG, at most 256 KB; shown 32 pixels high in the header."
        }
        (Locale::De, LogoHint) => {
            "PNG, JPEG, WebP, GIF oder SVG, höchstens 256 KB; in der Kopfzeile 32 Pixel hoch angezeigt."
        }
        (Locale::En, FieldLogoFile) => "Logo file",
        (Locale::De, FieldLogoFile) => "Logodatei",
        (Locale::En, UploadLogo) => "Upload logo",
        (Locale::De, UploadLogo) => "Logo hochladen",
        (Locale::En, RemoveLogo) => "Remove logo",
        (Locale::De, RemoveLogo) => "Logo entfernen",
        (Locale::En, LogoSaved) => "The new logo is shown on every page.",
        (Locale::De, LogoSaved) => "Das neue Logo erscheint auf allen Seiten.",
        (Locale::En, LogoRemoved) => "The logo was removed; the MemberPulse mark shows again.",
        (Locale::De, LogoRemoved) => {
            "Das Logo wurde entfernt; das MemberPulse-Zeichen erscheint wieder."
        }
        (Locale::En, LogoEmpty) => {
            "No file was chosen, or the file is empty: choose an image file."
        }
        (Locale::De, LogoEmpty) => {
            "Es wurde keine Datei gewählt oder die Datei ist leer: Wählen Sie eine Bilddatei."
        }
        (Locale::En, LogoTooLarge) => {
            "The file is larger than 256 KB: save it smaller (an SVG or a PNG 64 pixels high is plenty)."
        }
        (Locale::De, LogoTooLarge) => {
            "Die Datei ist größer als 256 KB: Speichern Sie sie kleiner (ein SVG oder ein 64 Pixel hohes PNG genügt)."
        }
        (Locale::En, LogoNotAnImage) => "The file is not a PNG, JPEG, WebP, GIF or SVG image.",
        (Locale::De, LogoNotAnImage) => {
            "Die Datei ist kein PNG-, JPEG-, WebP-, GIF- oder SVG-Bild."
        }
        (Locale::En, NoLogo) => "No logo yet: the MemberPulse mark is shown.",
        (Locale::De, NoLogo) => "Noch kein Logo: Das MemberPulse-Zeichen wird angezeigt.",
        (Locale::En, CurrentLogo) => "Current logo",
        (Locale::De, CurrentLogo) => "Aktuelles Logo",
        (Locale::En, ContrastHeading) => "Contrast (WCAG AA needs 4.5 : 1 for text)",
        (Locale::De, ContrastHeading) => "Kontrast (WCAG AA verlangt 4,5 : 1 für Text)",
        (Locale::En, ContrastPasses) => "passes AA",
        (Locale::De, ContrastPasses) => "erfüllt AA",
        (Locale::En, ContrastFails) => "below AA",
        (Locale::De, ContrastFails) => "unter AA",
        (Locale::En, InLightMode) => "In light mode",
        (Locale::De, InLightMode) => "Im hellen Modus",
        (Locale::En, InDarkMode) => "In dark mode (derived)",
        (Locale::De, InDarkMode) => "Im dunklen Modus (abgeleitet)",
        (Locale::En, ColourTheme) => "Colour theme",
        (Locale::De, ColourTheme) => "Farbschema",
        (Locale::En, NavExplorer) => "Explorer",
        (Locale::De, NavExplorer) => "Explorer",
        (Locale::En, ExplorerTitle) => "Metric explorer",
        (Locale::De, ExplorerTitle) => "Kennzahl-Explorer",
        (Locale::En, ExplorerLead) => {
            "One metric across every region or cluster and period: a click on a cell opens the region, or the cluster's scorecard with that metric's trend."
        }
        (Locale::De, ExplorerLead) => {
            "Eine Kennzahl über alle Regionen oder Cluster und Zeiträume: Ein Klick auf eine Zelle öffnet die Region oder die Scorecard des Clusters mit dem Verlauf dieser Kennzahl."
        }
        (Locale::En, FilterGrain) => "Periods",
        (Locale::De, FilterGrain) => "Zeiträume",
        (Locale::En, GrainYears) => "Years",
        (Locale::De, GrainYears) => "Jahre",
        (Locale::En, GrainQuarters) => "Quarters",
        (Locale::De, GrainQuarters) => "Quartale",
        (Locale::En, GrainMonths) => "Months",
        (Locale::De, GrainMonths) => "Monate",
        (Locale::En, AllRegionsChoice) => "All regions",
        (Locale::De, AllRegionsChoice) => "Alle Regionen",
        (Locale::En, MemberParticipationTitle) => "Member participation",
        (Locale::De, MemberParticipationTitle) => "Beteiligung eines Mitglieds",
        (Locale::En, MemberParticipationLead) => {
            "One member's numbers beside their cluster's, and every meeting and event of the period with what it counts in."
        }
        (Locale::De, MemberParticipationLead) => {
            "Die Zahlen eines Mitglieds neben denen seines Clusters und alle Treffen und Veranstaltungen des Zeitraums mit dem, wozu sie zählen."
        }
        (Locale::En, ColumnTheirCluster) => "Their cluster",
        (Locale::De, ColumnTheirCluster) => "Ihr Cluster",
        (Locale::En, MembersHeading) => "Members",
        (Locale::De, MembersHeading) => "Mitglieder",
        (Locale::En, MembersHint) => {
            "Members on the period's last day; each opens their participation."
        }
        (Locale::De, MembersHint) => {
            "Mitglieder am letzten Tag des Zeitraums; jedes öffnet seine Beteiligung."
        }
        (Locale::En, NoMembers) => "The cluster had no members on the period's last day.",
        (Locale::De, NoMembers) => {
            "Der Cluster hatte am letzten Tag des Zeitraums keine Mitglieder."
        }
        (Locale::En, MemberNumbersHeading) => "The member's numbers",
        (Locale::De, MemberNumbersHeading) => "Die Zahlen des Mitglieds",
        (Locale::En, PulseHeading) => "How the clusters stand",
        (Locale::De, PulseHeading) => "So stehen die Cluster",
        (Locale::En, MostOnTrack) => "Most on track",
        (Locale::De, MostOnTrack) => "Am meisten im Plan",
        (Locale::En, LeastOnTrack) => "Least on track",
        (Locale::De, LeastOnTrack) => "Am wenigsten im Plan",
        (Locale::En, KeyMetricTrends) => "Key metrics by quarter",
        (Locale::De, KeyMetricTrends) => "Schlüsselkennzahlen je Quartal",
        (Locale::En, ImportTitle) => "Import facts",
        (Locale::De, ImportTitle) => "Daten importieren",
        (Locale::En, ImportLead) => {
            "Choose what the file holds, then a CSV or XLSX file: you see what it would change before anything is written."
        }
        (Locale::De, ImportLead) => {
            "Wählen Sie, was die Datei enthält, dann eine CSV- oder XLSX-Datei: Sie sehen, was sie ändern würde, bevor etwas gespeichert wird."
        }
        (Locale::En, ImportChooseFile) => "CSV or XLSX file",
        (Locale::De, ImportChooseFile) => "CSV- oder XLSX-Datei",
        (Locale::En, ImportColumns) => "The file's columns, in any order:",
        (Locale::De, ImportColumns) => "Die Spalten der Datei, in beliebiger Reihenfolge:",
        (Locale::En, ImportTemplate) => "Download the template",
        (Locale::De, ImportTemplate) => "Vorlage herunterladen",
        (Locale::En, ImportChecking) => "Working on the file…",
        (Locale::De, ImportChecking) => "Die Datei wird verarbeitet …",
        (Locale::En, ImportCommit) => "Import",
        (Locale::De, ImportCommit) => "Importieren",
        (Locale::En, ImportNothingWritten) => {
            "Nothing has been imported: fix these problems in the file and choose it again."
        }
        (Locale::De, ImportNothingWritten) => {
            "Es wurde nichts importiert: Beheben Sie diese Probleme in der Datei und wählen Sie sie erneut."
        }
        (Locale::En, ImportLine) => "Line",
        (Locale::De, ImportLine) => "Zeile",
        (Locale::En, ImportColumn) => "Column",
        (Locale::De, ImportColumn) => "Spalte",
        (Locale::En, ImportValue) => "Value",
        (Locale::De, ImportValue) => "Wert",
        (Locale::En, ImportProblem) => "Problem",
        (Locale::De, ImportProblem) => "Problem",
        (Locale::En, NavImport) => "Import",
        (Locale::De, NavImport) => "Import",
        (Locale::En, ImportOptional) => "optional",
        (Locale::De, ImportOptional) => "optional",
        (Locale::En, ImportHintAttendances) => {
            "One row per member at a held event; joined_at as 2025-03-14 18:05. Importing the same file again changes nothing."
        }
        (Locale::De, ImportHintAttendances) => {
            "Eine Zeile je Mitglied und stattgefundener Veranstaltung; joined_at als 2025-03-14 18:05. Derselbe Import ein zweites Mal ändert nichts."
        }
        (Locale::En, NavAwards) => "Awards",
        (Locale::De, NavAwards) => "Auszeichnungen",
        (Locale::En, AwardsTitle) => "Award applications",
        (Locale::De, AwardsTitle) => "Preisbewerbungen",
        (Locale::En, AwardsLead) => {
            "Record every award the cluster or one of its members applies for, and whether it was won. The award metrics count them at once."
        }
        (Locale::De, AwardsLead) => {
            "Erfassen Sie jede Auszeichnung, für die sich der Cluster oder eines seiner Mitglieder bewirbt, und ob sie gewonnen wurde. Die Kennzahlen zu Auszeichnungen zählen sie sofort."
        }
        (Locale::En, AwardRecorded) => "Saved. The cluster's numbers are updated.",
        (Locale::De, AwardRecorded) => "Gespeichert. Die Werte des Clusters sind aktualisiert.",
        (Locale::En, RecordAwardHeading) => "Record an application",
        (Locale::De, RecordAwardHeading) => "Bewerbung erfassen",
        (Locale::En, AwardLabel) => "Award",
        (Locale::De, AwardLabel) => "Auszeichnung",
        (Locale::En, SubmittedOnLabel) => "Submitted on",
        (Locale::De, SubmittedOnLabel) => "Eingereicht am",
        (Locale::En, ApplicantLabel) => "Applicant",
        (Locale::De, ApplicantLabel) => "Bewerbung von",
        (Locale::En, AwardByCluster) => "The cluster",
        (Locale::De, AwardByCluster) => "Der Cluster",
        (Locale::En, RecordAwardButton) => "Record application",
        (Locale::De, RecordAwardButton) => "Bewerbung erfassen",
        (Locale::En, RecentAwards) => "Applications",
        (Locale::De, RecentAwards) => "Bewerbungen",
        (Locale::En, NoAwards) => "No applications recorded yet.",
        (Locale::De, NoAwards) => "Noch keine Bewerbungen erfasst.",
        (Locale::En, OutcomeLabel) => "Outcome",
        (Locale::De, OutcomeLabel) => "Ergebnis",
        (Locale::En, AwardDateMissing) => "Submitted on: choose the day.",
        (Locale::De, AwardDateMissing) => "Eingereicht am: Wählen Sie den Tag.",
        (Locale::En, AwardInFuture) => "Submitted on: the day cannot be in the future.",
        (Locale::De, AwardInFuture) => "Eingereicht am: Der Tag darf nicht in der Zukunft liegen.",
        (Locale::En, AwardNameMissing) => "Award: name the award.",
        (Locale::De, AwardNameMissing) => "Auszeichnung: Nennen Sie die Auszeichnung.",
        (Locale::En, RegionsSummary) => "Limit to regions…",
        (Locale::De, RegionsSummary) => "Auf Regionen beschränken…",
        (Locale::En, RegionsButton) => "Save regions",
        (Locale::De, RegionsButton) => "Regionen speichern",
        (Locale::En, RegionsHint) => "Choose none for the whole organization.",
        (Locale::De, RegionsHint) => "Keine auswählen für die ganze Organisation.",
        (Locale::En, AllRegions) => "All regions",
        (Locale::De, AllRegions) => "Alle Regionen",
        (Locale::En, NavCommunityWork) => "Projects & partners",
        (Locale::De, NavCommunityWork) => "Projekte & Partner",
        (Locale::En, CommunityWorkTitle) => "Service projects and partnerships",
        (Locale::De, CommunityWorkTitle) => "Sozialprojekte und Partnerschaften",
        (Locale::En, CommunityWorkLead) => {
            "Record your cluster's community service projects and its partnerships with outside organizations. A project counts when it is completed, a partnership in every period it is active."
        }
        (Locale::De, CommunityWorkLead) => {
            "Erfassen Sie die Sozialprojekte Ihres Clusters und seine Partnerschaften mit externen Organisationen. Ein Projekt zählt, wenn es abgeschlossen ist, eine Partnerschaft in jedem Zeitraum, in dem sie besteht."
        }
        (Locale::En, RecordWorkHeading) => "Record a project or partnership",
        (Locale::De, RecordWorkHeading) => "Projekt oder Partnerschaft erfassen",
        (Locale::En, WorkKindLabel) => "Kind",
        (Locale::De, WorkKindLabel) => "Art",
        (Locale::En, WorkKindServiceProject) => "Service project",
        (Locale::De, WorkKindServiceProject) => "Sozialprojekt",
        (Locale::En, WorkKindPartnership) => "Partnership",
        (Locale::De, WorkKindPartnership) => "Partnerschaft",
        (Locale::En, WorkNameLabel) => "Project or partner",
        (Locale::De, WorkNameLabel) => "Projekt oder Partner",
        (Locale::En, StartedOnLabel) => "Started on",
        (Locale::De, StartedOnLabel) => "Begonnen am",
        (Locale::En, EndedOnLabel) => "Completed or ends on (optional)",
        (Locale::De, EndedOnLabel) => "Abgeschlossen oder endet am (optional)",
        (Locale::En, RecordWorkButton) => "Record",
        (Locale::De, RecordWorkButton) => "Erfassen",
        (Locale::En, WorkRecorded) => "Saved. The cluster's numbers are updated.",
        (Locale::De, WorkRecorded) => "Gespeichert. Die Werte des Clusters sind aktualisiert.",
        (Locale::En, CurrentWork) => "Projects and partnerships",
        (Locale::De, CurrentWork) => "Projekte und Partnerschaften",
        (Locale::En, NoWork) => "No projects or partnerships recorded yet.",
        (Locale::De, NoWork) => "Noch keine Projekte oder Partnerschaften erfasst.",
        (Locale::En, WorkOngoing) => "Ongoing",
        (Locale::De, WorkOngoing) => "Laufend",
        (Locale::En, WorkCompleted) => "Completed",
        (Locale::De, WorkCompleted) => "Abgeschlossen",
        (Locale::En, WorkEnded) => "Ended",
        (Locale::De, WorkEnded) => "Beendet",
        (Locale::En, EndDateLabel) => "End date",
        (Locale::De, EndDateLabel) => "Enddatum",
        (Locale::En, SetEndButton) => "Set end",
        (Locale::De, SetEndButton) => "Ende setzen",
        (Locale::En, ReopenButton) => "Reopen",
        (Locale::De, ReopenButton) => "Wieder öffnen",
        (Locale::En, WorkNameMissing) => "Name the project or partner.",
        (Locale::De, WorkNameMissing) => "Nennen Sie das Projekt oder den Partner.",
        (Locale::En, WorkStartMissing) => "Give the start date.",
        (Locale::De, WorkStartMissing) => "Geben Sie das Startdatum an.",
        (Locale::En, WorkStartInFuture) => "The start date is in the future.",
        (Locale::De, WorkStartInFuture) => "Das Startdatum liegt in der Zukunft.",
        (Locale::En, WorkEndBeforeStart) => "The end date is before the start date.",
        (Locale::De, WorkEndBeforeStart) => "Das Enddatum liegt vor dem Startdatum.",
        (Locale::En, ProjectEndInFuture) => "A project is completed on a day that has passed.",
        (Locale::De, ProjectEndInFuture) => {
            "Ein Projekt wird an einem vergangenen Tag abgeschlossen."
        }
        (Locale::En, EndDateMissing) => "Give the end date.",
        (Locale::De, EndDateMissing) => "Geben Sie das Enddatum an.",
        (Locale::En, NavBoard) => "Board",
        (Locale::De, NavBoard) => "Vorstand",
        (Locale::En, BoardTitle) => "Board seats and terms",
        (Locale::De, BoardTitle) => "Vorstandsämter und Amtszeiten",
        (Locale::En, BoardLead) => {
            "Keep your cluster's board: the seats it defines, who holds each seat and since when, and the successor named for the seat that leads the cluster."
        }
        (Locale::De, BoardLead) => {
            "Pflegen Sie den Vorstand Ihres Clusters: die Ämter, wer jedes Amt seit wann innehat, und die Nachfolge für das leitende Amt."
        }
        (Locale::En, BoardSaved) => "Saved. The cluster's numbers are updated.",
        (Locale::De, BoardSaved) => "Gespeichert. Die Werte des Clusters sind aktualisiert.",
        (Locale::En, LeadsClusterBadge) => "Leads the cluster",
        (Locale::De, LeadsClusterBadge) => "Leitet den Cluster",
        (Locale::En, SeatVacant) => "Vacant",
        (Locale::De, SeatVacant) => "Unbesetzt",
        (Locale::En, TermUpcoming) => "Upcoming",
        (Locale::De, TermUpcoming) => "Bevorstehend",
        (Locale::En, TermSince) => "since",
        (Locale::De, TermSince) => "seit",
        (Locale::En, TermUntil) => "until",
        (Locale::De, TermUntil) => "bis",
        (Locale::En, SuccessorLabel) => "Successor",
        (Locale::De, SuccessorLabel) => "Nachfolge",
        (Locale::En, NoSuccessor) => "No successor named yet.",
        (Locale::De, NoSuccessor) => "Noch keine Nachfolge benannt.",
        (Locale::En, NameSuccessorButton) => "Name successor",
        (Locale::De, NameSuccessorButton) => "Nachfolge benennen",
        (Locale::En, ClearSuccessorButton) => "Clear successor",
        (Locale::De, ClearSuccessorButton) => "Nachfolge entfernen",
        (Locale::En, HolderLabel) => "Member",
        (Locale::De, HolderLabel) => "Mitglied",
        (Locale::En, StartsOnLabel) => "Starts on",
        (Locale::De, StartsOnLabel) => "Beginnt am",
        (Locale::En, StartTermButton) => "Start term",
        (Locale::De, StartTermButton) => "Amtszeit beginnen",
        (Locale::En, HandOverButton) => "Hand over",
        (Locale::De, HandOverButton) => "Übergeben",
        (Locale::En, EndsOnLabel) => "Ends on",
        (Locale::De, EndsOnLabel) => "Endet am",
        (Locale::En, EndTermButton) => "End term",
        (Locale::De, EndTermButton) => "Amtszeit beenden",
        (Locale::En, RemoveTermButton) => "Remove term",
        (Locale::De, RemoveTermButton) => "Amtszeit entfernen",
        (Locale::En, RemoveSeatButton) => "Remove seat",
        (Locale::De, RemoveSeatButton) => "Amt entfernen",
        (Locale::En, AddSeatHeading) => "Add a seat",
        (Locale::De, AddSeatHeading) => "Amt hinzufügen",
        (Locale::En, SeatTitleLabel) => "Title",
        (Locale::De, SeatTitleLabel) => "Bezeichnung",
        (Locale::En, SeatLeadsLabel) => "Its holder leads the cluster",
        (Locale::De, SeatLeadsLabel) => "Inhaber leitet den Cluster",
        (Locale::En, AddSeatButton) => "Add seat",
        (Locale::De, AddSeatButton) => "Amt hinzufügen",
        (Locale::En, NoSeats) => "The board has no seats yet. Add the first one below.",
        (Locale::De, NoSeats) => {
            "Der Vorstand hat noch keine Ämter. Fügen Sie unten das erste hinzu."
        }
        (Locale::En, SeatTitleMissing) => "Give the seat a title.",
        (Locale::De, SeatTitleMissing) => "Geben Sie dem Amt eine Bezeichnung.",
        (Locale::En, HolderMissing) => "Choose the member who takes the seat.",
        (Locale::De, HolderMissing) => "Wählen Sie das Mitglied, das das Amt übernimmt.",
        (Locale::En, TermDayMissing) => "Give the day.",
        (Locale::De, TermDayMissing) => "Geben Sie den Tag an.",
        (Locale::En, NavPrograms) => "Programs",
        (Locale::De, NavPrograms) => "Programme",
        (Locale::En, ProgramsTitle) => "Inter-cluster programs",
        (Locale::De, ProgramsTitle) => "Cluster-übergreifende Programme",
        (Locale::En, ProgramsLead) => {
            "Record the programs your cluster hosts for members of other clusters, then mark each held or cancelled. A program counts when it is held; who attended comes with the attendance imports."
        }
        (Locale::De, ProgramsLead) => {
            "Erfassen Sie die Programme, die Ihr Cluster für Mitglieder anderer Cluster ausrichtet, und markieren Sie sie danach als stattgefunden oder abgesagt. Ein Programm zählt, wenn es stattgefunden hat; die Teilnahme kommt mit den Teilnahme-Importen."
        }
        (Locale::En, RecordProgramHeading) => "Record a program",
        (Locale::De, RecordProgramHeading) => "Programm erfassen",
        (Locale::En, ProgramTitleLabel) => "Title",
        (Locale::De, ProgramTitleLabel) => "Titel",
        (Locale::En, ProgramDateLabel) => "Date",
        (Locale::De, ProgramDateLabel) => "Datum",
        (Locale::En, ProgramStartLabel) => "Start",
        (Locale::De, ProgramStartLabel) => "Beginn",
        (Locale::En, ProgramStatusLabel) => "Status",
        (Locale::De, ProgramStatusLabel) => "Status",
        (Locale::En, ProgramPlanned) => "Planned",
        (Locale::De, ProgramPlanned) => "Geplant",
        (Locale::En, ProgramHeld) => "Held",
        (Locale::De, ProgramHeld) => "Stattgefunden",
        (Locale::En, ProgramCancelled) => "Cancelled",
        (Locale::De, ProgramCancelled) => "Abgesagt",
        (Locale::En, RecordProgramButton) => "Record program",
        (Locale::De, RecordProgramButton) => "Programm erfassen",
        (Locale::En, ProgramSaved) => "Saved. The cluster's numbers are updated.",
        (Locale::De, ProgramSaved) => "Gespeichert. Die Werte des Clusters sind aktualisiert.",
        (Locale::En, HostedPrograms) => "Programs hosted",
        (Locale::De, HostedPrograms) => "Ausgerichtete Programme",
        (Locale::En, NoPrograms) => "No programs recorded yet.",
        (Locale::De, NoPrograms) => "Noch keine Programme erfasst.",
        (Locale::En, ProgramAttendances) => "attendances",
        (Locale::De, ProgramAttendances) => "Teilnahmen",
        (Locale::En, ProgramTitleMissing) => "Give the program a title.",
        (Locale::De, ProgramTitleMissing) => "Geben Sie dem Programm einen Titel.",
        (Locale::En, ProgramWhenMissing) => "Give the date and start.",
        (Locale::De, ProgramWhenMissing) => "Geben Sie Datum und Beginn an.",
        (Locale::En, ProgramHeldTooEarly) => "A program can be marked held once it has started.",
        (Locale::De, ProgramHeldTooEarly) => {
            "Ein Programm kann erst nach Beginn als stattgefunden markiert werden."
        }
        (Locale::En, NavGoals) => "Goals",
        (Locale::De, NavGoals) => "Ziele",
        (Locale::En, GoalsTitle) => "Annual goals",
        (Locale::De, GoalsTitle) => "Jahresziele",
        (Locale::En, GoalsLead) => {
            "Set your cluster's goals for the fiscal year by the deadline, then mark each one achieved. Goals recorded after the deadline count as late."
        }
        (Locale::De, GoalsLead) => {
            "Legen Sie die Ziele Ihres Clusters für das Geschäftsjahr bis zur Frist fest und markieren Sie jedes erreichte Ziel. Nach der Frist erfasste Ziele gelten als verspätet."
        }
        (Locale::En, GoalsSaved) => "Saved. The cluster's numbers are updated.",
        (Locale::De, GoalsSaved) => "Gespeichert. Die Werte des Clusters sind aktualisiert.",
        (Locale::En, FiscalYearLabel) => "Fiscal year",
        (Locale::De, FiscalYearLabel) => "Geschäftsjahr",
        (Locale::En, GoalDeadline) => "Goals are due by",
        (Locale::De, GoalDeadline) => "Ziele fällig bis",
        (Locale::En, GoalDeadlinePassed) => "(passed: a goal added now is late)",
        (Locale::De, GoalDeadlinePassed) => "(abgelaufen: ein jetzt erfasstes Ziel ist verspätet)",
        (Locale::En, AddGoalHeading) => "Add a goal",
        (Locale::De, AddGoalHeading) => "Ziel hinzufügen",
        (Locale::En, GoalTitleLabel) => "Goal",
        (Locale::De, GoalTitleLabel) => "Ziel",
        (Locale::En, AddGoalButton) => "Add goal",
        (Locale::De, AddGoalButton) => "Ziel hinzufügen",
        (Locale::En, NoGoals) => "No goals set for this year yet.",
        (Locale::De, NoGoals) => "Für dieses Jahr sind noch keine Ziele festgelegt.",
        (Locale::En, GoalLate) => "Late",
        (Locale::De, GoalLate) => "Verspätet",
        (Locale::En, GoalOnTime) => "On time",
        (Locale::De, GoalOnTime) => "Rechtzeitig",
        (Locale::En, GoalAchievedLabel) => "Achieved",
        (Locale::De, GoalAchievedLabel) => "Erreicht",
        (Locale::En, GoalRecordedOn) => "recorded",
        (Locale::De, GoalRecordedOn) => "erfasst",
        (Locale::En, GoalTitleMissing) => "Say what the goal is.",
        (Locale::De, GoalTitleMissing) => "Beschreiben Sie das Ziel.",
        (Locale::En, NavSettings) => "Settings",
        (Locale::De, NavSettings) => "Einstellungen",
        (Locale::En, SettingsTitle) => "Organization settings",
        (Locale::De, SettingsTitle) => "Organisationseinstellungen",
        (Locale::En, SettingsLead) => {
            "What holds for every cluster. Plans saved from now on are held to these limits."
        }
        (Locale::De, SettingsLead) => {
            "Was für jeden Cluster gilt. Ab jetzt gespeicherte Pläne halten sich an diese Grenzen."
        }
        (Locale::En, SettingsSaved) => "Saved. Plans are held to the new limits from now on.",
        (Locale::De, SettingsSaved) => {
            "Gespeichert. Pläne halten sich ab jetzt an die neuen Grenzen."
        }
        (Locale::En, SelectionLimitsHeading) => "Optional metrics per cluster and year",
        (Locale::De, SelectionLimitsHeading) => "Optionale Kennzahlen je Cluster und Jahr",
        (Locale::En, OptionalMetricsCount) => "Active optional metrics:",
        (Locale::De, OptionalMetricsCount) => "Aktive optionale Kennzahlen:",
        (Locale::En, LimitsMinLabel) => "At least",
        (Locale::De, LimitsMinLabel) => "Mindestens",
        (Locale::En, LimitsMaxLabel) => "At most",
        (Locale::De, LimitsMaxLabel) => "Höchstens",
        (Locale::En, SaveSettingsButton) => "Save settings",
        (Locale::De, SaveSettingsButton) => "Einstellungen speichern",
        (Locale::En, LimitsMinAboveMax) => "The minimum is above the maximum.",
        (Locale::De, LimitsMinAboveMax) => "Das Minimum liegt über dem Maximum.",
        (Locale::En, LimitsMaxTooHigh) => {
            "The maximum is more than the optional metrics there are."
        }
        (Locale::De, LimitsMaxTooHigh) => {
            "Das Maximum übersteigt die Zahl der optionalen Kennzahlen."
        }
        (Locale::En, LimitsNotNumbers) => "Give both limits as whole numbers.",
        (Locale::De, LimitsNotNumbers) => "Geben Sie beide Grenzen als ganze Zahlen an.",
        (Locale::En, NavApiTokens) => "API tokens",
        (Locale::De, NavApiTokens) => "API-Tokens",
        (Locale::En, ApiTokensTitle) => "API tokens",
        (Locale::De, ApiTokensTitle) => "API-Tokens",
        (Locale::En, ApiTokensLead) => {
            "Integrations such as a CRM plugin call the MemberPulse API with a token. Read tokens read clusters, metrics and KPI values; write tokens also push facts, and the KPIs follow at once. The API is described at /api/v1/openapi.json."
        }
        (Locale::De, ApiTokensLead) => {
            "Integrationen wie ein CRM-Plugin rufen die MemberPulse-API mit einem Token auf. Lese-Tokens lesen Cluster, Kennzahlen und KPI-Werte; Schreib-Tokens übermitteln auch Fakten, und die KPIs folgen sofort. Die API ist unter /api/v1/openapi.json beschrieben."
        }
        (Locale::En, ApiTokenCreateHeading) => "Create a token",
        (Locale::De, ApiTokenCreateHeading) => "Token erstellen",
        (Locale::En, ApiTokenNameLabel) => "Integration",
        (Locale::De, ApiTokenNameLabel) => "Integration",
        (Locale::En, ApiTokenAccessLabel) => "Access",
        (Locale::De, ApiTokenAccessLabel) => "Zugriff",
        (Locale::En, ApiTokenRead) => "Read",
        (Locale::De, ApiTokenRead) => "Lesen",
        (Locale::En, ApiTokenWrite) => "Read and write",
        (Locale::De, ApiTokenWrite) => "Lesen und schreiben",
        (Locale::En, ApiTokenCreateButton) => "Create token",
        (Locale::De, ApiTokenCreateButton) => "Token erstellen",
        (Locale::En, ApiTokenNameMissing) => "Name the integration that will use the token.",
        (Locale::De, ApiTokenNameMissing) => "Nennen Sie die Integration, die das Token verwendet.",
        (Locale::En, ApiTokenShownOnce) => {
            "Copy this token now: it is not shown again. Send it as Authorization: Bearer <token>."
        }
        (Locale::De, ApiTokenShownOnce) => {
            "Kopieren Sie dieses Token jetzt: Es wird nicht noch einmal angezeigt. Senden Sie es als Authorization: Bearer <Token>."
        }
        (Locale::En, ApiTokensEmpty) => "No API tokens yet.",
        (Locale::De, ApiTokensEmpty) => "Noch keine API-Tokens.",
        (Locale::En, ColumnToken) => "Token",
        (Locale::De, ColumnToken) => "Token",
        (Locale::En, ColumnCreated) => "Created",
        (Locale::De, ColumnCreated) => "Erstellt",
        (Locale::En, ColumnLastUsed) => "Last used",
        (Locale::De, ColumnLastUsed) => "Zuletzt verwendet",
        (Locale::En, ColumnAccess) => "Access",
        (Locale::De, ColumnAccess) => "Zugriff",
        (Locale::En, ApiTokenNeverUsed) => "Never",
        (Locale::De, ApiTokenNeverUsed) => "Nie",
        (Locale::En, ApiTokenRevokeButton) => "Revoke",
        (Locale::De, ApiTokenRevokeButton) => "Widerrufen",
        (Locale::En, ApiTokenRevokeConfirm) => {
            "Integrations using this token stop working at once. Revoke it?"
        }
        (Locale::De, ApiTokenRevokeConfirm) => {
            "Integrationen mit diesem Token funktionieren sofort nicht mehr. Widerrufen?"
        }
        (Locale::En, KeepButton) => "Keep",
        (Locale::De, KeepButton) => "Behalten",
        (Locale::En, ApiTokenRevokedOn) => "Revoked",
        (Locale::De, ApiTokenRevokedOn) => "Widerrufen",
        (Locale::En, ApiTokenActive) => "Active",
        (Locale::De, ApiTokenActive) => "Aktiv",
        (Locale::En, ApiTokenRevokedNotice) => {
            "The token is revoked; the API refuses it from now on."
        }
        (Locale::De, ApiTokenRevokedNotice) => {
            "Das Token ist widerrufen; die API lehnt es ab sofort ab."
        }
        (Locale::En, ImportHistoryHeading) => "Import history",
        (Locale::De, ImportHistoryHeading) => "Importverlauf",
        (Locale::En, ImportHistoryLead) => {
            "Every import from this page, the API and the command line. Rolling one back removes what it created and restores what it changed; the KPIs follow."
        }
        (Locale::De, ImportHistoryLead) => {
            "Jeder Import von dieser Seite, über die API und die Kommandozeile. Eine Rücknahme entfernt, was der Import angelegt hat, und stellt wieder her, was er geändert hat; die Kennzahlen folgen."
        }
        (Locale::En, ImportHistoryEmpty) => "Nothing has been imported yet.",
        (Locale::De, ImportHistoryEmpty) => "Noch nichts importiert.",
        (Locale::En, ColumnSource) => "Source",
        (Locale::De, ColumnSource) => "Quelle",
        (Locale::En, ColumnImportedBy) => "By",
        (Locale::De, ColumnImportedBy) => "Von",
        (Locale::En, ColumnRows) => "Rows",
        (Locale::De, ColumnRows) => "Zeilen",
        (Locale::En, ColumnNew) => "New",
        (Locale::De, ColumnNew) => "Neu",
        (Locale::En, ColumnChanged) => "Changed",
        (Locale::De, ColumnChanged) => "Geändert",
        (Locale::En, RollBackButton) => "Roll back",
        (Locale::De, RollBackButton) => "Zurücknehmen",
        (Locale::En, RollBackConfirm) => {
            "Remove what this import created and restore what it changed?"
        }
        (Locale::De, RollBackConfirm) => {
            "Entfernen, was dieser Import angelegt hat, und wiederherstellen, was er geändert hat?"
        }
        (Locale::En, RolledBackOn) => "Rolled back",
        (Locale::De, RolledBackOn) => "Zurückgenommen",
        (Locale::En, ImportInPlace) => "In place",
        (Locale::De, ImportInPlace) => "Wirksam",
        (Locale::En, ImportKindLabel) => "The file holds",
        (Locale::De, ImportKindLabel) => "Die Datei enthält",
        (Locale::En, ImportKindMembers) => "Members",
        (Locale::De, ImportKindMembers) => "Mitglieder",
        (Locale::En, ImportKindMemberships) => "Memberships",
        (Locale::De, ImportKindMemberships) => "Mitgliedschaften",
        (Locale::En, ImportKindAttendances) => "Attendances",
        (Locale::De, ImportKindAttendances) => "Anwesenheiten",
        (Locale::En, ImportHintMembers) => {
            "One row per member, known by member_number: a new number adds a member, a known one updates their name, e-mail and company. Importing the same file again changes nothing."
        }
        (Locale::De, ImportHintMembers) => {
            "Eine Zeile je Mitglied, erkannt an member_number: eine neue Nummer legt ein Mitglied an, eine bekannte ändert Name, E-Mail und Firma. Derselbe Import ein zweites Mal ändert nichts."
        }
        (Locale::En, ImportHintMemberships) => {
            "One row per membership term, known by member and start_date (2025-07-01); cluster_code names the cluster; renewal_outcome is renewed, lapsed or pending. A member's terms may not overlap. Import the members first."
        }
        (Locale::De, ImportHintMemberships) => {
            "Eine Zeile je Mitgliedschaft, erkannt an Mitglied und start_date (2025-07-01); cluster_code nennt den Cluster; renewal_outcome ist renewed, lapsed oder pending. Die Mitgliedschaften eines Mitglieds dürfen sich nicht überschneiden. Importieren Sie zuerst die Mitglieder."
        }
        (Locale::En, ImportKindDues) => "Dues invoices",
        (Locale::De, ImportKindDues) => "Beitragsrechnungen",
        (Locale::En, ImportHintDues) => {
            "One row per invoice, known by invoice_number; amounts as 1250.00 without a currency sign, dates as 2025-07-31. paid_on alone means the whole amount was paid; reserved_amount is the part moved to the cluster's reserve."
        }
        (Locale::De, ImportHintDues) => {
            "Eine Zeile je Rechnung, erkannt an invoice_number; Beträge als 1250.00 ohne Währungszeichen, Daten als 2025-07-31. paid_on allein bedeutet, dass der ganze Betrag bezahlt wurde; reserved_amount ist der Teil, der in die Rücklage des Clusters geht."
        }
        (Locale::En, ImportKindEvents) => "Events",
        (Locale::De, ImportKindEvents) => "Veranstaltungen",
        (Locale::En, ImportHintEvents) => {
            "One row per event, known by event_ref; kind is cluster_event or intercluster_program (with cluster_code), regional_event (with region_code), global_event, annual_meeting, forum_meeting (with cluster_code and the forum's name in forum) or committee_call (with cluster_code and committee); scheduled_start as 2025-03-14 18:00; status planned, held or cancelled. Import events before their invitations and attendances."
        }
        (Locale::De, ImportHintEvents) => {
            "Eine Zeile je Veranstaltung, erkannt an event_ref; kind ist cluster_event oder intercluster_program (mit cluster_code), regional_event (mit region_code), global_event, annual_meeting, forum_meeting (mit cluster_code und dem Namen des Forums in forum) oder committee_call (mit cluster_code und committee); scheduled_start als 2025-03-14 18:00; status planned, held oder cancelled. Importieren Sie Veranstaltungen vor ihren Einladungen und Anwesenheiten."
        }
        (Locale::En, ImportMapHeading) => "Match the file's columns",
        (Locale::De, ImportMapHeading) => "Spalten der Datei zuordnen",
        (Locale::En, ImportMapLead) => {
            "Say which column each of the file's columns holds, or leave it out. Once the file is imported, the mapping is remembered for the next file of this kind."
        }
        (Locale::De, ImportMapLead) => {
            "Geben Sie an, welche Spalte jede Spalte der Datei enthält, oder lassen Sie sie weg. Sobald die Datei importiert ist, wird die Zuordnung für die nächste Datei dieser Art gemerkt."
        }
        (Locale::En, ImportMapFileColumn) => "The file's column",
        (Locale::De, ImportMapFileColumn) => "Spalte der Datei",
        (Locale::En, ImportMapHolds) => "Holds",
        (Locale::De, ImportMapHolds) => "Enthält",
        (Locale::En, ImportMapLeaveOut) => "leave out",
        (Locale::De, ImportMapLeaveOut) => "weglassen",
        (Locale::En, ImportMapCheck) => "Check with these columns",
        (Locale::De, ImportMapCheck) => "Mit diesen Spalten prüfen",
        (Locale::En, ImportMapReadAs) => "Columns read as mapped:",
        (Locale::De, ImportMapReadAs) => "Spalten gelesen wie zugeordnet:",
        (Locale::En, ImportDownloadRecorded) => "Download what is recorded, in these columns:",
        (Locale::De, ImportDownloadRecorded) => "Erfasste Daten in diesen Spalten herunterladen:",
        (Locale::En, NavDashboards) => "Dashboards",
        (Locale::De, NavDashboards) => "Dashboards",
        (Locale::En, DashboardsTitle) => "Dashboards",
        (Locale::De, DashboardsTitle) => "Dashboards",
        (Locale::En, DashboardsLead) => {
            "Charts of the metrics you follow, arranged as you need them. Open one, copy it or build your own."
        }
        (Locale::De, DashboardsLead) => {
            "Diagramme der Kennzahlen, die Sie verfolgen, so angeordnet, wie Sie sie brauchen. Öffnen, kopieren oder eigene bauen."
        }
        (Locale::En, DashboardsRestored) => "The shipped dashboards are back as they shipped.",
        (Locale::De, DashboardsRestored) => {
            "Die mitgelieferten Dashboards sind wieder im Auslieferungszustand."
        }
        (Locale::En, DashboardsEmpty) => "No dashboards yet: create one above.",
        (Locale::De, DashboardsEmpty) => "Noch keine Dashboards: Legen Sie oben eines an.",
        (Locale::En, DashboardsRestoreButton) => "Restore the shipped dashboards",
        (Locale::De, DashboardsRestoreButton) => "Mitgelieferte Dashboards wiederherstellen",
        (Locale::En, DashboardsRestoreConfirm) => {
            "Undo every change to the shipped dashboards and bring back deleted ones?"
        }
        (Locale::De, DashboardsRestoreConfirm) => {
            "Alle Änderungen an den mitgelieferten Dashboards verwerfen und gelöschte zurückholen?"
        }
        (Locale::En, DashboardNameMissing) => "Give the dashboard a name.",
        (Locale::De, DashboardNameMissing) => "Geben Sie dem Dashboard einen Namen.",
        (Locale::En, DashboardCreateHeading) => "New dashboard",
        (Locale::De, DashboardCreateHeading) => "Neues Dashboard",
        (Locale::En, DashboardNameLabel) => "Name",
        (Locale::De, DashboardNameLabel) => "Name",
        (Locale::En, DashboardCreateButton) => "Create and edit",
        (Locale::De, DashboardCreateButton) => "Anlegen und bearbeiten",
        (Locale::En, DashboardDeleteButton) => "Delete",
        (Locale::De, DashboardDeleteButton) => "Löschen",
        (Locale::En, DashboardDeleteConfirm) => "Delete this dashboard?",
        (Locale::De, DashboardDeleteConfirm) => "Dieses Dashboard löschen?",
        (Locale::En, DashboardCopyButton) => "Copy",
        (Locale::De, DashboardCopyButton) => "Kopieren",
        (Locale::En, DashboardShipped) => "Shipped",
        (Locale::De, DashboardShipped) => "Mitgeliefert",
        (Locale::En, DashboardTitle) => "Dashboard",
        (Locale::De, DashboardTitle) => "Dashboard",
        (Locale::En, DashboardLead) => {
            "Every chart follows the scope and period chosen here; click a bar, cell or point to drill down."
        }
        (Locale::De, DashboardLead) => {
            "Jedes Diagramm folgt dem hier gewählten Bereich und Zeitraum; ein Klick auf Balken, Zelle oder Punkt führt tiefer."
        }
        (Locale::En, DashboardEditButton) => "Edit dashboard",
        (Locale::De, DashboardEditButton) => "Dashboard bearbeiten",
        (Locale::En, DashboardNoWidgets) => {
            "This dashboard has no charts yet. Edit it to add some."
        }
        (Locale::De, DashboardNoWidgets) => {
            "Dieses Dashboard hat noch keine Diagramme. Bearbeiten Sie es, um welche hinzuzufügen."
        }
        (Locale::En, DashboardWholeOrganization) => "Whole organization",
        (Locale::De, DashboardWholeOrganization) => "Gesamte Organisation",
        (Locale::En, DashboardNoCluster) => "No single cluster",
        (Locale::De, DashboardNoCluster) => "Kein einzelner Cluster",
        (Locale::En, DashboardWidgetsHeading) => "Charts, in order",
        (Locale::De, DashboardWidgetsHeading) => "Diagramme, in Reihenfolge",
        (Locale::En, DashboardAddWidget) => "Add a chart",
        (Locale::De, DashboardAddWidget) => "Diagramm hinzufügen",
        (Locale::En, DashboardSaveButton) => "Save dashboard",
        (Locale::De, DashboardSaveButton) => "Dashboard speichern",
        (Locale::En, DashboardCancelButton) => "Cancel",
        (Locale::De, DashboardCancelButton) => "Abbrechen",
        (Locale::En, DashboardChartLabel) => "Chart",
        (Locale::De, DashboardChartLabel) => "Diagramm",
        (Locale::En, DashboardMetricLabel) => "Metric",
        (Locale::De, DashboardMetricLabel) => "Kennzahl",
        (Locale::En, DashboardWidthLabel) => "Width",
        (Locale::De, DashboardWidthLabel) => "Breite",
        (Locale::En, DashboardMoveUp) => "Move up",
        (Locale::De, DashboardMoveUp) => "Nach oben",
        (Locale::En, DashboardDragWidget) => "Drag to move",
        (Locale::De, DashboardDragWidget) => "Zum Verschieben ziehen",
        (Locale::En, DashboardMoveDown) => "Move down",
        (Locale::De, DashboardMoveDown) => "Nach unten",
        (Locale::En, DashboardRemoveWidget) => "Remove",
        (Locale::De, DashboardRemoveWidget) => "Entfernen",
        (Locale::En, ChartKindTrend) => "Trend over periods",
        (Locale::De, ChartKindTrend) => "Verlauf über Zeiträume",
        (Locale::En, ChartKindRanking) => "Ranking",
        (Locale::De, ChartKindRanking) => "Rangliste",
        (Locale::En, ChartKindGauge) => "Gauge against target",
        (Locale::De, ChartKindGauge) => "Tacho gegen Ziel",
        (Locale::En, ChartKindRadar) => "Profile radar",
        (Locale::De, ChartKindRadar) => "Profil-Radar",
        (Locale::En, ChartKindHeatmap) => "Heatmap of signals",
        (Locale::De, ChartKindHeatmap) => "Heatmap der Signale",
        (Locale::En, WidthThird) => "A third",
        (Locale::De, WidthThird) => "Ein Drittel",
        (Locale::En, WidthHalf) => "Half",
        (Locale::De, WidthHalf) => "Halb",
        (Locale::En, WidthFull) => "Full width",
        (Locale::De, WidthFull) => "Volle Breite",
        (Locale::En, DashboardOpenScorecard) => "This cluster's scorecard and members",
        (Locale::De, DashboardOpenScorecard) => "Scorecard und Mitglieder dieses Clusters",
        (Locale::En, ImportKindGoals) => "Goals",
        (Locale::De, ImportKindGoals) => "Ziele",
        (Locale::En, ImportHintGoals) => {
            "One row per goal, known by cluster_code, year and title; year is the fiscal year (named by the calendar year it starts in), dates as 2025-01-20. recorded_on is the day the goal was set; deadline is thirty days into the fiscal year when left out; achieved is yes or no."
        }
        (Locale::De, ImportHintGoals) => {
            "Eine Zeile je Ziel, erkannt an cluster_code, year und title; year ist das Geschäftsjahr (benannt nach dem Kalenderjahr, in dem es beginnt), Daten als 2025-01-20. recorded_on ist der Tag, an dem das Ziel gesetzt wurde; deadline ist ohne Angabe der dreißigste Tag des Geschäftsjahres; achieved ist yes oder no."
        }
        (Locale::En, ImportKindBoardSeats) => "Board seats",
        (Locale::De, ImportKindBoardSeats) => "Vorstandsämter",
        (Locale::En, ImportHintBoardSeats) => {
            "One row per seat, known by cluster_code and title; is_leader is yes for the seat whose holder leads the cluster (one per board), no or empty otherwise. Import seats before their terms."
        }
        (Locale::De, ImportHintBoardSeats) => {
            "Eine Zeile je Amt, erkannt an cluster_code und title; is_leader ist yes für das Amt, dessen Inhaber den Cluster leitet (eines je Vorstand), sonst no oder leer. Importieren Sie Ämter vor ihren Amtszeiten."
        }
        (Locale::En, ImportKindBoardTerms) => "Board terms",
        (Locale::De, ImportKindBoardTerms) => "Amtszeiten",
        (Locale::En, ImportHintBoardTerms) => {
            "One row per term, known by cluster_code, seat and start_date; member_number holds the seat, end_date is its last day (empty while it runs), dates as 2025-01-01. A successor named for the term needs successor_number and successor_named_on. Terms of one seat may not overlap."
        }
        (Locale::De, ImportHintBoardTerms) => {
            "Eine Zeile je Amtszeit, erkannt an cluster_code, seat und start_date; member_number hat das Amt inne, end_date ist der letzte Tag (leer, solange sie läuft), Daten als 2025-01-01. Ein benannter Nachfolger braucht successor_number und successor_named_on. Amtszeiten eines Amtes dürfen sich nicht überschneiden."
        }
        (Locale::En, ImportKindServiceProjects) => "Service projects",
        (Locale::De, ImportKindServiceProjects) => "Gemeinwohlprojekte",
        (Locale::En, ImportHintServiceProjects) => {
            "One row per project, known by cluster_code and name; started_on is its first day, completed_on the day it was done (empty while it runs), dates as 2025-03-01, neither after today."
        }
        (Locale::De, ImportHintServiceProjects) => {
            "Eine Zeile je Projekt, erkannt an cluster_code und name; started_on ist der erste Tag, completed_on der Tag des Abschlusses (leer, solange es läuft), Daten als 2025-03-01, keines nach heute."
        }
        (Locale::En, ImportKindPartnerships) => "Partnerships",
        (Locale::De, ImportKindPartnerships) => "Partnerschaften",
        (Locale::En, ImportHintPartnerships) => {
            "One row per partnership, known by cluster_code, partner_name and start_date (not after today); end_date is its last day, at most five years ahead (empty while it runs), dates as 2025-03-01."
        }
        (Locale::De, ImportHintPartnerships) => {
            "Eine Zeile je Partnerschaft, erkannt an cluster_code, partner_name und start_date (nicht nach heute); end_date ist der letzte Tag, höchstens fünf Jahre voraus (leer, solange sie läuft), Daten als 2025-03-01."
        }
        (Locale::En, Active) => "Active",
        (Locale::De, Active) => "Aktiv",
        (Locale::En, DownloadList) => "Download this list:",
        (Locale::De, DownloadList) => "Diese Liste herunterladen:",
        (Locale::En, ImportKindMedia) => "Media coverage",
        (Locale::De, ImportKindMedia) => "Medienberichte",
        (Locale::En, ImportHintMedia) => {
            "One row per item, known by reference (your system's id; items recorded here have MP-… ones, as the export shows); kind is mention, press_release or social_post; published_on as 2025-03-14, not after today; reach a whole number, 0 when empty."
        }
        (Locale::De, ImportHintMedia) => {
            "Eine Zeile je Bericht, erkannt an reference (die Kennung Ihres Systems; hier erfasste Berichte haben MP-…, wie der Export zeigt); kind ist mention, press_release oder social_post; published_on als 2025-03-14, nicht nach heute; reach eine ganze Zahl, leer 0."
        }
        (Locale::En, ImportKindAwards) => "Award applications",
        (Locale::De, ImportKindAwards) => "Preisbewerbungen",
        (Locale::En, ImportHintAwards) => {
            "One row per application, known by reference (your system's id; applications recorded here have MP-… ones, as the export shows); member_number when a member applies, empty when the cluster does; submitted_on as 2025-03-14; outcome pending, won or lost (pending when empty)."
        }
        (Locale::De, ImportHintAwards) => {
            "Eine Zeile je Bewerbung, erkannt an reference (die Kennung Ihres Systems; hier erfasste Bewerbungen haben MP-…, wie der Export zeigt); member_number, wenn ein Mitglied sich bewirbt, leer für den Cluster; submitted_on als 2025-03-14; outcome pending, won oder lost (leer: pending)."
        }
        (Locale::En, ImportKindForums) => "Forums",
        (Locale::De, ImportKindForums) => "Foren",
        (Locale::En, ImportHintForums) => {
            "One row per forum, known by cluster_code and name; formed_on is its first day, dissolved_on its last (empty while it meets), dates as 2025-03-01, neither after today."
        }
        (Locale::De, ImportHintForums) => {
            "Eine Zeile je Forum, erkannt an cluster_code und name; formed_on ist der erste Tag, dissolved_on der letzte (leer, solange es sich trifft), Daten als 2025-03-01, keines nach heute."
        }
        (Locale::En, ImportKindForumMembers) => "Forum members",
        (Locale::De, ImportKindForumMembers) => "Forenmitglieder",
        (Locale::En, ImportHintForumMembers) => {
            "One row per seat, known by cluster_code, forum, member_number, role and start_date; role is member or moderator; end_date is the last day (empty while they belong), dates as 2025-01-01; trained is yes or no. Import the forums first."
        }
        (Locale::De, ImportHintForumMembers) => {
            "Eine Zeile je Platz, erkannt an cluster_code, forum, member_number, role und start_date; role ist member oder moderator; end_date ist der letzte Tag (leer, solange sie dazugehören), Daten als 2025-01-01; trained ist yes oder no. Importieren Sie zuerst die Foren."
        }
        (Locale::En, ImportKindCommittees) => "Committees",
        (Locale::De, ImportKindCommittees) => "Ausschüsse",
        (Locale::En, ImportHintCommittees) => {
            "One row per committee, known by cluster_code and name. Import committees before their members."
        }
        (Locale::De, ImportHintCommittees) => {
            "Eine Zeile je Ausschuss, erkannt an cluster_code und name. Importieren Sie Ausschüsse vor ihren Mitgliedern."
        }
        (Locale::En, ImportKindCommitteeMembers) => "Committee members",
        (Locale::De, ImportKindCommitteeMembers) => "Ausschussmitglieder",
        (Locale::En, ImportHintCommitteeMembers) => {
            "One row per seat, known by cluster_code, committee, member_number and start_date; end_date is the last day (empty while they sit), dates as 2025-01-01. Members seated on the day of a committee call are invited to it."
        }
        (Locale::De, ImportHintCommitteeMembers) => {
            "Eine Zeile je Sitz, erkannt an cluster_code, committee, member_number und start_date; end_date ist der letzte Tag (leer, solange sie sitzen), Daten als 2025-01-01. Wer am Tag einer Ausschusssitzung sitzt, wird eingeladen."
        }
        (Locale::En, ImportKindSelfReports) => "Self-reports",
        (Locale::De, ImportKindSelfReports) => "Selbstauskünfte",
        (Locale::En, ImportHintSelfReports) => {
            "One row per report, known by member_number, report_month (2025-03) and kind (activity, event_participation or volunteer_hours); status is expected, submitted, verified or rejected, with submitted_on unless expected; hours as 4.5; days as 2025-04-10."
        }
        (Locale::De, ImportHintSelfReports) => {
            "Eine Zeile je Auskunft, erkannt an member_number, report_month (2025-03) und kind (activity, event_participation oder volunteer_hours); status ist expected, submitted, verified oder rejected, mit submitted_on außer bei expected; Stunden als 4.5; Tage als 2025-04-10."
        }
        (Locale::En, ColumnKey) => "Key",
        (Locale::De, ColumnKey) => "Schlüssel",
        (Locale::En, ImportKindInvitations) => "Invitations",
        (Locale::De, ImportKindInvitations) => "Einladungen",
        (Locale::En, ImportHintInvitations) => {
            "One row per member invited to an event, known by event_ref and member_number. Forum meetings and committee calls count attendance against their invitations: import them after the events, before the attendances."
        }
        (Locale::De, ImportHintInvitations) => {
            "Eine Zeile je zu einer Veranstaltung eingeladenem Mitglied, erkannt an event_ref und member_number. Forumstreffen und Ausschusssitzungen messen die Anwesenheit an ihren Einladungen: importieren Sie sie nach den Veranstaltungen und vor den Anwesenheiten."
        }
        (Locale::En, ImportKindSpeakers) => "Speakers",
        (Locale::De, ImportKindSpeakers) => "Redner",
        (Locale::En, ImportHintSpeakers) => {
            "One row per member who spoke at an event, known by event_ref and member_number, with the topic. A talk at a held regional or global event counts for the speaker's cluster."
        }
        (Locale::De, ImportHintSpeakers) => {
            "Eine Zeile je Mitglied, das bei einer Veranstaltung sprach, erkannt an event_ref und member_number, mit dem Thema. Ein Vortrag bei einer stattgefundenen regionalen oder globalen Veranstaltung zählt für den Cluster des Redners."
        }
        (Locale::En, ImportKindMentorships) => "Mentorships",
        (Locale::De, ImportKindMentorships) => "Mentorenschaften",
        (Locale::En, ImportHintMentorships) => {
            "One row per mentorship, known by cluster_code, mentor_number, mentee_number and start_date; end_date is the last day (empty while it lasts), dates as 2025-01-01. Both were members of the cluster at some time."
        }
        (Locale::De, ImportHintMentorships) => {
            "Eine Zeile je Mentorenschaft, erkannt an cluster_code, mentor_number, mentee_number und start_date; end_date ist der letzte Tag (leer, solange sie besteht), Daten als 2025-01-01. Beide waren irgendwann Mitglieder des Clusters."
        }
        (Locale::En, ImportKindTrainings) => "Trainings",
        (Locale::De, ImportKindTrainings) => "Schulungen",
        (Locale::En, ImportHintTrainings) => {
            "One row per completed course, known by member_number, course and completed_on (as 2025-01-01); a course taken again is another row. Leadership training counts the board members who completed one in the year."
        }
        (Locale::De, ImportHintTrainings) => {
            "Eine Zeile je abgeschlossenem Kurs, erkannt an member_number, course und completed_on (als 2025-01-01); ein wiederholter Kurs ist eine weitere Zeile. Die Führungsschulung zählt die Vorstandsmitglieder, die im Jahr einen abschlossen."
        }
        (Locale::En, ImportKindBudgets) => "Budgets",
        (Locale::De, ImportKindBudgets) => "Budgets",
        (Locale::En, ImportHintBudgets) => {
            "One row per cluster and fiscal year, known by cluster_code and year; amount as 125000.00 without a currency sign; deadline and submitted_on (empty until submitted) as 2025-01-31."
        }
        (Locale::De, ImportHintBudgets) => {
            "Eine Zeile je Cluster und Geschäftsjahr, erkannt an cluster_code und year; amount als 125000.00 ohne Währungszeichen; deadline und submitted_on (leer bis zur Einreichung) als 2025-01-31."
        }
        (Locale::En, ImportKindSpendings) => "Spendings",
        (Locale::De, ImportKindSpendings) => "Ausgaben",
        (Locale::En, ImportHintSpendings) => {
            "One row per spending, known by its reference (your ledger's id); spent_on as 2025-03-14, amount as 1250.00 without a currency sign, and a category. Budget variance compares them with the year's budget."
        }
        (Locale::De, ImportHintSpendings) => {
            "Eine Zeile je Ausgabe, erkannt an ihrer reference (der Buchungsnummer); spent_on als 2025-03-14, amount als 1250.00 ohne Währungszeichen, und eine category. Die Budgetabweichung vergleicht sie mit dem Budget des Jahres."
        }
        (Locale::En, ImportKindReferrals) => "Referrals",
        (Locale::De, ImportKindReferrals) => "Empfehlungen",
        (Locale::En, ImportHintReferrals) => {
            "One row per prospective member a cluster referred, known by from_cluster_code, prospect_name and referred_on (as 2025-03-14), with the to_cluster_code of the cluster referred to."
        }
        (Locale::De, ImportHintReferrals) => {
            "Eine Zeile je Interessent, den ein Cluster empfahl, erkannt an from_cluster_code, prospect_name und referred_on (als 2025-03-14), mit dem to_cluster_code des empfohlenen Clusters."
        }
        (Locale::En, ImportSending) => "Sending the file:",
        (Locale::De, ImportSending) => "Die Datei wird gesendet:",
        (Locale::En, Yes) => "Yes",
        (Locale::De, Yes) => "Ja",
        (Locale::En, No) => "No",
        (Locale::De, No) => "Nein",
        (Locale::En, ColumnSubmitted) => "Sent on",
        (Locale::De, ColumnSubmitted) => "Gesendet am",
        (Locale::En, ColumnCharts) => "Charts",
        (Locale::De, ColumnCharts) => "Diagramme",
        (Locale::En, DashboardScopeLabel) => "Shows",
        (Locale::De, DashboardScopeLabel) => "Zeigt",
        (Locale::En, DashboardPeriodLabel) => "Period",
        (Locale::De, DashboardPeriodLabel) => "Zeitraum",
        (Locale::En, WidgetScopeDashboard) => "The dashboard's scope",
        (Locale::De, WidgetScopeDashboard) => "Den Bereich des Dashboards",
        (Locale::En, WidgetScopeOrganization) => "Whole organization",
        (Locale::De, WidgetScopeOrganization) => "Gesamte Organisation",
        (Locale::En, WidgetPeriodDashboard) => "The dashboard's period",
        (Locale::De, WidgetPeriodDashboard) => "Den Zeitraum des Dashboards",
        (Locale::En, WidgetPeriodPrevious) => "The period before",
        (Locale::De, WidgetPeriodPrevious) => "Den Zeitraum davor",
        (Locale::En, WidgetPeriodYearEarlier) => "The same period a year earlier",
        (Locale::De, WidgetPeriodYearEarlier) => "Denselben Zeitraum ein Jahr früher",
        (Locale::En, WidgetPinned) => "Pinned:",
        (Locale::De, WidgetPinned) => "Festgelegt:",
    }
}

/// Says this device tried too often and how long to wait.
pub fn too_many_attempts(locale: Locale, seconds: u64) -> String {
    match locale {
        Locale::En => {
            format!("Too many attempts from this device. Try again in {seconds} seconds.")
        }
        Locale::De => format!(
            "Zu viele Versuche von diesem Gerät. Versuchen Sie es in {seconds} Sekunden erneut."
        ),
    }
}

/// Says the account is locked and for how long.
pub fn locked_for(locale: Locale, minutes: i64) -> String {
    match locale {
        Locale::En => format!(
            "Too many failed attempts: the account is locked. Try again in {minutes} minutes."
        ),
        Locale::De => format!(
            "Zu viele Fehlversuche: Das Konto ist gesperrt. Versuchen Sie es in {minutes} Minuten erneut."
        ),
    }
}

/// "12 of 400 values await a decision."
pub fn awaiting_summary(locale: Locale, awaiting: u32, total: u32) -> String {
    let (a, t) = (
        format_count(locale, u64::from(awaiting)),
        format_count(locale, u64::from(total)),
    );
    match locale {
        Locale::En => format!("{a} of {t} values await a decision."),
        Locale::De => format!("{a} von {t} Werten warten auf eine Entscheidung."),
    }
}

/// The bulk validation button: "Validate all 12 awaiting".
pub fn validate_all(locale: Locale, count: u32) -> String {
    let n = format_count(locale, u64::from(count));
    match locale {
        Locale::En => format!("Validate all {n} awaiting"),
        Locale::De => format!("Alle {n} offenen validieren"),
    }
}

/// "1,204 reports are waiting."
pub fn reports_waiting(locale: Locale, count: u32) -> String {
    let n = format_count(locale, u64::from(count));
    match locale {
        Locale::En => format!("{n} reports are waiting."),
        Locale::De => format!("{n} Berichte warten."),
    }
}

/// "Page 2 of 5".
pub fn page_of(locale: Locale, page: u32, pages: u32) -> String {
    match locale {
        Locale::En => format!("Page {page} of {pages}"),
        Locale::De => format!("Seite {page} von {pages}"),
    }
}

/// After saving a metric: its version and the recompute that followed.
pub fn metric_saved(locale: Locale, version: i32, values: u32, seconds: f64) -> String {
    let n = format_count(locale, u64::from(values));
    let s = format_decimal(locale, seconds, 1);
    match locale {
        Locale::En => format!("Saved as version {version}. {n} values computed in {s} s."),
        Locale::De => format!("Als Version {version} gespeichert. {n} Werte in {s} s berechnet."),
    }
}

/// After a decision: how many values changed.
pub fn values_changed(locale: Locale, count: u32) -> String {
    let n = format_count(locale, u64::from(count));
    match locale {
        Locale::En if count == 1 => "1 value changed.".to_owned(),
        Locale::En => format!("{n} values changed."),
        Locale::De if count == 1 => "1 Wert geändert.".to_owned(),
        Locale::De => format!("{n} Werte geändert."),
    }
}

/// "Data 83 % complete".
pub fn data_complete(locale: Locale, share: f64) -> String {
    let percent = format_decimal(locale, share * 100.0, 0);
    match locale {
        Locale::En => format!("Data {percent} % complete"),
        Locale::De => format!("Daten zu {percent} % vollständig"),
    }
}

/// "3 of 4".
pub fn present_of_expected(locale: Locale, present: f64, expected: f64) -> String {
    let (p, e) = (
        format_decimal(locale, present, 0),
        format_decimal(locale, expected, 0),
    );
    match locale {
        Locale::En => format!("{p} of {e}"),
        Locale::De => format!("{p} von {e}"),
    }
}

/// "4 of 2–10 optional metrics selected".
pub fn optional_selected(locale: Locale, selected: u32, min: u32, max: u32) -> String {
    match locale {
        Locale::En => format!("{selected} optional metrics selected (choose {min} to {max})"),
        Locale::De => format!("{selected} optionale Kennzahlen gewählt ({min} bis {max} möglich)"),
    }
}

/// A signed difference in the metric's unit: `+3`, `-1.5 pts` (percentage points).
pub fn format_change(locale: Locale, unit: &str, delta: f64) -> String {
    let sign = if delta > 0.0 { "+" } else { "" };
    let number = match unit {
        "percent" => {
            let points = format_decimal(locale, delta * 100.0, 1);
            match locale {
                Locale::En => format!("{points} pts"),
                Locale::De => format!("{points} Pkt."),
            }
        }
        "count" if delta.fract() == 0.0 => format_decimal(locale, delta, 0),
        "hours" => format!("{} h", format_decimal(locale, delta, 1)),
        "money" => format_decimal(locale, delta, 2),
        _ => format_decimal(locale, delta, 2),
    };
    format!("{sign}{number}")
}

/// What it takes to reach the next signal: "4 more to reach green", "0.5 h less to reach
/// amber", "Needs yes for green".
pub fn gap_to_next(
    locale: Locale,
    unit: &str,
    direction: kpi::Direction,
    next: kpi::Signal,
    amount: f64,
) -> String {
    let signal = match (locale, next) {
        (Locale::En, kpi::Signal::Green) => "green",
        (Locale::En, kpi::Signal::Amber) => "amber",
        (Locale::En, kpi::Signal::Red) => "red",
        (Locale::De, kpi::Signal::Green) => "Grün",
        (Locale::De, kpi::Signal::Amber) => "Gelb",
        (Locale::De, kpi::Signal::Red) => "Rot",
    };
    if unit == "boolean" {
        return match locale {
            Locale::En => format!("Needs “yes” for {signal}"),
            Locale::De => format!("Braucht „ja“ für {signal}"),
        };
    }
    // Counts move in whole steps: 2.3 events short means 3 more events.
    let amount = if unit == "count" {
        amount.ceil()
    } else {
        amount
    };
    let number = format_change(locale, unit, amount);
    let number = number.trim_start_matches('+');
    let more = direction == kpi::Direction::HigherIsBetter;
    match (locale, more) {
        (Locale::En, true) => format!("{number} more to reach {signal}"),
        (Locale::En, false) => format!("{number} less to reach {signal}"),
        (Locale::De, true) => format!("{number} mehr bis {signal}"),
        (Locale::De, false) => format!("{number} weniger bis {signal}"),
    }
}

/// "Your cluster ranks 4th of 50 in North." (or has no number to rank).
pub fn own_rank(locale: Locale, rank: Option<u32>, of: usize, scope: &str) -> String {
    let of = format_count(locale, of as u64);
    match (locale, rank) {
        (Locale::En, Some(rank)) => {
            let suffix = match (rank % 10, rank % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("Your cluster ranks {rank}{suffix} of {of} in {scope}.")
        }
        (Locale::De, Some(rank)) => {
            format!("Ihr Cluster steht auf Platz {rank} von {of} in {scope}.")
        }
        (Locale::En, None) => format!("Your cluster has no number to rank in {scope} yet."),
        (Locale::De, None) => {
            format!("Ihr Cluster hat in {scope} noch keinen Wert für eine Platzierung.")
        }
    }
}

/// A media item kind in words.
pub fn media_kind(locale: Locale, kind: &str) -> &'static str {
    match (locale, kind) {
        (Locale::En, "mention") => "Mention",
        (Locale::De, "mention") => "Erwähnung",
        (Locale::En, "press_release") => "Press release",
        (Locale::De, "press_release") => "Pressemitteilung",
        (Locale::En, "social_post") => "Social post",
        (Locale::De, "social_post") => "Social-Media-Beitrag",
        (Locale::En, _) => "Item",
        (Locale::De, _) => "Beitrag",
    }
}

/// An event kind in words.
pub fn event_kind(locale: Locale, kind: &str) -> &'static str {
    match (locale, kind) {
        (Locale::En, "cluster_event") => "Cluster event",
        (Locale::De, "cluster_event") => "Cluster-Veranstaltung",
        (Locale::En, "forum_meeting") => "Forum meeting",
        (Locale::De, "forum_meeting") => "Forumstreffen",
        (Locale::En, "committee_call") => "Committee call",
        (Locale::De, "committee_call") => "Ausschusssitzung",
        (Locale::En, "annual_meeting") => "Annual meeting",
        (Locale::De, "annual_meeting") => "Jahresversammlung",
        (Locale::En, "regional_event") => "Regional event",
        (Locale::De, "regional_event") => "Regionale Veranstaltung",
        (Locale::En, "global_event") => "Global event",
        (Locale::De, "global_event") => "Globale Veranstaltung",
        (Locale::En, "intercluster_program") => "Inter-cluster programme",
        (Locale::De, "intercluster_program") => "Cluster-übergreifendes Programm",
        (Locale::En, _) => "Event",
        (Locale::De, _) => "Veranstaltung",
    }
}

/// "Attended, 10 min late".
pub fn minutes_late(locale: Locale, minutes: i64) -> String {
    match locale {
        Locale::En => format!("Attended, {minutes} min late"),
        Locale::De => format!("Teilgenommen, {minutes} Min. zu spät"),
    }
}

/// A date and time as the locale writes it: 5 March 2026, 18:00.
pub fn format_date_time(locale: Locale, at: chrono::NaiveDateTime) -> String {
    format!("{}, {}", format_date(locale, at.date()), at.format("%H:%M"))
}

/// "3 of 4 joined, 2 on time" (or "Cancelled" for a call that did not take place).
pub fn call_summary(
    locale: Locale,
    held: bool,
    invited: i64,
    attended: i64,
    on_time: i64,
) -> String {
    if !held {
        return t(locale, Msg::EventCancelled).to_owned();
    }
    match locale {
        Locale::En => format!("{attended} of {invited} joined, {on_time} on time"),
        Locale::De => format!("{attended} von {invited} dabei, {on_time} pünktlich"),
    }
}

/// A whole number with the locale's digit grouping: 10,000 (en) or 10.000 (de).
pub fn format_count(locale: Locale, value: u64) -> String {
    let separator = match locale {
        Locale::En => ',',
        Locale::De => '.',
    };
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// A number as typed in the locale: `1,234.5` (en) or `1.234,5` (de); `None` if it is not one.
pub fn parse_number(locale: Locale, text: &str) -> Option<f64> {
    let text = text.trim().replace([' ', '\u{a0}', '\''], "");
    let normalized = match locale {
        Locale::En => text.replace(',', ""),
        Locale::De => text.replace('.', "").replace(',', "."),
    };
    normalized.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A decimal number with `decimals` places and the locale's separators.
pub fn format_decimal(locale: Locale, value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let grouped = format_count(locale, whole.parse().unwrap_or(0));
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    let point = match locale {
        Locale::En => '.',
        Locale::De => ',',
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{fraction}")
    }
}

/// A metric value in its unit: `72.5 %`, `1,204`, `3.4`, `12.5 h`, `yes`/`no`.
pub fn format_metric_value(locale: Locale, unit: &str, value: f64) -> String {
    match unit {
        "percent" => format!("{} %", format_decimal(locale, value * 100.0, 1)),
        "count" if value.fract() == 0.0 => format_decimal(locale, value, 0),
        "hours" => format!("{} h", format_decimal(locale, value, 1)),
        "money" => format_decimal(locale, value, 2),
        "boolean" => {
            let yes = value >= 0.5;
            match (locale, yes) {
                (Locale::En, true) => "yes".into(),
                (Locale::En, false) => "no".into(),
                (Locale::De, true) => "ja".into(),
                (Locale::De, false) => "nein".into(),
            }
        }
        _ => format_decimal(locale, value, 2),
    }
}

/// A threshold in the metric's display unit, for an input field: `72.5` for 0.725 in
/// percent, with the locale's decimal separator and no grouping.
pub fn format_threshold(locale: Locale, unit: &str, value: f64) -> String {
    let shown = if unit == "percent" {
        value * 100.0
    } else {
        value
    };
    // Up to four decimals, without trailing zeros.
    let text = format!("{shown:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match locale {
        Locale::En => text.to_owned(),
        Locale::De => text.replace('.', ","),
    }
}

/// A calendar date as the locale writes it: 23 November 2026 (en), 23. November 2026 (de).
pub fn format_date(locale: Locale, date: NaiveDate) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const DE: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    let month = date.month0() as usize;
    match locale {
        Locale::En => format!("{} {} {}", date.day(), EN[month], date.year()),
        Locale::De => format!("{}. {} {}", date.day(), DE[month], date.year()),
    }
}

/// A signal in words ("On track"; "No data" without one).
pub fn signal_word(
    locale: Locale,
    signal: Option<crate::models::validation::Signal>,
) -> &'static str {
    use crate::models::validation::Signal;
    t(
        locale,
        match signal {
            Some(Signal::Green) => Msg::SignalGreen,
            Some(Signal::Amber) => Msg::SignalAmber,
            Some(Signal::Red) => Msg::SignalRed,
            None => Msg::SignalNone,
        },
    )
}

/// The label of a chart's target line: "Green at 80 % or more".
pub fn green_at(locale: Locale, higher_is_better: bool, threshold: &str) -> String {
    match (locale, higher_is_better) {
        (Locale::En, true) => format!("Green at {threshold} or more"),
        (Locale::En, false) => format!("Green at {threshold} or less"),
        (Locale::De, true) => format!("Grün ab {threshold}"),
        (Locale::De, false) => format!("Grün bis {threshold}"),
    }
}

/// A ranking chart's title: "Forum attendance by cluster, 2025".
pub fn ranking_title(locale: Locale, metric: &str, period: &str) -> String {
    match locale {
        Locale::En => format!("{metric} by cluster, {period}"),
        Locale::De => format!("{metric} nach Cluster, {period}"),
    }
}

/// A trend chart's title: "Forum attendance over time".
pub fn trend_title(locale: Locale, metric: &str) -> String {
    match locale {
        Locale::En => format!("{metric} over time"),
        Locale::De => format!("{metric} im Zeitverlauf"),
    }
}

/// A chart tooltip: "C001 · Alpine Founders: 83.3 %", or "…: no data".
pub fn chart_tooltip(locale: Locale, name: &str, value: Option<&str>) -> String {
    let value = value.unwrap_or_else(|| t(locale, Msg::SignalNone));
    format!("{name}: {value}")
}

/// A gauge chart's title: "Forum attendance against its target, 2025".
pub fn gauge_title(locale: Locale, metric: &str, period: &str) -> String {
    match locale {
        Locale::En => format!("{metric} against its target, {period}"),
        Locale::De => format!("{metric} gegenüber dem Ziel, {period}"),
    }
}

/// A heatmap's title: "Cluster metrics in Nordics, 2025".
pub fn heatmap_title(locale: Locale, group: &str, region: &str, period: &str) -> String {
    match locale {
        Locale::En => format!("{group} metrics in {region}, {period}"),
        Locale::De => format!("{group}-Kennzahlen in {region}, {period}"),
    }
}

/// A radar chart's title: "Cluster metrics against the region and 23 similar-size clusters".
pub fn profile_title(locale: Locale, group: &str, peers: usize) -> String {
    let peers = format_count(locale, peers as u64);
    match locale {
        Locale::En => {
            format!("{group} metrics against the region and {peers} similar-size clusters")
        }
        Locale::De => {
            format!("{group}-Kennzahlen gegenüber der Region und {peers} Clustern ähnlicher Größe")
        }
    }
}

/// A typeface choice in words.
pub fn font_name(locale: Locale, font: crate::models::brand::BrandFont) -> &'static str {
    use crate::models::brand::BrandFont;
    match font {
        BrandFont::System => t(locale, Msg::FontSystem),
        BrandFont::Humanist => t(locale, Msg::FontHumanist),
        BrandFont::Geometric => t(locale, Msg::FontGeometric),
        BrandFont::Serif => t(locale, Msg::FontSerif),
        BrandFont::Rounded => t(locale, Msg::FontRounded),
    }
}

/// A theme mode in words.
pub fn theme_mode_name(locale: Locale, mode: crate::models::brand::ThemeMode) -> &'static str {
    use crate::models::brand::ThemeMode;
    match mode {
        ThemeMode::Device => t(locale, Msg::ModeDevice),
        ThemeMode::Light => t(locale, Msg::ModeLight),
        ThemeMode::Dark => t(locale, Msg::ModeDark),
    }
}

/// A contrast ratio as WCAG writes it: "4.8 : 1".
pub fn contrast_ratio(locale: Locale, ratio: f64) -> String {
    format!("{} : 1", format_decimal(locale, ratio, 1))
}

/// Why a brand form cannot be saved, and what to do instead.
pub fn brand_problem(locale: Locale, problem: &crate::models::brand::BrandProblem) -> String {
    use crate::models::brand::{AA_TEXT_CONTRAST, BrandColourField, BrandProblem, NAME_MAX_CHARS};
    let field = |field: &BrandColourField| match field {
        BrandColourField::Primary => t(locale, Msg::FieldPrimaryColour),
        BrandColourField::Accent => t(locale, Msg::FieldAccentColour),
    };
    match (locale, problem) {
        (Locale::En, BrandProblem::NameMissing) => "Organization name: enter the name.".into(),
        (Locale::De, BrandProblem::NameMissing) => {
            "Name der Organisation: Geben Sie den Namen ein.".into()
        }
        (Locale::En, BrandProblem::NameTooLong { chars }) => {
            format!(
                "Organization name: {chars} characters; at most {NAME_MAX_CHARS} fit the header."
            )
        }
        (Locale::De, BrandProblem::NameTooLong { chars }) => {
            format!(
                "Name der Organisation: {chars} Zeichen; höchstens {NAME_MAX_CHARS} passen in die Kopfzeile."
            )
        }
        (Locale::En, BrandProblem::NotAColour { field: which, text }) => {
            format!(
                "{}: {text:?} is not a colour; write it as #rrggbb, e.g. #1d4ed8.",
                field(which)
            )
        }
        (Locale::De, BrandProblem::NotAColour { field: which, text }) => {
            format!(
                "{}: {text:?} ist keine Farbe; schreiben Sie sie als #rrggbb, z. B. #1d4ed8.",
                field(which)
            )
        }
        (
            _,
            BrandProblem::TooLittleContrast {
                field: which,
                colour,
                ratio,
                suggestion,
            },
        ) => {
            let ratio = contrast_ratio(locale, *ratio);
            let needed = contrast_ratio(locale, AA_TEXT_CONTRAST);
            let instead = suggestion.map(|s| s.hex()).unwrap_or_default();
            match locale {
                Locale::En => format!(
                    "{}: {colour} has a contrast of {ratio} on the light page; WCAG AA needs {needed} for text. {instead} is the nearest darker shade that passes.",
                    field(which)
                ),
                Locale::De => format!(
                    "{}: {colour} hat auf der hellen Seite einen Kontrast von {ratio}; WCAG AA verlangt {needed} für Text. {instead} ist der nächste dunklere Ton, der genügt.",
                    field(which)
                ),
            }
        }
        (Locale::En, BrandProblem::UnknownFont { key }) => {
            format!("Typeface: {key:?} is not one of the offered typefaces.")
        }
        (Locale::De, BrandProblem::UnknownFont { key }) => {
            format!("Schrift: {key:?} ist keine der angebotenen Schriften.")
        }
    }
}

/// The explorer heatmap's title: "Forum attendance by cluster · Nordics".
pub fn explorer_heatmap_title(locale: Locale, metric: &str, scope: Option<&str>) -> String {
    match (locale, scope) {
        (Locale::En, Some(region)) => format!("{metric} by cluster · {region}"),
        (Locale::De, Some(region)) => format!("{metric} nach Cluster · {region}"),
        (Locale::En, None) => format!("{metric} by region"),
        (Locale::De, None) => format!("{metric} nach Region"),
    }
}

/// The explorer trend's title: "Forum attendance · Nordics over time".
pub fn explorer_trend_title(locale: Locale, metric: &str, scope: &str) -> String {
    match locale {
        Locale::En => format!("{metric} · {scope} over time"),
        Locale::De => format!("{metric} · {scope} im Verlauf"),
    }
}

/// A cluster's share of values on track: "72 % on track".
pub fn share_on_track(locale: Locale, share: f64) -> String {
    let percent = format_decimal(locale, share * 100.0, 0);
    match locale {
        Locale::En => format!("{percent} % on track"),
        Locale::De => format!("{percent} % im Plan"),
    }
}

/// What an import would do: "12 rows: 2 to create, 1 to change, 9 unchanged".
pub fn import_summary(
    locale: Locale,
    rows: u64,
    created: u64,
    changed: u64,
    unchanged: u64,
) -> String {
    let one = rows == 1;
    let [rows, created, changed, unchanged] =
        [rows, created, changed, unchanged].map(|n| format_count(locale, n));
    let rows = match (locale, one) {
        (Locale::En, true) => "1 row".to_owned(),
        (Locale::En, false) => format!("{rows} rows"),
        (Locale::De, true) => "1 Zeile".to_owned(),
        (Locale::De, false) => format!("{rows} Zeilen"),
    };
    match locale {
        Locale::En => {
            format!("{rows}: {created} to create, {changed} to change, {unchanged} unchanged")
        }
        Locale::De => {
            format!("{rows}: {created} neu, {changed} zu ändern, {unchanged} unverändert")
        }
    }
}

/// How many problems a file has: "3 problems".
pub fn import_problem_count(locale: Locale, count: u64) -> String {
    let n = format_count(locale, count);
    match (locale, count) {
        (Locale::En, 1) => "1 problem".to_owned(),
        (Locale::En, _) => format!("{n} problems"),
        (Locale::De, 1) => "1 Problem".to_owned(),
        (Locale::De, _) => format!("{n} Probleme"),
    }
}

/// What an import did: "Imported: 2 new, 1 changed; 18 KPI values recomputed."
pub fn import_done(locale: Locale, created: u64, changed: u64, kpis: Option<u64>) -> String {
    let [created, changed] = [created, changed].map(|n| format_count(locale, n));
    let kpis = kpis.map(|n| format_count(locale, n));
    match (locale, kpis) {
        (Locale::En, Some(kpis)) => {
            format!("Imported: {created} new, {changed} changed; {kpis} KPI values recomputed.")
        }
        (Locale::En, None) => format!("Imported: {created} new, {changed} changed."),
        (Locale::De, Some(kpis)) => format!(
            "Importiert: {created} neu, {changed} geändert; {kpis} Kennzahlwerte neu berechnet."
        ),
        (Locale::De, None) => format!("Importiert: {created} neu, {changed} geändert."),
    }
}

/// What a rollback did.
pub fn rollback_done(locale: Locale, removed: u64, restored: u64) -> String {
    let [removed, restored] = [removed, restored].map(|n| format_count(locale, n));
    match locale {
        Locale::En => format!(
            "Rolled back: {removed} removed, {restored} given their previous values. The KPIs are updated."
        ),
        Locale::De => format!(
            "Zurückgenommen: {removed} entfernt, {restored} auf den vorigen Wert gesetzt. Die Kennzahlen sind aktualisiert."
        ),
    }
}

/// An award application's outcome in words.
pub fn award_outcome(locale: Locale, outcome: &str) -> &'static str {
    match (locale, outcome) {
        (Locale::En, "won") => "Won",
        (Locale::De, "won") => "Gewonnen",
        (Locale::En, "lost") => "Not won",
        (Locale::De, "lost") => "Nicht gewonnen",
        (Locale::En, _) => "Pending",
        (Locale::De, _) => "Offen",
    }
}

/// "changed by ann@example.org on 30/11/2026, 14:05".
pub fn dashboard_changed(locale: Locale, who: &str, when: &str) -> String {
    match locale {
        Locale::En => format!("changed by {who} on {when}"),
        Locale::De => format!("geändert von {who} am {when}"),
    }
}

/// The name of a copy: "Region health (copy)".
pub fn copy_name(locale: Locale, name: &str) -> String {
    match locale {
        Locale::En => format!("{name} (copy)"),
        Locale::De => format!("{name} (Kopie)"),
    }
}

/// "1 chart", "4 charts".
pub fn chart_count(locale: Locale, count: usize) -> String {
    let n = format_count(locale, count as u64);
    match (locale, count) {
        (Locale::En, 1) => "1 chart".to_owned(),
        (Locale::En, _) => format!("{n} charts"),
        (Locale::De, 1) => "1 Diagramm".to_owned(),
        (Locale::De, _) => format!("{n} Diagramme"),
    }
}

/// A gauge or radar while no cluster is chosen.
pub fn widget_needs_cluster(locale: Locale, metric: &str) -> String {
    match locale {
        Locale::En => format!("{metric}: choose a cluster above to see this chart."),
        Locale::De => {
            format!("{metric}: Wählen Sie oben einen Cluster, um dieses Diagramm zu sehen.")
        }
    }
}

/// A cluster's chart of a metric it does not track.
pub fn widget_not_tracked(locale: Locale, metric: &str) -> String {
    match locale {
        Locale::En => format!("{metric}: the chosen cluster does not track this metric."),
        Locale::De => format!("{metric}: Der gewählte Cluster verfolgt diese Kennzahl nicht."),
    }
}

/// The name of a chart kind, as the dashboard editor offers it.
pub fn chart_kind_label(locale: Locale, kind: crate::models::chart::ChartKind) -> &'static str {
    use crate::models::chart::ChartKind;
    t(
        locale,
        match kind {
            ChartKind::Trend => Msg::ChartKindTrend,
            ChartKind::Ranking => Msg::ChartKindRanking,
            ChartKind::Gauge => Msg::ChartKindGauge,
            ChartKind::Radar => Msg::ChartKindRadar,
            ChartKind::Heatmap => Msg::ChartKindHeatmap,
        },
    )
}

/// The name of a widget width.
pub fn widget_width_label(
    locale: Locale,
    width: crate::models::dashboard::WidgetWidth,
) -> &'static str {
    use crate::models::dashboard::WidgetWidth;
    t(
        locale,
        match width {
            WidgetWidth::Third => Msg::WidthThird,
            WidgetWidth::Half => Msg::WidthHalf,
            WidgetWidth::Full => Msg::WidthFull,
        },
    )
}

/// A role in words.
pub fn role_label(locale: Locale, role: crate::models::account::Role) -> &'static str {
    use crate::models::account::Role;
    match role {
        Role::Admin => t(locale, Msg::RoleAdmin),
        Role::Staff => t(locale, Msg::RoleStaff),
        Role::Leader => t(locale, Msg::RoleLeader),
        Role::Member => t(locale, Msg::RoleMember),
    }
}

/// A kind of fact file in words, as the import page offers it.
pub fn fact_kind_label(
    locale: Locale,
    kind: crate::models::fact_import::FactFileKind,
) -> &'static str {
    use crate::models::fact_import::FactFileKind;
    t(
        locale,
        match kind {
            FactFileKind::Members => Msg::ImportKindMembers,
            FactFileKind::Memberships => Msg::ImportKindMemberships,
            FactFileKind::DuesInvoices => Msg::ImportKindDues,
            FactFileKind::Events => Msg::ImportKindEvents,
            FactFileKind::Attendances => Msg::ImportKindAttendances,
            FactFileKind::Goals => Msg::ImportKindGoals,
            FactFileKind::BoardSeats => Msg::ImportKindBoardSeats,
            FactFileKind::BoardTerms => Msg::ImportKindBoardTerms,
            FactFileKind::ServiceProjects => Msg::ImportKindServiceProjects,
            FactFileKind::Partnerships => Msg::ImportKindPartnerships,
            FactFileKind::MediaItems => Msg::ImportKindMedia,
            FactFileKind::AwardApplications => Msg::ImportKindAwards,
            FactFileKind::Forums => Msg::ImportKindForums,
            FactFileKind::ForumMembers => Msg::ImportKindForumMembers,
            FactFileKind::Committees => Msg::ImportKindCommittees,
            FactFileKind::CommitteeMembers => Msg::ImportKindCommitteeMembers,
            FactFileKind::SelfReports => Msg::ImportKindSelfReports,
            FactFileKind::EventInvitations => Msg::ImportKindInvitations,
            FactFileKind::Speakers => Msg::ImportKindSpeakers,
            FactFileKind::Mentorships => Msg::ImportKindMentorships,
            FactFileKind::Trainings => Msg::ImportKindTrainings,
            FactFileKind::Budgets => Msg::ImportKindBudgets,
            FactFileKind::Spendings => Msg::ImportKindSpendings,
            FactFileKind::Referrals => Msg::ImportKindReferrals,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits_by_locale() {
        assert_eq!(format_count(Locale::En, 0), "0");
        assert_eq!(format_count(Locale::En, 999), "999");
        assert_eq!(format_count(Locale::En, 10_000), "10,000");
        assert_eq!(format_count(Locale::De, 1_234_567), "1.234.567");
    }

    #[test]
    fn reads_and_writes_numbers_by_locale() {
        assert_eq!(parse_number(Locale::En, "1,234.5"), Some(1234.5));
        assert_eq!(parse_number(Locale::De, "1.234,5"), Some(1234.5));
        assert_eq!(parse_number(Locale::De, "72,5"), Some(72.5));
        assert_eq!(parse_number(Locale::En, "abc"), None);
        assert_eq!(parse_number(Locale::En, "inf"), None);
        assert_eq!(format_decimal(Locale::En, 1234.5, 1), "1,234.5");
        assert_eq!(format_decimal(Locale::De, 1234.5, 1), "1.234,5");
        assert_eq!(format_decimal(Locale::En, -0.04, 1), "0.0");
        assert_eq!(format_metric_value(Locale::En, "percent", 0.725), "72.5 %");
        assert_eq!(format_metric_value(Locale::De, "percent", 0.725), "72,5 %");
        assert_eq!(format_metric_value(Locale::En, "count", 1204.0), "1,204");
    }

    #[test]
    fn writes_dates_by_locale() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 5).expect("valid");
        assert_eq!(format_date(Locale::En, day), "5 March 2026");
        assert_eq!(format_date(Locale::De, day), "5. März 2026");
    }

    #[test]
    fn picks_the_preferred_supported_language() {
        assert_eq!(
            Locale::from_accept_language("de-DE,de;q=0.9,en;q=0.8"),
            Locale::De
        );
        assert_eq!(
            Locale::from_accept_language("fr-FR,en;q=0.5,de;q=0.4"),
            Locale::En
        );
        assert_eq!(Locale::from_accept_language("fr-FR"), Locale::En);
        assert_eq!(Locale::from_accept_language(""), Locale::En);
    }
}
