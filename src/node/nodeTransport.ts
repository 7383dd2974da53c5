/**
 * The HTTP transport of the CLI and the VS Code extension: node-fetch, loaded
 * on first use so that starting up costs nothing.
 */
import { fetchTransport, type FetchLike, type HttpTransport } from '../core/send/http';

let loader: Promise<FetchLike> | undefined;

export const nodeTransport: HttpTransport = fetchTransport(() => {
  loader ??= import('node-fetch').then((module) => module.default as unknown as FetchLike);
  return loader;
});
