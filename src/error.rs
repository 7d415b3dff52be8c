//! The crate's one error type.

use std::fmt;
use std::path::{Path, PathBuf};

/// A specialised `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, in a form a program can branch on.
///
/// New variants may be added: match with a wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read.
    Io,
    /// A gazetteer file or record is malformed; the message names the file
    /// (or source) and the line.
    Gazetteer,
    /// A caller passed an argument that cannot be used (an unknown kind, an
    /// invalid date, a thread count of zero, ...).
    InvalidArgument,
    /// A document is larger than the extractor's configured limit.
    DocumentTooLarge,
    /// Bytes that are not valid UTF-8 were given as a document.
    InvalidUtf8,
}

/// The error type of every fallible operation in tallystick.
///
/// The message says what to fix: which file and line, which argument, which
/// limit. Use [`Error::kind`] to branch on the cause.
///
/// ```
/// use tallystick::{Gazetteer, ErrorKind};
/// let err = Gazetteer::from_tsv_str("id\tname\n", "mine.tsv").unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::Gazetteer);
/// assert!(err.to_string().contains("mine.tsv"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
    line: Option<usize>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into(), path: None, line: None }
    }

    pub(crate) fn gazetteer(source: &str, line: Option<usize>, message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Gazetteer, message: message.into(), path: Some(PathBuf::from(source)), line }
    }

    pub(crate) fn io(path: &Path, err: &std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io,
            message: format!("cannot read: {err}"),
            path: Some(path.to_path_buf()),
            line: None,
        }
    }

    pub(crate) fn invalid_argument(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidArgument, message)
    }

    /// The category of this error.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file (or named source) the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The 1-based line of [`Error::path`] the error is about, if any.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The message without the file and line prefix.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}: {}", p.display(), l, self.message),
            (Some(p), None) => write!(f, "{}: {}", p.display(), self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
