//! The PC requirements of the seed's Q&A A4 (Windows 11・10 64bit, memory 4GB, storage 160GB, CPU
//! Core i3 以上) as data, and a pure judgement of a PC's figures against them.
//!
//! The measuring is not here: the host reads the figures (sysinfo) into [`PcFigures`]; this only
//! judges them, so every rule is testable on figures. The requirements themselves (their wording,
//! the memory and storage figures, the end of Windows 10's support) are dated data
//! ([`crate::knowledge::Knowledge::pc`]) an update can correct; how a name is read (which CPUs are
//! Core i3 class, which build is Windows 11) is code.
//!
//! Units, decided from how Windows shows them, since staff compare with what Windows shows:
//! - Memory is judged in GiB (1024³), which Windows labels "GB". The figure should be the
//!   installed memory; a machine with 4 GB installed can still report a little less (memory the
//!   firmware keeps), so the judgement is on the figure as shown to one decimal: 4.0 GB or more
//!   passes (at least 3.95 GiB, about 51 MiB of tolerance), 3.9 GB fails.
//! - Storage is judged in decimal GB (10⁹ bytes), the unit disks are sold and specified in: a disk
//!   sold as 160 GB passes although Windows shows it as 149 GB, so the figure shows both. The
//!   figure is the system drive's total size; 159 GB fails, 160 GB passes.
//! - CPU: the requirement says Core i3 以上. Core i3/i5/i7/i9, Core Ultra, Core 3/5/7/9 (the names
//!   that followed Core i) and Ryzen 3/5/7/9 (AMD's classes of the same range) pass; Celeron,
//!   Pentium, Atom and Athlon warn (may be slow); anything else warns with the name found, never
//!   fails: we cannot tell its class from the name.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::knowledge::Knowledge;
use crate::source::FactSource;

/// Which requirement a rule checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PcRuleId {
    /// Windows 11 or 10, 64-bit
    Os,
    /// Memory 4 GB
    Memory,
    /// Storage 160 GB
    Storage,
    /// CPU Core i3 or better
    Cpu,
}

/// One PC requirement, with its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PcRule {
    /// Which requirement
    pub id: PcRuleId,
    /// `メモリ`
    pub label: String,
    /// The requirement as staff read it
    pub requirement: String,
    /// Where it comes from
    pub source: FactSource,
}

/// Windows 10: still in the seed's requirement, its support ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Windows10 {
    /// The day Microsoft's support ended
    pub support_ended: NaiveDate,
    /// What to do about it
    pub next: String,
    /// Where the date comes from
    pub source: FactSource,
}

/// The PC requirements as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PcRequirements {
    /// One per requirement, in the order the seed lists them (OS, memory, storage, CPU)
    pub rules: Vec<PcRule>,
    /// The memory required, in GiB (module docs)
    pub memory_gib: u64,
    /// The storage required, in decimal GB (module docs)
    pub storage_gb: u64,
    /// Windows 10's end of support
    pub windows10: Windows10,
}

const GIB: u64 = 1024 * 1024 * 1024;
const GB: u64 = 1_000_000_000;

/// A PC's figures as the host measured them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PcFigures {
    /// The OS name (`Windows`, `Windows 11 Pro`, `Ubuntu`)
    pub os_name: String,
    /// The OS version (`11 (26100)`, `10.0.19045`)
    pub os_version: String,
    /// A 64-bit OS
    pub is_64bit: bool,
    /// Installed memory in bytes (the total the OS reports when installed is not known); 0 when
    /// not read
    pub memory_bytes: u64,
    /// The system drive's total size in bytes; 0 when not read
    pub storage_bytes: u64,
    /// The CPU's brand string (`Intel(R) Core(TM) i3-8130U CPU @ 2.20GHz`)
    pub cpu_brand: String,
    /// The OS is Windows
    pub is_windows: bool,
}

/// How a figure meets its requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PcOutcome {
    /// Meets it
    Pass,
    /// Meets it perhaps, or not well: staff should look
    Warn,
    /// Does not meet it
    Fail,
}

