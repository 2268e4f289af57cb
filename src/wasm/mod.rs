//! The only code that knows `JsValue`: converts, calls the core, converts back.

mod convert;
mod forms_api;
mod plan_api;
mod state;
