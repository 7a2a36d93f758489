// Card data shaped as the Rust side sends it, for the 毎日の資格確認 component tests.
import type {
  Basic4View,
  CardCheck,
  CardStatus,
  CheckRecord,
  MethodAvailability,
  PinStatus,
  TodayChecks,
} from "../../api";
import recordedMethods from "./recorded/methods.json";

/** The check methods Rust offers on 2026-12-06 (no 保険証: its transition ended), recorded by
 *  `guide`'s test `recorded_methods_are_fresh`. */
export const METHODS_TODAY = recordedMethods as unknown as MethodAvailability[];

const DEMO_READER = "オン資ナビ デモ用カードリーダー";

/** デモ mode with its one virtual reader; `card` says whether a card is on it. */
export function demoStatus(card = false): CardStatus {
  return {
    mode: { kind: "demo", reason: "カードリーダーがつながっていないため" },
    readers: [{ name: DEMO_READER, cardPresent: card, inUse: false }],
    error: null,
    monitorError: null,
  };
}

/** A real reader (mode reader). */
export function readerStatus(card = false, inUse = false): CardStatus {
  return {
    mode: { kind: "reader" },
    readers: [{ name: "SONY FeliCa RC-S300", cardPresent: card, inUse }],
    error: null,
    monitorError: null,
  };
}

const pin = (triesLeft: number): PinStatus => ({ triesLeft, blocked: triesLeft === 0 });

/** A card read without PIN: valid certificate, tries as given. */
export function cardCheck(kenmenTries = 3, authTries = 3, overrides: Partial<CardCheck> = {}): CardCheck {
  return {
    certificate: {
      notAfter: "2030-03-31",
      notAfterText: "令和12年3月31日 (2030-03-31)",
      daysLeft: 1219,
      status: "valid",
      message: "有効です。",
    },
    authPin: pin(authTries),
    kenmenPin: pin(kenmenTries),
    apdus: 9,
    ...overrides,
  };
}

export function basic4(overrides: Partial<Basic4View> = {}): Basic4View {
  return {
    name: "見本 花子",
    address: "東京都千代田区霞が関1-2-2",
    birthDate: "1980-04-01",
    birthDateText: "昭和55年4月1日 (1980-04-01)",
    sex: "female",
    sexText: "女",
    ...overrides,
  };
}

export function todayChecks(overrides: Partial<TodayChecks> = {}): TodayChecks {
  const none = { total: 0, myNumberCard: 0, ratePercent: 0 };
  return {
    todayText: "令和8年11月29日 (2026-11-29)",
    monthText: "令和8年11月 (2026-11)",
    records: [],
    today: none,
    month: none,
    demoRecords: [],
    methods: METHODS_TODAY,
    route: null,
    ...overrides,
  };
}

export function checkRecord(overrides: Partial<CheckRecord> = {}): CheckRecord {
  return {
    id: 1,
    checkedAt: "2026-11-29T01:30:00Z",
    method: "my_number_card",
    result: "ok",
    source: "card_read",
    certExpiresOn: "2030-03-31",
    note: "",
    ...overrides,
  };
}

