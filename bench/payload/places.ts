/** Address data for generated customers: real-looking cities with full state names. */
export interface Place {
  city: string;
  state?: string;
  /** the state's code, used to plant "state code instead of name" mistakes */
  stateCode?: string;
  postalCode: string;
  countryCode: string;
}

export const places: readonly Place[] = [
  { city: 'Austin', state: 'Texas', stateCode: 'TX', postalCode: '78701', countryCode: 'US' },
  { city: 'Portland', state: 'Oregon', stateCode: 'OR', postalCode: '97205', countryCode: 'US' },
  { city: 'Denver', state: 'Colorado', stateCode: 'CO', postalCode: '80202', countryCode: 'US' },
  { city: 'San Diego', state: 'California', stateCode: 'CA', postalCode: '92101', countryCode: 'US' },
  { city: 'Boston', state: 'Massachusetts', stateCode: 'MA', postalCode: '02108', countryCode: 'US' },
  { city: 'Toronto', state: 'Ontario', stateCode: 'ON', postalCode: 'M5H 2N2', countryCode: 'CA' },
  { city: 'Vancouver', state: 'British Columbia', stateCode: 'BC', postalCode: 'V6B 1A1', countryCode: 'CA' },
  { city: 'Sydney', state: 'New South Wales', stateCode: 'NSW', postalCode: '2000', countryCode: 'AU' },
  { city: 'London', postalCode: 'SW1A 1AA', countryCode: 'GB' },
  { city: 'Manchester', postalCode: 'M1 1AE', countryCode: 'GB' },
  { city: 'Berlin', postalCode: '10115', countryCode: 'DE' },
  { city: 'Lyon', postalCode: '69001', countryCode: 'FR' },
];

export const firstNames = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Radia',
  'Tim',
  'Frances',
  'Edsger',
  'Hedy',
  'Donald',
  'Sophie',
];
export const lastNames = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Perlman',
  'Berners-Lee',
  'Allen',
  'Dijkstra',
  'Lamarr',
  'Knuth',
  'Wilson',
];
export const streets = ['Main Street', 'Market Street', 'High Street', 'Station Road', 'Oak Avenue', 'Harbour Way', 'Mill Lane', 'King Street'];
export const companies = ['Analytical Engines Ltd', 'Compiler Works', 'Northwind Traders', 'Contoso Outdoor', 'Fabrikam Home', 'Tailspin Toys'];
