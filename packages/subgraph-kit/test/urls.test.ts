import { isHttpUrl } from '../src';

describe('evidence links', () => {
  it.each([
    ['https://arsip.bungokab.go.id/skp/2026.pdf', true],
    ['http://intranet.local/bukti?id=7', true],
    ['HTTPS://EXAMPLE.ORG', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<b>x</b>', false],
    ['file:///etc/passwd', false],
    ['ftp://example.org/a', false],
    ['arsip.bungokab.go.id/skp.pdf', false],
    ['not a url', false],
    ['', false],
  ])('%s is a web link: %s', (value, expected) => {
    expect(isHttpUrl(value)).toBe(expected);
  });
});
