import { describe, expect, it } from 'vitest';
import { isAllowedUrl, maskSecret, maskUrl } from '../../../worker/services/channels';

describe('channel addresses', () => {
  it('are https; a loopback receiver passes only outside production', () => {
    expect(isAllowedUrl('https://hooks.slack.com/services/T0/B0/xyz', true)).toBe(true);
    expect(isAllowedUrl('http://127.0.0.1:9000/hook', false)).toBe(true);
    expect(isAllowedUrl('http://127.0.0.1:9000/hook', true)).toBe(false);
    for (const url of [
      'http://hooks.slack.com/x',
      'http://localhost/x',
      'http://[::1]/x',
      'file:///etc/passwd',
      'nonsense',
    ]) {
      expect(isAllowedUrl(url, false), url).toBe(false);
    }
    expect(isAllowedUrl('https://user:secret@hooks.example.org/x', false)).toBe(false);
  });

  it('are masked to the host and four characters, never the path or query that authorise a post', () => {
    const teams =
      'https://prod-01.westeurope.logic.azure.com:443/workflows/abc123/triggers/manual/paths/invoke?api-version=2016-06-01&sig=S3cr3tSignatureValue';
    expect(maskUrl(teams)).toBe('https://prod-01.westeurope.logic.azure.com/…alue');
    expect(maskUrl(teams)).not.toContain('S3cr3t');
    expect(
      maskSecret({
        kind: 'email',
        to: ['leads@hospital.example'],
        from: 'c@h.example',
        via: 'cloudflare',
        apiUrl: null,
        apiKey: null,
      }),
    ).toBe('l…@hospital.example via Cloudflare Email');
  });
});
