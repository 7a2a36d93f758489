//! The window on Linux, where it is WebKitGTK (the app is built and tested there; clinics run
//! WebView2 on Windows).

use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};

/// Draws the window's pages without the GPU. Forms and lists gain nothing from accelerated
/// compositing, and on a PC without a GPU driver (a virtual machine, this project's CI) it loads
/// Mesa's software rasteriser into the page's process: measured here, about 85 MB more memory
/// for the window's processes and a slower start (`scripts/bench-startup`).
pub fn draw_without_gpu(webview: &webkit2gtk::WebView) {
    if let Some(settings) = WebViewExt::settings(webview) {
        settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
    }
}
