export type Json = Record<string, unknown>;

/** Every object inside a JSON value (a card, a Block Kit message), depth first. */
export function nodes(node: unknown, found: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((child) => nodes(child, found));
  else if (node && typeof node === 'object') {
    found.push(node as Json);
    Object.values(node).forEach((child) => nodes(child, found));
  }
  return found;
}
