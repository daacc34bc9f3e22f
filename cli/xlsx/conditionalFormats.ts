/**
 * Conditional formats as `expression` rules with a fill appended to styles.xml's dxfs.
 * (`containsText` rules as some libraries write them lack their text and are ignored by
 * LibreOffice; an expression on the status word works in Excel and LibreOffice alike.)
 */
import { rangeRef } from '../../shared/writePlan/a1';
import type { ConditionalFormatPlan } from '../../shared/writePlan/types';
import type { StyleBook } from './styles';
import { escapeText } from './xml';

/** `<conditionalFormatting>` elements, priorities numbered from `firstPriority`. */
export function conditionalFormatXml(
  p: string,
  plans: readonly ConditionalFormatPlan[],
  styles: StyleBook,
  firstPriority: number,
): string {
  let priority = firstPriority;
  return plans
    .filter((plan) => plan.rules.length > 0)
    .map((plan) => {
      const rules = plan.rules
        .map(
          (rule) =>
            `<${p}cfRule type="expression" dxfId="${styles.fillDxf(rule.fill)}" priority="${priority++}">` +
            `<${p}formula>${escapeText(rule.formula)}</${p}formula></${p}cfRule>`,
        )
        .join('');
      return `<${p}conditionalFormatting sqref="${rangeRef(plan.range)}">${rules}</${p}conditionalFormatting>`;
    })
    .join('');
}

/** Sections that follow `<conditionalFormatting>` in a worksheet (ECMA-376 CT_Worksheet order). */
export const AFTER_CONDITIONAL_FORMATTING = [
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
