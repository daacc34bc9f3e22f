/**
 * "Review pack": for business support preparing reviews. Every young person whose
 * looked-after review or pathway plan review is due by the as-of date plus
 * `policy.reviewPackDays` — overdue reviews included, since they still have to be held —
 * with everything outstanding for them. One printed page (or more) per young person.
 */
import { fromIso, toUk } from '../dates/calendar';
import { summaryFacts } from '../facts';
import type { RowResult, RuleResult } from '../results';
import type { Status } from '../status';
import { type PlanContext, personName, workerName, NO_WORKER } from './context';
import { compareDetailLines } from './detailsSheet';
import { cell, compareTextByKey, dateCell, numberValue, statusConditionalFormat, textCell } from './values';
import type { CellRange, PlannedCell, SheetPlan } from './types';

/** The reviews the pack is built around. */
export const REVIEW_RULE_IDS = ['cla-review', 'pathway-review'] as const;

/** What counts as outstanding for a review. */
export const OUTSTANDING: readonly Status[] = ['Overdue', 'Action needed', 'Due soon', 'Check data'];

const COLUMNS = 4;

interface PackEntry {
  readonly result: RowResult;
  /** the reviews due in the window, in catalogue order */
  readonly reviews: readonly { readonly id: string; readonly result: RuleResult }[];
  /** the earliest review due date (ISO) */
  readonly firstDue: string;
}

/**
 * Reviews due on or before `asOf + reviewPackDays` (inclusive), including overdue ones.
 * A review that is Not applicable or already Done, or has no due date, is not in the pack.
 */
export function reviewsInWindow(context: PlanContext, result: RowResult): PackEntry['reviews'] {
  const limit = context.input.asOf + context.input.policy.reviewPackDays;
  const reviews: { id: string; result: RuleResult }[] = [];
  for (const id of REVIEW_RULE_IDS) {
    if (!context.ruleOrder.has(id)) continue;
    const review = result.results[id];
    if (!review || review.due === null || review.status === 'Not applicable' || review.status === 'Done')
      continue;
    const due = fromIso(review.due);
    if (due !== null && due <= limit) reviews.push({ id, result: review });
  }
  return reviews;
}

function packEntries(context: PlanContext): PackEntry[] {
  const entries: (PackEntry & { readonly name: string; readonly key: string })[] = [];
  for (const result of context.results) {
    const reviews = reviewsInWindow(context, result);
    if (reviews.length === 0) continue;
    const firstDue = reviews.map((review) => review.result.due as string).sort()[0];
    const name = personName(context, result.row);
    entries.push({ result, reviews, firstDue, name, key: name.toLowerCase() });
  }
  // the soonest review first; then by name, then row
  return entries.sort(
    (a, b) =>
      (a.firstDue < b.firstDue ? -1 : a.firstDue > b.firstDue ? 1 : 0) ||
      compareTextByKey(a.key, a.name, b.key, b.name) ||
      a.result.row - b.result.row,
  );
}

