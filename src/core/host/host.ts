import type { Clock } from '../send/clock';

/**
 * What the extension's logic needs from the editor that hosts it, as a port: settings,
 * secrets, stored state, the log, the time and Workspace Trust. VS Code implements it in
 * `src/extension/host`; unit tests pass fakes, so the logic runs on a fake clock.
 */
export interface Host {
  readonly settings: HostSettings;
  readonly secrets: SecretStore;
  /** State kept across workspaces (the saved stores). */
  readonly globalState: KeyValueState;
  /** State kept for this workspace (send results). */
  readonly workspaceState: KeyValueState;
  readonly log: HostLog;
  readonly clock: Clock;
  /** Lets other work run before the caller goes on (a macrotask, unlike `clock.sleep(0)`). */
  nextTurn(): Promise<void>;
  /** Workspace Trust: untrusted workspaces check files but never reach a store. */
  isTrusted(): boolean;
}

/** The `bigcommerceCustomers.*` settings; keys are given without that prefix. */
export interface HostSettings {
  /** The effective value for `scope` (a document's URI), so folder settings apply to their own files. */
  get(key: string, scope: string | undefined): unknown;
  /** The user's own value, or the default: what a workspace may not override. */
  userValue(key: string): unknown;
}

export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  store(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface KeyValueState {
  get(key: string): unknown;
  update(key: string, value: unknown): Promise<void>;
}

export interface HostLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
