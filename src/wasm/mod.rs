//! The only code that knows `JsValue`: converts, calls the core, converts back.
//! Public so that the wasm-bindgen-test suites can call the exports as Rust functions.

pub mod classify_api;
pub mod clock;
pub mod convert;
pub mod forms_api;
pub mod plan_api;
pub mod plan_class;
mod reminders;
pub mod response_api;
mod state;
mod storage;
mod types;
