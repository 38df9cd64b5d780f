/**
 * Tooltip fields with titles in the report's language: a record field `gap` is shown as "Gap",
 * "Écart", "Brecha" or "Défice" (the `field.<name>` keys of the render catalogue), never as its code
 * name. The figure builders list their few fields with `tooltipField`; report.html and the profile
 * pages show the whole published record with `recordTooltip` (stages/render/html/assemble-html-report.ts
 * withRecordTooltips), so the vl.json files and the pages give a field the same title.
 */
import type { MessageKey } from '../i18n/catalogue.ts';
import type { Translator } from '../i18n/translator.ts';

/** A Vega-Lite tooltip field definition (the part of it the figures use). */
export interface TooltipField {
  field: string;
  title: string;
  type?: 'quantitative' | 'nominal';
  format?: string;
}

/** The field's title in the language, or undefined when the catalogue has none (a drawing helper such as `cellText`). */
export function fieldTitle(tr: Translator, field: string): string | undefined {
  const key = `field.${field}`;
  return tr.has(key) ? tr.t(key as MessageKey) : undefined;
}

/** One tooltip field with its title from the catalogue (the field name only where the catalogue has none). */
export function tooltipField(tr: Translator, field: string, options: Omit<TooltipField, 'field' | 'title'> & { title?: string } = {}): TooltipField {
  return { field, ...options, title: options.title ?? fieldTitle(tr, field) ?? field };
}

/** The suffix of the field a boolean's words are calculated into (`suppressed` → `suppressedText`). */
const WORDS_SUFFIX = 'Text';

/**
 * The tooltip of a whole record: every field of `records` that has a catalogue title, in record
 * order, keeping what `listed` (the figure's own tooltip) says of a field (title, format). Numbers are
 * quantitative with two decimals unless whole; true/false are shown as the language's yes/no through
 * calculate transforms returned beside the fields, to be appended to the mark's transforms.
 */
export function recordTooltip(tr: Translator, records: readonly Record<string, unknown>[], listed: readonly Partial<TooltipField>[] = []): { fields: TooltipField[]; transforms: { calculate: string; as: string }[] } {
  const names = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const fields: TooltipField[] = [];
  const transforms: { calculate: string; as: string }[] = [];
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  for (const name of names) {
    const title = listed.find((def) => def.field === name)?.title ?? fieldTitle(tr, name);
    if (title === undefined) continue;
    const values = records.map((record) => record[name]).filter((value) => value !== null && value !== undefined);
    if (values.length > 0 && values.every((value) => typeof value === 'boolean')) {
      const as = `${name}${WORDS_SUFFIX}`;
      transforms.push({ calculate: `datum[${quote(name)}] === true ? ${quote(tr.t('field.yes'))} : datum[${quote(name)}] === false ? ${quote(tr.t('field.no'))} : ''`, as });
      fields.push({ field: as, title });
    } else if (values.length > 0 && values.every((value) => typeof value === 'number')) {
      const format = listed.find((def) => def.field === name)?.format ?? (values.every((value) => Number.isInteger(value)) ? 'd' : '.2f');
      fields.push({ field: name, title, type: 'quantitative', format });
    } else if (values.every((value) => typeof value !== 'object')) {
      fields.push({ field: name, title, type: 'nominal' });
    }
  }
  return { fields, transforms };
}