impl PcOutcome {
    /// 満たしています / 注意 / 満たしていません.
    pub fn label(self) -> &'static str {
        match self {
            PcOutcome::Pass => "満たしています",
            PcOutcome::Warn => "注意",
            PcOutcome::Fail => "満たしていません",
        }
    }
}

/// The judgement of one requirement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PcVerdict {
    /// The requirement
    pub rule: PcRule,
    /// How the figure meets it
    pub outcome: PcOutcome,
    /// The outcome as staff read it
    pub outcome_label: &'static str,
    /// The figure found (`メモリ 3.9 GB`)
    pub found: String,
    /// What it means
    pub message: String,
    /// What to do next; `None` when nothing is needed
    pub next_action: Option<String>,
}

/// The requirements with the rule of each id (the data's check makes sure all four are there).
struct Judge<'k> {
    req: &'k PcRequirements,
}

impl Judge<'_> {
    fn rule(&self, id: PcRuleId) -> PcRule {
        self.req.rules.iter().find(|r| r.id == id).or(self.req.rules.first()).cloned().unwrap_or(PcRule {
            id,
            label: String::new(),
            requirement: String::new(),
            source: crate::source::seed("4.Q&A Q4"),
        })
    }

    fn verdict(
        &self,
        id: PcRuleId,
        outcome: PcOutcome,
        found: String,
        message: &str,
        next_action: Option<&str>,
    ) -> PcVerdict {
        PcVerdict {
            rule: self.rule(id),
            outcome,
            outcome_label: outcome.label(),
            found,
            message: message.to_string(),
            next_action: next_action.map(str::to_string),
        }
    }
}

const PASS: &str = "要件を満たしています。";
const GET_A_PC: &str = "Windows 11 または 10(64ビット)のパソコンを用意してください。";

/// Judges the figures against every requirement of `knowledge`, in the seed's order (OS,
/// memory, storage, CPU). On another OS than Windows, the OS verdict says this is not the
/// clinic's PC; the others still report.
pub fn judge(figures: &PcFigures, knowledge: &Knowledge) -> Vec<PcVerdict> {
    let j = Judge { req: &knowledge.pc };
    vec![j.os(figures), j.memory(figures), j.storage(figures), j.cpu(figures)]
}

/// The Windows release, read from the build number when there is one (Windows 11 still calls
/// itself 10.0: builds from 22000 are 11), else from the version or the name.
#[derive(Debug, PartialEq, Eq)]
enum Release {
    Eleven,
    Ten,
    Older,
    Server,
    Unknown,
}

fn numbers(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect()
}

fn release(f: &PcFigures) -> Release {
    let name = f.os_name.to_lowercase();
    if name.contains("server") {
        return Release::Server;
    }
    if let Some(build) = numbers(&f.os_version).into_iter().find(|n| *n >= 1000) {
        return match build {
            22000.. => Release::Eleven,
            10240.. => Release::Ten,
            _ => Release::Older,
        };
    }
    for (word, release) in [("windows 11", Release::Eleven), ("windows 10", Release::Ten)] {
        if name.contains(word) {
            return release;
        }
    }
    if ["windows 8", "windows 7", "vista", "xp"].iter().any(|w| name.contains(w)) {
        return Release::Older;
    }
    let version = f.os_version.trim();
    match numbers(version).first() {
        Some(11) => Release::Eleven,
        Some(10) => Release::Ten,
        Some(6..=8) => Release::Older,
        _ => Release::Unknown,
    }
}

