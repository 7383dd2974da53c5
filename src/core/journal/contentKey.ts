import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import canonicalize from 'canonicalize';

/**
 * A short, stable fingerprint of one customer: SHA-256 of its canonical JSON
 * (RFC 8785: sorted keys, one spelling per number), so the same customer
 * written with other spacing or key order has the same key, and any change to
 * it gives another. 128 bits are plenty to tell a file's customers apart.
 */
export function customerContentKey(value: unknown): string {
  const canonical = canonicalize(value) ?? 'null';
  return bytesToHex(sha256(utf8ToBytes(canonical))).slice(0, 32);
}
