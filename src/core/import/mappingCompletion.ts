import { getLocation } from 'jsonc-parser';

/** Whether `offset` in a mapping file is where a customer_group_id goes: a value of "groups", or the customer_group_id constant. */
export function expectsGroupId(text: string, offset: number): boolean {
  const location = getLocation(text, offset);
  if (location.isAtPropertyKey || location.path.length !== 2) return false;
  const [section, key] = location.path;
  return section === 'groups' || (section === 'constants' && key === 'customer_group_id');
}
