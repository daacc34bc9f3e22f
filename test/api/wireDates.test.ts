/**
 * Dates on the wire, at their edges: the date checks read the text digit by digit, so each
 * edge (leap years, month and day bounds, the year range, text of nearly the right shape) is
 * pinned here with the exact message the caller gets, one problem per value, the same from
 * the row-by-row validation the handler uses and from the whole-request schema.
 */
import { makeEvaluateRequestSchema, validateEvaluateRequest } from '../../shared/wire';

const NOT_A_DATE = 'not a date: send dates as YYYY-MM-DD';
const NOT_A_BIRTH_DATE = 'not a date: send a date of birth as YYYY-MM-DD, or YYYY-MM';
const NOT_REAL = 'not a real calendar date between 1900 and 2100';
const NOT_A_VALUE = 'expected a date as YYYY-MM-DD, null for a blank cell, or {"unreadable": true}';

function problems(field: string, value: unknown): string[] {
  const request = { tracked: [field], rows: [{ row: 7, fields: { [field]: value } }] };
  const byRow = validateEvaluateRequest(request);
  const whole = makeEvaluateRequestSchema().safeParse(request);
  const fromRows = byRow.success
    ? []
    : byRow.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const fromSchema = whole.success
    ? []
    : whole.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  expect(fromSchema).toEqual(fromRows);
  return fromRows;
}

describe('a date field', () => {
  it.each([
    '2026-11-23',
    '1900-01-01',
    '2100-12-31',
    '2000-02-29', // divisible by 400: a leap year
    '2024-02-29',
    '2026-04-30',
    '2026-12-31',
  ])('accepts %j', (text) => {
    expect(problems('lastReviewDate', text)).toEqual([]);
  });

  it.each([
    ['1900-02-29', NOT_REAL], // divisible by 100, not by 400: not a leap year
    ['2100-02-29', NOT_REAL],
    ['2026-02-29', NOT_REAL],
    ['2026-04-31', NOT_REAL],
    ['2026-00-10', NOT_REAL],
    ['2026-13-01', NOT_REAL],
    ['2026-01-00', NOT_REAL],
    ['2026-01-32', NOT_REAL],
    ['1899-12-31', NOT_REAL],
    ['2101-01-01', NOT_REAL],
    ['0000-01-01', NOT_REAL],
    ['31/02/2019', NOT_A_DATE],
    ['2026/01/01', NOT_A_DATE],
    ['2026-1-011', NOT_A_DATE],
    ['2026-01-1a', NOT_A_DATE],
    ['２０２６-01-01', NOT_A_DATE], // full-width digits are not digits here
    ['2026-02-30\n', NOT_A_DATE],
    [' 2026-01-01', NOT_A_DATE],
    ['2026-01-01T00:00:00Z', NOT_A_DATE],
    ['2009-04', NOT_A_DATE],
    ['', NOT_A_DATE],
  ])('refuses %j, once: %s', (text, message) => {
    expect(problems('lastReviewDate', text)).toEqual([`rows.0.fields.lastReviewDate: ${message}`]);
  });

  it.each([[45000], [true], [{ unreadable: false }], [[]]])('refuses %j as not a value', (value) => {
    expect(problems('lastReviewDate', value)).toEqual([`rows.0.fields.lastReviewDate: ${NOT_A_VALUE}`]);
  });

  it('takes null and {"unreadable": true}', () => {
    expect(problems('lastReviewDate', null)).toEqual([]);
    expect(problems('lastReviewDate', { unreadable: true })).toEqual([]);
  });
});

describe('a date of birth', () => {
  it.each(['2009-04-03', '2009-04', '1900-01', '2100-12', '2008-02-29'])('accepts %j', (text) => {
    expect(problems('dateOfBirth', text)).toEqual([]);
  });

  it.each([
    ['2009-13', NOT_REAL],
    ['2009-00', NOT_REAL],
    ['1899-12', NOT_REAL],
    ['2101-01', NOT_REAL],
    ['2009-02-29', NOT_REAL],
    ['2009-4', NOT_A_BIRTH_DATE],
    ['200904', NOT_A_BIRTH_DATE],
    ['2009-04-', NOT_A_BIRTH_DATE],
    ['03/04/2009', NOT_A_BIRTH_DATE],
  ])('refuses %j, once: %s', (text, message) => {
    expect(problems('dateOfBirth', text)).toEqual([`rows.0.fields.dateOfBirth: ${message}`]);
  });
});
