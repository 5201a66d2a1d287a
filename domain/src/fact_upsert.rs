//! What the pushes of facts by natural key share: each checked record creates a row,
//! changes a stored one (whose fields before are kept for the import history) or leaves
//! it alone; the counts go into the preview; a batch with problems is refused whole.

use crate::DomainError;
use crate::attendance_import::ImportPreview;

/// What writing one checked record does, with `F` the fields besides its natural key.
pub(crate) enum Upsert<F> {
    /// No row has the key: a new one.
    Create,
    /// The stored row's id and its fields before.
    Change(i32, F),
    /// The stored row already has these fields.
    Keep,
}

impl<F: PartialEq> Upsert<F> {
    /// The action for `fields` against the row stored under the same key, if any.
    pub fn against(stored: Option<(i32, F)>, fields: &F) -> Self {
        match stored {
            None => Self::Create,
            Some((_, was)) if was == *fields => Self::Keep,
            Some((id, was)) => Self::Change(id, was),
        }
    }
}

/// Counts each action as created, changed or unchanged in `preview`.
pub(crate) fn count<'a, F: 'a>(
    preview: &mut ImportPreview,
    actions: impl IntoIterator<Item = &'a Upsert<F>>,
) {
    for action in actions {
        match action {
            Upsert::Create => preview.created += 1,
            Upsert::Change(..) => preview.changed += 1,
            Upsert::Keep => preview.unchanged += 1,
        }
    }
}

/// The refusal of a batch with problems (every listed one, then that nothing was
/// written); `None` when it has none.
pub(crate) fn refusal(preview: &ImportPreview) -> Option<DomainError> {
    (preview.problem_count > 0).then(|| {
        let mut lines: Vec<String> = preview.problems.iter().map(ToString::to_string).collect();
        lines.push("nothing was written".to_owned());
        DomainError::Refused(lines)
    })
}
