; オン資ナビ Windows installer (NSIS 3, hand-written: Tauri's own NSIS bundler downloads
; helper plugins on first use, which these build machines cannot).
;
; Build through scripts/windows/make-installer, or directly:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DEXE=path/onshi-navi.exe \
;            -DWEBVIEW2_LOADER=path/WebView2Loader.dll \
;            -DICON=icons/icon.ico -DOUTFILE=dist/onshi-navi-setup.exe \
;            [-DRESOURCES_DIR=dir] [-DLICENSE_DIR=dir] scripts/windows/installer.nsi
; (-INPUTCHARSET UTF8: this file is UTF-8 without BOM; makensis on Linux would otherwise
; read the Japanese strings in the wrong charset.)
;
; Design points:
; - Per user, no admin rights: clinic PCs often have no administrator at hand. Program
;   files go to %LOCALAPPDATA%\Programs\OnshiNavi, the uninstall entry to HKCU.
; - The clinic's data (%APPDATA%\jp.onshi-navi.app, %LOCALAPPDATA%\jp.onshi-navi.app:
;   patient records, PDFs, settings, logs, WebView2 profile) is never inside the install
;   folder, so upgrades simply overwrite program files, and the uninstaller keeps the data
;   unless the user explicitly asks (checkbox, or /DELETEDATA when silent).
; - Never downloads anything (WebView2 included): clinics' networks are restricted and an
;   installer that reaches out is a support call.
;
; Command line (standard NSIS): /S silent, /D=<dir> install folder (must be last).
; Uninstaller: /S silent, /DELETEDATA also delete the clinic's data.
; Exit code: 0 done, 1 cancelled by the user, 2 aborted (e.g. app still running).

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef EXE
  !error "pass -DEXE=<path of onshi-navi.exe>"
!endif
!ifndef WEBVIEW2_LOADER
  !error "pass -DWEBVIEW2_LOADER=<path of WebView2Loader.dll> (the -gnu exe imports it)"
!endif
!ifndef ICON
  !error "pass -DICON=<path of icons/icon.ico>"
!endif
!ifndef OUTFILE
  !error "pass -DOUTFILE=<setup exe to write>"
!endif

!define APP_NAME "オン資ナビ"
!define APP_EXE "onshi-navi.exe"
; WebView2's loader (Microsoft's redistributable part of the WebView2 SDK, not the runtime): the
; exe built with the GNU toolchain imports it and Windows will not start the exe without it.
!define LOADER_DLL "WebView2Loader.dll"
; Tauri's app_data_dir / app_local_data_dir are named after the bundle identifier.
!define APP_ID "jp.onshi-navi.app"
!define PUBLISHER "オン資ナビ開発チーム"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\OnshiNavi"
!define INSTALL_LOG "install-log.txt"
; The Evergreen WebView2 Runtime's client id, the same on every machine.
!define WEBVIEW2_CLIENT "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

; VIProductVersion insists on four numbers: 0.1.0 or 0.1.0-beta.2 -> 0.1.0.0.
!searchparse /noerrors "${VERSION}-" "" VER_MAJOR "." VER_MINOR "." VER_PATCH "-"
!ifndef VER_PATCH
  !error "VERSION must look like 1.2.3 (got ${VERSION})"
!endif

Name "${APP_NAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\OnshiNavi"
; An upgrade goes where the previous version is, even if the user chose another folder.
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "nsDialogs.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING

Var PrevVersion   ; DisplayVersion of an installed copy, "" on a first install
Var LogFile       ; handle of $INSTDIR\install-log.txt while the install section runs
Var DeleteData    ; uninstaller: 1 = also delete the clinic's data folders
Var DataCheckbox

; ---------------------------------------------------------------- pages
!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipDirectoryOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_FINISH

UninstPage custom un.DataPageCreate un.DataPageLeave
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Japanese"

