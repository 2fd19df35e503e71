import { readFileSync, writeFileSync } from 'node:fs';

/** A process's resident memory now (`VmRSS`) and at its peak (`VmHWM`), in MB (Linux). */
export function rssMb(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export function peakRssMb(pid: number): number {
  return rssMb(pid).peak;
}

/** Resets the kernel's peak-RSS counter of a process (Linux: clear_refs 5); false when not permitted (the peak then covers the whole run). */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Samples a process's resident memory every `everyMs` while `work` runs, after resetting its peak:
 * answers the highest of the samples and, when it could be reset, the kernel's peak (which sees
 * between the samples).
 */
export async function peakRssDuring<T>(pid: number, work: () => Promise<T>, everyMs = 20): Promise<{ result: T; peakMb: number }> {
  const kernelPeak = resetPeakRss(pid);
  let highest = rssMb(pid).now;
  const timer = setInterval(() => {
    highest = Math.max(highest, rssMb(pid).now);
  }, everyMs);
  try {
    const result = await work();
    const after = rssMb(pid);
    return { result, peakMb: Math.max(highest, after.now, kernelPeak ? after.peak : 0) };
  } finally {
    clearInterval(timer);
  }
}
