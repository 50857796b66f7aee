/** Placeholder replaced below. */
export type Repaired = { ok: true; text: string; convertedFrom: string | null } | { ok: false; reason: string };
export function repairLegacyTextLayer(text: string): Repaired {
  return { ok: true, text, convertedFrom: null };
}
