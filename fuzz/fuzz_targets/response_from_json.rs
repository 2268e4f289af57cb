//! cargo-fuzz target; the body is shared with the stable replay test (tests/fuzz_replay.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| exam_incident::fuzzing::response_from_json(data));
