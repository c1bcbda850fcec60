/**
 * The parts of a ZIP archive (an .xlsx is one), read through its central directory (APPNOTE.TXT §4.3.12) and inflated
 * with node:zlib. Only what spreadsheet programs write: stored (method 0) and deflated (method 8) entries, 32-bit
 * sizes. ZIP64 and encrypted entries are refused in words, never half-read.
 */
import { inflateRawSync } from 'node:zlib';
import { withJosa } from '../../../i18n/josa.ts';
import { WorkbookError } from './problem.ts';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

interface Entry {
  name: string;
  flags: number;
  method: number;
  packedSize: number;
  size: number;
  localHeader: number;
}

export interface ZipArchive {
  /** The entry's bytes, or undefined when the archive has no such entry (names match exactly, then ignoring case). */
  read(name: string): Uint8Array | undefined;
}

const damaged = (why: string, ko: string) =>
  new WorkbookError({ message: `a damaged ZIP archive: ${why}`, ko: `손상된 ZIP 압축 파일: ${ko}` });

const zip64 = () =>
  new WorkbookError(
    {
      message: 'a ZIP64 archive (over 4 GB or 65,535 parts), which is not supported',
      ko: 'ZIP64 압축 파일(4GB 또는 65,535개 항목 초과)은 지원하지 않습니다',
    },
    {
      hint: {
        message: 'save the sheet again from Excel as .xlsx, or export it as CSV',
        ko: 'Excel에서 시트를 .xlsx로 다시 저장하거나 CSV로 내보내세요',
      },
    },
  );

const encrypted = () =>
  new WorkbookError(
    {
      message: 'the workbook is password-protected (encrypted)',
      ko: '암호로 보호된(암호화된) 통합 문서입니다',
    },
    {
      hint: {
        message: 'open it in Excel, remove the password (File → Info → Protect Workbook) and save it again',
        ko: 'Excel에서 열어 암호를 제거한 뒤(파일 → 정보 → 통합 문서 보호) 다시 저장하세요',
      },
    },
  );

export function readZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) {
    throw new WorkbookError({
      message: 'no ZIP end record: the file is cut short or is not a ZIP archive',
      ko: 'ZIP 끝 레코드가 없습니다: 파일이 잘렸거나 ZIP 압축 파일이 아닙니다',
    });
  }
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_END_LOCATOR) throw zip64();
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw zip64();
  if (dirOffset + dirSize > end)
    throw damaged('the central directory lies outside the file', '중앙 디렉터리가 파일 밖에 있습니다');

  const entries = new Map<string, Entry>();
  const folded = new Map<string, Entry>();
  const decoder = new TextDecoder();
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL_FILE_HEADER) {
      throw damaged(
        `central directory entry ${i + 1} is cut short`,
        `중앙 디렉터리 항목 ${withJosa(i + 1, '이/가')} 잘렸습니다`,
      );
    }
    const nameLength = view.getUint16(p + 28, true);
    const entry: Entry = {
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      packedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localHeader: view.getUint32(p + 42, true),
    };
    if (entry.packedSize === 0xffffffff || entry.size === 0xffffffff || entry.localHeader === 0xffffffff) {
      throw zip64();
    }
    entries.set(entry.name, entry);
    if (!folded.has(entry.name.toLowerCase())) folded.set(entry.name.toLowerCase(), entry);
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }

  return {
    read(name) {
      const entry = entries.get(name) ?? folded.get(name.toLowerCase());
      return entry && inflate(bytes, view, entry);
    },
  };
}

/** The end-of-central-directory record: the last `PK\x05\x06` within the final 64 KiB + 22 bytes (a comment may follow it). */
function findEnd(view: DataView): number {
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= stop; p--) {
    if (view.getUint32(p, true) === END_OF_CENTRAL_DIRECTORY) return p;
  }
  return -1;
}

function inflate(bytes: Uint8Array, view: DataView, entry: Entry): Uint8Array {
  // Bit 0: traditional PKWARE encryption; method 99: WinZip AES.
  if (entry.flags & 1 || entry.method === 99) throw encrypted();
  const p = entry.localHeader;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL_FILE_HEADER) {
    throw damaged(`no local header for ${entry.name}`, `${entry.name}의 로컬 헤더가 없습니다`);
  }
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  if (start + entry.packedSize > bytes.length) {
    throw damaged(`${entry.name} is cut short`, `${withJosa(entry.name, '이/가')} 잘렸습니다`);
  }
  const packed = bytes.subarray(start, start + entry.packedSize);
  let data: Uint8Array;
  if (entry.method === 0) data = packed;
  else if (entry.method === 8) {
    try {
      // The directory's size bounds the output, so a lying entry cannot fill memory.
      data = inflateRawSync(packed, {
        maxOutputLength: Math.max(1, entry.size),
        // One output chunk of the whole size: node's default 16 KiB chunks cost a copy per chunk.
        chunkSize: Math.min(Math.max(entry.size + 64, 1024), 64 * 1024 * 1024),
      });
    } catch (e) {
      throw damaged(
        `${entry.name} does not inflate (${(e as Error).message})`,
        `${entry.name}의 압축을 풀 수 없습니다 (${(e as Error).message})`,
      );
    }
  } else {
    throw new WorkbookError({
      message: `${entry.name} is compressed with method ${entry.method}; only stored (0) and deflate (8) are supported`,
      ko: `${entry.name}의 압축 방식 ${withJosa(entry.method, '은/는')} 지원하지 않습니다; 저장(0)과 deflate(8)만 지원합니다`,
    });
  }
  if (data.length !== entry.size) {
    throw damaged(
      `${entry.name} holds ${data.length} bytes, its directory entry says ${entry.size}`,
      `${entry.name}의 크기가 ${data.length}바이트로, 디렉터리의 ${entry.size}바이트와 다릅니다`,
    );
  }
  return data;
}
