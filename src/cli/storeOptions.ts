/** The store a command talks to, from its flags and the environment: the token never comes from a flag. */
import { checkStoreTarget, DEFAULT_API_BASE_URL, type StoreTarget } from '../core/send/storeTarget';
import type { CliIo } from './validateCommand';

export const tokenVariable = 'BIGCOMMERCE_ACCESS_TOKEN';

/** The store named by --store and --api-base-url, with the token from the environment; or a message why not. */
export function storeTarget(
  store: string | true | undefined,
  baseUrl: string | true | undefined,
  env: Record<string, string | undefined>,
  io: CliIo,
  command: string,
): StoreTarget | undefined {
  const target = {
    storeHash: typeof store === 'string' ? store.trim() : '',
    apiBaseUrl: typeof baseUrl === 'string' ? baseUrl : DEFAULT_API_BASE_URL,
    accessToken: env[tokenVariable]?.trim() ?? '',
  };
  const problem = !target.storeHash
    ? 'name the store with --store <store hash>'
    : !target.accessToken
      ? `set the environment variable ${tokenVariable} to the store's access token`
      : checkStoreTarget(target);
  if (problem) io.err(`bccustomers ${command}: ${problem}`);
  return problem ? undefined : target;
}
