import { type Day, fromIso, toIso } from './dates/calendar';
import { DatedResults, SharedResults } from './resultCaches';
import type { RuleResult } from './results';

const day = (iso: string) => fromIso(iso) as Day;
const dated = (explanation: string, due: Day): RuleResult => ({
  status: 'On track',
  due: toIso(due),
  explanation,
});

describe('SharedResults', () => {
  it('one frozen result per text, with the same words around every text', () => {
    const shared = new SharedResults('Check data', 'Check data: ', '.');
    const a = shared.get('No review recorded');
    expect(a).toEqual({ status: 'Check data', due: null, explanation: 'Check data: No review recorded.' });
    expect(Object.isFrozen(a)).toBe(true);
    expect(shared.get('Other')).not.toBe(a);
    expect(shared.get('No review recorded')).toBe(a);
  });

  it('keeps at most 1,000 texts, and still gives back a result for each new one', () => {
    const shared = new SharedResults('Not applicable');
    const first = shared.get('text 0');
    for (let i = 1; i < 1_000; i += 1) shared.get(`text ${i}`);
    const extra = shared.get('one more');
    expect(extra).toEqual({ status: 'Not applicable', due: null, explanation: 'one more' });
    shared.get('text 1');
    expect(shared.get('one more')).not.toBe(extra);
    expect(shared.get('text 0')).toBe(first);
  });
});

describe('DatedResults', () => {
  const due = day('2026-12-01');

  it('finds a kept result by its sentence and due date, frozen', () => {
    const results = new DatedResults();
    const sentence = 'Visit due 6 weeks after last visit on 20/10/2026';
    expect(results.find(sentence, due)).toBeUndefined();
    const kept = results.keep(sentence, due, dated(sentence, due));
    expect(Object.isFrozen(kept)).toBe(true);
    expect(results.find(sentence, due)).toBe(kept);
    expect(results.find(sentence, due + 1)).toBeUndefined();
  });

  it('keeps several sentences that give the same due date apart', () => {
    const results = new DatedResults();
    const first = results.keep('PEP on 03/09/2026', due, dated('PEP on 03/09/2026', due));
    const second = results.keep('PEP on 10/09/2026', due, dated('PEP on 10/09/2026', due));
    expect(results.find('PEP on 03/09/2026', due)).toBe(first);
    expect(results.find('PEP on 10/09/2026', due)).toBe(second);
    expect(results.find('PEP on 17/09/2026', due)).toBeUndefined();
  });

  it('a sentence kept for one due date is not found for another', () => {
    const results = new DatedResults();
    const sentence = 'Health passport due by the 18th birthday';
    results.keep('something else', due + 7, dated('something else', due + 7));
    results.keep(sentence, due + 7, dated(sentence, due + 7));
    results.keep(sentence, due, dated(sentence, due));
    expect(results.find(sentence, due)?.due).toBe('2026-12-01');
    expect(results.find(sentence, due + 7)?.due).toBe('2026-12-08');
  });

  it('keeps at most 5,000 results, and still gives back each new one', () => {
    const results = new DatedResults();
    for (let i = 0; i < 5_000; i += 1) {
      results.keep(`sentence ${i}`, due + (i % 50), dated(`s ${i}`, due + (i % 50)));
    }
    const extra = results.keep('one more', due + 100, dated('one more', due + 100));
    expect(extra.explanation).toBe('one more');
    expect(Object.isFrozen(extra)).toBe(true);
    expect(results.find('one more', due + 100)).toBeUndefined();
    expect(results.find('sentence 4999', due + 49)).toBeDefined();
  });

  it('one sentence with several due dates, none the first for its date, keeps each', () => {
    // (a health assessment recorded on one day, for young people whose due dates differ)
    const results = new DatedResults();
    const done = 'Initial health assessment recorded on 03/02/2026';
    results.keep('first for the 1st', due, dated('first for the 1st', due));
    results.keep('first for the 2nd', due + 1, dated('first for the 2nd', due + 1));
    const onFirst = results.keep(done, due, dated(done, due));
    const onSecond = results.keep(done, due + 1, dated(done, due + 1));
    for (let i = 0; i < 3; i += 1) {
      expect(results.find(done, due)).toBe(onFirst);
      expect(results.find(done, due + 1)).toBe(onSecond);
    }
    expect(results.find(done, due + 2)).toBeUndefined();
  });

  it('does not keep a due date outside 1900 to 2100', () => {
    const results = new DatedResults();
    const far = day('2101-03-01');
    const result = results.keep('far', far, dated('far', far));
    expect(result.due).toBe('2101-03-01');
    expect(results.find('far', far)).toBeUndefined();
  });
});
