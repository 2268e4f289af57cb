//! The fuzz targets on stable Rust: every committed seed (fuzz/seeds/<target>/), every crash
//! input ever found (fuzz/regressions/<target>/), and a bounded number of deterministic
//! pseudo-random mutations of the seeds, through the same target functions cargo-fuzz runs
//! (`exam_incident::fuzzing`). A panic anywhere fails the test and names the input.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use exam_incident::fuzzing::{self, TARGETS};

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Pieces that tend to break parsers and text handling.
const TOKENS: &[&[u8]] = &[
    b"null",
    b"[]",
    b"{}",
    b"\"",
    b"\\",
    b"-1",
    b"1e999",
    b"-0",
    b"18446744073709551616",
    b"0.5",
    b"\\u0000",
    b"\\ud800",
    b"\\udfff",
    b"\xe8\x80\x83",
    b"\xff",
    b"\xe8\x80",
    b"\0",
    b"true",
    b"\"2026-06-13T09:30\"",
    b"\"9999-12-31T23:59:59+14:00\"",
    b"\"+275760-09-13T00:00:00Z\"",
    "未".as_bytes(),
    "没有".as_bytes(),
    "两个半小时".as_bytes(),
    "一千万亿个考场".as_bytes(),
    b"99999999999999999999",
];

fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(7) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 => v.insert(at, rng.next() as u8),
            2 if !v.is_empty() => {
                let len = 1 + rng.below(16.min(v.len() - at.min(v.len() - 1)));
                let start = at.min(v.len() - 1);
                v.drain(start..(start + len).min(v.len()));
            }
            3 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.iter().copied());
            }
            4 if !other.is_empty() => {
                let s = rng.below(other.len());
                let e = (s + 1 + rng.below(64)).min(other.len());
                v.splice(at..at, other[s..e].iter().copied());
            }
            5 if !v.is_empty() => {
                let s = rng.below(v.len());
                let e = (s + 1 + rng.below(32)).min(v.len());
                let piece = v[s..e].to_vec();
                v.splice(at..at, piece);
            }
            _ => {
                // A structural edit of the JSON, if the input is JSON (after a one-byte header
                // for the targets that have one).
                for skip in [0usize, 1] {
                    if let Ok(mut j) = serde_json::from_slice::<serde_json::Value>(v.get(skip..).unwrap_or(&[])) {
                        let words = fuzzing::words();
                        fuzzing::mutate(&mut j, rng.next() as u8, rng.next() as u8, rng.next() as u8, &words);
                        let mut out = v[..skip].to_vec();
                        out.extend(serde_json::to_vec(&j).unwrap_or_default());
                        v = out;
                        break;
                    }
                }
            }
        }
    }
    v
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read(e.path()).expect("read")))
        .collect();
    out.sort();
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

fn run(target: &str, label: &str, f: fn(&[u8]), data: &[u8]) {
    if catch_unwind(AssertUnwindSafe(|| f(data))).is_err() {
        let path = std::env::temp_dir().join(format!("fuzz-replay-{target}-{}", label.replace('/', "_")));
        let _ = fs::write(&path, data);
        panic!("{target}: {label} panicked; input written to {}", path.display());
    }
}

/// Mutations per seed, per target (debug builds are slow on a 100 KB plan).
fn rounds(target: &str) -> usize {
    match target {
        "plan_load" => 12,
        "classify_text" => 6,
        "validate_form" => 60,
        _ => 4,
    }
}

fn replay(target: &str) {
    let f = TARGETS.iter().find(|(n, _)| *n == target).map(|(_, f)| *f).expect("target");
    let seeds = files(&root().join("seeds").join(target));
    assert!(!seeds.is_empty(), "no committed seeds in fuzz/seeds/{target}/: run `cargo run --example fuzz_seeds`");
    for (name, data) in &seeds {
        run(target, &format!("seed {name}"), f, data);
    }
    for (name, data) in files(&root().join("regressions").join(target)) {
        run(target, &format!("regression {name}"), f, &data);
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ target.len() as u64);
    for (i, (name, data)) in seeds.iter().enumerate() {
        let other = &seeds[(i + 1) % seeds.len()].1;
        for round in 0..rounds(target) {
            let m = mutate(&mut rng, data, other);
            run(target, &format!("mutation {round} of {name}"), f, &m);
        }
    }
}

#[test]
fn plan_load() {
    replay("plan_load");
}

#[test]
fn classify_text() {
    replay("classify_text");
}

#[test]
fn validate_form() {
    replay("validate_form");
}

#[test]
fn response_from_json() {
    replay("response_from_json");
}

#[test]
fn response_mutate() {
    replay("response_mutate");
    // Beyond the seeds: random edit scripts over every sample.
    let mut rng = Rng(7);
    for i in 0..400 {
        let mut data = vec![rng.next() as u8];
        data.extend((0..3 * (1 + rng.below(6))).map(|_| rng.next() as u8));
        run("response_mutate", &format!("script {i}"), fuzzing::response_mutate, &data);
    }
}

/// The committed seeds are what `cargo run --example fuzz_seeds` writes from the current data.
#[test]
fn seeds_are_current() {
    let classify = fs::read_to_string(root().join("../tests/data/classify_cases.json")).unwrap();
    let forms = fs::read_to_string(root().join("../tests/data/form_cases.json")).unwrap();
    for (target, _) in TARGETS {
        let want = fuzzing::seeds(target, &classify, &forms);
        let have: Vec<Vec<u8>> = files(&root().join("seeds").join(target)).into_iter().map(|(_, d)| d).collect();
        assert!(want == have, "fuzz/seeds/{target}/ is stale: run `cargo run --example fuzz_seeds`");
    }
}
