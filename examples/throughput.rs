//! Quick single-thread throughput of each stage on a JSONL corpus (the
//! criterion benchmarks in benches/ are the reference measurement).
//!
//! ```sh
//! cargo run --release --example throughput -- ../shared/corpus/dev/docs.jsonl 5
//! # only the full extraction, over the most populous entries up to 10,000 name forms
//! cargo run --release --example throughput -- ../shared/corpus/dev/docs.jsonl 5 full 10000
//! ```
use std::io::BufRead;
use std::time::Instant;

use tallystick::{Document, Extractor, Gazetteer, MentionKind};

// The allocator the Python extension uses (src/python/mod.rs). Build with
// `RUSTFLAGS="--cfg system_alloc"` to measure with the system allocator.
#[cfg(not(system_alloc))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or(
        "usage: throughput DOCS.jsonl [MB] [all|bare-scan|names|dates|quantities(+dates)|full|batch] [MAX_NAMES]",
    )?;
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
    let only = args.next().filter(|o| o != "all");
    let max_names: Option<usize> = args.next().map(|s| s.parse()).transpose()?;
    // First, while nothing is cached: parsing the bundled data and compiling the automaton.
    let t = Instant::now();
    let bundled = Extractor::new()?;
    println!("build default extractor: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let gazetteer = match max_names {
        Some(n) => most_populous(bundled.gazetteer(), n)?,
        None => bundled.gazetteer().clone(),
    };
    if only.as_deref().map_or(true, |o| o == "bare-scan") {
        bare_scan(&gazetteer, &corpus, size)?;
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
        let e = Extractor::builder().bundled(false).gazetteer(gazetteer.clone()).kinds(kinds).build()?;
        let t = Instant::now();
        let n: usize = corpus.iter().map(|d| e.extract(d).len()).sum();
        let s = t.elapsed().as_secs_f64();
        println!("{name:>20}: {:6.1} MB/s ({n} mentions)", size as f64 / 1e6 / s);
    }
    if only.as_deref().map_or(true, |o| o == "batch") {
        batch(&gazetteer, &corpus, size)?;
    }
    Ok(())
}

/// The batch API (`extract_documents`) over calls of 2,000 documents, the
/// results of each call kept until the next, on one thread and on all cores:
/// how the full extraction scales with threads, without Python.
fn batch(gazetteer: &Gazetteer, corpus: &[String], size: usize) -> Result<(), Box<dyn std::error::Error>> {
    let e = Extractor::builder().bundled(false).gazetteer(gazetteer.clone()).build()?;
    let docs: Vec<Document<'_>> = corpus.iter().map(|t| Document { text: t, date: None }).collect();
    for (label, threads) in [("batch, 1 thread", Some(1)), ("batch, all cores", None)] {
        let t = Instant::now();
        let mut n = 0;
        for call in docs.chunks(2000) {
            n += e.extract_documents(call, threads)?.iter().map(Vec::len).sum::<usize>();
        }
        let s = t.elapsed().as_secs_f64();
        println!("{label:>20}: {:6.1} MB/s ({n} mentions)", size as f64 / 1e6 / s);
    }
    Ok(())
}

/// The bare scan the extractor is compared with: one aho-corasick automaton
/// (leftmost-longest, ASCII case-insensitive) over every name of the bundled
/// gazetteer, run over the raw text with a whole-word check per match, the
/// way a user would use the aho-corasick crate directly.
fn bare_scan(gazetteer: &Gazetteer, corpus: &[String], size: usize) -> Result<(), Box<dyn std::error::Error>> {
    let names: Vec<&str> = gazetteer.entries().iter().flat_map(|e| e.names()).collect();
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

/// The most populous entries of `gazetteer` (then those without a
/// population, in order) up to `max_names` name forms: how throughput
/// depends on the size of the gazetteer.
fn most_populous(gazetteer: &Gazetteer, max_names: usize) -> Result<Gazetteer, Box<dyn std::error::Error>> {
    let mut entries = gazetteer.entries().to_vec();
    entries.sort_by_key(|e| std::cmp::Reverse(e.population));
    let mut names = 0;
    entries.retain(|e| {
        let n = e.names().count();
        let keep = names + n <= max_names;
        names += if keep { n } else { 0 };
        keep
    });
    Ok(Gazetteer::from_entries(entries)?)
}
