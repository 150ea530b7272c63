import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { auth } from '../api/endpoints.ts';
import { isPlannerRole, useSession } from '../auth/session.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { Notice, TextField } from '../components/ui.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [search] = useSearchParams();
  const ssoError = search.get('sso_error');
  const [ssoLoginUrl, setSsoLoginUrl] = useState<string | null>(null);

  useEffect(() => {
    auth
      .options()
      .then((o) => setSsoLoginUrl(o.ssoLoginUrl))
      .catch(() => setSsoLoginUrl(null)); // no SSO offered when unknown
  }, []);

  if (user) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from ?? (isPlannerRole(user) ? '/rooster' : '/mijn/rooster')} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t('login.missingFields'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
    } catch (e) {
      // The server answers a wrong e-mail or password with its generic 401 ("log in via …").
      setError(
        e instanceof ApiError
          ? e.status === 401
            ? t('login.wrongCredentials')
            : (e.problem.detail ?? e.problem.title)
          : String(e),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <div className="login-head">
          <div className="brand brand-large">
            <svg viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
              <rect width="32" height="32" rx="6" fill="currentColor" />
              <path d="M8 9h16v3H8zm0 6h10v3H8zm0 6h13v3H8z" fill="#fff" />
            </svg>
            <span>{t('app.name')}</span>
          </div>
          <LanguageSwitch />
        </div>
        <p className="tagline">{t('app.tagline')}</p>
        <h1>{t('login.title')}</h1>
        <p>{t('login.intro')}</p>
        {ssoError && <Notice kind="error">{t('login.ssoFailed', { reason: ssoError })}</Notice>}
        {ssoLoginUrl && (
          <p>
            <a className="btn btn-primary btn-block" href={ssoLoginUrl}>
              {t('login.sso')}
            </a>
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label={t('login.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error && <Notice kind="error">{t('login.failed', { reason: error })}</Notice>}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
        <p className="hint">{t('login.demoHint')}</p>
      </div>
    </main>
  );
}
