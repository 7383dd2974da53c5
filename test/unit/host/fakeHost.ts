import type { Host, HostLog, KeyValueState, SecretStore } from '../../../src/core/host/host';
import { FakeClock } from '../send/fakeClock';

/** State in a map, as VS Code's mementos keep it. */
export class MapState implements KeyValueState {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
}

export class MapSecrets implements SecretStore {
  readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

export class RecordingLog implements HostLog {
  readonly lines: string[] = [];
  debug(message: string): void {
    this.lines.push(`debug ${message}`);
  }
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}

/**
 * A host in memory on a fake clock. Settings are given per scope (a URI, or `*` for every
 * scope); `user` holds the user's own values; every read is recorded with its scope.
 */
export class FakeHost implements Host {
  readonly clock = new FakeClock();
  readonly secrets = new MapSecrets();
  readonly globalState = new MapState();
  readonly workspaceState = new MapState();
  readonly log = new RecordingLog();
  readonly scoped = new Map<string, Record<string, unknown>>();
  readonly user: Record<string, unknown> = {};
  readonly reads: { key: string; scope: string | undefined }[] = [];
  trusted = true;
  turns = 0;

  readonly settings = {
    get: (key: string, scope: string | undefined): unknown => {
      this.reads.push({ key, scope });
      return (scope !== undefined ? this.scoped.get(scope)?.[key] : undefined) ?? this.scoped.get('*')?.[key] ?? this.user[key];
    },
    userValue: (key: string): unknown => this.user[key],
  };

  set(scope: string, values: Record<string, unknown>): void {
    this.scoped.set(scope, { ...this.scoped.get(scope), ...values });
  }

  async nextTurn(): Promise<void> {
    this.turns++;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  isTrusted(): boolean {
    return this.trusted;
  }
}
