// A real OpenID provider (panva's certified `oidc-provider`) on a loopback port, for the SSO tests and
// `npm run start:sso`. It keeps its own keys and demo users; nothing here is a mock of the protocol.
// The `/__test/*` controls let tests rotate keys, take the JWKS offline, or make the token endpoint hand
// out one crafted ID token (wrong audience, expired, alg none…), so the worker meets each failure over
// the same HTTP exchange it uses in production.
import { createServer } from 'node:http';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import Provider from 'oidc-provider';

export const DEMO_CLIENT = { clientId: 'curbside', clientSecret: 'curbside-dev-secret' };
/** A public client (PKCE alone), so `npm run start:sso` needs no Worker secret. */
export const DEMO_PUBLIC_CLIENT = { clientId: 'curbside-public' };

/** Synthetic people. `groups` feeds the group → role mappings. */
export const DEMO_USERS = {
  'nurse.ada': { name: 'Ada Demo', email: 'ada@hospital.test', groups: ['curbside-clinicians'] },
  'mentor.ben': { name: 'Ben Demo', email: 'ben@hospital.test', groups: ['curbside-mentors'] },
  'admin.cy': { name: 'Cy Demo', email: 'cy@hospital.test', groups: ['curbside-admins'] },
  'unverified.dee': { name: 'Dee Demo', email: 'dee@hospital.test', groups: [], emailVerified: false },
};

/**
 * A demo user, or a fresh person shaped like one: `nurse.ada+7f3a` is another Ada (own subject and
 * e-mail), so tests can meet a first sign-in as often as they need.
 */
function demoUser(id) {
  const [base, suffix] = String(id).split('+');
  const user = DEMO_USERS[base];
  if (!user || (suffix !== undefined && !/^[\w-]{1,40}$/.test(suffix))) return undefined;
  return suffix ? { ...user, email: user.email.replace('@', `+${suffix}@`) } : user;
}

// Extension redirect URLs (browser.identity.getRedirectURL()): Chrome/Edge and Firefox shapes.
const EXTENSION_REDIRECT = /^https:\/\/[a-z0-9-]+\.(chromiumapp\.org|extensions\.allizom\.org)\/[\w/-]*$/;

async function newKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: `k-${crypto.randomUUID().slice(0, 8)}`, alg: 'RS256', use: 'sig' };
}

function buildProvider(issuer, keys) {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: DEMO_CLIENT.clientId,
        client_secret: DEMO_CLIENT.clientSecret,
        redirect_uris: ['https://curbside-test.chromiumapp.org/'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: DEMO_PUBLIC_CLIENT.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: ['https://curbside-test.chromiumapp.org/'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups', 'offline_access'],
    // Claims in the ID token itself, as Entra ID and Okta can be set to do; the worker reads no userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const user = demoUser(id);
      if (!user) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: user.email,
          email_verified: user.emailVerified ?? true,
          name: user.name,
          groups: user.groups,
        }),
      };
    },
    // Consent is the organisation's, given when IT registered Curbside: grant what was asked.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(ctx.oidc.params.scope);
      await grant.save();
      return grant;
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  });
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(uri) {
    return this.redirectUris.includes(uri) || EXTENSION_REDIRECT.test(uri);
  };
  return provider;
}

