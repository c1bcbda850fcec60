import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import { decodeText } from './decode.ts';
import { fixture, utf8 } from './test-support.ts';

describe('decodeText', () => {
  it('reads plain UTF-8 (ASCII included)', () => {
    expect(decodeText(utf8('Symbol,Quantity\n삼성전자,1\n'), 'a.csv')).toEqual({
      text: 'Symbol,Quantity\n삼성전자,1\n',
      encoding: 'utf-8',
    });
  });

  it('strips a UTF-8 BOM and says it was there', () => {
    const { bytes, file } = fixture('ok/korean-broker-bom.csv');
    const decoded = decodeText(bytes, file);
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.text.startsWith('계좌명,종목코드,종목명,보유수량')).toBe(true);
  });

  it('decodes UTF-16LE with BOM (Excel "Unicode text")', () => {
    const { bytes, file } = fixture('ok/excel-unicode-text.txt');
    const decoded = decodeText(bytes, file);
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text.startsWith('Symbol\tQuantity\tCurrency\tName\r\n')).toBe(true);
    expect(decoded.text).toContain('현금\t500\t유로');
  });

  it('decodes UTF-16BE with BOM', () => {
    const bytes = new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0xd6, 0x04]); // BOM, "A", "현" (U+D604)
    expect(decodeText(bytes, 'be.txt')).toEqual({ text: 'A현', encoding: 'utf-16be' });
  });

  it('detects CP949 and decodes the Korean names exactly', () => {
    const { bytes, file } = fixture('ok/korean-cp949.csv');
    const decoded = decodeText(bytes, file);
    expect(decoded.encoding).toBe('cp949');
    const lines = decoded.text.split('\r\n');
    expect(lines[0]).toBe('계좌,종목번호,종목명,잔고수량,현재가,통화');
    expect(lines[1]).toBe('종합매매,005930,삼성전자,100,"71,000",원');
    expect(lines[4]).toBe('종합매매,예수금,원화예수금,"2,345,678",,원');
  });

  it('rejects bytes that are neither UTF-8 nor CP949, naming the file and line', () => {
    const { bytes, file } = fixture('bad/unknown-encoding.csv');
    const p = problemOf(() => decodeText(bytes, file));
    expect(p.file).toBe(file);
    expect(p.line).toBe(3); // "MSFT\xff\xff,5" is the third line
    expect(p.column).toBeUndefined();
    expect(p.message).toContain('unknown encoding');
    expect(p.message).toContain('0xFF');
    expect(p.expected).toBe('UTF-8, UTF-8 with BOM, UTF-16 with BOM or CP949 (EUC-KR)');
  });

  it('rejects a BOM followed by bytes invalid in that encoding', () => {
    const p = problemOf(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff]), 'x.csv'));
    expect(p.file).toBe('x.csv');
    expect(p.message).toContain('UTF-8 byte-order mark');
  });
});
