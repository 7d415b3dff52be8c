//! Runs the bundled extractor over a JSONL file of `{"id", "text"}` documents
//! and writes `{"id", "mentions"}` lines, the format `eval/score.py` reads.
//!
//! ```sh
//! cargo run --release --example predict -- ../shared/corpus/dev/docs.jsonl > pred.jsonl
//! python3 ../shared/eval/score.py ../shared/corpus/dev/gold.jsonl pred.jsonl
//! ```
use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: predict DOCS.jsonl")?;
    let extractor = tallystick::Extractor::new()?;
    let out = std::io::stdout();
    let mut out = out.lock();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&line)?;
        let text = doc["text"].as_str().ok_or("a document has no text")?;
        let mentions = extractor.extract(text);
        writeln!(out, "{}", serde_json::json!({"id": doc["id"], "mentions": mentions}))?;
    }
    Ok(())
}
