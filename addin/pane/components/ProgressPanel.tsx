import { Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Progress, Stage } from '../flow';

const STAGES: readonly { stage: Stage; label: string }[] = [
  { stage: 'reading', label: 'Reading the tracker' },
  { stage: 'evaluating', label: 'Checking the rules' },
  { stage: 'writing', label: 'Writing the flag columns' },
  { stage: 'summary', label: 'Writing the summary sheets' },
];

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  current: { fontWeight: tokens.fontWeightSemibold },
  done: { color: tokens.colorNeutralForeground3 },
});

export function ProgressPanel({ progress }: { progress: Progress }) {
  const styles = useStyles();
  const index = STAGES.findIndex((s) => s.stage === progress.stage);
  return (
    <section aria-label="Refresh progress">
      <Field label="Refreshing the flags" hint={progress.detail} validationState="none">
        <ProgressBar value={progress.fraction} thickness="large" />
      </Field>
      <ol className={styles.list}>
        {STAGES.map((s, i) => (
          <li key={s.stage} className={i === index ? styles.current : i < index ? styles.done : undefined}>
            <Text>
              {s.label}
              {i < index ? ' (done)' : i === index ? ' (now)' : ''}
            </Text>
          </li>
        ))}
      </ol>
    </section>
  );
}
