/**
 * Shapes of a record that carry the same information as a pack's documented shape, as agent frameworks
 * and record systems send them, turned into the documented shape before the schema checks it. Each is
 * unambiguous: what cannot be read as the documented shape is left for the schema to refuse by name.
 */

/**
 * Tool-call arguments: an object; the object as JSON text (read as that object); a list of calls or of
 * records (kept as `{items}`); any other text, a command line or a sentence (kept as `{text}`); null is
 * none. A number or a flag is left as it is, for the schema to refuse.
 */
export function toolArguments(value: unknown): unknown {
  if (value === null) return undefined;
  if (Array.isArray(value)) return { items: value };
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return { items: parsed };
    if (parsed !== null && typeof parsed === 'object') return parsed;
  } catch {
    // not JSON: a command line or a sentence
  }
  return { text: value };
}

/** Fields that name the item itself: their value stands for it, without its key. */
const NAME_FIELDS = new Set(['name', 'item', 'hazard', 'type', 'description', 'text', 'label', 'title', 'equipment', 'observation', 'note', 'value']);

const fieldText = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/**
 * A list of texts: one text is a list of one; a record in the list is its fields as one text, its naming
 * field first as it stands (`{hazard: "open trench", control: "box"}` is "open trench; control: box"), so
 * the text reader reads it as it reads any item.
 */
export function textItems(value: unknown): unknown {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return value;
  return value.map((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const entries = Object.entries(item as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined);
    const named = entries.filter(([k]) => NAME_FIELDS.has(k.toLowerCase()));
    const rest = entries.filter(([k]) => !NAME_FIELDS.has(k.toLowerCase()));
    return [...named.map(([, v]) => fieldText(v)), ...rest.map(([k, v]) => `${k}: ${fieldText(v)}`)].join('; ');
  });
}

/** A time as Unix seconds or milliseconds (a number), as the ISO 8601 text the schema reads; other values as they are. */
export function isoTime(value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return value;
  const ms = value < 1e11 ? value * 1000 : value;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/**
 * A measurement sent as text: a number and, after it, its unit ("25 mph", "40 km/h", "34 °C", "60%",
 * "4 workers"). The normaliser reads the number in the unit. Bounded (40 characters); an exponent, a
 * second number or words before the number ("about 25") are not a measurement.
 */
export const MEASUREMENT_TEXT = /^\s*[-+]?\d{1,6}(?:\.\d{1,6})?\s*(?:°\s*)?[A-Za-z%/ .]{0,20}$/;
