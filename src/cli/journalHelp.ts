/** What `bccustomers send --help` says of the journal and the results file. */
export const journalHelp = `  --journal <path>  where send records each request and its outcome, so that a send
                    stopped at any point (even killed) resumes where it stopped: customers
                    already created are skipped, and only the requests whose
                    answer was not recorded are checked with the store. Default: the file's
                    name with ".journal" added. It holds customers' emails and the store's
                    answers, never the access token.
  --results <file.csv|file.json>
                    writes one row per customer: its index, email, the new customer id or
                    the store's refusal in its own words, and the request id.`;
