// Decides when a change of Risk Matrix rating is worth an alert.
//
// Rules, kept simple on purpose:
// 1. The first rating seen becomes the baseline without an alert (so an import does not flood channels).
// 2. A rating that differs from the last announced one becomes "pending". It is announced only once it
//    has held for settleHours (default 24), so call this on every recompute and on a regular tick.
// 3. If the rating goes back to the last announced one before then, the pending change is dropped:
//    no alert.
// 4. If it moves on to a third rating (A -> B -> C), the clock restarts for C, and a single alert
//    A -> C follows once C has held for settleHours.

export interface BandState {
  announced: { rating: string; at: Date } | null;
  pending: { rating: string; since: Date } | null;
}

export type BandDecision =
  | { announce: false; state: BandState }
  | { announce: true; from: string; to: string; state: BandState };

export const emptyBandState: BandState = { announced: null, pending: null };

export function decideBandAlert(state: BandState, rating: string, now: Date, settleHours = 24): BandDecision {
  const { announced, pending } = state;
  if (!announced) return { announce: false, state: { announced: { rating, at: now }, pending: null } };
  if (rating === announced.rating) return { announce: false, state: { announced, pending: null } };
  if (!pending || pending.rating !== rating) {
    const next: BandState = { announced, pending: { rating, since: now } };
    // With no settling time, announce at once.
    return settleHours <= 0 ? settle(next, rating, now) : { announce: false, state: next };
  }
  const heldMs = now.getTime() - pending.since.getTime();
  return heldMs >= settleHours * 3_600_000 ? settle(state, rating, now) : { announce: false, state };
}

function settle(state: BandState, rating: string, now: Date): BandDecision {
  return {
    announce: true,
    from: state.announced!.rating,
    to: rating,
    state: { announced: { rating, at: now }, pending: null },
  };
}
