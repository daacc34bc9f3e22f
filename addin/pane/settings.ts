/**
 * The pane's settings: where the service is, its key, or "compute in this workbook".
 * Kept in the browser storage of the add-in's origin, per user and machine: never in the
 * workbook, which is shared with colleagues (a key saved there would travel with it).
 */
export interface PaneSettings {
  readonly serviceUrl: string;
  readonly serviceKey: string;
  /** use the built-in rules even when a service is set */
  readonly computeHere: boolean;
}

export interface SettingsStore {
  load(): PaneSettings;
  save(settings: PaneSettings): void;
}

const KEY = 'caseload-flags.settings.v1';

export function defaultSettings(serviceUrl = ''): PaneSettings {
  return { serviceUrl, serviceKey: '', computeHere: serviceUrl === '' };
}

export function browserSettings(storage: Storage | null, fallbackUrl = ''): SettingsStore {
  return {
    load() {
      try {
        const saved = storage?.getItem(KEY);
        if (!saved) return defaultSettings(fallbackUrl);
        const parsed = JSON.parse(saved) as Partial<PaneSettings>;
        return {
          serviceUrl: typeof parsed.serviceUrl === 'string' ? parsed.serviceUrl : fallbackUrl,
          serviceKey: typeof parsed.serviceKey === 'string' ? parsed.serviceKey : '',
          computeHere: parsed.computeHere === true,
        };
      } catch {
        return defaultSettings(fallbackUrl);
      }
    },
    save(settings) {
      try {
        storage?.setItem(KEY, JSON.stringify(settings));
      } catch {
        // storage full or blocked: the settings last for this session only
      }
    },
  };
}

/** In memory, for tests. */
export function memorySettings(initial: PaneSettings = defaultSettings()): SettingsStore {
  let current = initial;
  return {
    load: () => current,
    save: (settings) => {
      current = settings;
    },
  };
}
