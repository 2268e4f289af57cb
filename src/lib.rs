//! exam-incident: the emergency plan of a vocational skill-assessment exam site as checked data,
//! and the mechanisms that classify an incident, guide its handling and validate its reports.
//!
//! The core (everything outside `wasm`) knows nothing of JavaScript or the browser and never
//! reads the clock; `wasm` is the thin binding that converts, calls the core and converts back.

pub mod classify;
pub mod error;
pub mod forms;
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod fuzzing;
pub mod guide;
pub mod json;
pub mod map;
pub mod plan;
pub mod response;
pub mod sort;
pub mod text;
pub mod time;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorKind};
pub use plan::Plan;
pub use text::Text;
