/**
 * eet: in education, employment or training (RULES.md §5, LCC). Leaving-care cohort, from 16,
 * under 21. Done: EET. Action needed: NEET. Blank: Check data. 903 ACTIV codes F1, P1, F2,
 * P2, F4, P4, F5, P5 → EET; G4, G5, G6 → NEET.
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('eet', { dob: '2009-06-01', careStartDate: '2020-01-01', eetStatus: null });

describe('eet: active / inactive', () => {
  it('is inactive without an eetStatus column', () => {
    expectInactive({ dob: '2009-06-01', careStartDate: '2020-01-01' }, 'eet', 'eetStatus');
  });
});

describe('eet', () => {
  t('EET: Done', { eetStatus: 'EET' }, { status: 'Done', due: null });
  t('NEET: Action needed', { eetStatus: 'NEET' }, { status: 'Action needed', due: null });
  t('lower-case "neet": Action needed', { eetStatus: 'neet' }, { status: 'Action needed' });
  for (const code of ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5']) {
    t(`903 code ${code}: Done`, { eetStatus: code }, { status: 'Done' });
  }
  for (const code of ['G4', 'G5', 'G6']) {
    t(`903 code ${code}: Action needed`, { eetStatus: code }, { status: 'Action needed' });
  }
  t('blank: Check data', {}, { status: 'Check data' });
  t(
    '"unknown": Check data, quoted',
    { eetStatus: 'unknown' },
    { status: 'Check data', explains: ['unknown'] },
  );
  t('16 today: applies', { dob: '2010-11-23', eetStatus: 'NEET' }, { status: 'Action needed' });
  t(
    '16 tomorrow: Not applicable',
    { dob: '2010-11-24', eetStatus: 'NEET' },
    { status: 'Not applicable', due: null },
  );
  t(
    '16 tomorrow, blank: Not applicable (not Check data)',
    { dob: '2010-11-24' },
    { status: 'Not applicable' },
  );
  t(
    'former relevant 20, NEET: Action needed',
    { dob: '2006-01-01', careStartDate: '2015-01-01', eetStatus: 'NEET' },
    { status: 'Action needed' },
  );
  t(
    '21 today: Not applicable',
    { dob: '2005-11-23', careStartDate: '2015-01-01', eetStatus: 'NEET' },
    { status: 'Not applicable' },
  );
  // SPEC: eet says "under 21" without the supportTo25 extension, so a 22-year-old is out of scope.
  t(
    '22 with supportTo25: still Not applicable',
    { dob: '2004-05-01', careStartDate: '2015-01-01', supportTo25: 'Y', eetStatus: 'NEET' },
    { status: 'Not applicable' },
  );
  t(
    'not in the cohort (left care at 15): Not applicable',
    { careStartDate: '2024-01-01', careEndDate: '2024-09-01', eetStatus: 'NEET' },
    { status: 'Not applicable' },
  );
  t('relevant 17: applies', { careEndDate: '2026-09-01', eetStatus: 'EET' }, { status: 'Done' });
});
