//! Criterion benchmarks (filled by issue 6).
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let e = tallystick::Extractor::new().unwrap();
    c.bench_function("extract_small", |b| b.iter(|| e.extract("Citizens of Homs received 4.4 tons of food products.")));
}

criterion_group!(benches, bench);
criterion_main!(benches);
