import { parseJournalLine, type JournalRecord } from './journalRecords';

export interface ReadJournal {
  records: JournalRecord[];
  /** lines that hold no record: a line torn by an earlier crash, or damage */
  damagedLines: number;
  /** the text ends in a line cut short, as after a kill during a write; it holds no record */
  tornTail: boolean;
}

/**
 * Reads every prefix of a journal. A record is one JSON line, written whole
 * by one append, so a line cut short at any byte is not valid JSON and is
 * left out with nothing before it lost. (A last line missing only its
 * newline is a whole record and counts.)
 */
export function readJournal(text: string): ReadJournal {
  const records: JournalRecord[] = [];
  let damagedLines = 0;
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  for (const line of lines) {
    if (line.trim() === '') continue;
    const record = parseJournalLine(line);
    if (record) records.push(record);
    else damagedLines += 1;
  }
  const tail = last.trim() === '' ? undefined : parseJournalLine(last);
  if (tail) records.push(tail);
  return { records, damagedLines, tornTail: last.trim() !== '' && !tail };
}
