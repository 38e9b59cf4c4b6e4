// Court pages write dates as dd.mm.yyyy; Kuzet stores YYYY-MM-DD.

/** The first dd.mm.yyyy in the text as YYYY-MM-DD, or null (also for impossible dates). */
export function ruDateToIso(value: string | undefined | null): string | null {
  const match = value?.match(/(\d{2})\.(\d{2})\.(\d{4})/);
  if (!match) return null;
  const [, day, month, year] = match;
  const iso = `${year}-${month}-${day}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}
