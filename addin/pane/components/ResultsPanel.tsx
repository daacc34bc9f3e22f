import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
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
import type { ReactNode } from 'react';
import { STATUS_FILL, STATUSES, type Status } from '../../../shared/status';
import type { RefreshResults } from '../flow';

/** The badge of a status, in the fill the workbook's status columns use, so pane and sheet agree. */
function StatusBadge({ status, size, children }: { status: Status; size?: 'large'; children: ReactNode }) {
  const fill = STATUS_FILL[status];
  return fill === null ? (
    <Badge appearance="tint" color="subtle" size={size}>
      {children}
    </Badge>
  ) : (
    // Dark text on the pale fills reads in light and dark themes alike.
    <Badge appearance="filled" size={size} style={{ backgroundColor: `#${fill}`, color: '#242424' }}>
      {children}
    </Badge>
  );
}

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

function uk(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export interface ResultsPanelProps {
  readonly results: RefreshResults;
  readonly onSelectRow: (row: number) => void;
}

/** Counts by status, the most urgent young people (click one to go to their row), where it ran. */
export function ResultsPanel({ results, onSelectRow }: ResultsPanelProps) {
  const styles = useStyles();
  return (
    <section className={styles.box} aria-label="Results">
      <Text as="h2" weight="semibold">
        Flags refreshed for {results.rows} young {results.rows === 1 ? 'person' : 'people'} as of{' '}
        {uk(results.asOf)}
      </Text>
      <Text size={200}>
        Computed by {results.computedBy}, rules version {results.rulesVersion}.
      </Text>
      {results.serviceNotice && (
        <MessageBar intent="warning">
          <MessageBarBody>{results.serviceNotice}</MessageBarBody>
        </MessageBar>
      )}
      <ul
        className={styles.counts}
        aria-label="Young people by overall flag"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {STATUSES.filter((s) => results.counts[s]).map((status) => (
          <li key={status}>
            <StatusBadge status={status} size="large">
              {status}: {results.counts[status]}
            </StatusBadge>
          </li>
        ))}
      </ul>
      {results.urgent.length > 0 ? (
        <Table size="small" aria-label="Most urgent">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Young person</TableHeaderCell>
              <TableHeaderCell>Flag</TableHeaderCell>
              <TableHeaderCell>Due</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {results.urgent.map((item) => (
              <TableRow key={item.row}>
                <TableCell>
                  <Button
                    appearance="transparent"
                    size="small"
                    onClick={() => onSelectRow(item.row)}
                    aria-label={`Go to row ${item.row}: ${item.who}`}
                  >
                    {item.who}
                  </Button>
                </TableCell>
                <TableCell>
                  <StatusBadge status={item.status}>{item.status}</StatusBadge> {item.what}
                </TableCell>
                <TableCell>{uk(item.due)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Text>Nothing is overdue, due soon or in need of checking.</Text>
      )}
    </section>
  );
}
