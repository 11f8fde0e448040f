import { describe, expect, it } from 'vitest';
import { decideBandAlert, emptyBandState, type BandState } from '../../../src/core/risk/bandCrossing.js';

const T0 = new Date('2025-06-30T09:00:00Z');
const hoursLater = (h: number) => new Date(T0.getTime() + h * 3_600_000);

/** Feeds a series of [hours after T0, rating] and returns the alerts made. */
function run(start: BandState, steps: [number, string][], settleHours?: number) {
  let state = start;
  const alerts: string[] = [];
  for (const [h, rating] of steps) {
    const decision = decideBandAlert(state, rating, hoursLater(h), settleHours);
    if (decision.announce) alerts.push(`${decision.from}->${decision.to} at ${h}h`);
    state = decision.state;
  }
  return { alerts, state };
}

const announcedAmber: BandState = { announced: { rating: 'Amber', at: new Date('2025-01-01T00:00:00Z') }, pending: null };

describe('decideBandAlert', () => {
  it('takes the first rating as a baseline without an alert', () => {
    const { alerts, state } = run(emptyBandState, [[0, 'Red']]);
    expect(alerts).toEqual([]);
    expect(state.announced).toEqual({ rating: 'Red', at: T0 });
  });

  it('does not alert while the rating stays in the announced band', () => {
    expect(run(announcedAmber, [[0, 'Amber'], [30, 'Amber']]).alerts).toEqual([]);
  });

  it('announces a change once it has held for 24 hours', () => {
    const { alerts, state } = run(announcedAmber, [[0, 'Red'], [23, 'Red'], [24, 'Red'], [30, 'Red']]);
    expect(alerts).toEqual(['Amber->Red at 24h']);
    expect(state).toEqual({ announced: { rating: 'Red', at: hoursLater(24) }, pending: null });
  });

  it('does not alert when the rating flaps back within a day', () => {
    const { alerts, state } = run(announcedAmber, [[0, 'Red'], [5, 'Amber'], [30, 'Amber']]);
    expect(alerts).toEqual([]);
    expect(state.pending).toBeNull();
  });

  it('makes one alert for A to B to C in a day, once C has settled', () => {
    expect(run(announcedAmber, [[0, 'Red'], [6, 'Blue'], [24, 'Blue'], [30, 'Blue'], [31, 'Blue']]).alerts).toEqual([
      'Amber->Blue at 30h',
    ]);
  });

  it('announces at once when settleHours is 0', () => {
    expect(run(announcedAmber, [[0, 'Red']], 0).alerts).toEqual(['Amber->Red at 0h']);
  });
});
