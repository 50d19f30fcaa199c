import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PackagingError } from '../../scorm/package-spec.ts';
import { allowInlineScript } from '../../scorm/standalone-page.ts';

const csp = (scriptSrc: string) => `<meta http-equiv="content-security-policy" content="default-src 'self';connect-src 'self'; ${scriptSrc}; style-src 'self' 'sha256-s='">`;

describe('allowInlineScript', () => {
  it("adds the inline script's sha256 to script-src, so the page's CSP lets it run", () => {
    const code = 'console.log("results")';
    const hash = createHash('sha256').update(code).digest('base64');
    expect(allowInlineScript(csp("script-src 'self' 'sha256-a='"), code)).toBe(csp(`script-src 'self' 'sha256-${hash}' 'sha256-a='`));
  });

  it('leaves a page without a CSP alone', () => {
    expect(allowInlineScript('<p>no policy</p>', 'x')).toBe('<p>no policy</p>');
  });

  it("refuses a CSP it cannot extend rather than write a page whose script is blocked", () => {
    expect(() => allowInlineScript(csp("script-src 'none'"), 'x')).toThrow(PackagingError);
  });
});
