import { Provider } from '../../models/index.js';

/** Fictional providers in bulk, so /cq1's provider list reads from a council-sized collection. */
export async function seedBenchProviders(count: number): Promise<void> {
  const docs = Array.from({ length: count }, (_, i) => {
    const name = `Bench Provider ${String(i + 1).padStart(4, '0')}`;
    return { name, nameKey: name.toLowerCase(), externalRef: `BENCH-${i + 1}`, clientGroup: i % 4 === 0 ? 'children' : 'adults' };
  });
  await Provider.insertMany(docs, { ordered: false, lean: true });
}
