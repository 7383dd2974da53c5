/** How messages name a value the user wrote: `"USA"`, `42`, `a list`, … */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '…' : value);
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large to be stored';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects and lists are named above; what is left is a primitive
  return String(value);
}

/** The JSON type of a value in words: "a string", "a number", … */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      // 1e400 reads as Infinity: no store can keep it.
      if (!Number.isFinite(value)) return 'a number too large to be stored';
      return Number.isInteger(value) ? 'a whole number' : 'a number';
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return 'an object';
  }
}
