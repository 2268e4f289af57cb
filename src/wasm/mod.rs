//! The only code that knows `JsValue`: converts, calls the core, converts back.

mod convert;
mod plan_api;
mod state;
mod reminders;
mod response_api;
mod storage;
