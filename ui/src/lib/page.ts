// Pages that hold live resources (event listeners) register how to let go of them; the router
// calls every cleanup before it shows the next page.

const cleanups: (() => void)[] = [];

export function onLeave(cleanup: () => void): void {
  cleanups.push(cleanup);
}

export function leavePage(): void {
  for (const c of cleanups.splice(0)) {
    try {
      c();
    } catch {
      // a failed cleanup must not keep the next page from showing
    }
  }
}
