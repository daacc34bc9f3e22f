import {
  Button,
  Divider,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { isRuleField, type RuleFieldName } from '../../shared/fields';
import type { TrackerWorkbook } from '../excel/workbook';
import type { Pipeline } from '../pipeline';
import { MappingEditor } from './components/MappingEditor';
import { ProgressPanel } from './components/ProgressPanel';
import { RefreshOptions } from './components/RefreshOptions';
import { ResultsPanel } from './components/ResultsPanel';
import { RulesList } from './components/RulesList';
import { SettingsPanel } from './components/SettingsPanel';
import { TrackerFound } from './components/TrackerFound';
import { effectiveMapping, explicitMapping, initialState, reducer } from './flow';
import type { PaneSettings, SettingsStore } from './settings';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface AppProps {
  readonly workbook: TrackerWorkbook;
  readonly loadPipeline: () => Promise<Pipeline>;
  readonly settings: SettingsStore;
  readonly theme: 'light' | 'dark';
  /** today in London, YYYY-MM-DD: the default as-of date */
  readonly today: string;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App({ workbook, loadPipeline, settings: store, theme, today }: AppProps) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(reducer, today, initialState);
  const [pipeline, setPipeline] = useState<Pipeline | null>(null);
  const [settings, setSettings] = useState<PaneSettings>(() => store.load());
  const [selectProblem, setSelectProblem] = useState<string | null>(null);

  const detect = useCallback(() => {
    dispatch({ type: 'detect' });
    workbook.detect().then(
      (detection) => dispatch({ type: 'detected', detection }),
      (error) => dispatch({ type: 'failed', message: message(error), retry: 'detect' }),
    );
  }, [workbook]);

  useEffect(() => {
    detect();
    loadPipeline().then(setPipeline, (error) =>
      dispatch({
        type: 'failed',
        message: `The rules could not be loaded: ${message(error)}`,
        retry: 'detect',
      }),
    );
  }, [detect, loadPipeline]);

  const detection = state.detection;
  const rules = useMemo(() => {
    if (!pipeline || !detection) return null;
    const tracked = Object.keys(effectiveMapping(detection, state.edits)).filter((f): f is RuleFieldName =>
      isRuleField(f),
    );
    return pipeline.rulesFor(tracked);
  }, [pipeline, detection, state.edits]);

  const refresh = useCallback(() => {
    if (!pipeline || !detection) return;
    dispatch({ type: 'refresh' });
    pipeline
      .runRefresh(
        workbook,
        {
          detection,
          explicit: explicitMapping(detection, state.edits),
          asOf: state.asOf,
          dueSoonDays: state.dueSoonDays,
          settings,
        },
        (progress) => dispatch({ type: 'progress', progress }),
      )
      .then(
        (results) => dispatch({ type: 'done', results }),
        (error) => dispatch({ type: 'failed', message: message(error), retry: 'refresh' }),
      );
  }, [pipeline, detection, workbook, state.edits, state.asOf, state.dueSoonDays, settings]);

  const selectRow = (row: number) => {
    if (!detection) return;
    setSelectProblem(null);
    workbook.selectRow(detection.sheetName, row).catch((error) => setSelectProblem(message(error)));
  };

  const saveSettings = (next: PaneSettings) => {
    store.save(next);
    setSettings(next);
    dispatch({ type: 'settings', open: false });
  };

  const phase = state.phase;
  const badDays = !Number.isInteger(state.dueSoonDays) || state.dueSoonDays < 0 || state.dueSoonDays > 366;
  const where = settings.computeHere || !settings.serviceUrl.trim() ? 'in this workbook' : 'by the service';

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold">
            Caseload flags
          </Text>
          <Button
            appearance="subtle"
            aria-expanded={state.settingsOpen}
            onClick={() => dispatch({ type: 'settings', open: !state.settingsOpen })}
          >
            Settings
          </Button>
        </header>

        {state.settingsOpen && (
          <SettingsPanel
            settings={settings}
            onSave={saveSettings}
            onClose={() => dispatch({ type: 'settings', open: false })}
          />
        )}
        {!state.settingsOpen && !settings.computeHere && !settings.serviceUrl.trim() && (
          <MessageBar intent="info">
            <MessageBarBody>
              No service is set, so the flags are worked out in this workbook with the built-in rules.
            </MessageBarBody>
          </MessageBar>
        )}

        {phase.kind === 'detecting' && <Spinner label="Looking for the tracker on this sheet…" />}

        {phase.kind === 'problem' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {phase.retry === 'detect' ? 'No tracker to refresh' : 'The refresh stopped'}
              </MessageBarTitle>
              {phase.message}
            </MessageBarBody>
            <MessageBarActions>
              {phase.retry === 'detect' || !detection ? (
                <Button onClick={detect}>Look again</Button>
              ) : (
                <>
                  <Button onClick={() => dispatch({ type: 'backToMapping' })}>Back</Button>
                  <Button onClick={detect}>Look again</Button>
                </>
              )}
            </MessageBarActions>
          </MessageBar>
        )}

        {phase.kind === 'mapping' && (
          <>
            <TrackerFound detection={phase.detection} />
            <MappingEditor
              detection={phase.detection}
              edits={state.edits}
              onEdit={(field, column) => dispatch({ type: 'edit', field, column })}
            />
            {rules ? (
              <RulesList active={rules.active} inactive={rules.inactive} />
            ) : (
              <Spinner size="tiny" label="Loading the rules…" />
            )}
            <Divider />
            <RefreshOptions
              asOf={state.asOf}
              dueSoonDays={state.dueSoonDays}
              onAsOf={(asOf) => dispatch({ type: 'asOf', asOf })}
              onDueSoonDays={(days) => dispatch({ type: 'dueSoonDays', days })}
            />
            <div className={styles.actions}>
              <Button appearance="primary" disabled={!pipeline || badDays || !state.asOf} onClick={refresh}>
                Refresh flags
              </Button>
              <Button onClick={detect}>Look again</Button>
            </div>
            <Text size={200}>
              The flags will be worked out {where}. Saving the mapping in the workbook means the next refresh
              asks nothing.
            </Text>
          </>
        )}

        {phase.kind === 'refreshing' && <ProgressPanel progress={phase.progress} />}

        {phase.kind === 'results' && (
          <>
            <ResultsPanel results={phase.results} onSelectRow={selectRow} />
            {selectProblem && (
              <MessageBar intent="warning">
                <MessageBarBody>Could not go to that row: {selectProblem}</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.actions}>
              <Button appearance="primary" onClick={refresh}>
                Refresh again
              </Button>
              <Button onClick={() => dispatch({ type: 'backToMapping' })}>Change the mapping</Button>
            </div>
          </>
        )}
      </main>
    </FluentProvider>
  );
}
