/**
 * Bytes → text for holdings files. Korean brokers and Excel on Korean Windows still write CP949 (EUC-KR), Excel's
 * "Unicode text" is UTF-16 with a BOM, and everything else is UTF-8 with or without a BOM. We detect rather than ask,
 * because users do not know which one they have; and we refuse to guess past that, because a wrong guess turns
 * 삼성전자 into mojibake that would then fail far from its cause.
 */
import { InputError } from '../../core/errors.ts';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp949';

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
}

const EXPECTED_ENCODINGS = 'UTF-8, UTF-8 with BOM, UTF-16 with BOM or CP949 (EUC-KR)';
const EXPECTED_ENCODINGS_KO = 'UTF-8, BOM 있는 UTF-8, BOM 있는 UTF-16 또는 CP949(EUC-KR)';

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: strictDecode('utf-8', bytes.subarray(3), file), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: strictDecode('utf-16le', bytes.subarray(2), file), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: strictDecode('utf-16be', bytes.subarray(2), file), encoding: 'utf-16be' };
  }
  // UTF-8 first: a CP949 file is almost never valid UTF-8 (Hangul lead bytes 0xB0–0xC8 followed by 0xA1–0xFE are
  // not UTF-8 sequences), whereas plenty of UTF-8 text happens to be valid CP949. So the order matters.
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  // Node's 'euc-kr' decoder is the WHATWG one, which is CP949 / windows-949 (it covers the UHC extension too).
  const cp949 = tryDecode('euc-kr', bytes);
  if (cp949 !== undefined) return { text: cp949, encoding: 'cp949' };

  // Neither fits. Point at the first bad byte of whichever decoder got further: that one is most likely the
  // encoding the file was meant to be in, and its failure is the real stray byte.
  const offset = Math.max(firstInvalidOffset('utf-8', bytes), firstInvalidOffset('euc-kr', bytes));
  throw new InputError({
    file,
    line: lineOfByte(bytes, offset),
    message: `unknown encoding: the file is neither UTF-8 nor CP949 (first undecodable byte 0x${hex(bytes[offset])} at byte offset ${offset})`,
    expected: EXPECTED_ENCODINGS,
    hint: 'save the file again as "CSV UTF-8" (Excel: File → Save As → CSV UTF-8)',
    ko: {
      message: `알 수 없는 인코딩: UTF-8도 CP949도 아닙니다 (바이트 오프셋 ${offset}에서 처음 읽을 수 없는 바이트 0x${hex(bytes[offset])})`,
      expected: EXPECTED_ENCODINGS_KO,
      hint: '파일을 "CSV UTF-8"로 다시 저장하세요 (Excel: 파일 → 다른 이름으로 저장 → CSV UTF-8)',
    },
  });
}

function strictDecode(label: string, bytes: Uint8Array, file: string): string {
  const text = tryDecode(label, bytes);
  if (text !== undefined) return text;
  const offset = firstInvalidOffset(label, bytes);
  throw new InputError({
    file,
    message: `the file starts with a ${label.toUpperCase()} byte-order mark but is not valid ${label.toUpperCase()} (byte offset ${offset})`,
    expected: EXPECTED_ENCODINGS,
    ko: {
      message: `파일이 ${label.toUpperCase()} 바이트 순서 표시(BOM)로 시작하지만 올바른 ${label.toUpperCase()}가 아닙니다 (바이트 오프셋 ${offset})`,
      expected: EXPECTED_ENCODINGS_KO,
    },
  });
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * TextDecoder does not say where it failed, so binary-search the longest prefix that decodes. In streaming mode an
 * incomplete sequence at the end of a prefix is held back rather than rejected, so "prefix decodes" is monotonic.
 */
function firstInvalidOffset(label: string, bytes: Uint8Array): number {
  // Whole file decodes when streaming: only the final sequence is cut short.
  if (prefixDecodes(label, bytes, bytes.length)) return Math.max(0, bytes.length - 1);
  let good = 0; // invariant: this prefix decodes
  let bad = bytes.length; // invariant: this prefix does not
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (prefixDecodes(label, bytes, mid)) good = mid;
    else bad = mid;
  }
  return good; // the byte that turned a decodable prefix into an undecodable one
}

function prefixDecodes(label: string, bytes: Uint8Array, length: number): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
    return true;
  } catch {
    return false;
  }
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).toUpperCase().padStart(2, '0');
}
