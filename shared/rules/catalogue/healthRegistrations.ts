import { FIELD_BY_NAME, type RuleFieldName } from '../../fields';
import { notLookedAfterReason } from '../common';
import type { Requirement, Rule } from '../types';

const LCC = 'LCC (all children looked after registered with a GP and dentist; health passport)';

/** A yes/no health requirement for every looked-after child: yes is Done, no is Action needed, blank is Check data. */
function healthYesNoRule(id: string, label: string, field: RuleFieldName, notMet: string): Rule {
  // The three answers are the same for every row: made once.
  const blank: Requirement = { met: null, why: `${FIELD_BY_NAME[field].label} is blank: record yes or no` };
  const met: Requirement = { met: true, why: `${FIELD_BY_NAME[field].label}: yes` };
  const notMetAnswer: Requirement = { met: false, why: notMet };
  return {
    id,
    label,
    source: LCC,
    reads: [field, 'careStartDate', 'careEndDate'],
    active: { allOf: [field] },
    applies: (ctx) => notLookedAfterReason(ctx) ?? true,
    requirement(ctx) {
      const value = ctx.yesNo(field);
      if (value === null) return blank;
      return value ? met : notMetAnswer;
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
