//! Classifies each argument (or each line of stdin) and prints the result as JSON.
//! `cargo run --example classify -- "3号考场突然停电，预计20分钟恢复"`

use std::io::BufRead;

use exam_incident::classify::{classify, ClassifyInput};

fn main() {
    let plan = exam_incident::plan::default_plan().expect("default plan");
    let mut texts: Vec<String> = std::env::args().skip(1).collect();
    if texts.is_empty() {
        texts = std::io::stdin().lock().lines().map_while(Result::ok).collect();
    }
    for text in texts {
        let input = ClassifyInput { text: Some(text), facts: None };
        match classify(&plan, &input) {
            Ok(c) => println!("{}", serde_json::to_string_pretty(&c).unwrap_or_default()),
            Err(e) => println!("{e}"),
        }
    }
}
