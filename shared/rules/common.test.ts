import { fromYmd } from '../dates/calendar';
import { dueFrom, dueOn, duesBy, sentenceOn } from './common';

describe('sentences about a day', () => {
  it('sentenceOn names the day as dd/mm/yyyy and makes each day’s sentence once', () => {
    const nextReview = sentenceOn((last) => `Next review due 6 months after last review on ${last}`);
    const day = fromYmd(2026, 4, 3);
    expect(nextReview(day)).toBe('Next review due 6 months after last review on 03/04/2026');
    expect(nextReview(day)).toBe(nextReview(fromYmd(2026, 4, 3)));
    expect(nextReview(day + 1)).toBe('Next review due 6 months after last review on 04/04/2026');
  });

  it('also names days far outside the span it keeps', () => {
    const on = sentenceOn((day) => `on ${day}`);
    expect(on(fromYmd(1850, 1, 2))).toBe('on 02/01/1850');
    expect(on(fromYmd(2150, 12, 31))).toBe('on 31/12/2150');
  });
});

describe('due dates counted from a day', () => {
  it('dueFrom counts the due date and names the day it counts from, once per day', () => {
    const nextReview = dueFrom(
      (last) => last + 182,
      (last) => `Next review due after last review on ${last}`,
    );
    const day = fromYmd(2026, 4, 3);
    expect(nextReview(day)).toEqual({
      day: day + 182,
      why: 'Next review due after last review on 03/04/2026',
    });
    expect(nextReview(fromYmd(2026, 4, 3))).toBe(nextReview(day));
    expect(nextReview(day + 1)).toEqual({
      day: day + 183,
      why: 'Next review due after last review on 04/04/2026',
    });
    expect(Object.isFrozen(nextReview(day))).toBe(true);
  });

  it('dueFrom also counts from days far outside the span it keeps', () => {
    const due = dueFrom(
      (from) => from + 7,
      (from) => `7 days after ${from}`,
    );
    expect(due(fromYmd(1850, 1, 2))).toEqual({ day: fromYmd(1850, 1, 9), why: '7 days after 02/01/1850' });
  });

  it('duesBy keeps one set of due dates per value', () => {
    const contact = duesBy(
      (days: number, last) => last + days,
      (days, last) => `PA contact due ${days} days after the last on ${last}`,
    );
    const day = fromYmd(2026, 11, 1);
    expect(contact(56, day)).toEqual({
      day: day + 56,
      why: 'PA contact due 56 days after the last on 01/11/2026',
    });
    expect(contact(28, day)).toEqual({
      day: day + 28,
      why: 'PA contact due 28 days after the last on 01/11/2026',
    });
    expect(contact(56, day)).toBe(contact(56, day));
    expect(contact(56, day).day).toBe(day + 56);
  });

  it('dueOn gives the day itself with a sentence that names no date', () => {
    const byThe16th = dueOn('Housing register due by the 16th birthday');
    const sixteenth = fromYmd(2027, 2, 28);
    expect(byThe16th(sixteenth)).toEqual({
      day: sixteenth,
      why: 'Housing register due by the 16th birthday',
    });
    expect(byThe16th(sixteenth)).toBe(byThe16th(sixteenth));
  });
});
