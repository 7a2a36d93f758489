// What a backup holds, in one sentence for the questions before a restore or an import.
import type { BackupSummary } from "../api";

export const summaryText = (s: BackupSummary): string =>
  `施術所名: ${s.clinicName || "(未登録)"}、患者台帳 ${s.patients} 人、資格確認の記録 ${s.checks} 件、最新の記録 ${s.newestRecordText ?? "なし"}`;

/** Said before a restore or an import, and on ホーム after one: Rust never takes these over from a
 *  file (they may point at another PC or server), so staff choose them again. */
export const NOT_TAKEN_OVER =
  "バックアップ先のフォルダと更新データの取得先は引き継ぎません(別のパソコンやサーバーを指していることがあるため)。戻したあと、設定で選び直してください。";
