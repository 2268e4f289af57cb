//! Writes the fuzz seed corpora, built from the real data, into `fuzz/seeds/<target>/`:
//! `cargo run --example fuzz_seeds [DIR]`. scripts/fuzz.sh runs it; the files are committed so
//! that tests/fuzz_replay.rs replays exactly them.
use std::fs;
use std::path::PathBuf;

use exam_incident::fuzzing::{seeds, TARGETS};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = std::env::args().nth(1).map_or_else(|| root.join("fuzz/seeds"), PathBuf::from);
    let classify = fs::read_to_string(root.join("tests/data/classify_cases.json")).expect("classify cases");
    let forms = fs::read_to_string(root.join("tests/data/form_cases.json")).expect("form cases");
    for (name, _) in TARGETS {
        let dir = out.join(name);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("seed dir");
        let all = seeds(name, &classify, &forms);
        for (i, s) in all.iter().enumerate() {
            fs::write(dir.join(format!("seed-{i:03}")), s).expect("write seed");
        }
        println!("{name}: {} seeds", all.len());
    }
}
