import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // Linux USER_HZ is 100

/** user+system CPU of a process from /proc/<pid>/stat, in ms; undefined when it is gone. */
function procCpuMs(pid: string): { ppid: number; cpu: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" that closes the command name: state ppid ... utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return undefined;
  }
}

let children: string[] | undefined;

/** This process's direct children (the database server, when the bench started it). Found once. Linux only. */
function childPids(): string[] {
  if (children) return children;
  try {
    children = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => procCpuMs(pid)?.ppid === process.pid)
      .filter((pid) => !readFileSync(`/proc/${pid}/comm`, 'utf8').includes('esbuild')); // tsx's compiler, not the database
  } catch {
    children = [];
  }
  return children;
}

export interface CpuSnapshot {
  node: number;
  children: number;
}

export function cpuNow(): CpuSnapshot {
  const usage = process.cpuUsage();
  const childCpu = childPids().reduce((sum, pid) => sum + (procCpuMs(pid)?.cpu ?? 0), 0);
  return { node: (usage.user + usage.system) / 1000, children: childCpu };
}

export function cpuSince(start: CpuSnapshot): CpuSnapshot {
  const now = cpuNow();
  return { node: now.node - start.node, children: now.children - start.children };
}
