/**
 * Short IDs that are never reused (PRODUCT section 3): a counter per tab in
 * document properties, advanced under the document lock, so two people
 * adding rows at once never get the same ID and a deleted row's ID never
 * comes back.
 */
import { readDocumentProperty, writeDocumentProperties } from '../services/properties';

/** Call with the document lock held. `existing` guards against IDs typed by hand (K11 when K1…K10 exist). */
export function takeIds(
  prefix: string,
  count: number,
  existing: readonly unknown[] = [],
): string[] {
  const name = `seq.${prefix}`;
  const stored = readDocumentProperty(name);
  let last = Number(stored ?? 0) || 0;
  const pattern = new RegExp(`^${prefix}(\\d+)$`, 'i');
  for (const id of existing) {
    const match = pattern.exec(String(id).trim());
    if (match) last = Math.max(last, Number(match[1]));
  }
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${last + i + 1}`);
  if (String(last + count) !== stored) {
    writeDocumentProperties({ [name]: String(last + count) });
  }
  return ids;
}
