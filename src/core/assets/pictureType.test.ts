import { describe, expect, it } from 'vitest';
import { makePng, makeSvg } from '../testing/pictures';
import { sniffPictureType, svgProblem } from './pictureType';

const text = (value: string) => new TextEncoder().encode(value);

describe('telling a picture by its bytes', () => {
  it('knows PNG, JPEG, WebP and SVG by their magic numbers, whatever the file is called', () => {
    expect(sniffPictureType(makePng(4, 4))).toBe('image/png');
    expect(sniffPictureType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))).toBe('image/jpeg');
    expect(sniffPictureType(text('RIFF\u0024\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(sniffPictureType(makeSvg())).toBe('image/svg+xml');
    expect(sniffPictureType(text('\uFEFF<!-- drawn by hand --><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg viewBox="0 0 1 1"/>'))).toBe('image/svg+xml');
  });

  it('refuses what is not one of them: a GIF, HTML, text, a RIFF that is not WebP, bytes that are not UTF-8', () => {
    expect(sniffPictureType(text('GIF89a....'))).toBeNull();
    expect(sniffPictureType(text('<html><svg></svg></html>'))).toBeNull();
    expect(sniffPictureType(text('hello'))).toBeNull();
    expect(sniffPictureType(text('RIFF\u0024\u0000\u0000\u0000WAVEfmt '))).toBeNull();
    expect(sniffPictureType(new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0x20, 0xff, 0xfe]))).toBeNull();
    expect(sniffPictureType(new Uint8Array([0x89, 0x50, 0x4e]))).toBeNull();
  });
});

describe('an SVG that could run anything is refused', () => {
  const svg = (extra: string) => makeSvg(extra).toString('utf8');

  it('lets a plain drawing through, with its styles, fragment links and embedded raster pictures', () => {
    expect(svgProblem(svg(''))).toBeNull();
    expect(svgProblem(svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/><text>Turn on the light</text>'))).toBeNull();
    expect(svgProblem(svg('<image href="data:image/png;base64,iVBORw0KGgo="/>'))).toBeNull();
  });

  it.each([
    ['a script element', '<script>alert(1)</script>', /script/],
    ['a namespaced script', '<svg:script>alert(1)</svg:script>', /script/],
    ['an event handler', '<rect onload="alert(1)"/>', /event handler/],
    ['an event handler after a slash', '<rect/onclick=alert(1)>', /event handler/],
    ['a javascript: link', '<a href="javascript:alert(1)"><text>x</text></a>', /javascript/],
    ['a javascript: link in character references', '<a href="&#106;ava&#x73;cript&colon;alert(1)"/>', /javascript/],
    ['a javascript: link with a tab inside', '<a href="java\tscript:alert(1)"/>', /javascript/],
    ['a foreignObject', '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>', /foreignObject/],
    ['an iframe', '<iframe src="x"/>', /embeds other content/],
    ['an external picture', '<image href="https://example.com/a.png"/>', /another file or address/],
    ['an external xlink', '<use xlink:href="other.svg#a"/>', /another file or address/],
    ['an external style url', '<rect style="fill:url(https://example.com/x)"/>', /refers to another file/],
    ['a style import', '<style>@import "https://example.com/a.css";</style>', /imports/],
    ['an entity declaration', '<!DOCTYPE svg [<!ENTITY a "b">]>', /entities/],
  ])('refuses %s', (_name, extra, reason) => {
    expect(svgProblem(svg(extra))).toMatch(reason);
  });
});
