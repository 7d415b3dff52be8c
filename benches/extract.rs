//! Criterion benchmarks of the Rust core, in bytes per second:
//! gazetteer only, quantities only, full extraction, and building the
//! default extractor.
//!
//! ```sh
//! cargo bench --bench extract
//! ```
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use tallystick::{Extractor, MentionKind};

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

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("default_extractor", |b| {
        b.iter_batched(|| (), |_| Extractor::new().unwrap(), BatchSize::PerIteration)
    });
    group.finish();
}

criterion_group!(benches, throughput, build);
criterion_main!(benches);
