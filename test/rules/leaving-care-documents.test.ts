/**
 * leaving-care-documents: NI number, photo ID, bank account, junior ISA information, CICA
 * considered, access-to-records information (RULES.md §5, LCC). Leaving-care cohort, from 17,
 * under 21. Due: 18th birthday. Done: every tracked document column says yes (blank = not yet);
 * the explanation lists what is missing.
 */
import { expectActive, expectInactive, ruleTable } from './harness';

const allYes = {
  niNumber: 'AB123456C',
  photoId: 'passport seen',
  bankAccount: 'Y',
  juniorIsaInfo: 'Yes',
  cicaConsidered: 'Done',
  recordsAccessInfo: '✓',
};
const t = ruleTable('leaving-care-documents', { dob: '2009-06-01', careStartDate: '2020-01-01', ...allYes });

describe('leaving-care-documents: active / inactive', () => {
  it('is inactive with none of the six columns', () => {
    expectInactive(
      { dob: '2009-06-01', careStartDate: '2020-01-01' },
      'leaving-care-documents',
      /niNumber|photoId|bankAccount|juniorIsaInfo|cicaConsidered|recordsAccessInfo/,
    );
  });
  it('is active with any one of them (bankAccount)', () => {
    expectActive({ dob: '2009-06-01', bankAccount: null }, 'leaving-care-documents');
  });
});

describe('leaving-care-documents', () => {
  t('all six say yes (any non-empty text that is not "no"): Done', {}, { status: 'Done' });
  t(
    'photo ID blank: not done, due 18th birthday 01/06/2027',
    { photoId: null },
    { status: 'On track', due: '2027-06-01', explains: [/photo/i] },
  );
  t(
    'bank account "No": missing',
    { bankAccount: 'No' },
    { status: 'On track', due: '2027-06-01', explains: [/bank/i] },
  );
  t(
    'NI number "N": missing',
    { niNumber: 'N' },
    { status: 'On track', due: '2027-06-01', explains: [/\bNI\b|national insurance/i] },
  );
  t(
    '18 on 10/12/2026, bank account blank: Due soon',
    { dob: '2008-12-10', bankAccount: null },
    { status: 'Due soon', due: '2026-12-10', explains: [/bank/i] },
  );
  t(
    '18 today, CICA blank: Due soon (former relevant)',
    { dob: '2008-11-23', cicaConsidered: null },
    { status: 'Due soon', due: '2026-11-23', explains: [/CICA/i] },
  );
  t(
    'former relevant 19, NI blank: Overdue',
    { dob: '2007-01-01', careStartDate: '2015-01-01', niNumber: null },
    { status: 'Overdue', due: '2025-01-01' },
  );
  t(
    'several missing: each is listed',
    { photoId: null, juniorIsaInfo: 'no' },
    { status: 'On track', due: '2027-06-01', explains: [/photo/i, /ISA/i] },
  );
  t(
    'only two columns tracked, both yes: Done',
    { niNumber: 'Y', bankAccount: 'Y' },
    { status: 'Done' },
    { tracked: ['dateOfBirth', 'careStartDate', 'niNumber', 'bankAccount'] },
  );
  t(
    'only two columns tracked, one blank: not done',
    { niNumber: 'Y', bankAccount: null },
    { status: 'On track', due: '2027-06-01', explains: [/bank/i] },
    { tracked: ['dateOfBirth', 'careStartDate', 'niNumber', 'bankAccount'] },
  );
  t('17 today: applies', { dob: '2009-11-23', photoId: null }, { status: 'On track', due: '2027-11-23' });
  t(
    '17 tomorrow: Not applicable',
    { dob: '2009-11-24', photoId: null },
    { status: 'Not applicable', due: null },
  );
  t(
    '21 today: Not applicable',
    { dob: '2005-11-23', careStartDate: '2015-01-01', photoId: null },
    { status: 'Not applicable' },
  );
  t(
    'not in the cohort (left care at 15): Not applicable',
    { careStartDate: '2024-01-01', careEndDate: '2024-09-01', photoId: null },
    { status: 'Not applicable' },
  );
  t('true / 1 count as yes', { niNumber: true, photoId: 1 }, { status: 'Done' });
  t(
    'NI number "N/A": Check data, with the due date (the 18th birthday is known)',
    { niNumber: 'N/A' },
    { status: 'Check data', due: '2027-06-01', explains: ['N/A'] },
  );
  t(
    'photo ID "TBC" beside a bank account "No": Check data all the same',
    { photoId: 'TBC', bankAccount: 'No' },
    { status: 'Check data', due: '2027-06-01', explains: ['TBC'] },
  );
});
