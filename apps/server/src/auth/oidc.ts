/**
 * Optional single sign-on with the organisation's OpenID Connect provider (openid-client).
 * Configured with PLANMAAT_OIDC_ISSUER, PLANMAAT_OIDC_CLIENT_ID, PLANMAAT_OIDC_CLIENT_SECRET and
 * PLANMAAT_OIDC_REDIRECT_URI. A provider login maps to an existing account by its e-mail claim
 * (accounts are provisioned by an admin); the link is remembered by issuer + subject. The issuer
 * must use https, except on loopback (a provider on this machine, for development and tests).
 */
import * as client from 'openid-client';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
}

export interface OidcLogin {
  issuer: string;
  /** Where to send the browser, plus the state to keep in a short-lived cookie. */
  start(): Promise<{ url: string; state: string; verifier: string; nonce: string }>;
  /**
   * Exchange the callback for the verified identity. Only the query of `callbackUrl` is used:
   * the redirect URI is the configured one (behind a proxy the request URL differs from it).
   * Throws when the state, nonce, code or PKCE verifier do not match.
   */
  finish(callbackUrl: URL, saved: { state: string; verifier: string; nonce: string }): Promise<OidcIdentity>;
}

export interface OidcIdentity {
  subject: string;
  email?: string;
  /** `false` when the provider says the e-mail address is not verified; undefined when it does not say. */
  emailVerified?: boolean;
  name?: string;
}

/** Plain http is only accepted for a provider on this machine (development and tests). */
export function isLoopbackUrl(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.PLANMAAT_OIDC_ISSUER;
  const clientId = env.PLANMAAT_OIDC_CLIENT_ID;
  const redirectUri = env.PLANMAAT_OIDC_REDIRECT_URI;
  if (!issuer || !clientId || !redirectUri) return undefined;
  return { issuer, clientId, clientSecret: env.PLANMAAT_OIDC_CLIENT_SECRET, redirectUri };
}

export async function createOidcLogin(settings: OidcSettings): Promise<OidcLogin> {
  const issuerUrl = new URL(settings.issuer);
  const insecure = issuerUrl.protocol === 'http:' && isLoopbackUrl(issuerUrl);
  const config = await client.discovery(
    issuerUrl,
    settings.clientId,
    settings.clientSecret,
    undefined,
    insecure ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  return {
    issuer: settings.issuer,
    async start() {
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state, verifier, nonce };
    },
    async finish(callbackUrl, saved) {
      const current = new URL(settings.redirectUri);
      current.search = callbackUrl.search;
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: saved.verifier,
        expectedState: saved.state,
        expectedNonce: saved.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      // Providers following the spec strictly put the profile claims in the userinfo answer only.
      const claims: Record<string, unknown> =
        typeof idToken.email === 'string'
          ? idToken
          : { ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)), ...idToken };
      return {
        subject: idToken.sub,
        email: typeof claims.email === 'string' ? claims.email : undefined,
        emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : undefined,
        name: typeof claims.name === 'string' ? claims.name : undefined,
      };
    },
  };
}
