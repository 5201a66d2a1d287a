//! The MemberPulse Leptos application (filled in by the next commit).
