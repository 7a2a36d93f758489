// Card data as the Rust side sends it, for the 毎日の資格確認 component tests. What Rust makes
// (the certificate's words, the commands sent, the 基本4情報 as read and shown) is replayed from
// `recorded/card.json`, which the screens crate's `recorded` test writes from the デモ cards on the
// recording day; the tries, the readers and the day's records are data here.
import type {
  Basic4View,
  CardCheck,
  CardStatus,
  CheckRecord,
  MethodAvailability,
  PinStatus,
  TodayChecks,
} from "../../api";
import recordedCard from "./recorded/card.json";
import recordedMethods from "./recorded/methods.json";

type DemoCardName = "valid" | "expiresSoon" | "expired" | "lastTry" | "blocked";
const CARD = recordedCard as unknown as { checks: Record<DemoCardName, CardCheck>; basic4: Basic4View; today: string };

/** Each デモ card as Rust checked it on the recording day (valid, expiring in 30 days, expired
 *  yesterday, one try left, locked). */
export function recordedCheck(card: DemoCardName): CardCheck {
  return structuredClone(CARD.checks[card]);
}

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

/** A card read without PIN: the valid デモ card as Rust checked it, with the tries given. */
export function cardCheck(kenmenTries = 3, authTries = 3, overrides: Partial<CardCheck> = {}): CardCheck {
  return { ...recordedCheck("valid"), authPin: pin(authTries), kenmenPin: pin(kenmenTries), ...overrides };
}

/** The 基本4情報 of the デモ card, as Rust reads and shows them. */
export function basic4(overrides: Partial<Basic4View> = {}): Basic4View {
  return { ...structuredClone(CARD.basic4), ...overrides };
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

