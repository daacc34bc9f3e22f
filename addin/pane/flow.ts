/**
 * The pane's flow as a reducer: detect → map → refresh → results, with a plain message
 * (and what to do) whenever a step fails. No Office here: the steps' work is done by the
 * services handed to the App.
 */
import type { FieldName } from '../../shared/fields';
import type { Status } from '../../shared/status';
import type { Detection } from '../excel/readTracker';

export type Stage = 'reading' | 'evaluating' | 'writing' | 'summary';

export interface Progress {
  readonly stage: Stage;
  /** 0..1 */
  readonly fraction: number;
  readonly detail: string;
}

export interface UrgentItem {
  readonly row: number;
  readonly who: string;
  readonly worker: string | null;
  readonly status: Status;
  readonly what: string;
  readonly due: string | null;
}

export interface RefreshResults {
  readonly sheetName: string;
  readonly rows: number;
  readonly counts: Readonly<Partial<Record<Status, number>>>;
  readonly urgent: readonly UrgentItem[];
  /** "the caseload-flags service" or "this computer (built-in rules)" */
  readonly computedBy: string;
  readonly rulesVersion: string;
  readonly asOf: string;
  /** why the service was not used, when it was configured */
  readonly serviceNotice: string | null;
  readonly syncs: number;
}

/** The user's corrections: field → 1-based column, or null for "not in this tracker". */
export type MappingEdits = Readonly<Partial<Record<FieldName, number | null>>>;

export type Phase =
  | { readonly kind: 'detecting' }
  | { readonly kind: 'problem'; readonly message: string; readonly retry: 'detect' | 'refresh' }
  | { readonly kind: 'mapping'; readonly detection: Detection }
  | { readonly kind: 'refreshing'; readonly detection: Detection; readonly progress: Progress }
  | { readonly kind: 'results'; readonly detection: Detection; readonly results: RefreshResults };

export interface PaneState {
  readonly phase: Phase;
  /** kept across phases so a failed refresh does not lose them */
  readonly detection: Detection | null;
  readonly edits: MappingEdits;
  readonly asOf: string;
  readonly dueSoonDays: number;
  readonly settingsOpen: boolean;
}

export type Action =
  | { readonly type: 'detect' }
  | { readonly type: 'detected'; readonly detection: Detection }
  | { readonly type: 'failed'; readonly message: string; readonly retry: 'detect' | 'refresh' }
  | { readonly type: 'edit'; readonly field: FieldName; readonly column: number | null }
  | { readonly type: 'asOf'; readonly asOf: string }
  | { readonly type: 'dueSoonDays'; readonly days: number }
  | { readonly type: 'refresh' }
  | { readonly type: 'progress'; readonly progress: Progress }
  | { readonly type: 'done'; readonly results: RefreshResults }
  | { readonly type: 'backToMapping' }
  | { readonly type: 'settings'; readonly open: boolean };

export function initialState(today: string): PaneState {
  return {
    phase: { kind: 'detecting' },
    detection: null,
    edits: {},
    asOf: today,
    dueSoonDays: 28,
    settingsOpen: false,
  };
}

export function reducer(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case 'detect':
      return { ...state, phase: { kind: 'detecting' } };
    case 'detected':
      return {
        ...state,
        detection: action.detection,
        edits: {},
        phase: { kind: 'mapping', detection: action.detection },
      };
    case 'failed':
      return { ...state, phase: { kind: 'problem', message: action.message, retry: action.retry } };
    case 'edit':
      return { ...state, edits: { ...state.edits, [action.field]: action.column } };
    case 'asOf':
      return { ...state, asOf: action.asOf };
    case 'dueSoonDays':
      return { ...state, dueSoonDays: action.days };
    case 'refresh':
      if (!state.detection) return state;
      return {
        ...state,
        phase: {
          kind: 'refreshing',
          detection: state.detection,
          progress: { stage: 'reading', fraction: 0, detail: 'Reading the mapped columns' },
        },
      };
    case 'progress':
      return state.phase.kind === 'refreshing'
        ? { ...state, phase: { ...state.phase, progress: action.progress } }
        : state;
    case 'done':
      return state.detection
        ? { ...state, phase: { kind: 'results', detection: state.detection, results: action.results } }
        : state;
    case 'backToMapping':
      return state.detection ? { ...state, phase: { kind: 'mapping', detection: state.detection } } : state;
    case 'settings':
      return { ...state, settingsOpen: action.open };
  }
}

/** The mapping after the user's corrections: field → column (fields set to null are left out). */
export function effectiveMapping(
  detection: Detection,
  edits: MappingEdits,
): Partial<Record<FieldName, number>> {
  const mapping: Partial<Record<FieldName, number>> = { ...detection.proposal.mapping };
  for (const [field, column] of Object.entries(edits) as [FieldName, number | null][]) {
    // a column given to this field is taken from whichever field had it
    for (const [other, col] of Object.entries(mapping) as [FieldName, number][]) {
      if (column !== null && col === column && other !== field) delete mapping[other];
    }
    if (column === null) delete mapping[field];
    else mapping[field] = column;
  }
  return mapping;
}

/**
 * The mapping as it is saved in the workbook and given to `applyExplicitMapping`: every
 * mapped field by its header text, and "" for a field the user took out.
 */
export function explicitMapping(detection: Detection, edits: MappingEdits): Record<string, string> {
  const mapping = effectiveMapping(detection, edits);
  const out: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping) as [FieldName, number][]) {
    out[field] = detection.mappableHeaders[column - 1] ?? '';
  }
  for (const [field, column] of Object.entries(edits)) if (column === null) out[field] = '';
  return out;
}