; ---------------------------------------------------------------- version info
VIProductVersion "${VER_MAJOR}.${VER_MINOR}.${VER_PATCH}.0"
VIFileVersion "${VER_MAJOR}.${VER_MINOR}.${VER_PATCH}.0"
VIAddVersionKey /LANG=${LANG_JAPANESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "FileDescription" "${APP_NAME} セットアップ"
VIAddVersionKey /LANG=${LANG_JAPANESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "LegalCopyright" "© ${PUBLISHER}"

; ---------------------------------------------------------------- helpers
; Shown in the details list and kept in install-log.txt: in silent mode (deployments by
; the clinic's IT vendor) the log is the only trace of what the installer decided.
!macro Log TEXT
  DetailPrint "${TEXT}"
  FileWriteUTF16LE $LogFile "${TEXT}$\r$\n"
!macroend

; A running exe cannot be overwritten or deleted, and Windows refuses write access to an
; exe image that is mapped by a process: that refusal is the check. It needs no plugin
; and only sees the copy in this folder, which is exactly the one that matters.
; Leaves $0 = 1 if the app is still running (user chose cancel, or silent mode), else 0.
!macro DEFINE_ENSURE_APP_CLOSED PREFIX
Function ${PREFIX}EnsureAppClosed
  retry:
  StrCpy $0 0
  IfFileExists "$INSTDIR\${APP_EXE}" 0 done
  ClearErrors
  FileOpen $1 "$INSTDIR\${APP_EXE}" a
  ${IfNot} ${Errors}
    FileClose $1
    Goto done
  ${EndIf}
  MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION \
    "${APP_NAME}が起動中です。$\r$\n$\r$\n${APP_NAME}のウィンドウを閉じてから「再試行」を押してください。" \
    /SD IDCANCEL IDRETRY retry
  StrCpy $0 1
  done:
FunctionEnd
!macroend
!insertmacro DEFINE_ENSURE_APP_CLOSED ""
!insertmacro DEFINE_ENSURE_APP_CLOSED "un."

; Tauri draws its window with the Evergreen WebView2 Runtime. Windows 11 has it; a
; Windows 10 PC usually got it with Edge, but not always. Looked up where Microsoft
; documents it: per machine (64-bit and 32-bit registry views) and per user. A missing
; value, "" or 0.0.0.0 (left behind by an uninstalled runtime) means not installed.
Function CheckWebView2
  StrCpy $1 ""
  ReadRegStr $1 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_CLIENT}" "pv"
  ${If} $1 == ""
  ${OrIf} $1 == "0.0.0.0"
    ReadRegStr $1 HKCU "Software\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $1 == ""
  ${OrIf} $1 == "0.0.0.0"
    ReadRegStr $1 HKLM "SOFTWARE\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $1 != ""
  ${AndIf} $1 != "0.0.0.0"
    !insertmacro Log "WebView2 ランタイム: $1"
    Return
  ${EndIf}
  !insertmacro Log "WebView2 ランタイム: 見つかりません（インストールは続行）"
  MessageBox MB_OK|MB_ICONINFORMATION \
    "${APP_NAME}の画面表示には「Microsoft Edge WebView2 ランタイム」が必要ですが、このパソコンには見つかりませんでした。$\r$\n$\r$\n\
インストールはこのまま続けます。$\r$\n$\r$\n\
WebView2 ランタイムは、Microsoft の「Microsoft Edge WebView2」のページ（https://developer.microsoft.com/microsoft-edge/webview2/）から「エバーグリーン ブートストラッパー」をダウンロードして実行するか、Windows Update で入手できます。$\r$\n$\r$\n\
WebView2 ランタイムを入れれば、${APP_NAME}はそのまま起動できるようになります（再インストールは不要です）。" \
    /SD IDOK
FunctionEnd

; ---------------------------------------------------------------- installer
Function .onInit
  ReadRegStr $PrevVersion HKCU "${UNINST_KEY}" "DisplayVersion"
FunctionEnd

Function SkipDirectoryOnUpgrade
  ${If} $PrevVersion != ""
    Abort
  ${EndIf}
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  FileOpen $LogFile "$INSTDIR\${INSTALL_LOG}" a
  FileSeek $LogFile 0 END $0
  ${If} $0 == 0
    FileWriteWord $LogFile 0xFEFF  ; UTF-16LE BOM, so Notepad shows the Japanese
  ${EndIf}
  ${GetTime} "" "L" $2 $3 $4 $5 $6 $7 $8
  !insertmacro Log "---- $4-$3-$2 $6:$7:$8 ${APP_NAME} ${VERSION} のインストール"

  Call EnsureAppClosed
  ${If} $0 == 1
    !insertmacro Log "中止: ${APP_NAME}が起動中です（$INSTDIR\${APP_EXE}）"
    FileClose $LogFile
    ; Abort in a section ends with exit code 2, so scripted deployments see the failure.
    Abort
  ${EndIf}
  ${If} $PrevVersion != ""
    !insertmacro Log "更新: $PrevVersion → ${VERSION}（データはそのまま）"
  ${EndIf}
  !insertmacro Log "インストール先: $INSTDIR"

  File "/oname=${APP_EXE}" "${EXE}"
  File "/oname=${LOADER_DLL}" "${WEBVIEW2_LOADER}"

  ; Replace, not merge: a file dropped by a newer version must not linger from an older one.
  RMDir /r "$INSTDIR\resources"
  !ifdef RESOURCES_DIR
    SetOutPath "$INSTDIR\resources"
    File /r "${RESOURCES_DIR}/*"
  !endif
  RMDir /r "$INSTDIR\licenses"
  !ifdef LICENSE_DIR
    SetOutPath "$INSTDIR\licenses"
    File /r "${LICENSE_DIR}/*"
  !endif
  ; The shortcuts' working folder is the current output path.
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\Uninstall.exe"

  ; Directly in Programs (no subfolder), as Windows 10/11 expect.
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"

  Call CheckWebView2
  !insertmacro Log "完了"
  FileClose $LogFile
SectionEnd

; ---------------------------------------------------------------- uninstaller
Function un.onInit
  StrCpy $DeleteData 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DELETEDATA" $R1
  ${IfNot} ${Errors}
    StrCpy $DeleteData 1
  ${EndIf}
FunctionEnd

; Keeping the data is the default: a clinic that reinstalls (new version, repair, moving
; the shortcut back) must find its records again. Deleting needs a tick and a confirmation.
Function un.DataPageCreate
  !insertmacro MUI_HEADER_TEXT "データの扱い" "患者記録などのデータを残すかどうかを選んでください。"
  nsDialogs::Create 1018
  Pop $0
  ${If} $0 == error
    Abort
  ${EndIf}
  ${NSD_CreateLabel} 0 0 100% 72u "${APP_NAME}のデータ（患者記録・PDF・設定・ログ）は次のフォルダーにあります。$\r$\n$\r$\n    $APPDATA\${APP_ID}$\r$\n    $LOCALAPPDATA\${APP_ID}$\r$\n$\r$\n通常はデータを残してください。もう一度インストールすれば、そのまま使い続けられます。"
  Pop $0
  ${NSD_CreateCheckbox} 0 80u 100% 14u "患者記録・PDF・設定などのデータも削除する"
  Pop $DataCheckbox
  ${If} $DeleteData == 1
    ${NSD_Check} $DataCheckbox
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $DataCheckbox $0
  ${If} $0 == ${BST_CHECKED}
    ${IfNot} ${Cmd} `MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "患者記録・PDF・設定などのデータをすべて削除します。削除したデータは元に戻せません。$\r$\n$\r$\n本当に削除しますか？" IDYES`
      Abort  ; back to the page, nothing decided
    ${EndIf}
    StrCpy $DeleteData 1
  ${Else}
    StrCpy $DeleteData 0
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Call un.EnsureAppClosed
  ${If} $0 == 1
    DetailPrint "中止: ${APP_NAME}が起動中です（$INSTDIR\${APP_EXE}）"
    Abort
  ${EndIf}

  ; Only what the installer put here: a user who picked an odd folder with /D= (say,
  ; Documents) must not lose anything else in it.
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${LOADER_DLL}"
  RMDir /r "$INSTDIR\resources"
  RMDir /r "$INSTDIR\licenses"
  Delete "$INSTDIR\${INSTALL_LOG}"
  ; Started as Uninstall.exe, NSIS runs a copy of itself from %TEMP% and the original
  ; exits just as the copy starts; on a busy PC the original can still be mapped for a
  ; moment and refuse deletion. Retry for up to 5 s (not when run in place with _?=,
  ; where this very exe is Uninstall.exe and stays by design).
  StrCpy $1 0
  ${DoWhile} ${FileExists} "$INSTDIR\Uninstall.exe"
    Delete "$INSTDIR\Uninstall.exe"
    ${If} $EXEDIR == $INSTDIR
    ${OrIf} $1 >= 25
      ${ExitDo}
    ${EndIf}
    ${IfThen} ${FileExists} "$INSTDIR\Uninstall.exe" ${|} Sleep 200 ${|}
    IntOp $1 $1 + 1
  ${Loop}
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"

  ${If} $DeleteData == 1
    DetailPrint "データを削除します: $APPDATA\${APP_ID}, $LOCALAPPDATA\${APP_ID}"
    RMDir /r "$APPDATA\${APP_ID}"
    RMDir /r "$LOCALAPPDATA\${APP_ID}"
  ${Else}
    DetailPrint "データは残しました: $APPDATA\${APP_ID}, $LOCALAPPDATA\${APP_ID}"
  ${EndIf}
SectionEnd
