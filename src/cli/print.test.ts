import { describe, expect, it } from 'vitest';
import { terminalSafe } from './print.ts';

describe('terminalSafe', () => {
  it('shows ESC, BEL, NUL, CR, DEL, C1 CSI and bidi overrides as \\u escapes; keeps line feeds, tabs and Korean', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007c\u0000d\re\u007ff\u009bg\u202eh\n\t미국주식')).toBe(
      'a\\u001b[2Jb\\u0007c\\u0000d\\u000de\\u007ff\\u009bg\\u202eh\n\t미국주식',
    );
  });

  it('leaves JSON meaning the same: a C1 control in a string reads back as itself', () => {
    const json = JSON.stringify({ account: 'x\u009by\u001b' });
    const codes = [...terminalSafe(json)].map((c) => c.charCodeAt(0));
    expect(codes.filter((n) => n < 0x20 || (n >= 0x7f && n <= 0x9f))).toEqual([]);
    expect(JSON.parse(terminalSafe(json))).toEqual({ account: 'x\u009by\u001b' });
  });
});
