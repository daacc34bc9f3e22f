import { FIELD_BY_NAME, type RuleFieldName } from '../../fields';
import { notLookedAfterReason } from '../common';
import type { Rule } from '../types';

const LCC = 'LCC (all children looked after registered with a GP and dentist; health passport)';

/** A yes/no health requirement for every looked-after child: yes is Done, no is Action needed, blank is Check data. */
function healthYesNoRule(id: string, label: string, field: RuleFieldName, notMet: string): Rule {
  const blank = `${FIELD_BY_NAME[field].label} is blank: record yes or no`;
  const met = `${FIELD_BY_NAME[field].label}: yes`;
  return {
    id,
    label,
    source: LCC,
    reads: [field, 'careStartDate', 'careEndDate'],
    active: { allOf: [field] },
    applies: (ctx) => notLookedAfterReason(ctx) ?? true,
    requirement(ctx) {
      const value = ctx.yesNo(field);
      if (value === null) return { met: null, why: blank };
      return value ? { met: true, why: met } : { met: false, why: notMet };
    },
  };
}

export const immunisations = healthYesNoRule(
  'immunisations',
  'Immunisations',
  'immunisationsUpToDate',
  'Immunisations are not up to date',
);
export const gpRegistered = healthYesNoRule(
  'gp-registered',
  'Registered with a GP',
  'gpRegistered',
  'Not registered with a GP',
);
export const dentistRegistered = healthYesNoRule(
  'dentist-registered',
  'Registered with a dentist',
  'dentistRegistered',
  'Not registered with a dentist',
);
