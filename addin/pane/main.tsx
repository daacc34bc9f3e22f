/**
 * The pane's entry point: wait for Office, then render. Office.js is touched only through
 * `../excel/office`; the rules and the plan builder load after the first paint.
 */
import { createRoot } from 'react-dom/client';
import { officeReady, officeTheme, officeWorkbook } from '../excel/office';
import { App } from './App';
import { browserSettings } from './settings';

declare const __SERVICE_URL__: string;

const loadPipeline = () => import('../pipeline');

/** Today's date in England as YYYY-MM-DD (the default as-of date). */
function todayInEngland(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

officeReady().then(() => {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <App
      workbook={officeWorkbook()}
      loadPipeline={loadPipeline}
      settings={browserSettings(window.localStorage, __SERVICE_URL__)}
      theme={officeTheme()}
      today={todayInEngland()}
    />,
  );
});
