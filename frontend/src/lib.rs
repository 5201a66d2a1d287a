//! Hydrates the MemberPulse app in the browser (filled in by the next commit).
