import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Detection } from '../../excel/readTracker';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** What was found on the active sheet, in the user's words. */
export function TrackerFound({ detection }: { detection: Detection }) {
  const styles = useStyles();
  const rows = Math.max(0, detection.lastRow - detection.headerRow);
  const kind = detection.table
    ? `the Excel table “${detection.table.name}”`
    : detection.headerRow > 1
      ? `a list with ${detection.headerRow - 1} title row${detection.headerRow === 2 ? '' : 's'} above the headers`
      : 'a list';
  return (
    <section className={styles.box} aria-label="Tracker found">
      <Text weight="semibold">Tracker found on “{detection.sheetName}”</Text>
      <Text>
        {capitalise(kind)}, headers in row {detection.headerRow}, up to {rows} row{rows === 1 ? '' : 's'} of
        young people.
      </Text>
      {detection.previousBlock && (
        <Text>The flag columns from the last refresh will be updated in place.</Text>
      )}
      {detection.savedMapping && !detection.savedMappingProblem && (
        <Text>Using the column mapping saved in this workbook.</Text>
      )}
      {detection.savedMappingProblem && (
        <MessageBar intent="warning">
          <MessageBarBody>{detection.savedMappingProblem} Check the mapping below.</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
