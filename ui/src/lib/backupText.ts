// What a backup holds, in one sentence for the questions before a restore or an import.
import type { BackupSummary } from "../api";

export const summaryText = (s: BackupSummary): string =>
  `施術所名: ${s.clinicName || "(未登録)"}、患者台帳 ${s.patients} 人、資格確認の記録 ${s.checks} 件、最新の記録 ${s.newestRecordText ?? "なし"}`;
