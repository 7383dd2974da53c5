/** Plain-text tables with aligned columns, for the terminal and for pasting. */
export function renderTable(title: string, headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, column) => Math.max(h.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => '| ' + widths.map((w, i) => (cells[i] ?? '').padEnd(w)).join(' | ') + ' |';
  const rule = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|';
  return [`\n${title}`, line(headers), rule, ...rows.map(line)].join('\n');
}
