// A file of 5,000 customers, one a line as many exports write them, put into each session's
// workspace (generated, as it is too large to keep in the repository): the editor features
// are tried on it in both extension hosts.
const firstNames = ['Alex', 'Blake', 'Casey', 'Dana', 'Eli', 'Frankie', 'Gray', 'Harper', 'Indy', 'Jules', 'Kai', 'Lee', 'Morgan'];
const lastNames = ['Archer', 'Baker', 'Carter', 'Dixon', 'Ellis', 'Fisher', 'Grant', 'Hayes', 'Irving', 'Jensen', 'Keller'];

export const largeFileName = 'customers-5000.bccustomers.json';
export const largeFileCount = 5000;

/** The customers of the file, in order. */
export function largeFileCustomers() {
  return Array.from({ length: largeFileCount }, (_, i) => {
    const first_name = firstNames[i % firstNames.length];
    const last_name = lastNames[Math.floor(i / firstNames.length) % lastNames.length];
    return { email: `${first_name}.${last_name}.${i + 1}@example.com`.toLowerCase(), first_name, last_name };
  });
}

export function largeFileText() {
  return `[\n${largeFileCustomers()
    .map((customer) => `  ${JSON.stringify(customer)}`)
    .join(',\n')}\n]\n`;
}
