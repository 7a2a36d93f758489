// 文字の大きさ (設定): applied to the whole window by one attribute on <html>, which the style sheet
// turns into the root font size every screen is measured in.
import type { TextSize } from "../api";

/** The choices as 設定 shows them. */
export const TEXT_SIZES: { value: TextSize; label: string }[] = [
  { value: "standard", label: "標準" },
  { value: "large", label: "大" },
  { value: "x_large", label: "特大" },
];

/** Applies a size to every screen at once. */
export function applyTextSize(size: TextSize, root: HTMLElement = document.documentElement): void {
  root.dataset.textSize = size;
}
