//! Prints what the dated knowledge costs: parsing and checking the bundled file (once per start,
//! and once per fetched update), copying it (what a command that reads it takes), and one
//! よくある質問 search. `cargo run --release -p guide --example knowledge_bench`.

use std::time::Instant;

fn per_call(label: &str, runs: u32, mut f: impl FnMut()) {
    let start = Instant::now();
    for _ in 0..runs {
        f();
    }
    let each = start.elapsed() / runs;
    println!("{label}: {each:?} per call ({runs} runs)");
}

fn main() {
    let bytes = guide::knowledge::BUNDLED_JSON.len();
    println!("bundled knowledge: {bytes} bytes");
    per_call("parse + resolve + check", 200, || {
        let k = guide::Knowledge::from_json(guide::knowledge::BUNDLED_JSON).expect("bundled");
        std::hint::black_box(k);
    });
    let k = guide::Knowledge::from_json(guide::knowledge::BUNDLED_JSON).expect("bundled");
    per_call("clone", 2_000, || {
        std::hint::black_box(k.clone());
    });
    per_call("FAQ search 「ｽﾏﾎ」", 2_000, || {
        std::hint::black_box(guide::faq::search("ｽﾏﾎ", &k));
    });
}
