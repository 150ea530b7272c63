/**
 * Optional single sign-on with the organisation's OpenID Connect provider (openid-client).
 * Configured with PLANMAAT_OIDC_ISSUER, PLANMAAT_OIDC_CLIENT_ID, PLANMAAT_OIDC_CLIENT_SECRET and
 * PLANMAAT_OIDC_REDIRECT_URI. A provider login maps to an existing account by its e-mail claim
 * (accounts are provisioned by an admin); the link is remembered by issuer + subject.
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
  /** Exchange the callback for the verified identity. */
  finish(
    callbackUrl: URL,
    saved: { state: string; verifier: string; nonce: string },
  ): Promise<{ subject: string; email?: string; name?: string }>;
}

export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.PLANMAAT_OIDC_ISSUER;
  const clientId = env.PLANMAAT_OIDC_CLIENT_ID;
  const redirectUri = env.PLANMAAT_OIDC_REDIRECT_URI;
  if (!issuer || !clientId || !redirectUri) return undefined;
  return { issuer, clientId, clientSecret: env.PLANMAAT_OIDC_CLIENT_SECRET, redirectUri };
}

export async function createOidcLogin(settings: OidcSettings): Promise<OidcLogin> {
  const config = await client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret);
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
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: saved.verifier,
        expectedState: saved.state,
        expectedNonce: saved.nonce,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      return {
        subject: claims.sub,
        email: typeof claims.email === 'string' ? claims.email : undefined,
        name: typeof claims.name === 'string' ? claims.name : undefined,
      };
    },
  };
}
