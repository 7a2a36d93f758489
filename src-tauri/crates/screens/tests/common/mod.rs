//! What several of this crate's tests set up alike.

use store::clinic::{ClinicKind, ClinicProfileInput};

/// A 併設 clinic registered separately for 柔整 and あはき: two 登録記号番号, so two 助成金
/// applications.
pub fn registered_twice() -> ClinicProfileInput {
    ClinicProfileInput {
        name: "さくら整骨院・鍼灸院".into(),
        kind: Some(ClinicKind::Both),
        reg_no_judo: "協1301234-1-2".into(),
        reg_no_ahaki: "1234567".into(),
        postal_code: "100-0001".into(),
        address: "東京都千代田区千代田1-1".into(),
        phone: "03-1234-5678".into(),
        owner_name: "山田 太郎".into(),
    }
}
