import { Listeners } from '../host/listeners';

/** Where a file's problems come from: its own checks, the active store's data, or the results of sending it. */
export type DiagnosticSource = 'file' | 'store' | 'send';

export const diagnosticSources: readonly DiagnosticSource[] = ['file', 'store', 'send'];

export interface Publication {
  /** The document's URI. */
  uri: string;
  /** The document version the problems were found in. */
  version: number;
  source: DiagnosticSource;
}

/**
 * Which version of each file each source last published, and who waits for one: the one
 * "published" signal behind waiting for diagnostics, whatever their source.
 */
export class Publications {
  private readonly latest = new Map<string, number>();
  private readonly published = new Listeners<Publication>();
  /** Tells of every publication, in order. */
  readonly onDidPublish = this.published.event;

  record(publication: Publication): void {
    this.latest.set(keyOf(publication.uri, publication.source), publication.version);
    this.published.fire(publication);
  }

  /** The file was closed: what was published about it no longer holds. */
  forget(uri: string): void {
    for (const source of diagnosticSources) this.latest.delete(keyOf(uri, source));
  }

  latestVersion(uri: string, source: DiagnosticSource): number | undefined {
    return this.latest.get(keyOf(uri, source));
  }

  /** Resolves at the next publication of the file by `source`. */
  next(uri: string, source: DiagnosticSource): Promise<void> {
    return this.first((p) => p.uri === uri && p.source === source);
  }

  /** Resolves once `source` has published `version` (or a later one) of the file: at once if it already has. */
  when(uri: string, source: DiagnosticSource, version: number): Promise<void> {
    if ((this.latestVersion(uri, source) ?? -Infinity) >= version) return Promise.resolve();
    return this.first((p) => p.uri === uri && p.source === source && p.version >= version);
  }

  private first(matches: (publication: Publication) => boolean): Promise<void> {
    return new Promise((resolve) => {
      const listening = this.onDidPublish((p) => {
        if (!matches(p)) return;
        listening.dispose();
        resolve();
      });
    });
  }
}

const keyOf = (uri: string, source: DiagnosticSource): string => `${source} ${uri}`;
