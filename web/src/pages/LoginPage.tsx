import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api, setCsrfToken } from '../api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { LanguageSwitch, useI18n } from '../i18n.tsx';
import { Link, navigate } from '../router.tsx';

/** Where to go after signing in at /login: a local path from `?next=`, never another site. */
function afterSignIn(): string {
  const next = new URLSearchParams(window.location.search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export function LoginPage({ onSignedIn }: { onSignedIn(): void }) {
  const { t, format } = useI18n();
  const methods = useQuery({
    queryKey: ['auth-methods'],
    queryFn: () => api<{ password: boolean; oidc: string | null }>('GET', '/api/auth/methods'),
  });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // The sign-in provider's error code from the URL, or the failed request: worded at render, so
  // the language switch on this page re-words it.
  const [error, setError] = useState<unknown>(() => new URLSearchParams(window.location.search).get('error'));
  const code =
    error instanceof ApiError
      ? error.problem.type.replace('urn:genvei:problem:', '')
      : (error as string | null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { csrfToken } = await api<{ csrfToken: string }>('POST', '/api/auth/login', {
        username,
        password,
      });
      setCsrfToken(csrfToken);
      if (window.location.pathname === '/login') navigate(afterSignIn(), { replace: true });
      onSignedIn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <LanguageSwitch />
      <form onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t.signInTitle}</h1>
        <ErrorAlert error={(code && t.loginErrors[code]) || error} />
        <label>
          {t.username}
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {t.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {t.signIn}
        </button>
        {methods.data?.oidc && (
          <>
            <p className="or">{t.or}</p>
            <a className="button secondary" href="/api/auth/oidc/start">
              {format(t.signInWith, { name: methods.data.oidc })}
            </a>
          </>
        )}
      </form>
      <Link href="/catalogue">{t.catalogue.backToCatalogue}</Link>
    </div>
  );
}
