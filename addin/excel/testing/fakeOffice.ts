/**
 * The recording double standing in for Office and Excel in a real browser (the browser
 * test bundles this as an IIFE and serves it in place of office.js): `Office.onReady`,
 * `Office.context` and `Excel.run` over a sample tracker held in memory. The page's own
 * code is the production build, unchanged.
 */
import { FakeContext, selections } from './fakeExcel';
import { sampleWorkbook } from './sampleTracker';

declare global {
  interface Window {
    __caseloadFake?: unknown;
  }
}

const params = new URLSearchParams(window.location.search);
const model = sampleWorkbook(Number(params.get('rows') ?? 40), { table: params.get('table') === '1' });
let syncs = 0;

const office = {
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
  context: {
    requirements: { isSetSupported: () => true },
    officeTheme: { bodyBackgroundColor: params.get('theme') === 'dark' ? '#1f1f1f' : '#ffffff' },
  },
};
const excel = {
  run: async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(model);
    try {
      return await batch(context);
    } finally {
      syncs += context.syncs.length;
    }
  },
};

Object.assign(window, {
  Office: office,
  Excel: excel,
  __caseloadFake: {
    model,
    selections,
    syncs: () => syncs,
    toolColumns: () => {
      const sheet = model.sheets[0];
      const header: string[] = [];
      for (let c = 1; c <= 80; c++) {
        const v = sheet.cells.get(`4,${c}`);
        if (typeof v === 'string' && v.startsWith('Flag: ')) header.push(v);
      }
      return header;
    },
    sheetNames: () => model.sheets.map((s) => s.name),
  },
});
