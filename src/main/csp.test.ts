import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../server/securityHeaders';
import { contentSecurityPolicy, metaContentSecurityPolicy } from './csp';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d] as const));

describe('the renderer’s CSP', () => {
  it('is the Node host’s strict policy in a built or packaged app', () => {
    expect(contentSecurityPolicy(false)).toBe(CONTENT_SECURITY_POLICY);
    expect(directives(contentSecurityPolicy(false)).get('script-src')).toBe("script-src 'self'");
    expect(contentSecurityPolicy(false)).not.toContain('ws:');
    expect(directives(contentSecurityPolicy(false)).get('connect-src')).toBe("connect-src 'self'");
  });

  it('lets `npm run dev` run Vite’s inline preamble and its hot-reload websocket, and nothing else more', () => {
    const dev = directives(contentSecurityPolicy(true));
    const prod = directives(contentSecurityPolicy(false));
    expect(dev.get('script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(dev.get('connect-src')).toBe("connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
    for (const [name, directive] of prod) if (name !== 'script-src' && name !== 'connect-src') expect(dev.get(name)).toBe(directive);
  });

  it('leaves frame-ancestors out of the <meta> tag (browsers ignore it there)', () => {
    expect(metaContentSecurityPolicy(false)).not.toContain('frame-ancestors');
    expect(metaContentSecurityPolicy(false)).toContain("script-src 'self'");
  });
});
