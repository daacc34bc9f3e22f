/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import * as pipeline from '../pipeline';
import { FakeContext, selections, type WorkbookModel } from '../excel/testing/fakeExcel';
import { SAMPLE_SHEET, sampleWorkbook } from '../excel/testing/sampleTracker';
import { trackerWorkbook } from '../excel/workbook';
import { App } from './App';
import { defaultSettings, memorySettings, type PaneSettings } from './settings';
import { STATUS_FILL, STATUSES } from '../../shared/status';

expect.extend(toHaveNoViolations);

// jsdom has no layout, so no ResizeObserver; Fluent's overflow handling asks for one
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

function renderPane(
  model: WorkbookModel,
  options: { settings?: PaneSettings; theme?: 'light' | 'dark' } = {},
) {
  const workbook = trackerWorkbook((batch) => batch(new FakeContext(model)), { mergedAreas: true });
  const store = memorySettings(options.settings ?? defaultSettings());
  return render(
    <App
      workbook={workbook}
      loadPipeline={() => Promise.resolve(pipeline)}
      settings={store}
      theme={options.theme ?? 'light'}
      today="2026-11-23"
    />,
  );
}

async function refresh() {
  const button = await screen.findByRole('button', { name: 'Refresh flags' });
  await waitFor(() => expect(button).toBeEnabled());
  fireEvent.click(button);
  return screen.findByText(/Flags refreshed for/, undefined, { timeout: 20_000 });
}

describe('the task pane', () => {
  it('shows the tracker it found and the proposed mapping, with no accessibility violations', async () => {
    const { container } = renderPane(sampleWorkbook(20));
    expect(await screen.findByText(`Tracker found on “${SAMPLE_SHEET}”`)).toBeInTheDocument();
    expect(
      screen.getByText(/A list with 3 title rows above the headers, headers in row 4/),
    ).toBeInTheDocument();
    const dob = screen.getByLabelText('Date of birth') as HTMLSelectElement;
    expect(dob.value).toBe('4');
    expect(dob.selectedOptions[0].textContent).toBe('D: D.O.B.');
    await screen.findByText(/Rules checked \(\d+\)/);
    expect(screen.getByText(/Rules not tracked \(\d+\)/)).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  }, 60_000);

  it('lets the user correct a column, refreshes, lists the urgent items and selects a row on click', async () => {
    const model = sampleWorkbook(20);
    renderPane(model);
    const visit = (await screen.findByLabelText('Last visit')) as HTMLSelectElement;
    fireEvent.change(visit, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: /Show fields not matched/ }));
    expect((screen.getByLabelText('Last visit') as HTMLSelectElement).value).toBe('');
    const dental = screen.getByLabelText('Dental check') as HTMLSelectElement;
    fireEvent.change(dental, { target: { value: dental.value } });
    expect(screen.getByText('Set by you')).toBeInTheDocument();

    const heading = await refresh();
    expect(heading).toHaveTextContent('Flags refreshed for 20 young people as of 23/11/2026');
    expect(screen.getByText(/Computed by this computer \(built-in rules\)/)).toBeInTheDocument();
    const counts = screen.getByRole('list', { name: 'Young people by overall flag' });
    expect(within(counts).getAllByRole('listitem').length).toBeGreaterThan(0);
    // each count is shown in the fill its status has in the workbook
    for (const item of within(counts).getAllByRole('listitem')) {
      const status = STATUSES.find((s) => item.textContent?.startsWith(`${s}:`));
      const fill = status && STATUS_FILL[status];
      if (fill) expect((item.firstElementChild as HTMLElement).style.backgroundColor).toBe(hexToRgb(fill));
    }

    // the confirmed mapping is in the workbook, with the visit column taken out
    expect(model.xmlParts).toHaveLength(1);
    expect(model.xmlParts[0].xml).toContain('<field name="lastVisitDate"></field>');

    const urgent = screen.getByRole('table', { name: 'Most urgent' });
    const first = within(urgent).getAllByRole('button')[0];
    const row = Number(/row (\d+)/.exec(first.getAttribute('aria-label') ?? '')![1]);
    selections.length = 0;
    fireEvent.click(first);
    await waitFor(() =>
      expect(selections).toEqual([{ sheet: SAMPLE_SHEET, area: expect.objectContaining({ firstRow: row }) }]),
    );
  }, 30_000);

  it('falls back to the built-in rules when the service does not answer, and says so', async () => {
    const realFetch = global.fetch;
    global.fetch = jest.fn(() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      renderPane(sampleWorkbook(10), {
        settings: { serviceUrl: 'https://flags.example.org', serviceKey: 'k', computeHere: false },
      });
      const button = await screen.findByRole('button', { name: 'Refresh flags' });
      await waitFor(() => expect(button).toBeEnabled());
      fireEvent.click(button);
      // the client backs off between attempts
      for (let i = 0; i < 20 && !screen.queryByText(/Flags refreshed for/); i++) {
        await jest.advanceTimersByTimeAsync(1000);
      }
      expect(await screen.findByText(/could not be reached/)).toHaveTextContent(
        /worked out in this workbook instead, with the built-in copy of the same rules/,
      );
      expect(screen.getByText(/Computed by this computer \(built-in rules\)/)).toBeInTheDocument();
      expect(global.fetch).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
      global.fetch = realFetch;
    }
  }, 30_000);

  it('says what to do when the tracker sheet is protected', async () => {
    const model = sampleWorkbook(10);
    model.sheets[0].protected = true;
    renderPane(model);
    const button = await screen.findByRole('button', { name: 'Refresh flags' });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    expect(
      await screen.findByText(/is protected, so caseload-flags cannot add its columns/),
    ).toBeInTheDocument();
    expect(screen.getByText('The refresh stopped')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByText(`Tracker found on “${SAMPLE_SHEET}”`)).toBeInTheDocument();
  }, 30_000);

  it('says plainly when there is no tracker, and offers to look again', async () => {
    const model = sampleWorkbook(5);
    model.active = 'Team notes';
    const { container } = renderPane(model, { theme: 'dark' });
    expect(await screen.findByText(/No tracker was found on 'Team notes'/)).toBeInTheDocument();
    model.active = SAMPLE_SHEET;
    fireEvent.click(screen.getByRole('button', { name: 'Look again' }));
    expect(await screen.findByText(`Tracker found on “${SAMPLE_SHEET}”`)).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  }, 60_000);

  it('keeps the service settings, and a compute-here switch', async () => {
    renderPane(sampleWorkbook(5));
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const url = screen.getByLabelText('Service URL') as HTMLInputElement;
    expect(url).toBeDisabled();
    fireEvent.click(screen.getByRole('switch', { name: /Compute in this workbook/ }));
    fireEvent.change(url, { target: { value: 'not a url' } });
    expect(screen.getByText('Enter a web address starting with https://')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    fireEvent.change(url, { target: { value: 'https://flags.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/will be worked out by the service/)).toBeInTheDocument();
  });
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