impl Judge<'_> {
    fn os(&self, f: &PcFigures) -> PcVerdict {
        let bits = if f.is_64bit { "64ビット" } else { "32ビット" };
        let name = format!("{} {}", f.os_name.trim(), f.os_version.trim()).trim().to_string();
        let found = format!("OS {name}・{bits}");
        if !f.is_windows {
            return self.verdict(
            PcRuleId::Os,
            PcOutcome::Fail,
            found,
            "これは施術所のWindowsパソコンではありません。",
            Some(
                "資格確認に使うWindowsパソコン(Windows 11 または 10、64ビット)でオン資ナビを開き、もう一度確かめてください。",
            ),
        );
        }
        let release = release(f);
        if release == Release::Older {
            return self.verdict(
                PcRuleId::Os,
                PcOutcome::Fail,
                found,
                "このWindowsは古い版です。Windows 11 または 10 が必要です。",
                Some(GET_A_PC),
            );
        }
        if !f.is_64bit {
            return self.verdict(
                PcRuleId::Os,
                PcOutcome::Fail,
                found,
                "32ビット版のWindowsです。64ビット版が必要です。",
                Some(GET_A_PC),
            );
        }
        match release {
            Release::Eleven => self.verdict(PcRuleId::Os, PcOutcome::Pass, found, PASS, None),
            // The seed's requirement still lists Windows 10; Microsoft's support has ended.
            Release::Ten => {
                let ten = &self.req.windows10;
                let caution = format!(
                    "案内の要件(Windows 11・10)は満たしています。ただし、Windows 10 は Microsoft のサポートが{}に終わっています。",
                    jptext::format_date(ten.support_ended)
                );
                self.verdict(PcRuleId::Os, PcOutcome::Pass, found, &caution, Some(&ten.next))
            }
            Release::Server => self.verdict(
                PcRuleId::Os,
                PcOutcome::Warn,
                found,
                "Windows Server は、案内の対応OS(Windows 11・10)に入っていません。",
                Some(GET_A_PC),
            ),
            Release::Older | Release::Unknown => self.verdict(
                PcRuleId::Os,
                PcOutcome::Warn,
                found,
                "Windowsの版が読み取れませんでした。",
                Some("Windows 11 または 10 か、パソコンのメーカーや販売店に確かめてください。"),
            ),
        }
    }
}

/// Memory in tenths of a GiB, rounded half up: what "3.9 GB" shows.
fn gib_tenths(bytes: u64) -> u64 {
    let tenths = (u128::from(bytes) * 10 + u128::from(GIB / 2)) / u128::from(GIB);
    u64::try_from(tenths).unwrap_or(u64::MAX)
}

impl Judge<'_> {
    fn memory(&self, f: &PcFigures) -> PcVerdict {
        let need = self.req.memory_gib;
        if f.memory_bytes == 0 {
            return self.verdict(
                PcRuleId::Memory,
                PcOutcome::Warn,
                "メモリ(読み取れませんでした)".to_string(),
                "メモリの量が読み取れませんでした。",
                Some(&format!("メモリが {need} GB 以上か、パソコンのメーカーや販売店に確かめてください。")),
            );
        }
        let tenths = gib_tenths(f.memory_bytes);
        let found = format!("メモリ {}.{} GB", tenths / 10, tenths % 10);
        if tenths >= need * 10 {
            self.verdict(PcRuleId::Memory, PcOutcome::Pass, found, PASS, None)
        } else {
            self.verdict(
                PcRuleId::Memory,
                PcOutcome::Fail,
                found,
                &format!("メモリが {need} GB に足りません。"),
                Some(&format!("メモリを増やすか、メモリが {need} GB 以上のパソコンを用意してください。")),
            )
        }
    }
}

impl Judge<'_> {
    fn storage(&self, f: &PcFigures) -> PcVerdict {
        let need = self.req.storage_gb;
        if f.storage_bytes == 0 {
            return self.verdict(
                PcRuleId::Storage,
                PcOutcome::Warn,
                "ストレージ(読み取れませんでした)".to_string(),
                "システムドライブの容量が読み取れませんでした。",
                Some(&format!("ストレージが {need} GB 以上か、パソコンのメーカーや販売店に確かめてください。")),
            );
        }
        let gb = f.storage_bytes / GB;
        let found = if f.is_windows {
            format!("ストレージ(システムドライブ) {gb} GB(Windowsでは {} GB と表示されます)", f.storage_bytes / GIB)
        } else {
            format!("ストレージ(システムドライブ) {gb} GB")
        };
        if f.storage_bytes >= need.saturating_mul(GB) {
            self.verdict(PcRuleId::Storage, PcOutcome::Pass, found, PASS, None)
        } else {
            self.verdict(
                PcRuleId::Storage,
                PcOutcome::Fail,
                found,
                &format!("ストレージが {need} GB に足りません。"),
                Some(&format!("ストレージが {need} GB 以上のパソコンを用意してください。")),
            )
        }
    }
}

