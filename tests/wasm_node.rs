//! The JS boundary, run in Node by wasm-bindgen-test (`scripts/test-wasm.sh`).
#![cfg(target_arch = "wasm32")]

#[path = "wasm/plan_api.rs"]
mod plan_api;

#[path = "wasm/plan_class.rs"]
mod plan_class;

#[path = "wasm/forms_api.rs"]
mod forms_api;

#[path = "wasm/response_clock.rs"]
mod response_clock;
