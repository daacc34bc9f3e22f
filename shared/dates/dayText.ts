/**
 * Text made once per day or per count, and shared.
 *
 * Every result's explanation is a sentence about a few days and a count of days ("Next
 * review due 6 months after last review on 03/04/2026: due 03/10/2026, in 12 days"). A
 * tracker names a few hundred distinct days, so making each phrase once and sharing it
 * saves building (and keeping until the evaluation ends) a copy for every row; a sentence
 * that rows share also lets the engine share the whole result (see engine.ts).
 */
import { memoByIndex } from '../memo';
import { type Day, fromYmd } from './calendar';

/** Phrases about days in this span are kept; others are made each time. */
const FIRST_KEPT_DAY: Day = fromYmd(1990, 1, 1);
const LAST_KEPT_DAY: Day = fromYmd(2079, 12, 31);

/** `build(count)`, made once per count from 0 to `limit - 1`. */
export function textByCount(build: (count: number) => string, limit = 10_000): (count: number) => string {
  return memoByIndex(build, limit);
}

/** `build(day)`, made once per day. */
export function textByDay(build: (day: Day) => string): (day: Day) => string {
  const byOffset = textByCount(
    (offset) => build(offset + FIRST_KEPT_DAY),
    LAST_KEPT_DAY - FIRST_KEPT_DAY + 1,
  );
  return (day) => byOffset(day - FIRST_KEPT_DAY);
}
