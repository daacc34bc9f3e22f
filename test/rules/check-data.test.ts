/**
 * "Check data" (RULES.md §2) and how cells are read (RULES.md §1, §3), through the rules.
 */
import { RULE_FIELD_NAMES } from '../../shared/fields';
import { check, evaluateRow, type Expected, ruleTable, type Values } from './harness';

// A tracker with a spread of rule columns; for a 14-year-old in care since 2020:
// cla-review Overdue, gp-registered Done, housing-register Not applicable, secure-review Not applicable.
const tracker: Values = {
  careStartDate: '2020-01-01',
  careEndDate: null,
  lastReviewDate: '2026-01-01',
  gpRegistered: 'Y',
  housingRegisterDate: null,
  secureStartDate: null,
  eetStatus: null,
};

describe('a date of birth that cannot be used: every active rule is Check data, status Unknown', () => {
  const bad: [string, Values['dob']][] = [
    ['blank', null],
    ['unreadable "N/A"', 'N/A'],
    ['unreadable on the wire', { unreadable: true }],
    ['after the as-of date (24/11/2026)', '2026-11-24'],
    ['26 today (born 23/11/2000)', '2000-11-23'],
    ['older than 26 (born 1990)', '1990-05-01'],
  ];
  it.each(bad)('DOB %s', (_name, dob) => {
    const { row } = evaluateRow({ dob, ...tracker });
    expect(Object.keys(row.results).sort()).toEqual([
      'cla-review',
      'eet',
      'gp-registered',
      'housing-register',
      'secure-review',
    ]);
    for (const [id, result] of Object.entries(row.results)) {
      expect({ id, status: result.status }).toEqual({ id, status: 'Check data' });
      expect(result.explanation.length).toBeGreaterThan(0);
    }
    expect(row.leavingCareStatus).toBe('Unknown');
    expect(row.overall).toBe('Check data');
    expect(row.nextAction).toBeNull();
  });
  it('the unreadable DOB text is quoted and the date of birth is named', () => {
    const { row } = evaluateRow({ dob: 'N/A', ...tracker });
    expect(row.results['gp-registered'].explanation).toContain('N/A');
    expect(row.results['gp-registered'].explanation).toMatch(/birth|DOB/i);
  });
  it('a leaving-care status supplied by the tracker is kept', () => {
    const { row } = evaluateRow({ dob: null, ...tracker, leavingCareStatus: 'Former relevant' });
    expect(row.leavingCareStatus).toBe('Former relevant');
    expect(row.results['gp-registered'].status).toBe('Check data');
  });
  it('25 (26 tomorrow) is still a usable DOB', () => {
    const { row } = evaluateRow({ dob: '2000-11-24', ...tracker });
    expect(row.results['housing-register'].status).toBe('Not applicable');
    expect(row.leavingCareStatus).toBe('Not eligible');
  });
  it('with every column tracked, a blank DOB makes all 25 rules Check data', () => {
    const { row } = evaluateRow({ dob: null }, { tracked: RULE_FIELD_NAMES });
    expect(Object.values(row.results).map((r) => r.status)).toEqual(new Array(25).fill('Check data'));
  });
});

describe('an unknown day of birth: the 15th of the month, said in the explanation', () => {
  const t = ruleTable('housing-options', { careStartDate: '2020-01-01', housingOptionsMeetingDate: null });
  // 17y6m of 15/05/2009 is 15/11/2026
  t('"05/2009"', { dob: '05/2009' }, { status: 'Overdue', due: '2026-11-15', explains: [/15/] });
  t('"2009-05"', { dob: '2009-05' }, { status: 'Overdue', due: '2026-11-15', explains: [/15/] });
  t('"5/2009"', { dob: '5/2009' }, { status: 'Overdue', due: '2026-11-15' });
});

