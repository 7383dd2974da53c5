/** Where the numbers came from: they mean little without the machine and its load. */
import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  totalMemoryGB: number;
  platform: string;
  nodeVersion: string;
  v8Version: string;
  date: string;
  /** 1-minute load average when the run started; above the core count means a busy machine */
  loadAverageAtStart: number;
  loadAverageAtEnd?: number;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryGB: round(os.totalmem() / 1024 ** 3, 1),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    nodeVersion: process.version,
    v8Version: process.versions.v8,
    date: new Date().toISOString(),
    loadAverageAtStart: round(os.loadavg()[0]!, 2),
  };
}

export function currentLoadAverage(): number {
  return round(os.loadavg()[0]!, 2);
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
