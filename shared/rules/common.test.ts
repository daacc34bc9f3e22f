import { fromYmd } from '../dates/calendar';
import { sentenceOn, sentencesBy } from './common';

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

  it('sentencesBy keeps one set of sentences per value', () => {
    const contact = sentencesBy(
      (days: number, last) => `PA contact due ${days} days after the last on ${last}`,
    );
    const day = fromYmd(2026, 11, 1);
    expect(contact(56, day)).toBe('PA contact due 56 days after the last on 01/11/2026');
    expect(contact(28, day)).toBe('PA contact due 28 days after the last on 01/11/2026');
    expect(contact(56, day)).toBe('PA contact due 56 days after the last on 01/11/2026');
  });
});
