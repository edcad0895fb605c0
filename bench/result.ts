/** What every benchmark answers: its name, whether its correctness figures hold, and its figures. */
export type BenchResult = { name: string; ok: boolean } & Record<string, unknown>;
