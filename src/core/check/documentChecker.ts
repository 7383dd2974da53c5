import type { Analysis } from './check';
import { checkTextInSlices } from './check';
import { checkEdit, checkEditWithinCustomer, type TextEdit } from './checkEdit';
import { diagnostic } from '../diagnostics/diagnostic';
import { parseJsonDocument } from '../document/jsonDocument';
import type { HostLog } from '../host/host';
import type { Clock } from '../send/clock';

/** An open customers file as the checker sees it; the editor's own document object stands behind it. */
export interface CheckedDocument {
  /** Its URI: the key of everything kept about it. */
  readonly uri: string;
  readonly version: number;
  readonly isClosed: boolean;
  getText(): string;
  /** Its length in characters, without building its text. */
  size(): number;
}

export interface DocumentCheckerOptions<D extends CheckedDocument> {
  clock: Clock;
  /** Lets the host's other work run between slices of a large check. */
  nextTurn: () => Promise<void>;
  log: HostLog;
  /** Above this many characters a file is not checked as one types (a setting, read per document). */
  maxFileSize(document: D): number;
  /** Shows a version's analysis; called once per check, in order. */
  publish(document: D, analysis: Analysis): void;
}

/** Above this many characters (about 250 customers) a full check runs in slices, so that it never holds the host for long. */
export const CHECKED_IN_SLICES_ABOVE = 200_000;

/** Small files are checked almost at once; big ones wait for a pause in typing. */
export function debounceFor(size: number): number {
  return size < 100_000 ? 60 : size < 1_000_000 ? 250 : 600;
}

/**
 * When and how each open customers file is checked: on open at once, after edits once typing
 * pauses, large files a slice at a time, an edit inside one customer by re-checking only that
 * customer. Keeps the latest analysis of each file, so that quick fixes work on exactly what
 * the user sees, and tells waiters when a version's problems are published.
 */
export class DocumentChecker<D extends CheckedDocument = CheckedDocument> {
  private readonly published = new Map<string, { version: number; analysis: Analysis }>();
  private readonly timers = new Map<string, AbortController>();
  private readonly waiters = new Map<string, (() => void)[]>();
  /** The edits since each file's published version, so that a check need not compare whole texts to find them. */
  private readonly edits = new Map<string, { version: number; edits: TextEdit[] }[]>();

  constructor(private readonly options: DocumentCheckerOptions<D>) {}

  opened(document: D): void {
    this.schedule(document, 0);
  }

  /** After an edit that made `document.version`. */
  changed(document: D, edits: readonly TextEdit[]): void {
    if (edits.length) {
      const list = this.edits.get(document.uri) ?? [];
      list.push({ version: document.version, edits: [...edits] });
      this.edits.set(document.uri, list);
    }
    this.schedule(document, debounceFor(document.size()));
  }

  closed(uri: string): void {
    this.timers.get(uri)?.abort();
    this.timers.delete(uri);
    this.published.delete(uri);
    this.edits.delete(uri);
  }

  /** Checks again at once (the settings changed). */
  recheck(document: D): void {
    this.schedule(document, 0);
  }

  /** The analysis of the document as it is now (computed on the spot if an edit is pending). */
  analysisOf(document: D): Analysis {
    const current = this.published.get(document.uri);
    if (current?.version === document.version) return current.analysis;
    return this.run(document);
  }

  /**
   * Like analysisOf, for what the editor asks on its own (code actions follow the cursor): a
   * large file whose check is pending gets `undefined` rather than a check that holds the host;
   * the editor asks again once the new problems are published.
   */
  analysisIfReady(document: D): Analysis | undefined {
    const current = this.published.get(document.uri);
    if (current?.version === document.version) return current.analysis;
    const text = document.getText();
    if (text.length < CHECKED_IN_SLICES_ABOVE) return this.run(document);
    // An edit inside one customer is quick to check even in a large file.
    const quick = this.guarded(document, () => checkEditWithinCustomer(current?.analysis, text, this.editsSince(document, current?.version)));
    if (quick) this.publish(document, quick);
    return quick;
  }

