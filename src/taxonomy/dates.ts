// Dates as the sources and users write them. Pure; the one home of date parsing.

/** Whether a string is a real calendar day in YYYY-MM-DD form. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** 'DD/MM/YYYY' -> 'YYYY-MM-DD'; null when empty, undefined when not a real date. */
export function parseDmy(value: string | undefined): string | null | undefined {
  const v = (value ?? '').trim();
  if (!v) return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** A date value from a driver (Date or text) as YYYY-MM-DD. */
export function isoDay(value: string | Date | null | undefined): string | null {
  if (value == null) return null;
  return (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);
}

/** Today in UTC as YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A day plus n days (n may be negative), YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
