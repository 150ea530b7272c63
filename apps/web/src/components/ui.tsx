/** Small accessible building blocks: labelled fields, buttons, notices, dialogs. */
import {
  useEffect,
  useId,
  useRef,
  type ReactNode,
  type SelectHTMLAttributes,
  type InputHTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (id: string, describedBy?: string) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && (
        <small id={hintId} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

export function TextField({
  label,
  hint,
  ...rest
}: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} hint={hint}>
      {(id, d) => <input id={id} aria-describedby={d} {...rest} />}
    </Field>
  );
}

export function SelectField({
  label,
  hint,
  children,
  ...rest
}: { label: string; hint?: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} hint={hint}>
      {(id, d) => (
        <select id={id} aria-describedby={d} {...rest}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function Notice({
  kind = 'info',
  children,
}: {
  kind?: 'info' | 'error' | 'success' | 'warning';
  children: ReactNode;
}) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** An error from the API in the user's words, naming the missing endpoint when there is none. */
export function ErrorNotice({
  error,
  endpoint,
  unavailable = [404, 501],
}: {
  error: unknown;
  endpoint?: string;
  /** Statuses that mean "the server does not offer this (to you) yet". */
  unavailable?: number[];
}) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && unavailable.includes(error.status) && endpoint)
    return <Notice kind="warning">{t('common.notAvailable', { endpoint })}</Notice>;
  // The session ended (signed out elsewhere, expired): say so instead of the server's "log in via …".
  if (error instanceof ApiError && error.status === 401)
    return (
      <Notice kind="error">
        {t('common.signedOut')} <a href="/login">{t('login.submit')}</a>
      </Notice>
    );
  const message =
    error instanceof ApiError
      ? (error.problem.detail ?? error.problem.title)
      : String((error as Error).message ?? error);
  return <Notice kind="error">{t('common.error', { message })}</Notice>;
}

export function Dialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="dialog">
      <h2 id={titleId}>{title}</h2>
      {open && children}
    </dialog>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <span className="spinner" role="status">
      <span className="spinner-dot" aria-hidden="true" />
      {label}
    </span>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </header>
  );
}