export function buildReviewPack(context: PlanContext, sheetName: string): SheetPlan {
  const { input } = context;
  const limit = input.asOf + input.policy.reviewPackDays;
  const rows: PlannedCell[][] = [];
  const merges: CellRange[] = [];
  const mergeRow = (row: number) =>
    merges.push({ firstRow: row, lastRow: row, firstColumn: 1, lastColumn: COLUMNS });
  const breaksAfterRows: number[] = [];

  rows.push([textCell('Review pack', 'title')]);
  mergeRow(rows.length);
  rows.push([
    textCell(
      `Looked-after and pathway plan reviews due by ${toUk(limit)} (within ${input.policy.reviewPackDays} days of ` +
        `the as-of date ${toUk(input.asOf)}), overdue reviews included, with what is outstanding for each young person.`,
      'subtitle',
    ),
  ]);
  mergeRow(rows.length);
  rows.push([
    textCell('Rules version', 'bold'),
    textCell(input.rulesVersion),
    textCell('Computed by', 'bold'),
    textCell(input.computedBy),
  ]);
  rows.push([]);

  const entries = packEntries(context);
  const firstBlockRow = rows.length + 1;
  const reviewsTracked = REVIEW_RULE_IDS.some((id) => context.ruleOrder.has(id));
  if (entries.length === 0) {
    rows.push([
      textCell(
        reviewsTracked
          ? `No looked-after or pathway plan review is due by ${toUk(limit)}.`
          : 'The tracker has no column for looked-after reviews or pathway plan reviews, so no review pack can be made.',
        'note',
      ),
    ]);
    mergeRow(rows.length);
  }

  entries.forEach((entry, index) => {
    const row = entry.result.row;
    const local = input.local.get(row);
    const given = input.facts.get(row) ?? { dateOfBirth: null, placementType: null };
    const facts = summaryFacts(given, input.asOf, input.policy.leapDayBirthdays);
    const worker = workerName(context, row);

    rows.push([textCell(personName(context, row), 'group')]);
    mergeRow(rows.length);
    rows.push([
      textCell('Child ID', 'bold'),
      textCell(local?.childId),
      textCell('Age', 'bold'),
      textCell(facts.ageText),
    ]);
    rows.push([
      textCell('Social worker', 'bold'),
      textCell(worker === NO_WORKER ? null : worker),
      textCell('Leaving-care status', 'bold'),
      textCell(entry.result.leavingCareStatus),
    ]);
    rows.push([
      textCell('Personal adviser', 'bold'),
      textCell(local?.personalAdviser),
      textCell('Tracker row', 'bold'),
      cell(numberValue(row)),
    ]);

    rows.push(['Review', 'Status', 'Due', 'Why'].map((header) => textCell(header, 'header')));
    for (const review of entry.reviews) {
      rows.push([
        textCell(context.ruleLabels.get(review.id) ?? review.id, 'bold'),
        textCell(review.result.status),
        dateCell(review.result.due),
        textCell(review.result.explanation, 'wrap'),
      ]);
    }

    rows.push(
      ['Outstanding before the review', 'Status', 'Due', 'Why'].map((header) => textCell(header, 'header')),
    );
    const shown = new Set(entry.reviews.map((review) => review.id));
    const name = personName(context, row);
    const outstanding: { row: number; ruleId: string; name: string; result: RuleResult }[] = [];
    for (const rule of input.rules) {
      const result = entry.result.results[rule.id];
      if (shown.has(rule.id) || result === undefined || !OUTSTANDING.includes(result.status)) continue;
      outstanding.push({ row, ruleId: rule.id, name, result });
    }
    outstanding.sort((a, b) => compareDetailLines(a, b, context.ruleOrder));
    if (outstanding.length === 0) {
      rows.push([textCell('Nothing else outstanding.', 'note')]);
      mergeRow(rows.length);
    } else {
      for (const item of outstanding) {
        rows.push([
          textCell(context.ruleLabels.get(item.ruleId) ?? item.ruleId),
          textCell(item.result.status),
          dateCell(item.result.due),
          textCell(item.result.explanation, 'wrap'),
        ]);
      }
    }
    // each young person starts on a new page
    if (index < entries.length - 1) {
      rows.push([]);
      breaksAfterRows.push(rows.length);
    }
  });

  return {
    key: 'review-pack',
    name: sheetName,
    columnWidths: [30, 24, 20, 70],
    rows,
    merges,
    freezeRows: 0,
    print: { landscape: false, fitToWidth: true, repeatRows: null, breaksAfterRows },
    // one rule set over the status column of every block: cheap to write, and only status
    // words (never the headings "Status") match it
    conditionalFormats:
      entries.length > 0
        ? [
            statusConditionalFormat({
              firstRow: firstBlockRow,
              lastRow: rows.length,
              firstColumn: 2,
              lastColumn: 2,
            }),
          ]
        : [],
    autoFilter: null,
  };
}
