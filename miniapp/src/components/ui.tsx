import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('loading')}
    </p>
  );
}

/** A failed load in words the patient can act on, with a retry. */
export function ErrorView({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t } = useI18n();
  const text = error.code === 'network' ? t('error-network') : error.status === 401 ? t('error-unauthorized') : t('error-code', { code: error.code });
  // A refusal (409) will not change by asking again; a failure might.
  const retryable = error.status === 0 || error.status >= 500;
  return (
    <div className="notice notice-error" role="alert">
      <p>{text}</p>
      {retry && retryable && (
        <button type="button" className="btn btn-secondary" onClick={retry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'success' | 'error' | 'warning'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Section({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <section className="section">
      {title && <h2>{title}</h2>}
      {children}
    </section>
  );
}

/** A large tappable row: a title and, below it, a line of detail. `muted`: still open, but with nothing to pick (a full day). */
export function Choice({
  title,
  detail,
  onClick,
  selected,
  badge,
  muted,
}: {
  title: ReactNode;
  detail?: ReactNode;
  onClick: () => void;
  selected?: boolean;
  badge?: ReactNode;
  muted?: boolean;
}) {
  return (
    <button type="button" className={`choice${selected ? ' choice-selected' : ''}${muted ? ' choice-muted' : ''}`} onClick={onClick} aria-pressed={selected}>
      <span className="choice-title">{title}</span>
      {detail && <span className="choice-detail">{detail}</span>}
      {badge && <span className="choice-badge">{badge}</span>}
      <span className="choice-chevron" aria-hidden="true">
        ›
      </span>
    </button>
  );
}

/** An emoji beside its words: decoration for the eye, silent for a screen reader. */
export function Icon({ text, label }: { text: string; label: string }) {
  return (
    <>
      <span aria-hidden="true">{text}</span> {label}
    </>
  );
}
