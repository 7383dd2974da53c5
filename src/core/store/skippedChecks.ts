/** Words for checks that are skipped because part of the store could not be read. */
import type { CataloguePart } from './catalogueTypes';

/** What each part lets us check, as a noun phrase. */
const CHECKED_WITH: Record<Exclude<CataloguePart, 'globalLogins'>, string> = {
  attributes: 'attribute IDs and values',
  customerGroups: 'customer group IDs',
  channels: 'channel IDs',
  countries: 'country codes',
  states: 'state names',
};

/**
 * "<Cause>, so <checks> are not checked." — e.g. "The token has no Channels scope
 * (store_channel_settings_read_only), so channel IDs are not checked, nor whether
 * channels allow global logins."
 */
export function skippedChecksSentence(cause: string, parts: readonly CataloguePart[]): string {
  const nouns = parts.filter((p): p is Exclude<CataloguePart, 'globalLogins'> => p !== 'globalLogins').map((p) => CHECKED_WITH[p]);
  const logins = parts.includes('globalLogins');
  let consequence: string;
  if (nouns.length === 0) consequence = 'whether channels allow global logins is not checked';
  // Every noun phrase is plural ("… IDs"), hence "are".
  else consequence = `${joinWords(nouns)} are not checked${logins ? ', nor whether channels allow global logins' : ''}`;
  return `${capitalize(cause.trim().replace(/[.\s]+$/, ''))}, so ${consequence}.`;
}

/** One sentence per distinct cause, parts in the order given. */
export function skippedChecksSentences(unavailable: Partial<Record<CataloguePart, string>>, parts: readonly CataloguePart[]): string[] {
  const partsByCause = new Map<string, CataloguePart[]>();
  for (const part of parts) {
    const cause = unavailable[part];
    if (cause === undefined) continue;
    const list = partsByCause.get(cause) ?? [];
    if (!list.includes(part)) list.push(part);
    partsByCause.set(cause, list);
  }
  return [...partsByCause].map(([cause, causeParts]) => skippedChecksSentence(cause, causeParts));
}

export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
