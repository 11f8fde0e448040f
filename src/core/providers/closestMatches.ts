// Suggests providers whose names are close to what someone typed.

export interface NamedItem {
  id: string;
  name: string;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i < padded.length - 2; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** 0..1, how alike two names are, by shared three-letter pieces. */
export function similarity(a: string, b: string): number {
  const left = trigrams(normalise(a));
  const right = trigrams(normalise(b));
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return (2 * shared) / (left.size + right.size || 1);
}

/** Names containing the query come first, then the most similar; at most `limit`. */
export function closestMatches<T extends NamedItem>(query: string, items: readonly T[], limit = 5, minSimilarity = 0.2): T[] {
  const wanted = normalise(query);
  if (!wanted) return [];
  return items
    .map((item) => {
      const name = normalise(item.name);
      const contains = name.includes(wanted) ? 1 : 0;
      return { item, contains, score: similarity(wanted, name) };
    })
    .filter((row) => row.contains || row.score >= minSimilarity)
    .sort((a, b) => b.contains - a.contains || b.score - a.score || a.item.name.localeCompare(b.item.name))
    .slice(0, limit)
    .map((row) => row.item);
}