/// The class a CPU brand string names.
#[derive(Debug, PartialEq, Eq)]
enum CpuClass {
    /// Core i3 or better, or the same range
    Enough,
    /// Celeron, Pentium, Atom, Athlon
    Low,
    /// Not recognised
    Unknown,
}

fn cpu_class(brand: &str) -> CpuClass {
    let lower = brand.to_lowercase();
    let cleaned = ["(r)", "(tm)", "®", "™"].iter().fold(lower, |s, mark| s.replace(mark, " "));
    let tokens: Vec<&str> = cleaned.split_whitespace().collect();
    let class_digit = |t: &str| ["3", "5", "7", "9"].contains(&t);
    for (i, token) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1).copied().unwrap_or("");
        match *token {
            "core" => {
                let core_i = ["i3", "i5", "i7", "i9"]
                    .iter()
                    .any(|c| next == *c || next.strip_prefix(c).is_some_and(|rest| rest.starts_with('-')));
                if core_i || next == "ultra" || class_digit(next) {
                    return CpuClass::Enough;
                }
            }
            "ryzen" => {
                let after = if next == "ai" { tokens.get(i + 2).copied().unwrap_or("") } else { next };
                if class_digit(after) {
                    return CpuClass::Enough;
                }
            }
            _ => {}
        }
    }
    let low = ["celeron", "pentium", "atom", "athlon"];
    if tokens.iter().any(|t| low.iter().any(|l| t.starts_with(l))) { CpuClass::Low } else { CpuClass::Unknown }
}

