/**
 * Outbox keys (PRODUCT section 7): an item is known by rule, recipient,
 * subject and period; a message by its items' keys. Whatever is in the
 * Outbox under a key is never planned again.
 */
import {
  ITEM_KEY_SEPARATOR,
  KEY_PART_SEPARATOR,
  type OutboxKeys,
  type OutboxStatus,
  type ReminderItem,
} from './types';

/** A part never holds a separator, so a key splits back into exactly its parts. */
function keyPart(text: string): string {
  if (!text.includes(KEY_PART_SEPARATOR) && !text.includes(ITEM_KEY_SEPARATOR)) return text.trim();
  return text.split(KEY_PART_SEPARATOR).join('_').split(ITEM_KEY_SEPARATOR).join('_').trim();
}

/** `missingEntry|juan@example.com|K6|2026-11-25` */
export function itemKey(
  item: Pick<ReminderItem, 'rule' | 'recipient' | 'subject' | 'period'>,
): string {
  return [item.rule, item.recipient, item.subject, item.period]
    .map(keyPart)
    .join(KEY_PART_SEPARATOR);
}

export function messageKey(
  items: ReadonlyArray<Pick<ReminderItem, 'rule' | 'recipient' | 'subject' | 'period'>>,
): string {
  return items.map(itemKey).join(ITEM_KEY_SEPARATOR);
}

/** A message key (or an item key) → the item keys it holds. */
export function itemKeysOf(key: string): string[] {
  return key
    .split(ITEM_KEY_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Outbox rows (their Reminder key and Status) → the item keys the planner
 * must leave out. A key found in several rows keeps its first status.
 */
export function outboxKeys(rows: Iterable<{ key: string; status: OutboxStatus }>): OutboxKeys {
  const keys = new Map<string, OutboxStatus>();
  for (const row of rows) {
    for (const key of itemKeysOf(row.key)) if (!keys.has(key)) keys.set(key, row.status);
  }
  return keys;
}
