//! Criterion benchmarks of the Rust core, in bytes per second:
//! gazetteer only, quantities only, full extraction, and building the
//! default extractor.
//!
//! ```sh
//! cargo bench --bench extract
//! ```
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use tallystick::{Entry, Extractor, Gazetteer, MentionKind, Subtype};

/// About 1 MB of bulletin text, made by repeating the bundled samples.
fn corpus() -> String {
    let parts = [include_str!("../examples/sample/bulletin-1.txt"), include_str!("../examples/sample/bulletin-2.txt")];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 1 << 20 {
        text.push_str(parts[i % parts.len()]);
        text.push_str("\n\n");
        i += 1;
    }
    text
}

fn throughput(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    let cases: [(&str, Vec<MentionKind>); 3] = [
        ("gazetteer_only", vec![MentionKind::Place, MentionKind::Camp, MentionKind::Actor]),
        ("quantities_only", vec![MentionKind::Quantity]),
        ("full", MentionKind::ALL.to_vec()),
    ];
    for (name, kinds) in cases {
        let extractor = Extractor::builder().kinds(kinds).build().unwrap();
        group.bench_function(name, |b| b.iter(|| extractor.extract(&text)));
    }
    group.finish();
}

/// Building an extractor over the bundled gazetteer compiles the automaton
/// over all its names. `Extractor::new()` does it once per process and then
/// shares the result, so timing it in a loop would time a cache hit; the
/// bundled gazetteer plus one user entry is compiled afresh every time,
/// which is what the first `Extractor::new()` costs (the parsed bundled
/// data is cached in both cases).
fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    let one = Gazetteer::from_entries(vec![Entry::new("user:1", "Tall Example", Subtype::Village)]).unwrap();
    group.bench_function("bundled_plus_one_entry", |b| {
        b.iter_batched(|| one.clone(), |g| Extractor::builder().gazetteer(g).build().unwrap(), BatchSize::PerIteration)
    });
    group.finish();
}

criterion_group!(benches, throughput, build);
criterion_main!(benches);