function loginPage(uid) {
  const options = Object.entries(DEMO_USERS)
    .map(([id, u]) => `<button name="login" value="${id}">${u.name} (${id})</button>`)
    .join('<br>');
  return `<!doctype html><meta charset="utf-8"><title>Demo hospital sign-in</title>
<h1>Demo hospital identity provider</h1><p>Choose a synthetic user:</p>
<form method="post" action="/interaction/${uid}">${options}</form>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/**
 * Starts the provider. Returns its issuer URL, a `craft` hook for tests and `close`.
 * @param {{ port?: number }} [options]
 */
export async function startOidcProvider({ port = 0 } = {}) {
  let keys = [await newKey()];
  let provider;
  let jwksDown = false;
  let tamper = null;
  let lastIdToken = null;

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', issuer);
      if (url.pathname.startsWith('/__test/')) return control(url.pathname, req, res);
      // The same keys where Cloudflare Access publishes a team's (for the Access tests).
      if (url.pathname === '/cdn-cgi/access/certs') req.url = '/jwks';
      if ((url.pathname === '/jwks' || url.pathname === '/cdn-cgi/access/certs') && jwksDown) {
        res.writeHead(503).end('jwks offline');
        return;
      }
      const interaction = url.pathname.match(/^\/interaction\/([\w-]+)$/);
      if (interaction) return login(interaction[1], req, res);
      provider.callback()(req, res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });

  async function login(uid, req, res) {
    const details = await provider.interactionDetails(req, res);
    const hint = details.params.login_hint;
    const chosen = req.method === 'POST' ? (await readForm(req)).get('login') : hint;
    if (!chosen || !demoUser(chosen)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: chosen } }, { mergeWithLastSubmission: false });
  }

  async function control(path, req, res) {
    const params = await readForm(req);
    if (path === '/__test/rotate') {
      keys = [await newKey(), ...keys].slice(0, 2);
      provider = wrap(buildProvider(issuer, keys));
    } else if (path === '/__test/jwks') {
      jwksDown = params.get('down') === '1';
    } else if (path === '/__test/access-token') {
      // An assertion shaped like Cloudflare Access's: audience the application's AUD tag, as a list.
      const at = Math.floor(Date.now() / 1000);
      const user = demoUser(params.get('login'));
      const token = await sign(
        {
          iss: issuer,
          aud: [params.get('aud')],
          sub: params.get('login'),
          email: user?.email,
          type: 'app',
          iat: at - 3600,
          exp: at + Number(params.get('ttl') ?? 3600),
        },
        keys[0],
      );
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token }));
      return;
    } else if (path === '/__test/tamper') {
      // Keyed by the person signing in, so a sign-in of another test running beside is not touched.
      tamper = { mode: params.get('mode'), login: params.get('login') };
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, kid: keys[0].kid }));
  }

  // The token endpoint's answer, with its ID token swapped for a crafted one when a test asked for it.
  function wrap(p) {
    p.use(async (ctx, next) => {
      await next();
      if (ctx.path !== '/token' || !ctx.body?.id_token) return;
      const real = ctx.body.id_token;
      if (tamper && decodeJwt(real).sub === tamper.login) {
        const { mode } = tamper;
        tamper = null;
        ctx.body = { ...ctx.body, id_token: await craft(mode, real) };
      }
      lastIdToken = real;
    });
    return p;
  }

  async function sign(payload, jwk, header = {}) {
    const key = await importJWK(jwk, 'RS256');
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: jwk.kid, ...header }).sign(key);
  }

  async function craft(mode, real) {
    const claims = decodeJwt(real);
    const { kid } = decodeProtectedHeader(real);
    const current = keys.find((k) => k.kid === kid) ?? keys[0];
    const at = Math.floor(Date.now() / 1000);
    switch (mode) {
      case 'wrong_aud':
        return sign({ ...claims, aud: 'someone-else' }, current);
      case 'wrong_iss':
        return sign({ ...claims, iss: 'https://evil.invalid' }, current);
      case 'expired':
        return sign({ ...claims, iat: at - 1200, exp: at - 600 }, current);
      case 'skew_small':
        // The provider's clock 30 s ahead of the worker's: within the allowed skew.
        return sign({ ...claims, iat: at + 30, exp: at + 630 }, current);
      case 'skew_large':
        return sign({ ...claims, iat: at + 600, exp: at + 1200 }, current);
      case 'bad_nonce':
        return sign({ ...claims, nonce: 'not-the-one' }, current);
      case 'forged':
        // Same kid as the real key, another private key: the signature cannot verify.
        return sign(claims, { ...(await newKey()), kid: current.kid });
      case 'unknown_kid':
        return sign(claims, await newKey());
      case 'hs256':
        return new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256', kid: current.kid })
          .sign(new TextEncoder().encode(DEMO_CLIENT.clientSecret));
      case 'alg_none': {
        const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${enc({ alg: 'none', typ: 'JWT' })}.${enc(claims)}.`;
      }
      case 'replay':
        return lastIdToken ?? real;
      default:
        throw new Error(`unknown tamper mode ${mode}`);
    }
  }

  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  provider = wrap(buildProvider(issuer, keys));
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