impl Judge<'_> {
    fn cpu(&self, f: &PcFigures) -> PcVerdict {
        let brand = f.cpu_brand.split_whitespace().collect::<Vec<_>>().join(" ");
        if brand.is_empty() {
            return self.verdict(
                PcRuleId::Cpu,
                PcOutcome::Warn,
                "CPU(読み取れませんでした)".to_string(),
                "CPUの名前が読み取れませんでした。",
                Some("CPUが Core i3 以上か、パソコンのメーカーや販売店に確かめてください。"),
            );
        }
        let found = format!("CPU {brand}");
        match cpu_class(&brand) {
            CpuClass::Enough => self.verdict(PcRuleId::Cpu, PcOutcome::Pass, found, PASS, None),
            CpuClass::Low => self.verdict(
                PcRuleId::Cpu,
                PcOutcome::Warn,
                found,
                "このCPUは、動作が遅いことがあります(要件は Core i3 以上です)。",
                Some("動作が遅いと感じたら、Core i3 以上のパソコンを検討してください。"),
            ),
            CpuClass::Unknown => self.verdict(
                PcRuleId::Cpu,
                PcOutcome::Warn,
                found,
                "このCPUが Core i3 以上にあたるか、名前からは判断できませんでした。",
                Some("Core i3 以上と同じくらいの性能か、パソコンのメーカーや販売店に確かめてください。"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::BUNDLED;

    fn windows(version: &str, is_64bit: bool) -> PcFigures {
        PcFigures {
            os_name: "Windows".to_string(),
            os_version: version.to_string(),
            is_64bit,
            memory_bytes: 8 * GIB,
            storage_bytes: 256 * GB,
            cpu_brand: "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz".to_string(),
            is_windows: true,
        }
    }

    fn outcome(figures: &PcFigures, id: PcRuleId) -> (PcOutcome, String) {
        let v = judge(figures, &BUNDLED).into_iter().find(|v| v.rule.id == id).expect("every rule is judged");
        (v.outcome, v.found)
    }

    fn gib_f(gib: f64) -> u64 {
        // Test figures as Windows reports them, in GiB.
        (gib * GIB as f64) as u64
    }

    #[test]
    fn memory_in_gib_as_windows_shows_it() {
        use PcOutcome::{Fail, Pass};
        let cases = [
            (gib_f(3.9), Fail, "メモリ 3.9 GB"),
            (gib_f(3.94), Fail, "メモリ 3.9 GB"),
            (gib_f(3.951), Pass, "メモリ 4.0 GB"),
            (4 * GIB - 40 * 1024 * 1024, Pass, "メモリ 4.0 GB"),
            (4 * GIB, Pass, "メモリ 4.0 GB"),
            (16 * GIB, Pass, "メモリ 16.0 GB"),
            (2 * GIB, Fail, "メモリ 2.0 GB"),
        ];
        for (bytes, expected, found) in cases {
            let f = PcFigures { memory_bytes: bytes, ..windows("11 (26100)", true) };
            assert_eq!(outcome(&f, PcRuleId::Memory), (expected, found.to_string()), "{bytes} bytes");
        }
        let unread = PcFigures { memory_bytes: 0, ..windows("11 (26100)", true) };
        assert_eq!(outcome(&unread, PcRuleId::Memory).0, PcOutcome::Warn);
    }

    #[test]
    fn storage_in_decimal_gb() {
        use PcOutcome::{Fail, Pass, Warn};
        let cases = [
            (159 * GB, Fail, "ストレージ(システムドライブ) 159 GB(Windowsでは 148 GB と表示されます)"),
            (160 * GB - 1, Fail, "ストレージ(システムドライブ) 159 GB(Windowsでは 149 GB と表示されます)"),
            (160 * GB, Pass, "ストレージ(システムドライブ) 160 GB(Windowsでは 149 GB と表示されます)"),
            (512 * GB, Pass, "ストレージ(システムドライブ) 512 GB(Windowsでは 476 GB と表示されます)"),
            (0, Warn, "ストレージ(読み取れませんでした)"),
        ];
        for (bytes, expected, found) in cases {
            let f = PcFigures { storage_bytes: bytes, ..windows("10 (19045)", true) };
            assert_eq!(outcome(&f, PcRuleId::Storage), (expected, found.to_string()), "{bytes} bytes");
        }
    }

    #[test]
    fn os_version_and_bits() {
        use PcOutcome::{Fail, Pass, Warn};
        let cases = [
            ("Windows", "10 (19045)", true, Pass),
            ("Windows", "11 (26100)", true, Pass),
            ("Windows", "10.0.22631", true, Pass),
            ("Windows 10 Pro", "", true, Pass),
            ("Windows", "10 (19045)", false, Fail),
            ("Windows", "11 (22631)", false, Fail),
            ("Windows", "6.1.7601", true, Fail),
            ("Windows 8.1", "", true, Fail),
            ("Windows Server 2022 Standard", "10.0.20348", true, Warn),
            ("Windows", "", true, Warn),
        ];
        for (name, version, is_64bit, expected) in cases {
            let f = PcFigures { os_name: name.to_string(), ..windows(version, is_64bit) };
            assert_eq!(outcome(&f, PcRuleId::Os).0, expected, "{name} {version} 64bit={is_64bit}");
        }
        let ten = judge(&windows("10 (19045)", true), &BUNDLED);
        assert_eq!(ten[0].found, "OS Windows 10 (19045)・64ビット");
        assert_eq!(ten[0].outcome, Pass, "still the seed's requirement");
        assert!(
            ten[0].message.contains("サポートが令和7年10月14日 (2025-10-14)に終わっています"),
            "{}",
            ten[0].message
        );
        assert!(!BUNDLED.pc.windows10.source.verified, "Microsoft's page was not opened here");
        assert!(ten[0].next_action.as_deref().is_some_and(|a| a.contains("Windows 11")));
        let eleven = judge(&windows("11 (26100)", true), &BUNDLED);
        assert_eq!(eleven[0].next_action, None);
        let bits32 = judge(&windows("10 (19045)", false), &BUNDLED);
        assert_eq!(bits32[0].message, "32ビット版のWindowsです。64ビット版が必要です。");
    }

    /// A developer's Linux box or a Mac is not the clinic's PC; its other figures still report.
    #[test]
    fn another_os_is_not_the_clinic_pc() {
        let linux = PcFigures {
            os_name: "Ubuntu".to_string(),
            os_version: "24.04".to_string(),
            is_windows: false,
            storage_bytes: 500 * GB,
            ..windows("", true)
        };
        let verdicts = judge(&linux, &BUNDLED);
        assert_eq!(verdicts.len(), 4);
        assert_eq!(verdicts[0].outcome, PcOutcome::Fail);
        assert_eq!(verdicts[0].message, "これは施術所のWindowsパソコンではありません。");
        assert_eq!(verdicts[0].found, "OS Ubuntu 24.04・64ビット");
        assert!(verdicts[1..].iter().all(|v| v.outcome == PcOutcome::Pass), "{verdicts:?}");
        assert_eq!(verdicts[2].found, "ストレージ(システムドライブ) 500 GB", "no Windows figure off Windows");
    }

    #[test]
    fn cpu_class_from_the_brand() {
        use PcOutcome::{Pass, Warn};
        let cases = [
            ("Intel(R) Core(TM) i3-8130U CPU @ 2.20GHz", Pass),
            ("Intel(R) Core(TM) i7-1165G7 @ 2.80GHz", Pass),
            ("Intel(R) Core(TM) i9-13900K", Pass),
            ("Intel(R) Core(TM) Ultra 5 125H", Pass),
            ("Intel(R) Core(TM) 5 120U", Pass),
            ("AMD Ryzen 5 5600U with Radeon Graphics", Pass),
            ("AMD Ryzen 7 PRO 5850U with Radeon Graphics", Pass),
            ("AMD Ryzen AI 9 HX 370 w/ Radeon 890M", Pass),
            ("Intel(R) Celeron(R) N4020 CPU @ 1.10GHz", Warn),
            ("Intel(R) Pentium(R) Silver N5030 CPU @ 1.10GHz", Warn),
            ("Intel(R) Atom(TM) x5-Z8350 CPU @ 1.44GHz", Warn),
            ("AMD Athlon Silver 3050U with Radeon Graphics", Warn),
            ("Intel(R) Core(TM)2 Duo CPU E8400 @ 3.00GHz", Warn),
            ("Snapdragon(R) X Elite - X1E78100", Warn),
            ("", Warn),
        ];
        for (brand, expected) in cases {
            let f = PcFigures { cpu_brand: brand.to_string(), ..windows("11 (26100)", true) };
            assert_eq!(outcome(&f, PcRuleId::Cpu).0, expected, "{brand}");
        }
        let celeron = PcFigures { cpu_brand: "Intel(R) Celeron(R) N4020".to_string(), ..windows("11 (26100)", true) };
        let v = &judge(&celeron, &BUNDLED)[3];
        assert!(v.message.contains("遅い") && v.found == "CPU Intel(R) Celeron(R) N4020", "{v:?}");
        assert_eq!(cpu_class("Intel(R) Xeon(R) W-2245"), CpuClass::Unknown);
    }

    #[test]
    fn a_good_pc_passes_everything_and_every_rule_is_sourced() {
        let verdicts = judge(&windows("10 (19045)", true), &BUNDLED);
        assert_eq!(
            verdicts.iter().map(|v| v.rule.id).collect::<Vec<_>>(),
            BUNDLED.pc.rules.iter().map(|r| r.id).collect::<Vec<_>>()
        );
        assert!(verdicts.iter().all(|v| v.outcome == PcOutcome::Pass && v.outcome_label == "満たしています"));
        for r in &BUNDLED.pc.rules {
            assert_eq!(r.source.part.as_deref(), Some("4.Q&A Q4"));
            assert!(r.source.verified, "the seed states the requirements itself");
        }
        let json = serde_json::to_value(&verdicts[1]).expect("serialises");
        assert_eq!((json["rule"]["id"].as_str(), json["outcome"].as_str()), (Some("memory"), Some("pass")));
        assert!(json["nextAction"].is_null());
    }
}
