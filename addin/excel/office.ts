/// <reference types="office-js" />
/**
 * The only module that touches the `Office` and `Excel` globals: it starts the pane when
 * Office is ready, hands the adapter a request context, and reports the Office theme and
 * which optional API sets this Excel supports.
 */
import type { HostFeatures, XRequestContext } from './surface';
import { trackerWorkbook, type TrackerWorkbook } from './workbook';

export function officeReady(): Promise<void> {
  return Office.onReady().then(() => undefined);
}

export function officeFeatures(): HostFeatures {
  return { mergedAreas: Office.context.requirements.isSetSupported('ExcelApi', '1.13') };
}

/** Dark when Office's body background is dark (Office has no "is dark" flag). */
export function officeTheme(): 'light' | 'dark' {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  if (!background || !/^#?[0-9a-f]{6}$/i.test(background)) return 'light';
  const hex = background.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
}

/** The live workbook: every call is one `Excel.run`. */
export function officeWorkbook(): TrackerWorkbook {
  return trackerWorkbook(
    (batch) => Excel.run((context) => batch(context as unknown as XRequestContext)),
    officeFeatures(),
  );
}
