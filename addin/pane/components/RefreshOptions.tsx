import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  days: { width: '90px' },
});

export interface RefreshOptionsProps {
  readonly asOf: string;
  readonly dueSoonDays: number;
  readonly onAsOf: (iso: string) => void;
  readonly onDueSoonDays: (days: number) => void;
}

/** The as-of date (default today) and how long before a due date an item turns Due soon. */
export function RefreshOptions({ asOf, dueSoonDays, onAsOf, onDueSoonDays }: RefreshOptionsProps) {
  const styles = useStyles();
  const badDays = !Number.isInteger(dueSoonDays) || dueSoonDays < 0 || dueSoonDays > 366;
  return (
    <div className={styles.row}>
      <Field label="As-of date" hint="Flags are worked out as on this date.">
        <Input type="date" value={asOf} onChange={(_, data) => onAsOf(data.value)} />
      </Field>
      <Field
        label="Due soon window (days)"
        hint="Rules with a window of their own (such as visits) keep it."
        validationMessage={badDays ? 'Enter a whole number of days from 0 to 366.' : undefined}
      >
        <Input
          className={styles.days}
          type="number"
          min={0}
          max={366}
          value={String(dueSoonDays)}
          onChange={(_, data) => onDueSoonDays(Number(data.value))}
        />
      </Field>
    </div>
  );
}
