//! A profiling harness for the quantity scanner: runs the extractor with
//! only the kinds asked for over a JSONL file of documents repeated to a
//! few megabytes, and prints the throughput.
//!
//! The quantity kind also runs the date scanner (figures inside dates are
//! dropped), so the scanner's own cost is the difference between the runs
//! `quantity` and `date`. For instruction counts that do not depend on the
//! machine's load, run it under callgrind:
//!
//! ```sh
//! cargo build --release --example profile_quantities
//! B=target/release/examples/profile_quantities
//! D=../shared/corpus/dev/docs.jsonl
//! $B $D quantity 4 5; $B $D date 4 5          # MB/s (4 MB, 5 passes)
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out $B $D quantity 1 1
//! callgrind_annotate --inclusive=yes /tmp/cg.out | grep find_quantities
//! ```
//!
//! The quantity scanner's entry point is never inlined, so its inclusive
//! count in the profile is the scanner's whole cost (build with
//! `CARGO_PROFILE_RELEASE_DEBUG=line-tables-only` for line-level profiles).
use std::time::Instant;

use tallystick::{Extractor, MentionKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: profile_quantities DOCS.jsonl [quantity|date|all] [MB] [passes]")?;
    let kinds = match args.next().as_deref().unwrap_or("quantity") {
        "quantity" => vec![MentionKind::Quantity],
        "date" => vec![MentionKind::Date],
        "all" => MentionKind::ALL.to_vec(),
        other => return Err(format!("unknown kind set {other:?}").into()),
    };
    let megabytes: usize = args.next().map_or(Ok(4), |s| s.parse())?;
    let passes: usize = args.next().map_or(Ok(3), |s| s.parse())?;

    let mut docs = Vec::new();
    for line in std::fs::read_to_string(path)?.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line)?;
        docs.push(doc["text"].as_str().ok_or("a document has no text")?.to_string());
    }
    if docs.is_empty() {
        return Err("no documents".into());
    }
    // Documents of bulletin size, repeated until the total reaches the target.
    let mut texts = Vec::new();
    let mut bytes = 0;
    while bytes < megabytes << 20 {
        let doc = &docs[texts.len() % docs.len()];
        bytes += doc.len();
        texts.push(doc.as_str());
    }

    let extractor = Extractor::builder().kinds(kinds).build()?;
    let mut best = f64::INFINITY;
    let mut found = 0;
    for _ in 0..passes {
        let start = Instant::now();
        found = texts.iter().map(|t| extractor.extract(t).len()).sum::<usize>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!("{mb:.1} MB, {found} mentions, best of {passes}: {best:.3} s = {:.1} MB/s", mb / best);
    Ok(())
}
