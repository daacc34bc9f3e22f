/**
 * Problems with the workbook itself that stop a refresh before anything is written. The
 * message is shown to the user as it is (the CLI exits with code 2), so it says what is
 * wrong and what to do, in plain words.
 */
import { UserError } from '../errors';

export type WorkbookProblemKind =
  | 'not-a-workbook'
  | 'encrypted'
  | 'old-format'
  | 'opendocument'
  | 'damaged'
  | 'no-such-sheet'
  | 'sheet-protected'
  | 'workbook-protected'
  | 'merged-cells'
  | 'pivot-table'
  | 'name-taken';

/** A `UserError`, so the CLI shows its message as it is and exits with code 2. */
export class WorkbookProblem extends UserError {
  readonly kind: WorkbookProblemKind;
  constructor(kind: WorkbookProblemKind, message: string) {
    super(message);
    this.kind = kind;
  }
}
