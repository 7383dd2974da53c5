/** A Shopify customer export of any size, written as a stream: the same rows for the same count. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const header =
  'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags';
const firstNames = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lukas', 'Zoë', 'Mateo', "D'Arcy", 'Hana'];
const lastNames = ['Tremblay', "O'Brien", 'Smith', 'Müller', 'Nguyen', 'García', 'Kowalski', 'Brown', 'Wilson', 'Taylor'];
const places = [
  ['Toronto', 'ON', 'CA', "'M5H 1A1"],
  ['Sydney', 'NSW', 'AU', "'2000"],
  ['Austin', 'TX', 'US', "'78701"],
  ['San Francisco', 'CA', 'US', "'94105"],
  ['Berlin', '', 'DE', "'10115"],
];

function row(i: number): string {
  const first = firstNames[i % firstNames.length];
  const last = lastNames[(i * 7) % lastNames.length];
  const [city, province, country, zip] = places[i % places.length]!;
  const company = i % 5 === 0 ? `"${last} & Co., Ltd."` : '';
  const note = i % 11 === 0 ? '"Prefers email.\nSaid ""call after 5pm"""' : '';
  const email = i % 1000 === 999 ? '' : `customer${i}@example.com`;
  return `'${7210448300000 + i},${first},${last},${email},${i % 2 ? 'yes' : 'no'},${company},"${i} King St W, Suite ${i % 40}",,${city},${province},${country},${zip},'+1416555${String(i % 10000).padStart(4, '0')},,no,${(i % 500) + 0.5},${i % 9},${note},no,"vip, wholesale"`;
}

/** Writes `rows` rows (every thousandth without an email) and resolves with the file's size in bytes. */
export async function writeShopifyExport(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let piece: string[] = [header];
  for (let i = 0; i < rows; i++) {
    piece.push(row(i));
    if (piece.length === 5000 || i === rows - 1) {
      const text = piece.join('\n') + '\n';
      bytes += Buffer.byteLength(text);
      if (!out.write(text)) await once(out, 'drain');
      piece = [];
    }
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