describe('dates in every accepted form (RULES.md §3) give the same result', () => {
  // housing-options for a DOB of 01/06/2009: due 01/12/2026, Due soon
  const dobForms: [string, Values['dob']][] = [
    ['ISO', '2009-06-01'],
    ['UK dd/mm/yyyy', '01/06/2009'],
    ['UK d/m/yy', '1/6/09'],
    ['"1 Jun 2009"', '1 Jun 2009'],
    ['"01-Jun-2009"', '01-Jun-2009'],
    ['Excel serial 39965', 39965],
    ['JavaScript date (UTC midnight)', new Date(Date.UTC(2009, 5, 1))],
  ];
  it.each(dobForms)('DOB as %s', (_name, dob) => {
    check({ dob, careStartDate: '2020-01-01', housingOptionsMeetingDate: null }, 'housing-options', {
      status: 'Due soon',
      due: '2026-12-01',
    });
  });
  // cla-review §7 second review: careStart 05/01/2026, lastReview 30/01/2026 → due 30/04/2026
  const reviewForms: [string, Values['lastReviewDate']][] = [
    ['UK dd/mm/yyyy', '30/01/2026'],
    ['UK d/m/yy', '30/1/26'],
    ['"30 Jan 2026"', '30 Jan 2026'],
    ['"30-Jan-2026"', '30-Jan-2026'],
    ['Excel serial 46052', 46052],
    ['JavaScript date', new Date(Date.UTC(2026, 0, 30))],
  ];
  it.each(reviewForms)('lastReview as %s', (_name, lastReviewDate) => {
    check({ dob: '2012-10-01', careStartDate: '5/1/26', lastReviewDate }, 'cla-review', {
      status: 'Overdue',
      due: '2026-04-30',
    });
  });
  it('two-digit years: 69 is 2069 (after the as-of date: Check data), 70 is 1970 (before the DOB: Check data)', () => {
    check({ dob: '2012-10-01', careStartDate: '2020-01-01', lastDentalCheckDate: '1/5/69' }, 'dental-check', {
      status: 'Check data',
    });
    check({ dob: '2012-10-01', careStartDate: '2020-01-01', lastDentalCheckDate: '1/5/70' }, 'dental-check', {
      status: 'Check data',
    });
  });
  it('two-digit year 26 is 2026', () => {
    check({ dob: '2012-10-01', careStartDate: '2020-01-01', lastDentalCheckDate: '1/2/26' }, 'dental-check', {
      status: 'On track',
      due: '2027-02-01',
    });
  });
  it('slashed dates are day first: 02/11/2026 is 2 November', () => {
    check({ dob: '2012-10-01', careStartDate: '02/11/2026', lastReviewDate: null }, 'cla-review', {
      status: 'Due soon',
      due: '2026-11-30',
    });
  });
});

describe('careEnd before careStart: every rule that depends on looked-after or leaving-care status', () => {
  const v: Values = {
    dob: '2009-06-01',
    careStartDate: '2020-01-01',
    careEndDate: '2019-06-01',
    lastReviewDate: '2026-06-01',
    gpRegistered: 'Y',
    housingOptionsMeetingDate: null,
    eetStatus: 'EET',
    lastPaContactDate: null,
    secureStartDate: '2026-11-20',
  };
  it.each(['cla-review', 'gp-registered', 'housing-options', 'eet', 'pa-contact'])(
    '%s is Check data',
    (id) => {
      check(v, id, { status: 'Check data' });
    },
  );
  // SPEC: secure-review does not depend on looked-after status (its Applies names none), so it is evaluated.
  it('secure-review (no looked-after condition) is still evaluated', () => {
    check(v, 'secure-review', { status: 'Due soon', due: '2026-11-27' });
  });
  it('leaving-care status Unknown, overall Check data', () => {
    const { row } = evaluateRow(v);
    expect(row.leavingCareStatus).toBe('Unknown');
  });
});

describe('a rule that another condition rules out is Not applicable, whatever the unusable value', () => {
  // RULES.md §2: "an unreadable column that the row's result does not depend on is ignored".
  it('care start unreadable, but care ended in 2025: not looked after, cla-review Not applicable', () => {
    check(
      { dob: '2008-01-01', careStartDate: 'TBC', careEndDate: '2025-06-01', lastReviewDate: null },
      'cla-review',
      { status: 'Not applicable' },
    );
  });
  it('care start before the birth of a 24-year-old without support to 25: Not eligible, pa-contact Not applicable', () => {
    const values = { dob: '2002-01-01', careStartDate: '2001-12-01', lastPaContactDate: null };
    check(values, 'pa-contact', { status: 'Not applicable' });
    expect(evaluateRow(values).row.leavingCareStatus).toBe('Not eligible');
  });
  it('care end unreadable, foster placement: unregulated-approval Not applicable', () => {
    check(
      {
        dob: '2012-01-01',
        careStartDate: '2020-01-01',
        careEndDate: 'TBC',
        placementType: 'U1',
        unregulatedApprovalDate: null,
      },
      'unregulated-approval',
      { status: 'Not applicable' },
    );
  });
  it('care end unreadable, supported accommodation: unregulated-approval Check data', () => {
    check(
      {
        dob: '2009-01-01',
        careStartDate: '2020-01-01',
        careEndDate: 'TBC',
        placementType: 'Supported accommodation',
        unregulatedApprovalDate: null,
      },
      'unregulated-approval',
      { status: 'Check data', explains: ['TBC'] },
    );
  });
  it('NC year unreadable for a 14-year-old whose care ended: pep Not applicable', () => {
    check(
      {
        dob: '2012-01-01',
        careStartDate: '2020-01-01',
        careEndDate: '2025-01-01',
        ncYearOverride: 'Year 10',
        lastPepDate: null,
      },
      'pep',
      { status: 'Not applicable' },
    );
  });
  // Support to 25 unreadable: [case, row, leaving-care status, rule, its result]
  it.each<[string, Values, string, string, Expected]>([
    [
      'at 18: only asked from 21, so Former relevant',
      { dob: '2008-06-01', careStartDate: '2020-01-01', supportTo25: 'maybe', housingRegisterDate: null },
      'Former relevant',
      'housing-register',
      { status: 'Overdue', due: '2024-06-01' },
    ],
    [
      'at 22, never eligible (in care for 2 months before 18): Not eligible',
      { dob: '2004-06-01', careStartDate: '2022-04-01', supportTo25: 'N/A', lastPaContactDate: null },
      'Not eligible',
      'pa-contact',
      { status: 'Not applicable' },
    ],
    [
      'at 25: past the upper age either way, Not eligible',
      { dob: '2001-03-15', careStartDate: '2012-06-24', supportTo25: 'TBC', lastPaContactDate: null },
      'Not eligible',
      'pa-contact',
      { status: 'Not applicable' },
    ],
    [
      'at 22: the status depends on it, so Unknown',
      { dob: '2004-06-01', careStartDate: '2018-01-01', supportTo25: 'maybe', lastPaContactDate: null },
      'Unknown',
      'pa-contact',
      { status: 'Check data', explains: ['maybe'] },
    ],
  ])('support to 25 unreadable %s', (_case, values, status, ruleId, expected) => {
    expect(evaluateRow(values).row.leavingCareStatus).toBe(status);
    check(values, ruleId, expected);
  });
});

