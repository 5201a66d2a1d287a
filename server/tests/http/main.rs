//! The server over HTTP, in process (`tower::ServiceExt::oneshot`), and its command line.

mod cli;
mod health;
mod organization;
mod support;