  /** Resolves once the problems of the document's current version are published. */
  whenChecked(document: D): Promise<void> {
    const key = document.uri;
    if (this.published.get(key)?.version === document.version && !this.timers.has(key)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(key) ?? [];
      list.push(resolve);
      this.waiters.set(key, list);
      if (!this.timers.has(key)) this.schedule(document, 0);
    });
  }

  dispose(): void {
    this.timers.forEach((timer) => timer.abort());
    this.timers.clear();
  }

  private schedule(document: D, delay: number): void {
    const key = document.uri;
    this.timers.get(key)?.abort();
    const timer = new AbortController();
    this.timers.set(key, timer);
    void this.options.clock.sleep(delay, timer.signal).then((elapsed) => {
      if (!elapsed) return;
      this.timers.delete(key);
      if (!document.isClosed) void this.check(document);
    });
  }

  /** The check after an edit: large files that need a full pass are checked a slice at a time. */
  private async check(document: D): Promise<void> {
    const key = document.uri;
    const version = document.version;
    if (this.published.get(key)?.version === version) {
      this.resolveWaiters(key); // checked meanwhile, on request
      return;
    }
    const text = document.getText();
    if (text.length < CHECKED_IN_SLICES_ABOVE || text.length > this.options.maxFileSize(document)) {
      this.run(document);
      return;
    }
    const analysis = await this.guardedAsync(document, async () => {
      const previous = this.published.get(key);
      const quick = checkEditWithinCustomer(previous?.analysis, text, this.editsSince(document, previous?.version));
      if (quick) return quick;
      const started = this.options.clock.now();
      const full = await checkTextInSlices(text, {
        pause: this.options.nextTurn,
        cancelled: () => document.isClosed || document.version !== version || this.published.get(key)?.version === version,
      });
      if (full)
        this.options.log.debug(`Checked ${key} (${(text.length / 1_048_576).toFixed(1)} MB) in slices, ${Math.round(this.options.clock.now() - started)} ms`);
      return full;
    });
    // Undefined: a newer version, or an analysis made meanwhile for this one, took over.
    if (analysis && !document.isClosed && document.version === version) this.publish(document, analysis);
  }

  private run(document: D): Analysis {
    const text = document.getText();
    // Each run builds on the last one, so an edit inside one customer re-checks only that customer.
    const previous = this.published.get(document.uri);
    const analysis = this.guarded(document, () =>
      text.length > this.options.maxFileSize(document) ? tooLarge(text) : checkEdit(previous?.analysis, text, this.editsSince(document, previous?.version)),
    );
    this.publish(document, analysis);
    return analysis;
  }

  private guarded<T extends Analysis | undefined>(document: D, analyse: () => T): T | Analysis {
    try {
      return analyse();
    } catch (error) {
      return this.failed(document, error);
    }
  }

  private async guardedAsync(document: D, analyse: () => Promise<Analysis | undefined>): Promise<Analysis | undefined> {
    try {
      return await analyse();
    } catch (error) {
      return this.failed(document, error);
    }
  }

  /** A bug in a rule must not take the editor down: report it once and show nothing. */
  private failed(document: D, error: unknown): Analysis {
    this.options.log.error(`Checking ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return { document: parseJsonDocument(''), diagnostics: [] };
  }

  /** The edits from `version` to the document's current version, when every one of them is known. */
  private editsSince(document: D, version: number | undefined): TextEdit[] | undefined {
    const list = this.edits.get(document.uri);
    if (version === undefined || !list) return undefined;
    const since = list.filter((e) => e.version > version);
    const complete = since.length === document.version - version && since.every((e, i) => e.version === version + i + 1);
    return complete ? since.flatMap((e) => e.edits) : undefined;
  }

  private publish(document: D, analysis: Analysis): void {
    const key = document.uri;
    const version = document.version;
    this.published.set(key, { version, analysis });
    const edits = this.edits.get(key)?.filter((e) => e.version > version);
    if (edits?.length) this.edits.set(key, edits);
    else this.edits.delete(key);
    this.options.publish(document, analysis);
    this.resolveWaiters(key);
  }

  private resolveWaiters(key: string): void {
    const waiting = this.waiters.get(key);
    this.waiters.delete(key);
    waiting?.forEach((resolve) => resolve());
  }
}

function tooLarge(text: string): Analysis {
  const megabytes = (text.length / 1_048_576).toFixed(1);
  return {
    document: parseJsonDocument(''),
    diagnostics: [
      diagnostic(
        'file-too-large',
        `This file (${megabytes} MB) is larger than bigcommerceCustomers.validation.maxFileSizeMB, so it is not checked as you type. Run "bccustomers validate" on it, or raise the setting.`,
        { start: 0, end: 0 },
        '',
      ),
    ],
  };
}
