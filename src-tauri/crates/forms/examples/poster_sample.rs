//! Writes the poster and the flyer for a sample clinic into a folder, to look at them:
//! `cargo run -p forms --example poster_sample -- OUT`.
use forms::{Audience, PosterFormat, PosterSheet};

/// When the documents are made (the PC's now).
fn made() -> forms::Made {
    chrono::Local::now().fixed_offset()
}

fn main() {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    for (name, audience, format) in
        [("poster.pdf", Audience::Judo, PosterFormat::Poster), ("flyer.pdf", Audience::Ahaki, PosterFormat::Flyer)]
    {
        let sheet = PosterSheet {
            clinic_name: "さくら整骨院".into(),
            audience,
            format,
            read_with: guide::answers::ReadsWith::CardReader,
        };
        match forms::poster_pdf(&sheet, made()) {
            Ok(pdf) => {
                if let Err(e) = std::fs::write(out.join(name), pdf) {
                    eprintln!("{name}: {e}");
                }
            }
            Err(e) => eprintln!("{name}: {e}"),
        }
    }
}
