import {
  Badge,
  Button,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { FIELDS, type FieldName } from '../../../shared/fields';
import { columnLetters } from '../../../shared/writePlan/a1';
import type { Detection } from '../../excel/readTracker';
import type { MappingEdits } from '../flow';
import { effectiveMapping } from '../flow';

const useStyles = makeStyles({
  select: { width: '100%', minWidth: 0 },
  fieldColumn: { width: '33%' },
  selectColumn: { width: '40%' },
  matchColumn: { width: '27%' },
  badge: { whiteSpace: 'nowrap' },
  field: { overflowWrap: 'anywhere' },
  more: { marginTop: tokens.spacingVerticalS },
});

const CONFIDENCE: Record<string, { text: string; color: 'success' | 'informative' | 'warning' | 'brand' }> = {
  exact: { text: 'Exact', color: 'success' },
  synonym: { text: 'Synonym', color: 'informative' },
  partial: { text: 'Check', color: 'warning' },
  user: { text: 'Set by you', color: 'brand' },
  saved: { text: 'Saved', color: 'brand' },
};

export interface MappingEditorProps {
  readonly detection: Detection;
  readonly edits: MappingEdits;
  readonly onEdit: (field: FieldName, column: number | null) => void;
}

/** The proposed mapping, field by field, with its confidence; a dropdown corrects each. */
export function MappingEditor({ detection, edits, onEdit }: MappingEditorProps) {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const tableId = useId();
  const mapping = effectiveMapping(detection, edits);
  const confidence = new Map(detection.proposal.columns.map((c) => [c.field, c.confidence]));
  const options = detection.mappableHeaders
    .map((header, i) => ({ column: i + 1, header }))
    .filter((o) => o.header !== '');
  const mapped = FIELDS.filter((f) => mapping[f.name] !== undefined);
  const unmapped = FIELDS.filter((f) => mapping[f.name] === undefined);
  const shown = showAll ? [...mapped, ...unmapped] : mapped;

  const badge = (field: FieldName) => {
    if (field in edits) return CONFIDENCE.user;
    if (detection.savedMapping && field in detection.savedMapping) return CONFIDENCE.saved;
    const c = confidence.get(field);
    return c ? CONFIDENCE[c] : null;
  };

  return (
    <section aria-labelledby={`${tableId}-title`}>
      <Text as="h2" weight="semibold" id={`${tableId}-title`} block>
        Columns ({mapped.length} matched)
      </Text>
      <Table size="small" aria-labelledby={`${tableId}-title`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.fieldColumn}>Field</TableHeaderCell>
            <TableHeaderCell className={styles.selectColumn}>Your column</TableHeaderCell>
            <TableHeaderCell className={styles.matchColumn}>Match</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((spec) => {
            const b = mapping[spec.name] !== undefined ? badge(spec.name) : null;
            const selectId = `${tableId}-${spec.name}`;
            return (
              <TableRow key={spec.name}>
                <TableCell className={styles.field}>
                  <label htmlFor={selectId}>{spec.label}</label>
                </TableCell>
                <TableCell>
                  <Select
                    id={selectId}
                    className={styles.select}
                    size="small"
                    value={String(mapping[spec.name] ?? '')}
                    onChange={(_, data) => onEdit(spec.name, data.value === '' ? null : Number(data.value))}
                  >
                    <option value="">Not in this tracker</option>
                    {options.map((o) => (
                      <option key={o.column} value={String(o.column)}>
                        {columnLetters(o.column)}: {o.header}
                      </option>
                    ))}
                  </Select>
                </TableCell>
                <TableCell>
                  {b && (
                    <Badge className={styles.badge} appearance="tint" color={b.color}>
                      {b.text}
                    </Badge>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Button className={styles.more} appearance="subtle" onClick={() => setShowAll(!showAll)}>
        {showAll ? 'Show matched fields only' : `Show fields not matched (${unmapped.length})`}
      </Button>
      {detection.proposal.ambiguities.map((a, i) => (
        <Text key={i} block size={200}>
          {a.message}
        </Text>
      ))}
    </section>
  );
}
