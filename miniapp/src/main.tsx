import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { ErrorBoundary } from './components/error-boundary';
import { OutsideTelegram } from './gates';
import type { Locale } from './lib/messages';
import { init, telegramLanguage } from './lib/telegram';
import './styles.css';

function guessLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

async function bootstrap() {
  if (import.meta.env.DEV || window.__OZ_TELEGRAM_MOCK__) {
    const { mockEnvironment } = await import('./mock-env');
    mockEnvironment(window.__OZ_TELEGRAM_MOCK__);
  }
  const inTelegram = init();
  const root = createRoot(document.getElementById('root')!);
  if (!inTelegram) {
    const locale = guessLocale(navigator.language);
    document.documentElement.lang = locale;
    root.render(<OutsideTelegram locale={locale} />);
    return;
  }
  const locale = guessLocale(telegramLanguage());
  root.render(
    <StrictMode>
      <ErrorBoundary locale={locale}>
        <App initialLocale={locale} />
      </ErrorBoundary>
    </StrictMode>,
  );
}

void bootstrap();