describe('only values the result depends on raise Check data', () => {
  it('an unreadable PEP date does not touch gp-registered or cla-review', () => {
    const { row } = evaluateRow({
      dob: '2012-10-01',
      careStartDate: '2026-11-02',
      lastReviewDate: null,
      gpRegistered: 'Y',
      lastPepDate: 'N/A',
    });
    expect(row.results['gp-registered'].status).toBe('Done');
    expect(row.results['cla-review']).toMatchObject({ status: 'Due soon', due: '2026-11-30' });
    expect(row.results['pep'].status).toBe('Check data');
    expect(row.results['pep'].explanation).toContain('N/A');
  });
  it('an unreadable SDQ score does not touch the sdq rule', () => {
    check(
      { dob: '2012-10-01', careStartDate: '2020-01-01', lastSdqDate: '2026-06-01', sdqScore: 'N/A' },
      'sdq',
      { status: 'On track', due: '2027-06-01' },
    );
  });
  // SPEC: a rule that does not apply to the row uses none of its completion columns, so they raise nothing.
  it('an unreadable date in a rule that does not apply to the row is ignored (14-year-old, health passport "N/A")', () => {
    check({ dob: '2012-10-01', careStartDate: '2020-01-01', healthPassportDate: 'N/A' }, 'health-passport', {
      status: 'Not applicable',
    });
  });
  it('a completion date in the future for a rule that does not apply is ignored', () => {
    check(
      { dob: '2012-10-01', careStartDate: '2020-01-01', housingRegisterDate: '2027-01-01' },
      'housing-register',
      { status: 'Not applicable' },
    );
  });
  it('careEnd in the future is a planned date, not Check data', () => {
    check(
      { dob: '2012-10-01', careStartDate: '2020-01-01', careEndDate: '2027-03-01', gpRegistered: 'Y' },
      'gp-registered',
      { status: 'Done' },
    );
  });
  // SPEC: §2 lists careStart after the as-of date as Check data; this wins over §4's "careStart, when
  // recorded, is on or before it" (which would make the row simply not looked after).
  it('careStart after the as-of date is Check data for a rule that uses it', () => {
    check({ dob: '2012-10-01', careStartDate: '2026-12-01', gpRegistered: 'Y' }, 'gp-registered', {
      status: 'Check data',
    });
  });
  it('placementStart after the as-of date is Check data for statutory-visit, not for cla-review', () => {
    const v: Values = {
      dob: '2012-10-01',
      careStartDate: '2020-01-01',
      placementStartDate: '2026-12-01',
      lastVisitDate: '2026-11-01',
      lastReviewDate: '2026-08-01',
    };
    check(v, 'statutory-visit', { status: 'Check data' });
    check(v, 'cla-review', { status: 'On track', due: '2027-02-01' });
  });
  it('a month without a day in a non-DOB column is unreadable', () => {
    check({ dob: '2012-10-01', careStartDate: '2020-01-01', lastReviewDate: '05/2026' }, 'cla-review', {
      status: 'Check data',
      explains: ['05/2026'],
    });
  });
  it('an impossible calendar date (31/02/2026) is unreadable', () => {
    check({ dob: '2012-10-01', careStartDate: '2020-01-01', lastReviewDate: '31/02/2026' }, 'cla-review', {
      status: 'Check data',
    });
  });
  it('"-" is unreadable, not blank', () => {
    check({ dob: '2012-10-01', careStartDate: '2020-01-01', lastReviewDate: '-' }, 'cla-review', {
      status: 'Check data',
    });
  });
  it('an empty string or spaces is blank', () => {
    check({ dob: '2012-10-01', careStartDate: '2026-11-02', lastReviewDate: '   ' }, 'cla-review', {
      status: 'Due soon',
      due: '2026-11-30',
    });
  });
});

describe('evaluate never throws on bad cells', () => {
  it('a row of nonsense gives results, not an exception', () => {
    const nonsense: Values = {};
    for (const f of RULE_FIELD_NAMES) (nonsense as Record<string, unknown>)[f] = '???';
    const { row } = evaluateRow(nonsense);
    expect(Object.keys(row.results)).toHaveLength(25);
    expect(row.overall).toBe('Check data');
  });
});
