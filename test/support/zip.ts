/**
 * ZIP archives written by hand for reader tests (APPNOTE.TXT §4.3): local headers, data, central directory, end
 * record. Each entry is deflated unless marked stored; `flags` and `method` can be set to build archives a reader must
 * refuse (encrypted entries, unknown methods).
 */
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
  stored?: boolean;
  flags?: number;
  method?: number;
}

/** CRC-32 (ISO 3309, the polynomial ZIP uses), written out so the helper runs on every Node 20. */
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export function zip(entries: readonly ZipEntry[], options: { comment?: string } = {}): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const method = entry.method ?? (entry.stored ? 0 : 8);
    const packed = method === 8 ? deflateRawSync(data) : data;
    const crc = crc32(data);
    const flags = 0x0800 | (entry.flags ?? 0);
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, packed);
    central.push(dir, name);
    offset += local.length + name.length + packed.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end, comment]));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface WorkbookParts {
  /** Tabs in order: name (written as given, so escape it) and the worksheet's XML (a whole part, or the sheetData body). */
  sheets: { name: string; xml: string }[];
  sharedStrings?: string[] | string;
  styles?: string;
  /** Extra `<workbookPr …/>` (e.g. `date1904="1"`). */
  workbookPr?: string;
  stored?: boolean;
}

/** A minimal workbook: content types, workbook, its relationships, sheets, shared strings and styles if given. */
export function workbook(parts: WorkbookParts): Uint8Array {
  const part = (xml: string) =>
    xml.startsWith('<?xml') || xml.startsWith('<worksheet') || xml.includes(':worksheet')
      ? xml
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>${xml}</sheetData></worksheet>`;
  const rels = parts.sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  const entries: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${parts.workbookPr ? `<workbookPr ${parts.workbookPr}/>` : ''}<sheets>${parts.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    ...parts.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: part(s.xml) })),
  ];
  if (parts.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    const body = Array.isArray(parts.sharedStrings)
      ? parts.sharedStrings.map((s) => (s.startsWith('<si') ? s : `<si><t>${s}</t></si>`)).join('')
      : parts.sharedStrings;
    entries.push({
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${body}</sst>`,
    });
  }
  if (parts.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    entries.push({
      name: 'xl/styles.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${parts.styles}</styleSheet>`,
    });
  }
  entries.push({
    name: 'xl/_rels/workbook.xml.rels',
    data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  });
  return zip(parts.stored ? entries.map((e) => ({ ...e, stored: true })) : entries);
}
