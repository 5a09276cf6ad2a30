import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { ErrorBoundary } from './components/error-boundary';
import { OutsideTelegram } from './gates';
import { pickLocale } from './lib/locales';
import { init, telegramLanguage } from './lib/telegram';
import './styles.css';

async function bootstrap() {
  const mocked = import.meta.env.DEV || !!window.__OZ_TELEGRAM_MOCK__;
  if (mocked) {
    const { mockEnvironment } = await import('./mock-env');
    mockEnvironment(window.__OZ_TELEGRAM_MOCK__);
  }
  const inTelegram = init({ mocked });
  const root = createRoot(document.getElementById('root')!);
  if (!inTelegram) {
    const locale = pickLocale(navigator.language);
    document.documentElement.lang = locale;
    root.render(<OutsideTelegram locale={locale} />);
    return;
  }
  const locale = pickLocale(telegramLanguage());
  root.render(
    <StrictMode>
      <ErrorBoundary locale={locale}>
        <App initialLocale={locale} />
      </ErrorBoundary>
    </StrictMode>,
  );
}

void bootstrap();
