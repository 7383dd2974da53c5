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
  private readonly listeners = new Set<(publication: Publication) => void>();

  /** Records a publication and tells every listener. */
  record(publication: Publication): void {
    this.latest.set(keyOf(publication.uri, publication.source), publication.version);
    for (const listener of [...this.listeners]) listener(publication);
  }

  /** The file was closed: what was published about it no longer holds. */
  forget(uri: string): void {
    for (const source of diagnosticSources) this.latest.delete(keyOf(uri, source));
  }

  latestVersion(uri: string, source: DiagnosticSource): number | undefined {
    return this.latest.get(keyOf(uri, source));
  }

  /** Calls `listener` on every publication until the returned function is called. */
  listen(listener: (publication: Publication) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves at the next publication of the file by `source`. */
  next(uri: string, source: DiagnosticSource): Promise<void> {
    return new Promise((resolve) => {
      const stop = this.listen((p) => {
        if (p.uri !== uri || p.source !== source) return;
        stop();
        resolve();
      });
    });
  }

  /** Resolves once `source` has published `version` (or a later one) of the file: at once if it already has. */
  when(uri: string, source: DiagnosticSource, version: number): Promise<void> {
    if ((this.latestVersion(uri, source) ?? -Infinity) >= version) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.listen((p) => {
        if (p.uri !== uri || p.source !== source || p.version < version) return;
        stop();
        resolve();
      });
    });
  }
}

const keyOf = (uri: string, source: DiagnosticSource): string => `${source} ${uri}`;
