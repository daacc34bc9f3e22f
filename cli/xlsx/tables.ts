/**
 * Extending the Excel Table that holds the tracker over the tool's columns: its `ref` and
 * its autoFilter move to the new last column, and the tool's columns get `tableColumn`
 * entries (ids unique in the table, names equal to the header cells). The user's own
 * table columns are copied as they were. Tables saved by LibreOffice have no
 * `tableStyleInfo`; nothing here needs it.
 */
import { cellRef, parseRangeRef } from '../../shared/writePlan/a1';
import type { CellRange, TrackerColumnsPlan } from '../../shared/writePlan/types';
import type { XlsxPackage } from './package';
import { WorkbookProblem } from './problems';
import type { TableInfo } from './readLayout';
import { attr, children, escapeAttr, prefixOf, rootElement, setAttr, splice, tagText } from './xml';

export function extendTable(
  pkg: XlsxPackage,
  table: TableInfo,
  plan: TrackerColumnsPlan,
  newLastColumn: number,
): void {
  const xml = pkg.text(table.path);
  const root = rootElement(xml);
  const p = prefixOf(root.tag);
  const rootTag = tagText(xml, root);
  const ref = parseRangeRef(attr(rootTag, 'ref') ?? 'A1');
  const edits: { start: number; end: number; text: string }[] = [];
  edits.push({
    start: root.tag.start,
    end: root.tag.end,
    text: setAttr(rootTag, 'ref', a1({ ...ref, lastColumn: newLastColumn })),
  });

  const kids = children(xml, root);
  const filter = kids.find((k) => k.tag.local === 'autoFilter');
  if (filter) {
    const tag = tagText(xml, filter);
    const filterRef = attr(tag, 'ref');
    if (filterRef) {
      const range = parseRangeRef(filterRef);
      edits.push({
        start: filter.tag.start,
        end: filter.tag.end,
        text: setAttr(tag, 'ref', a1({ ...range, lastColumn: newLastColumn })),
      });
    }
  }

  const list = kids.find((k) => k.tag.local === 'tableColumns');
  if (!list)
    throw new WorkbookProblem('damaged', `The table '${table.name}' has no column list; it may be damaged.`);
  const columns = children(xml, list).filter((c) => c.tag.local === 'tableColumn');
  const ids = columns.map((c) => Number(attr(tagText(xml, c), 'id')));
  let nextId = Math.max(0, ...ids.filter(Number.isFinite)) + 1;
  const entries: string[] = [];
  const names = new Set<string>();
  for (let column = ref.firstColumn; column <= newLastColumn; column++) {
    const i = column - ref.firstColumn;
    const j = column - plan.firstColumn;
    if (j < 0) {
      const existing = columns[i];
      if (!existing) {
        // the plan must put the tool's block right after the table's own columns
        throw new Error(`The plan leaves column ${column} of table '${table.name}' without a header`);
      }
      entries.push(xml.slice(existing.tag.start, existing.end));
      names.add((attr(tagText(xml, existing), 'name') ?? '').toLowerCase());
      continue;
    }
    const header = plan.columns[j]?.header;
    if (header === undefined) throw new Error(`The plan extends table '${table.name}' past its own columns`);
    if (names.has(header.toLowerCase())) {
      throw new WorkbookProblem(
        'name-taken',
        `The table '${table.name}' already has a column called '${header}'. Rename that column and try again.`,
      );
    }
    names.add(header.toLowerCase());
    // keep the id a column had at this position, so a refresh changes nothing when nothing changed
    const previous = columns[i];
    const id = previous ? Number(attr(tagText(xml, previous), 'id')) : nextId++;
    entries.push(`<${p}tableColumn id="${id}" name="${escapeAttr(header)}"/>`);
  }
  const listTag = setAttr(tagText(xml, list), 'count', String(entries.length));
  edits.push({
    start: list.tag.start,
    end: list.end,
    text: `${listTag}${entries.join('')}</${list.tag.name}>`,
  });
  pkg.setText(table.path, splice(xml, edits));
}

function a1(range: CellRange): string {
  return `${cellRef(range.firstRow, range.firstColumn)}:${cellRef(range.lastRow, range.lastColumn)}`;
}
