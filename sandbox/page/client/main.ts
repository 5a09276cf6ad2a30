import { api } from './api.js';
import { ChatPane } from './chat.js';
import { config } from './config.js';
import { handleTelegramLinks } from './links.js';
import { MiniAppFrame } from './miniapp.js';
import { T } from './texts.js';
import { ToolsPane } from './tools.js';
import type { StateAnswer, Who } from './types.js';

let last: StateAnswer | undefined;
const draw = () => {
  if (!last) return;
  patient.render(last.chats[patient.who]);
  staff.render(last.chats[staff.who]);
  tools.render(last.clock, last.sms);
};

// t.me/<sandbox bot>?start=<payload>: the chat opens and the person presses Start, which sends /start <payload>.
const openBot = (bot: 'patient' | 'staff', start: string | undefined) => {
  const who: Who = bot === 'patient' ? 'patient' : staff.who;
  document.getElementById(`pane-${bot}`)?.scrollIntoView({ behavior: 'smooth' });
  void api.text(who, start ? `/start ${start}` : '/start');
};
handleTelegramLinks(openBot);

const miniapp = new MiniAppFrame(document.getElementById('pane-miniapp')!, config, (pathFull) => {
  const url = new URL(pathFull, 'https://t.me');
  const [name] = url.pathname.replace(/^\//, '').split('/');
  const start = url.searchParams.get('start') ?? undefined;
  if (name?.toLowerCase() === config.bots.patient.toLowerCase()) openBot('patient', start);
  else if (name?.toLowerCase() === config.bots.staff.toLowerCase()) openBot('staff', start);
});
const launch = (who: Who, url: string, via: 'menu' | 'inline' | 'keyboard') => void miniapp.launch(who, url, via);

const patient = new ChatPane({ root: document.getElementById('pane-patient')!, config, title: T.patientTitle, titleEn: T.patientTitleEn, accounts: ['patient'], launch, onSwitch: draw });
const staff = new ChatPane({ root: document.getElementById('pane-staff')!, config, title: T.staffTitle, titleEn: T.staffTitleEn, accounts: ['doctor', 'duty', 'manager', 'admin'], launch, onSwitch: draw });
const tools = new ToolsPane(document.getElementById('pane-tools')!, config);

(window as unknown as { __SANDBOX__: unknown }).__SANDBOX__ = { miniapp };

const withoutToasts = (s: StateAnswer): StateAnswer => ({
  ...s,
  chats: Object.fromEntries(Object.entries(s.chats).map(([k, v]) => [k, { ...v, toasts: [] }])) as unknown as StateAnswer['chats'],
});

/** Follows the emulator: each answer comes when something changed (or after a while with nothing new). */
async function follow(): Promise<void> {
  let after = -1;
  for (;;) {
    try {
      const answer = await api.state(after);
      // Toasts answer a press; the first load shows none of the old ones.
      last = after === -1 ? withoutToasts(answer) : answer;
      after = answer.revision;
      draw();
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

// Chat actions fade after five seconds even when nothing else changes.
setInterval(() => void api.state(-1).then((s) => {
  if (last && s.revision === last.revision) {
    last = withoutToasts(s);
    draw();
  }
}), 2500);

void follow();
