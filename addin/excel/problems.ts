/**
 * Everything that can stop a refresh, as a plain message saying what happened and what to
 * do. The pane shows `message` as it is; `code` lets it choose an icon or a next step.
 */

export type ProblemCode =
  | 'tracker-not-found'
  | 'protected'
  | 'filtered'
  | 'merged-cells'
  | 'not-ours'
  | 'changed'
  | 'too-large'
  | 'excel';

export class WorkbookProblem extends Error {
  override readonly name = 'WorkbookProblem';
  constructor(
    readonly code: ProblemCode,
    message: string,
  ) {
    super(message);
  }
}

/** An Office.js error (`RichApi.Error`) has a `code`; anything else is passed on. */
function officeCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

/** Turn an error from Excel into a message a social worker can act on. */
export function explainExcelError(error: unknown): WorkbookProblem {
  if (error instanceof WorkbookProblem) return error;
  const code = officeCode(error);
  const text = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'AccessDenied':
      return new WorkbookProblem(
        'protected',
        'Excel would not let caseload-flags write to the workbook: a sheet is protected, or the workbook is ' +
          'read-only. Unprotect the sheet (Review > Unprotect Sheet), or open an editable copy, and refresh again.',
      );
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new WorkbookProblem(
        'too-large',
        'The tracker is too large for Excel to exchange in one go. Close other workbooks and try again; if it ' +
          'still fails, use the desktop app or the command-line tool for this workbook.',
      );
    case 'ItemAlreadyExists':
      return new WorkbookProblem(
        'not-ours',
        `Excel refused to add one of caseload-flags' sheets or names because one already exists (${text}). ` +
          'Rename the sheet or name the tool wanted, then refresh again.',
      );
    case 'InvalidOperation':
      if (/merge/i.test(text)) {
        return new WorkbookProblem(
          'merged-cells',
          'Some cells where caseload-flags writes are merged. Unmerge them (Home > Merge & Center > Unmerge ' +
            'Cells) and refresh again.',
        );
      }
      break;
    default:
      break;
  }
  return new WorkbookProblem(
    'excel',
    `Excel reported a problem: ${text}. Refresh again: the tool rewrites its own columns and sheets in full each time.`,
  );
}
