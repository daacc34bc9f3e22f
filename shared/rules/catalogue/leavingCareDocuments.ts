import { DOCUMENT_FIELDS, FIELD_BY_NAME } from '../../fields';
import { ageBand, duesBy, pathwayApplies, reasonBy, saysYes } from '../common';
import type { Rule } from '../types';

const FROM_17_UNDER_21 = ageBand({ years: 17 }, { years: 21 });

/**
 * The documents a young person needs by 18: NI number, photo ID, bank account, junior ISA
 * information, CICA considered, access-to-records information (LCC). Only the document
 * columns the tracker has are checked; a blank one counts as not yet done.
 */
export const leavingCareDocuments: Rule = {
  id: 'leaving-care-documents',
  label: 'Leaving care documents',
  source: 'LCC',
  reads: [...DOCUMENT_FIELDS, 'careStartDate', 'careEndDate', 'leavingCareStatus', 'supportTo25'],
  active: { anyOf: DOCUMENT_FIELDS },
  applies: (ctx) => pathwayApplies(ctx, FROM_17_UNDER_21),
  due(ctx) {
    // An unreadable document column counts as missing here, and `done` reports it as
    // Check data: the result then keeps its due date (RULES.md section 8).
    let missingMask = 0;
    for (let i = 0; i < DOCUMENT_FIELDS.length; i += 1) {
      const field = DOCUMENT_FIELDS[i];
      if (ctx.has(field) && !saysYes(ctx, field)) missingMask |= 1 << i;
    }
    return documentsDue(missingMask, ctx.ageDate(18));
  },
  done(ctx) {
    // Every tracked column is read, so that an unreadable one is Check data whatever the others say.
    let trackedMask = 0;
    let allYes = true;
    for (let i = 0; i < DOCUMENT_FIELDS.length; i += 1) {
      const field = DOCUMENT_FIELDS[i];
      if (!ctx.has(field)) continue;
      if (ctx.yesNo(field) !== true) allYes = false;
      trackedMask |= 1 << i;
    }
    return allYes ? allRecorded(trackedMask) : null;
  },
};

/** The labels of the documents in a bit mask of DOCUMENT_FIELDS positions. */
function labels(mask: number): string {
  return DOCUMENT_FIELDS.filter((_, i) => mask & (1 << i))
    .map((field) => FIELD_BY_NAME[field].label)
    .join(', ');
}

/** "All documents recorded (...)" for the document columns the tracker has, by bit mask. */
const allRecorded = reasonBy((trackedMask: number) => `All documents recorded (${labels(trackedMask)})`);

/** due on the 18th birthday, naming the documents missing (a bit mask) */
const documentsDue = duesBy(
  (_missingMask: number, eighteenth) => eighteenth,
  (missingMask) => `Documents due by the 18th birthday; missing: ${labels(missingMask)}`,
);
