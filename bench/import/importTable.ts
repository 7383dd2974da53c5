import { count, mb } from '../report/format';
import { renderTable } from '../report/table';
import { heapCapMB, type ImportBenchResult } from './measureImport';

export function importTable(r: ImportBenchResult): string {
  const p = r.papaparse;
  return renderTable(
    `Import: a ${count(r.rows)}-row Shopify export (${mb(r.fileMB)})`,
    ['', 'wall time', 'rows / s', 'CPU time', 'rows / CPU s', 'peak memory (RSS)'],
    [
      [
        `bccustomers import → ${mb(r.outputMB)} of customers (JS heap capped at ${heapCapMB} MB)`,
        `${r.seconds.toFixed(1)} s`,
        count(Math.round(r.rowsPerSecond)),
        `${r.cpuSeconds.toFixed(1)} s`,
        count(Math.round(r.rowsPerCpuSecond)),
        mb(r.peakRssMB),
      ],
      [
        `papaparse ${p.version} alone (${p.minifiedKB.toFixed(1)} KB minified, ${p.gzipKB.toFixed(1)} KB gzipped)`,
        `${p.parseSeconds.toFixed(1)} s`,
        count(Math.round(p.rowsPerSecond)),
        `${p.parseCpuSeconds.toFixed(1)} s`,
        count(Math.round(p.rowsPerCpuSecond)),
        mb(p.peakRssMB),
      ],
    ],
  );
}
