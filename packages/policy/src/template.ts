/** Formats a description placeholder may ask for: `{cancellationsInWindow|ordinal}` → "3rd". */
export const PLACEHOLDER_FORMATS = ['ordinal', 'round'] as const;

const PLACEHOLDER = /\{([A-Za-z_][\w.]*)(?:\|(\w+))?\}/g;

/** The placeholders in a description, in order. */
export function parsePlaceholders(template: string): { name: string; format: string | undefined }[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1]!, format: m[2] }));
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function show(value: unknown, format: string | undefined): string {
  if (value === undefined || value === null) return 'unknown';
  if (typeof value === 'number') {
    if (format === 'ordinal') return ordinal(Math.round(value));
    if (format === 'round') return String(Math.round(value));
    return String(Math.round(value * 10) / 10);
  }
  if (Array.isArray(value)) return value.map((v) => show(v, format)).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fills `{name}` / `{name|format}` placeholders with `lookUp(name)`. */
export function fillTemplate(template: string, lookUp: (name: string) => unknown): string {
  return template.replace(PLACEHOLDER, (_, name: string, format: string | undefined) => show(lookUp(name), format));
}
