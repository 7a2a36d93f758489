// The backend the app runs on: the generated Tauri bindings behind `Backend`.
import { api, onCardEvent } from ".";
import type { Backend } from "../lib/backend";

export const tauriBackend: Backend = {
  ...api,
  onCardEvent(handler) {
    let disposed = false;
    let unlisten: (() => void) | undefined;
    void onCardEvent(handler).then((u) => {
      if (disposed) u();
      else unlisten = u;
    });
    return () => {
      disposed = true;
      unlisten?.();
    };
  },
};
