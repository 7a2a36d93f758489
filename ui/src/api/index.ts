// The only module that talks to the Rust side. Pages call these typed functions; a failure is
// thrown as an ApiError with a stable code and a Japanese message.
import { listen } from "@tauri-apps/api/event";
import { CARD_EVENT, commands, type AppError, type CardEvent, type ErrorCode, type FieldIssue } from "../bindings";

export type * from "../bindings";

/** An error from the app, with the field-level problems of a refused form. */
export class ApiError extends Error {
  /** One of the codes Rust generates (`ErrorCode`): a `switch` on it is checked by tsc. */
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];

  constructor(error: AppError) {
    super(error.message);
    this.name = "ApiError";
    this.code = error.code;
    this.fields = error.fields;
  }
}

type Typed<T> = { status: "ok"; data: T } | { status: "error"; error: AppError | string };

/** Turns any rejection into an ApiError: our typed errors as they are, Tauri's own (a string)
 *  as an internal error with its text kept for support. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (typeof error === "object" && error !== null && "code" in error && "message" in error) {
    const e = error as AppError;
    return new ApiError({ code: e.code, message: e.message, fields: e.fields ?? [] });
  }
  const text = error instanceof Error ? error.message : String(error);
  return new ApiError({ code: "Internal", message: `アプリ内部のエラーです: ${text}`, fields: [] });
}

async function unwrap<T>(call: Promise<Typed<T>>): Promise<T> {
  let result: Typed<T>;
  try {
    result = await call;
  } catch (e) {
    throw toApiError(e);
  }
  if (result.status === "ok") return result.data;
  throw toApiError(result.error);
}

async function plain<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    throw toApiError(e);
  }
}

export const api = {
  appInfo: () => plain(commands.appInfo()),
  homeSummary: () => unwrap(commands.homeSummary()),
  getClinicProfile: () => unwrap(commands.getClinicProfile()),
  checkClinicProfile: (input: Parameters<typeof commands.checkClinicProfile>[0]) =>
    plain(commands.checkClinicProfile(input)),
  saveClinicProfile: (input: Parameters<typeof commands.saveClinicProfile>[0]) =>
    unwrap(commands.saveClinicProfile(input)),
  getStaffName: () => unwrap(commands.getStaffName()),
  setStaffName: (name: string) => unwrap(commands.setStaffName(name)),
  getTextSize: () => unwrap(commands.getTextSize()),
  setTextSize: (size: Parameters<typeof commands.setTextSize>[0]) => unwrap(commands.setTextSize(size)),
  auditLog: (limit: number) => unwrap(commands.auditLog(limit)),
  cardStatus: () => unwrap(commands.cardStatus()),
  checkCard: () => unwrap(commands.checkCard()),
  readBasic4: (pin: string) => unwrap(commands.readBasic4(pin)),
  demoInsertCard: (sample: Parameters<typeof commands.demoInsertCard>[0]) => unwrap(commands.demoInsertCard(sample)),
  demoRemoveCard: () => unwrap(commands.demoRemoveCard()),
  logCheck: (input: Parameters<typeof commands.logCheck>[0]) => unwrap(commands.logCheck(input)),
  todayChecks: () => unwrap(commands.todayChecks()),
  registerPatient: (
    input: Parameters<typeof commands.registerPatient>[0],
    decision: Parameters<typeof commands.registerPatient>[1] = null,
  ) => unwrap(commands.registerPatient(input, decision)),
  wizardOverview: () => unwrap(commands.wizardOverview()),
  wizardStepDetail: (id: string) => unwrap(commands.wizardStepDetail(id)),
  saveWizardAnswer: (step: string, key: string, value: string) => unwrap(commands.saveWizardAnswer(step, key, value)),
  setWizardStepState: (id: string, to: Parameters<typeof commands.setWizardStepState>[1]) =>
    unwrap(commands.setWizardStepState(id, to)),
  saveTerminal: (id: number | null, input: Parameters<typeof commands.saveTerminal>[1]) =>
    unwrap(commands.saveTerminal(id, input)),
  deleteTerminal: (id: number) => unwrap(commands.deleteTerminal(id)),
  pcCheck: () => unwrap(commands.pcCheck()),
  internetCheck: () => unwrap(commands.internetCheck()),
  readerCheck: () => unwrap(commands.readerCheck()),
  guideChecklistPreview: () => unwrap(commands.guideChecklistPreview()),
  saveGuideChecklist: () => unwrap(commands.saveGuideChecklist()),
  faq: (query: string) => unwrap(commands.faq(query)),
  openLink: (url: string) => unwrap(commands.openLink(url)),
  showInFolder: (path: string) => unwrap(commands.showInFolder(path)),
  grantOverview: () => unwrap(commands.grantOverview()),
  savePoster: (id: number | null, input: Parameters<typeof commands.savePoster>[1]) => unwrap(commands.savePoster(id, input)),
  deletePoster: (id: number) => unwrap(commands.deletePoster(id)),
  setPromotionDay: (input: Parameters<typeof commands.setPromotionDay>[0]) => unwrap(commands.setPromotionDay(input)),
  setGrantInService: (inService: boolean) => unwrap(commands.setGrantInService(inService)),
  backupOverview: () => unwrap(commands.backupOverview()),
  chooseBackupFolder: () => unwrap(commands.chooseBackupFolder()),
  setBackupGenerations: (keep: string) => unwrap(commands.setBackupGenerations(keep)),
  backUpNow: () => unwrap(commands.backUpNow()),
  backupPreview: (name: string, recoveryCode: string | null = null) => unwrap(commands.backupPreview(name, recoveryCode)),
  restoreBackup: (name: string, recoveryCode: string | null = null) => unwrap(commands.restoreBackup(name, recoveryCode)),
  exportData: () => unwrap(commands.exportData()),
  importData: () => unwrap(commands.importData()),
  retryImport: (recoveryCode: string) => unwrap(commands.retryImport(recoveryCode)),
  acknowledgeRecoveryCode: () => unwrap(commands.acknowledgeRecoveryCode()),
  renewRecoveryCode: () => unwrap(commands.renewRecoveryCode()),
  printRecoverySheet: () => unwrap(commands.printRecoverySheet()),
  restartToRestore: () => unwrap(commands.restartToRestore()),
  cancelRestore: () => unwrap(commands.cancelRestore()),
  chooseRescueFolder: () => unwrap(commands.chooseRescueFolder()),
  parseInsurancePaste: (text: string) => commands.parseInsurancePaste(text),
  saveInsuranceRecord: (input: Parameters<typeof commands.saveInsuranceRecord>[0], demo = false) =>
    unwrap(commands.saveInsuranceRecord(input, demo)),
  insuranceRecordsToday: () => unwrap(commands.insuranceRecordsToday()),
  saveInsuranceCsv: (encoding: Parameters<typeof commands.saveInsuranceCsv>[0]) => unwrap(commands.saveInsuranceCsv(encoding)),
  insuranceClipboardText: (id: number, demo = false) => unwrap(commands.insuranceClipboardText(id, demo)),
  insuranceRetention: () => unwrap(commands.insuranceRetention()),
  setInsuranceRetention: (years: number) => unwrap(commands.setInsuranceRetention(years)),
  purgeInsuranceRecords: (years: number) => unwrap(commands.purgeInsuranceRecords(years)),
  findPatients: (query: string) => unwrap(commands.findPatients(query)),
  patientRecord: (id: number, demo: boolean) => unwrap(commands.patientRecord(id, demo)),
  insuranceHistory: (id: number) => unwrap(commands.insuranceHistory(id)),
  addPosterPhoto: (id: number) => unwrap(commands.addPosterPhoto(id)),
  removePosterPhoto: (id: number) => unwrap(commands.removePosterPhoto(id)),
  grantReportPreview: () => unwrap(commands.grantReportPreview()),
  saveGrantReport: () => unwrap(commands.saveGrantReport()),
  printGrantReport: () => unwrap(commands.printGrantReport()),
  posterChoices: () => unwrap(commands.posterChoices()),
  posterPreview: (audience: Parameters<typeof commands.posterPreview>[0], format: Parameters<typeof commands.posterPreview>[1]) =>
    unwrap(commands.posterPreview(audience, format)),
  savePosterPdf: (audience: Parameters<typeof commands.savePosterPdf>[0], format: Parameters<typeof commands.savePosterPdf>[1]) =>
    unwrap(commands.savePosterPdf(audience, format)),
  printPoster: (audience: Parameters<typeof commands.printPoster>[0], format: Parameters<typeof commands.printPoster>[1]) =>
    unwrap(commands.printPoster(audience, format)),
  subsidyOverview: () => unwrap(commands.subsidyOverview()),
  setSubsidyApplicant: (applicant: Parameters<typeof commands.setSubsidyApplicant>[0]) =>
    unwrap(commands.setSubsidyApplicant(applicant)),
  saveReceipt: (id: number | null, input: Parameters<typeof commands.saveReceipt>[1]) =>
    unwrap(commands.saveReceipt(id, input)),
  deleteReceipt: (id: number) => unwrap(commands.deleteReceipt(id)),
  savePurchase: (id: number | null, receiptId: number, input: Parameters<typeof commands.savePurchase>[2]) =>
    unwrap(commands.savePurchase(id, receiptId, input)),
  deletePurchase: (id: number) => unwrap(commands.deletePurchase(id)),
  attachDocument: (
    kind: Parameters<typeof commands.attachDocument>[0],
    receiptId: number | null,
    proof: Parameters<typeof commands.attachDocument>[2],
  ) => unwrap(commands.attachDocument(kind, receiptId, proof)),
  deleteDocument: (id: number) => unwrap(commands.deleteDocument(id)),
  saveSubsidyAnswers: (appliedBefore: boolean, passbook: Parameters<typeof commands.saveSubsidyAnswers>[1]) =>
    unwrap(commands.saveSubsidyAnswers(appliedBefore, passbook)),
  setSubsidyStatus: (status: Parameters<typeof commands.setSubsidyStatus>[0], on: string | null) =>
    unwrap(commands.setSubsidyStatus(status, on)),
  breakdownPreview: () => unwrap(commands.breakdownPreview()),
  saveBreakdown: (format: Parameters<typeof commands.saveBreakdown>[0]) => unwrap(commands.saveBreakdown(format)),
  printBreakdown: () => unwrap(commands.printBreakdown()),
  buildUploadSet: () => unwrap(commands.buildUploadSet()),
  programDataStatus: () => unwrap(commands.programDataStatus()),
  checkProgramUpdates: () => unwrap(commands.checkProgramUpdates()),
  getUpdateAddress: () => unwrap(commands.getUpdateAddress()),
  setUpdateAddress: (address: string) => unwrap(commands.setUpdateAddress(address)),
};

/** Calls `handler` for every reader and card event; returns the function that stops listening. */
export async function onCardEvent(handler: (event: CardEvent) => void): Promise<() => void> {
  return listen<CardEvent>(CARD_EVENT, (e) => handler(e.payload));
}
