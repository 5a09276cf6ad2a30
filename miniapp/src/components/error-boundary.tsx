import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Locale } from '../lib/locales';
import { translator } from '../lib/texts';

/** The root's last resort: a human message and a way back, never a blank screen or a stack trace. */
export class ErrorBoundary extends Component<{ locale: Locale; children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Mini App crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const t = translator(this.props.locale);
    return (
      <main className="page" role="alert">
        <h1>{t('crash-title')}</h1>
        <p className="lead">{t('crash-text')}</p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t('crash-restart')}
        </button>
      </main>
    );
  }
}
