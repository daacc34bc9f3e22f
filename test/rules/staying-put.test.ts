/**
 * staying-put: Staying Put conversation with the foster carers (RULES.md §5, LCC). Looked
 * after, placementType foster, from 15. Due: 16th birthday. Done: stayingPutDiscussedDate.
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('staying-put', {
  dob: '2011-06-01',
  careStartDate: '2020-01-01',
  placementType: 'foster',
  stayingPutDiscussedDate: null,
});

describe('staying-put: active / inactive', () => {
  it('needs the placementType column', () => {
    expectInactive({ dob: '2011-06-01', stayingPutDiscussedDate: null }, 'staying-put', 'placementType');
  });
  it('needs the stayingPutDiscussedDate column', () => {
    expectInactive({ dob: '2011-06-01', placementType: 'foster' }, 'staying-put', 'stayingPutDiscussedDate');
  });
});

describe('staying-put', () => {
  t('15 in foster care: due 01/06/2027, On track', {}, { status: 'On track', due: '2027-06-01' });
  t('16 on 10/12/2026: Due soon', { dob: '2010-12-10' }, { status: 'Due soon', due: '2026-12-10' });
  t('16 on 01/06/2026: Overdue', { dob: '2010-06-01' }, { status: 'Overdue', due: '2026-06-01' });
  t(
    '"kinship foster": foster',
    { dob: '2010-06-01', placementType: 'kinship foster' },
    { status: 'Overdue', due: '2026-06-01' },
  );
  t(
    '903 code U4: foster',
    { dob: '2010-06-01', placementType: 'U4' },
    { status: 'Overdue', due: '2026-06-01' },
  );
  t(
    '"connected person": foster',
    { dob: '2010-06-01', placementType: 'connected person' },
    { status: 'Overdue', due: '2026-06-01' },
  );
  t('15 today: applies', { dob: '2011-11-23' }, { status: 'On track', due: '2027-11-23' });
  t('15 tomorrow: Not applicable', { dob: '2011-11-24' }, { status: 'Not applicable', due: null });
  t('residential: Not applicable', { placementType: 'residential' }, { status: 'Not applicable' });
  t('supported: Not applicable', { placementType: 'supported' }, { status: 'Not applicable' });
  t('blank placement type: Not applicable', { placementType: null }, { status: 'Not applicable' });
  t('discussed: Done', { dob: '2010-06-01', stayingPutDiscussedDate: '2026-05-20' }, { status: 'Done' });
  t('18 (no longer looked after): Not applicable', { dob: '2008-11-23' }, { status: 'Not applicable' });
  t(
    '17, careEnd today: Not applicable',
    { dob: '2009-06-01', careEndDate: '2026-11-23' },
    { status: 'Not applicable' },
  );
  t(
    'discussed after the as-of date: Check data',
    { stayingPutDiscussedDate: '2026-12-01' },
    { status: 'Check data' },
  );
  t(
    'discussed unreadable "N/A": Check data, quoted',
    { stayingPutDiscussedDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
});
