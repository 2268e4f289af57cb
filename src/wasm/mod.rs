//! The only code that knows `JsValue`: converts, calls the core, converts back.

mod classify_api;
mod convert;
mod plan_api;
mod state;
