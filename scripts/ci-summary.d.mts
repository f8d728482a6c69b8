// Types for scripts/ci-summary.mjs (plain ESM so node runs it without a loader).
export type FileCount = { name: string; status: string; message: string; passed: number; failed: number; skipped: number };
export type RunCount = { name: string; status: number; passed: number; failed: number; skipped: number; files: FileCount[]; notes: string[] };
export type Group = { label: string; match: RegExp; required?: boolean };
export function countRun(name: string, status: number, report: unknown): RunCount;
export function runVitest(name: string, args: string[], options: { env?: Record<string, string>; outDir: string; cwd?: string }): RunCount;
export function summarize(runs: RunCount[], options?: { groups?: Group[] }): { lines: string[]; passed: number; failed: number; skipped: number; exitCode: 0 | 1 };
