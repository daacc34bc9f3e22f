import { edate } from '../../dates/calendar';
import { appliesWhen, type Condition, dueFrom, latest, notLookedAfterReason } from '../common';
import { initialAssessmentDate } from './initialHealthAssessment';
import type { Rule } from '../types';
import type { Day } from '../../dates/calendar';

const CONDITIONS: readonly Condition[] = [
  notLookedAfterReason,
  (ctx) => (initialAssessmentDate(ctx) === null ? 'The initial health assessment is not done yet' : null),
];

/**
 * Review health assessments: every 6 months for a child under 5, every 12 months from 5
 * (statutory guidance on promoting the health of looked-after children, 2015; LCC).
 */
export const healthAssessment: Rule = {
  id: 'health-assessment',
  label: 'Review health assessment',
  source: 'Statutory guidance on the health of looked-after children (2015); LCC',
  reads: ['lastHealthAssessmentDate', 'initialHealthAssessmentDate', 'careStartDate', 'careEndDate'],
  active: { allOf: ['lastHealthAssessmentDate'] },
  applies: (ctx) => appliesWhen(ctx, CONDITIONS),
  due(ctx) {
    const base = latest(ctx.date('initialHealthAssessmentDate'), ctx.date('lastHealthAssessmentDate')) as Day;
    return base < ctx.ageDate(5) ? underFiveDue(base) : yearlyDue(base);
  },
};

const underFiveDue = dueFrom(
  (base) => edate(base, 6),
  (base) => `Review health assessment due 6 months after the assessment on ${base} (under 5)`,
);
const yearlyDue = dueFrom(
  (base) => edate(base, 12),
  (base) => `Review health assessment due 12 months after the assessment on ${base}`,
);
