/**
 * Where a journal lives. The core only appends and reads; the CLI and the
 * extension each choose the place.
 */
export interface JournalStorage {
  /** the whole journal, or "" when there is none yet */
  read(): Promise<string>;
  /** appends `text` and resolves once it is durable (flushed to the disk) */
  append(text: string): Promise<void>;
}

/** A journal in memory, for tests and for places with no disk. */
export class MemoryJournalStorage implements JournalStorage {
  constructor(public text = '') {}

  read(): Promise<string> {
    return Promise.resolve(this.text);
  }

  append(text: string): Promise<void> {
    this.text += text;
    return Promise.resolve();
  }
}
