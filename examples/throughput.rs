//! Quick single-thread throughput of each stage on a JSONL corpus (the
//! criterion benchmarks in benches/ are the reference measurement).
//!
//! ```sh
//! cargo run --release --example throughput -- ../shared/corpus/dev/docs.jsonl 5
//! ```
use std::io::BufRead;
use std::time::Instant;

use tallystick::{Extractor, MentionKind};

// The allocator the Python extension uses (src/python/mod.rs). Build with
// `RUSTFLAGS="--cfg system_alloc"` to measure with the system allocator.
#[cfg(not(system_alloc))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path =
        args.next().ok_or("usage: throughput DOCS.jsonl [MB] [bare-scan|names|dates|quantities(+dates)|full]")?;
    let mb: f64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(5.0);
    let mut docs = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        docs.push(v["text"].as_str().unwrap_or_default().to_string());
    }
    let mut corpus = Vec::new();
    let mut size = 0usize;
    while (size as f64) < mb * 1e6 {
        for d in &docs {
            size += d.len();
            corpus.push(d.clone());
        }
    }
    let only = args.next();
    // First, while nothing is cached: parsing the bundled data and compiling the automaton.
    let t = Instant::now();
    let _ = Extractor::new()?;
    println!("build default extractor: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    if only.as_deref().is_none_or(|o| o == "bare-scan") {
        bare_scan(&corpus, size)?;
    }
    let cases: [(&str, Vec<MentionKind>); 4] = [
        ("names", vec![MentionKind::Place, MentionKind::Camp, MentionKind::Actor]),
        ("dates", vec![MentionKind::Date]),
        ("quantities(+dates)", vec![MentionKind::Quantity]),
        ("full", MentionKind::ALL.to_vec()),
    ];
    for (name, kinds) in cases {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let e = Extractor::builder().kinds(kinds).build()?;
        let t = Instant::now();
        let n: usize = corpus.iter().map(|d| e.extract(d).len()).sum();
        let s = t.elapsed().as_secs_f64();
        println!("{name:>20}: {:6.1} MB/s ({n} mentions)", size as f64 / 1e6 / s);
    }
    Ok(())
}

/// The bare scan the extractor is compared with: one aho-corasick automaton
/// (leftmost-longest, ASCII case-insensitive) over every name of the bundled
/// gazetteer, run over the raw text with a whole-word check per match, the
/// way a user would use the aho-corasick crate directly.
fn bare_scan(corpus: &[String], size: usize) -> Result<(), Box<dyn std::error::Error>> {
    let extractor = Extractor::new()?;
    let names: Vec<&str> = extractor.gazetteer().entries().iter().flat_map(|e| e.names()).collect();
    let ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&names)?;
    let t = Instant::now();
    let mut n = 0usize;
    for d in corpus {
        let b = d.as_bytes();
        for m in ac.find_iter(d) {
            let before = m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric();
            let after = m.end() == b.len() || !b[m.end()].is_ascii_alphanumeric();
            n += usize::from(before && after);
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!("{:>20}: {:6.1} MB/s ({n} matches, {} names)", "bare-scan", size as f64 / 1e6 / s, names.len());
    Ok(())
}
