/** What `bccustomers --help` prints. */
import { DEFAULT_MAX_STORE_WAIT_MS } from '../core/send/storeClient';
import { journalHelp } from './journalHelp';
import { tokenVariable } from './storeOptions';
import { STORE_CHECKS_DID_NOT_RUN } from './validateCommand';

export const usage = `Usage:
  bccustomers validate <file…> [--format text|json] [--store <store hash> [--api-base-url URL]]
  bccustomers send <file…> --store <store hash> [--api-base-url URL] [--format text|json]
                   [--max-store-wait-seconds N] [--journal <path>] [--results <file.csv|file.json>]
  bccustomers import <file.csv> [--from auto|shopify|bigcommerce|woocommerce|magento|mapping]
                     [--addresses <file.csv>] [--mapping <file>] [-o <out.bccustomers.json>]
                     [--encoding utf-8|windows-1252] [--write-mapping <file>] [--format text|json]

validate  checks BigCommerce Create Customers payloads (*.bccustomers.json) with the same
          rules as the VS Code extension; with --store, also against that store's attributes,
          customer groups, channels and existing customers. Exit status: 0 no errors, 1 errors,
          ${STORE_CHECKS_DID_NOT_RUN} no errors found but the store could not be reached, so its checks did not run.
send      creates each file's customers in the store (each file its own send and summary), in
          requests of at most 10, paced to the store's rate limit, never creating a customer
          twice. The access token is read from the environment variable ${tokenVariable}.
          A wait the store asks for is cut to --max-store-wait-seconds (default ${DEFAULT_MAX_STORE_WAIT_MS / 1000}), and
          sending stops after it. Waits are reported on stderr. Exit status: 0 when every
          customer was created or already existed, 1 otherwise.
import    converts a customer export (Shopify, BigCommerce, WooCommerce, Magento 2 with
          --addresses, or any CSV with a *.bccustomers-mapping.json) into a customers file
          (default: <file>.bccustomers.json) and <name>.bccustomers-import.json, which names
          each customer's row and holds the report. Every row that is not imported is
          reported with its reason. Exit status: 0 every row imported, 1 some were not.
Exit status 2: the command could not run.

send options:
${journalHelp}`;
