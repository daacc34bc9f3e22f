import { edate } from '../../dates/calendar';
import { workday } from '../../dates/workingDays';
import { dateOrProblem, dueFrom, latest, notLookedAfterReason, sentenceOn } from '../common';
import { DataProblem, type Rule, type RuleContext } from '../types';
import type { Day } from '../../dates/calendar';

/**
 * The initial health assessment, within 20 working days of becoming looked after
 * (CPPCR reg 7; statutory guidance on promoting the health of looked-after children, 2015).
 */
export const initialHealthAssessment: Rule = {
  id: 'initial-health-assessment',
  label: 'Initial health assessment',
  source: 'CPPCR reg 7; statutory guidance on the health of looked-after children (2015)',
  reads: ['initialHealthAssessmentDate', 'lastHealthAssessmentDate', 'careStartDate', 'careEndDate'],
  active: { anyOf: ['initialHealthAssessmentDate', 'lastHealthAssessmentDate'] },
  applies: (ctx) => notLookedAfterReason(ctx) ?? true,
  due: (ctx) => assessmentDue(ctx.requireCareStart('The initial health assessment')),
  done(ctx) {
    // Quote the assessment that counts as the initial one: the initial assessment column
    // when it qualifies, otherwise the review assessment. Either one qualifying is enough,
    // so an unreadable date in the other column is not used (RULES.md section 2).
    const from = countsFrom(ctx);
    const initial = dateOrProblem(ctx, 'initialHealthAssessmentDate');
    if (typeof initial === 'number' && (from === null || initial >= from)) {
      return initialRecordedOn(initial);
    }
    const review = dateOrProblem(ctx, 'lastHealthAssessmentDate');
    if (typeof review === 'number' && (from === null || review >= from)) return reviewRecordedOn(review);
    if (initial instanceof DataProblem) throw initial;
    if (review instanceof DataProblem) throw review;
    return null;
  },
};

const assessmentDue = dueFrom(
  (start) => workday(start, 20),
  (start) => `Initial health assessment due within 20 working days of becoming looked after on ${start}`,
);
const initialRecordedOn = sentenceOn((day) => `Initial health assessment recorded on ${day}`);
const reviewRecordedOn = sentenceOn((day) => `Health assessment recorded on ${day}`);

/** Assessments from this day on count for the current period of care (null: any recorded one). */
function countsFrom(ctx: RuleContext): Day | null {
  const start = ctx.careStart();
  return start === null ? null : edate(start, -3);
}

/**
 * The assessment that counts as the initial one: any initial or review health assessment
 * from 3 months before care started (an assessment shortly before coming into care counts).
 * Without a care start date, recorded events belong to the current period of care.
 */
export function initialAssessmentDate(ctx: RuleContext): Day | null {
  const assessed = latest(ctx.date('initialHealthAssessmentDate'), ctx.date('lastHealthAssessmentDate'));
  if (assessed === null) return null;
  const from = countsFrom(ctx);
  return from === null || assessed >= from ? assessed : null;
}
