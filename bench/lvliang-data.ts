/**
 * The Lüliang 2021 datasets the dashboard and export benchmarks read: full scale and 1/100,
 * generated once into `.data/bench/` (or BENCH_DATA_DIR) and reused while the marker says they
 * are complete.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateLvliang } from '../scripts/dataset/generate';

export async function lvliangDataset(scale: 1 | 0.01): Promise<{ dataDir: string; generatedSeconds: number | null }> {
  const root = resolve(process.env.BENCH_DATA_DIR ?? join('.data', 'bench'));
  const dataDir = join(root, scale === 1 ? 'lvliang-full' : 'lvliang-small');
  const marker = join(dataDir, 'dataset.json');
  if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).scale === scale) return { dataDir, generatedSeconds: null };
  console.log(`generating the Lüliang 2021 dataset at scale ${scale} into ${dataDir} …`);
  const report = await generateLvliang({ dataDir, scale, log: (line) => console.log(`  ${line}`) });
  writeFileSync(marker, JSON.stringify({ scale, rows: report.rows, totalMs: report.totalMs }));
  return { dataDir, generatedSeconds: Math.round(report.totalMs / 100) / 10 };
}
