import { Button, Field, Input, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PaneSettings } from '../settings';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface SettingsPanelProps {
  readonly settings: PaneSettings;
  readonly onSave: (settings: PaneSettings) => void;
  readonly onClose: () => void;
}

/** Where the flags are worked out: the service (URL and key) or this workbook. */
export function SettingsPanel({ settings, onSave, onClose }: SettingsPanelProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState(settings);
  const badUrl = draft.serviceUrl.trim() !== '' && !/^https?:\/\/[^\s/]+/i.test(draft.serviceUrl.trim());
  return (
    <section className={styles.box} aria-label="Settings">
      <Text as="h2" weight="semibold">
        Settings
      </Text>
      <Switch
        checked={draft.computeHere}
        label="Compute in this workbook (built-in rules)"
        onChange={(_, data) => setDraft({ ...draft, computeHere: data.checked })}
      />
      <Field
        label="Service URL"
        hint="For example https://your-council-flags.azurewebsites.net. Only dates, yes/no, numbers and categories are sent: never names or IDs."
        validationMessage={badUrl ? 'Enter a web address starting with https://' : undefined}
      >
        <Input
          value={draft.serviceUrl}
          disabled={draft.computeHere}
          onChange={(_, data) => setDraft({ ...draft, serviceUrl: data.value })}
        />
      </Field>
      <Field label="Service key" hint="Kept on this computer only, not in the workbook.">
        <Input
          type="password"
          value={draft.serviceKey}
          disabled={draft.computeHere}
          onChange={(_, data) => setDraft({ ...draft, serviceKey: data.value })}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={badUrl} onClick={() => onSave(draft)}>
          Save
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </section>
  );
}
