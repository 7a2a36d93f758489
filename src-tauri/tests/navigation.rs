//! The window stays on the app's own pages: the navigation guard's rule.

use onshi_navi_lib::navigation::stays_in_app;

#[test]
fn only_the_apps_own_origin_is_allowed() {
    let allowed = [
        "tauri://localhost/",
        "tauri://localhost/#/guide?step=standing",
        "http://tauri.localhost/",
        "https://tauri.localhost/index.html",
    ];
    for url in allowed {
        assert!(stays_in_app(&tauri::Url::parse(url).expect("url")), "{url}");
    }
    let refused = [
        "https://example.com/",
        "https://iryohokenjyoho.service-now.com/omf",
        "http://tauri.localhost.evil.jp/",
        "http://tauri.localhost:8080/",
        "file:///C:/Windows/System32/cmd.exe",
        "tauri://evil/",
        "javascript:alert(1)",
    ];
    for url in refused {
        assert!(!stays_in_app(&tauri::Url::parse(url).expect("url")), "{url}");
    }
}
