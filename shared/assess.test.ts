/**
 * A rule's run (its shared results for one evaluation) is kept for the next evaluation with
 * the same rule, as-of date and warning window, and only then.
 */
import { ruleRun } from './assess';
import { type Day, fromIso } from './dates/calendar';
import { DEFAULT_POLICY } from './policy';
import { RULES } from './rules';

const AS_OF = fromIso('2026-11-23') as Day;
const visit = RULES.find((rule) => rule.id === 'statutory-visit');
if (visit === undefined) throw new Error('the catalogue has no statutory-visit rule');

describe('ruleRun', () => {
  it('gives the run kept for the same rule, as-of date and window', () => {
    const run = ruleRun(visit, DEFAULT_POLICY, AS_OF);
    expect(ruleRun(visit, { ...DEFAULT_POLICY, dentalCheckMonths: 6 }, AS_OF)).toBe(run);
    expect(run.citation).toBe(` (${visit.source})`);
  });

  it('gives another run for another as-of date or window', () => {
    const run = ruleRun(visit, DEFAULT_POLICY, AS_OF);
    expect(ruleRun(visit, DEFAULT_POLICY, AS_OF + 1)).not.toBe(run);
    const wider = { ...DEFAULT_POLICY, windows: { 'statutory-visit': { days: 14 } } };
    expect(ruleRun(visit, wider, AS_OF)).not.toBe(run);
    expect(ruleRun(visit, wider, AS_OF).onDueDate(AS_OF + 10).status).toBe('Due soon');
    expect(ruleRun(visit, DEFAULT_POLICY, AS_OF).onDueDate(AS_OF + 10).status).toBe('On track');
  });

  it('gives a rule of its own a run of its own, even under an id in use', () => {
    const run = ruleRun(visit, DEFAULT_POLICY, AS_OF);
    const local = { ...visit, source: 'local visiting policy' };
    const localRun = ruleRun(local, DEFAULT_POLICY, AS_OF);
    expect(localRun).not.toBe(run);
    expect(localRun.rule).toBe(local);
    expect(localRun.done.get('Visited')).toMatchObject({ explanation: 'Visited (local visiting policy)' });
  });
});
