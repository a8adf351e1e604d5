import { describe, expect, it } from 'vitest';
import { expectError } from '../helpers';
import { control, fresh, setUpProvider, ssoSession, ssoSignIn, useKeysProvider } from '../sso-helpers';

// This file's own provider: its keys rotate and its JWKS goes offline here only.
useKeysProvider();

describe('the provider’s signing keys', () => {
  it('follows a key rotation: a token under a new kid makes the worker read the JWKS again', async () => {
    const { provider } = await setUpProvider();
    await ssoSession(provider.id, fresh('nurse.ada'));
    await control('rotate');
    const after = await ssoSession(provider.id, fresh('nurse.ada'));
    expect(after.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps verifying with held keys while the JWKS is offline, and fails closed on a key it never saw', async () => {
    const { provider } = await setUpProvider();
    await ssoSession(provider.id, fresh('nurse.ada'));
    await control('jwks', { down: '1' });
    try {
      await ssoSession(provider.id, fresh('nurse.ada'));
      await control('rotate');
      const res = await ssoSignIn(provider.id, fresh('nurse.ada'));
      expect((await expectError(res, 401, 'unauthorized')).error.details).toEqual({ reason: 'unknown_key' });
    } finally {
      await control('jwks', { down: '0' });
    }
    await ssoSession(provider.id, fresh('nurse.ada'));
  });

  it('refuses a token signed by a key the provider never published', async () => {
    const { provider } = await setUpProvider();
    const res = await ssoSignIn(provider.id, fresh('nurse.ada'), 'unknown_kid');
    expect((await expectError(res, 401, 'unauthorized')).error.details).toEqual({ reason: 'unknown_key' });
  });
});
