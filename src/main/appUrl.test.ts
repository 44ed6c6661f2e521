import { describe, expect, it } from 'vitest';
import { isAppUrl, isExternalWebUrl, rendererEntry, routeUrl } from './appUrl';

describe('isAppUrl', () => {
  const file = rendererEntry('/opt/plenary/out/renderer', undefined);
  const dev = rendererEntry('/unused', 'http://localhost:5173/');

  it('loads the built renderer from app://plenary/, not from a file', () => {
    expect(file.href).toBe('app://plenary/index.html');
  });

  it('accepts our index.html with any hash route', () => {
    expect(isAppUrl('app://plenary/index.html', file)).toBe(true);
    expect(isAppUrl('app://plenary/index.html#/report/s1', file)).toBe(true);
  });

  it('refuses other files, even beside it, other hosts and file:// itself', () => {
    expect(isAppUrl('app://plenary/participant.html', file)).toBe(false);
    expect(isAppUrl('app://plenary/index.html.evil', file)).toBe(false);
    expect(isAppUrl('app://other/index.html', file)).toBe(false);
    expect(isAppUrl('app://plenary/index.html?x=1', file)).toBe(false);
    expect(isAppUrl('file:///opt/plenary/out/renderer/index.html', file)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', file)).toBe(false);
  });

  it('refuses the web and junk', () => {
    expect(isAppUrl('https://example.com/index.html', file)).toBe(false);
    expect(isAppUrl('not a url', file)).toBe(false);
    expect(isAppUrl('', file)).toBe(false);
  });

  it('in development, accepts the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/#/present/s1', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost.evil.com:5173/', dev)).toBe(false);
    expect(isAppUrl('file:///opt/plenary/out/renderer/index.html', dev)).toBe(false);
  });

  it('builds hash routes on either entry', () => {
    expect(routeUrl(file, '/audience/s1')).toBe('app://plenary/index.html#/audience/s1');
    expect(routeUrl(dev, '/report/s2')).toBe('http://localhost:5173/#/report/s2');
  });
});

describe('isExternalWebUrl', () => {
  it('lets http and https through only', () => {
    expect(isExternalWebUrl('https://example.com')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('smb://share/x')).toBe(false);
    expect(isExternalWebUrl('nonsense')).toBe(false);
  });
});
