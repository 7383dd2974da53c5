/**
 * Turns a schema `defaultSnippets` body into snippet text, the way VS Code's JSON tooling
 * reads it: strings are values (with `$1` tab stops), and a string starting with `^` is
 * inserted raw (for numbers and booleans with tab stops, e.g. "^${1:0}").
 */
export function snippetFromBody(body: unknown, indent = ''): string {
  if (typeof body === 'string') return body.startsWith('^') ? body.slice(1) : JSON.stringify(body).replace(/\\\\/g, '\\');
  if (Array.isArray(body)) {
    if (!body.length) return '[$1]';
    const inner = indent + '\t';
    return '[\n' + body.map((item) => inner + snippetFromBody(item, inner)).join(',\n') + '\n' + indent + ']';
  }
  if (body && typeof body === 'object') {
    const entries = Object.entries(body);
    if (!entries.length) return '{$1}';
    const inner = indent + '\t';
    return '{\n' + entries.map(([key, value]) => `${inner}${JSON.stringify(key)}: ${snippetFromBody(value, inner)}`).join(',\n') + '\n' + indent + '}';
  }
  return JSON.stringify(body);
}
