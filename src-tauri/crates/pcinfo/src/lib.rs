//! Measures this PC for the 導入ガイド's PC check (手順4): the OS and whether it is 64-bit, the
//! memory, the system drive's size and the CPU's name. Only measuring lives here; the rules and
//! the judgement are data and a pure function of the `guide` crate, tested on figures, so what is
//! read on the clinic's PC and what the requirement says never mix.
//!
//! A figure that cannot be read is 0 or empty: the judgement then says it could not be read,
//! instead of this crate guessing.
//!
//! [`webview2`] says what the window needs and an old Windows 10 may lack; `webkit`, how the
//! window draws on Linux.

#![forbid(unsafe_code)]

#[cfg(target_os = "linux")]
pub mod webkit;
pub mod webview2;

use std::path::{Path, PathBuf};

use guide::pc::PcFigures;
use sysinfo::{Disks, MemoryRefreshKind, RefreshKind, System};

/// The figures of the PC this runs on.
pub fn measure() -> PcFigures {
    let system = System::new_with_specifics(
        RefreshKind::nothing().with_memory(MemoryRefreshKind::nothing().with_ram()).with_cpu(Default::default()),
    )
    .ok();
    let disks: Vec<(PathBuf, u64)> = Disks::new_with_refreshed_list()
        .map(|disks| disks.iter().map(|d| (d.mount_point().to_path_buf(), d.total_space())).collect())
        .unwrap_or_default();
    PcFigures {
        os_name: System::long_os_version().or_else(|_| System::name()).unwrap_or_default(),
        os_version: os_version(),
        is_64bit: is_64bit(),
        memory_bytes: system.as_ref().map_or(0, System::total_memory),
        storage_bytes: drive_size(&disks, &system_drive()),
        cpu_brand: system
            .as_ref()
            .and_then(|s| s.cpus().first().map(|c| c.brand().trim().to_string()))
            .unwrap_or_default(),
        is_windows: cfg!(windows),
    }
}

/// `10.0.26100` style: the kernel version carries the build number Windows 11 is told apart by.
fn os_version() -> String {
    match (System::os_version().ok(), System::kernel_version().ok()) {
        (Some(os), Some(kernel)) if os != kernel => format!("{os} ({kernel})"),
        (Some(os), _) => os,
        (None, Some(kernel)) => kernel,
        (None, None) => String::new(),
    }
}

/// Whether the OS is 64-bit. A 32-bit build of this app on 64-bit Windows is still a 64-bit OS:
/// Windows tells the program so through `PROCESSOR_ARCHITEW6432`.
fn is_64bit() -> bool {
    if cfg!(windows) {
        cfg!(target_pointer_width = "64") || std::env::var_os("PROCESSOR_ARCHITEW6432").is_some()
    } else {
        System::cpu_arch().contains("64")
    }
}

/// Where the OS lives: `%SystemDrive%\` on Windows (usually `C:\`), `/` elsewhere.
fn system_drive() -> PathBuf {
    if cfg!(windows) {
        let drive = std::env::var("SystemDrive").unwrap_or_else(|_| "C:".into());
        PathBuf::from(format!("{drive}\\"))
    } else {
        PathBuf::from("/")
    }
}

/// The size of the disk mounted at `root`; 0 when none is (a figure not read).
fn drive_size(disks: &[(PathBuf, u64)], root: &Path) -> u64 {
    let key = |p: &Path| p.to_string_lossy().trim_end_matches(['\\', '/']).to_ascii_uppercase();
    disks.iter().find(|(mount, _)| key(mount) == key(root)).map_or(0, |(_, size)| *size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_drive_is_found_by_its_mount_point_whatever_the_case_and_slash() {
        let disks = vec![(PathBuf::from("D:\\"), 1), (PathBuf::from("c:\\"), 256_000_000_000), (PathBuf::from("/"), 7)];
        assert_eq!(drive_size(&disks, Path::new("C:\\")), 256_000_000_000);
        assert_eq!(drive_size(&disks, Path::new("/")), 7);
        assert_eq!(drive_size(&disks, Path::new("E:\\")), 0, "not mounted: not read");
    }

    #[test]
    fn this_machine_is_measured_and_judged() {
        let figures = measure();
        assert!(figures.memory_bytes > 0, "{figures:?}");
        assert!(!figures.cpu_brand.is_empty() || cfg!(target_arch = "aarch64"), "{figures:?}");
        assert_eq!(figures.is_windows, cfg!(windows));
        let verdicts = guide::pc::judge(&figures, &guide::BUNDLED);
        assert_eq!(verdicts.len(), 4);
        if !cfg!(windows) {
            assert!(verdicts[0].message.contains("これは施術所のWindowsパソコンではありません"), "{:?}", verdicts[0]);
        }
    }
}
