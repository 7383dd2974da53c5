/**
 * Whether an attribute value (always sent as a string) fits its attribute's type.
 * BigCommerce does not document the formats it accepts for number and date
 * attributes, so this is lenient: it only flags values no reading could accept.
 */

/** "42", "-3.5", "+1", ".5", "1e3", with spaces around */
const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** "2024-05-01", optionally followed by a time: "T10:00", "T10:00:00.123Z", " 10:00:00+02:00" */
const DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\s*$/i;

export type ValueFit = { fits: true } | { fits: false; expected: string };

export function attributeValueFits(type: string, value: string): ValueFit {
  // An empty value sets nothing; whether the store accepts it is not ours to guess.
  if (value.trim() === '') return { fits: true };
  switch (type) {
    case 'number':
      return NUMBER.test(value) ? { fits: true } : { fits: false, expected: 'a number written as text, such as "42" or "-3.5"' };
    case 'date':
      return isDate(value) ? { fits: true } : { fits: false, expected: 'a date written as text, such as "2024-05-01" or "2024-05-01T10:00:00Z"' };
    default:
      return { fits: true };
  }
}

function isDate(value: string): boolean {
  const [, year = '', month = '', day = '', hour = '0', minute = '0', second = '0'] = DATE.exec(value) ?? [];
  if (!year) return false;
  return dateFits(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second));
}

function dateFits(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 60;
}
