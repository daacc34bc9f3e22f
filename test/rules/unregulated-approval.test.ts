/**
 * unregulated-approval: senior manager approval for a move to unregulated or supported
 * accommodation (RULES.md §5, LCC). Applies: looked after and placementType supported or
 * unregulated. Done: an approval date; otherwise Action needed (no due date).
 */
import { expectInactive, ruleTable } from './harness';

const t = ruleTable('unregulated-approval', {
  dob: '2009-06-01',
  careStartDate: '2020-01-01',
  placementType: 'supported',
  unregulatedApprovalDate: null,
});

describe('unregulated-approval: active / inactive', () => {
  it('needs the placementType column too', () => {
    expectInactive(
      { dob: '2009-06-01', unregulatedApprovalDate: null },
      'unregulated-approval',
      'placementType',
    );
  });
  it('needs the unregulatedApprovalDate column', () => {
    expectInactive(
      { dob: '2009-06-01', placementType: 'supported' },
      'unregulated-approval',
      'unregulatedApprovalDate',
    );
  });
});

describe('unregulated-approval', () => {
  t('supported, approval recorded: Done', { unregulatedApprovalDate: '2026-10-01' }, { status: 'Done' });
  t(
    'unregulated, approval recorded: Done',
    { placementType: 'unregulated', unregulatedApprovalDate: '2026-10-01' },
    { status: 'Done' },
  );
  t('supported, no approval: Action needed', {}, { status: 'Action needed', due: null });
  t(
    'unregulated, no approval: Action needed',
    { placementType: 'unregulated' },
    { status: 'Action needed', due: null },
  );
  t(
    '"Supported accommodation" text is supported',
    { placementType: 'Supported accommodation' },
    { status: 'Action needed' },
  );
  t('"semi-independent" is supported', { placementType: 'semi-independent' }, { status: 'Action needed' });
  t('903 code H5 is supported', { placementType: 'H5' }, { status: 'Action needed' });
  t('foster: Not applicable', { placementType: 'foster' }, { status: 'Not applicable', due: null });
  t('residential: Not applicable', { placementType: 'residential' }, { status: 'Not applicable' });
  t(
    'independent living (P3): Not applicable',
    { placementType: 'independent' },
    { status: 'Not applicable' },
  );
  t(
    'blank placement type (a condition column): Not applicable',
    { placementType: null },
    { status: 'Not applicable' },
  );
  t(
    'not looked after (careEnd 01/10/2026): Not applicable',
    { careEndDate: '2026-10-01' },
    { status: 'Not applicable' },
  );
  t('careEnd today: Not applicable', { careEndDate: '2026-11-23' }, { status: 'Not applicable' });
  t('aged 18 (care ended at 18): Not applicable', { dob: '2008-11-23' }, { status: 'Not applicable' });
  t(
    'approval after the as-of date: Check data',
    { unregulatedApprovalDate: '2026-12-01' },
    { status: 'Check data' },
  );
  t(
    'approval unreadable "N/A": Check data, quoted',
    { unregulatedApprovalDate: 'N/A' },
    { status: 'Check data', explains: ['N/A'] },
  );
  t(
    'approval before the date of birth: Check data',
    { unregulatedApprovalDate: '2009-01-01' },
    { status: 'Check data' },
  );
  t('approval on the as-of date: Done', { unregulatedApprovalDate: '2026-11-23' }, { status: 'Done' });
});
