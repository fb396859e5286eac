// Where a mention sorts in an inbox view: the same keys, in the same order, as the store's
// keyset pages (urgent first: at risk, urgency, posted, id; newest first: posted, id; all
// descending).
import type { Mention } from './bindings/Mention';
import type { Order } from './bindings/Order';

function key(m: Mention, order: Order): number[] {
  return order === 'newest'
    ? [m.created_at, m.id]
    : [m.work.at_risk ? 1 : 0, m.triage.urgency, m.created_at, m.id];
}

/** Negative when `a` comes before `b` in the view. */
export function compare(a: Mention, b: Mention, order: Order): number {
  const ka = key(a, order);
  const kb = key(b, order);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return kb[i] - ka[i];
  }
  return 0;
}

/** The index at which `m` goes in `rows` (already in view order), by binary search. */
export function insertionIndex(rows: Mention[], m: Mention, order: Order): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(rows[mid], m, order) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
