import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConversation, type Conversation } from '@grammyjs/conversations';
import { Bot, type ApiClientOptions, type Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { pino } from 'pino';
import { createServices } from '../../app/services.js';
import type { ConvoContext, PatientContext } from '../../bot/patient/context.js';
import { createPatientBot } from '../../bot/patient/index.js';
import { createPatientBotStack } from '../../bot/patient/stack.js';
import { CONSENT_VERSION } from '../../core/accounts/consent.js';
import { openDatabase } from '../../db/client.js';

const TOKEN = '7001234567:AAF-bench-token-bench-token';
const botInfo: UserFromGetMe = {
  id: 7001234567,
  is_bot: true,
  first_name: 'Bench',
  username: 'bench_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/**
 * Answers every Bot API call at once, so the figures are the bot's own cost, not the network's. A fetch, not
 * a transformer: conversations build their own Api from the client options and would bypass a transformer.
 */
const instantFetch = (async (url: string | URL, init?: { body?: unknown }) => {
  const method = String(url).split('/').pop();
  const payload = typeof init?.body === 'string' ? (JSON.parse(init.body) as { chat_id?: number; text?: string }) : {};
  const result =
    method === 'sendMessage'
      ? { message_id: 1, date: 0, chat: { id: payload.chat_id ?? 0, type: 'private' }, text: payload.text ?? '' }
      : true;
  return new Response(JSON.stringify({ ok: true, result }), { headers: { 'content-type': 'application/json' } });
}) as unknown as NonNullable<ApiClientOptions['fetch']>;
const client = { fetch: instantFetch };

let updateId = 1;
function textUpdate(userId: number, text: string): Update {
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: 'private', first_name: 'P' },
      from: { id: userId, is_bot: false, first_name: 'P', language_code: 'ru' },
      text,
      ...(text.startsWith('/') ? { entities: [{ type: 'bot_command' as const, offset: 0, length: text.length }] } : {}),
    },
  };
}

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'oz-bench-'));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  const services = createServices({
    config: { patientBotToken: TOKEN, telegramApiRoot: 'http://127.0.0.1:9', filesDir: path.join(dir, 'files') },
    db,
    clock: { now: () => Date.now() },
    logger: pino({ level: process.env.BENCH_LOG ?? 'silent' }),
  });
  return { dir, db, services, close: () => (db.$client.close(), rmSync(dir, { recursive: true, force: true })) };
}

const STEPS = 20;

/** Time per update at each step of a 20-step conversation on the patient bot's own stack (SQLite state). */
async function stepCost(chats: number) {
  const env = setup();
  const { bot, guarded } = createPatientBotStack(env.services, { botInfo, client });
  let completed = 0;
  async function longForm(conversation: Conversation<PatientContext, ConvoContext>, ctx: ConvoContext) {
    for (let step = 1; step <= STEPS; step++) {
      await ctx.reply(ctx.t('expect-text'));
      const answer = await conversation.waitFor('message:text');
      await conversation.external(() => answer.message.text.length);
    }
    await conversation.external(() => completed++);
    await ctx.reply(ctx.t('cancelled'));
  }
  guarded.use(createConversation(longForm, 'longForm'));
  guarded.command('form', (ctx) => ctx.conversation.enter('longForm'));
  const stateSize = env.db.$client.prepare<[string], { n: number }>('select length(value) as n from bot_state where key = ?');
  const run = async (userIds: number[], measure: boolean) => {
    for (const id of userIds) await bot.handleUpdate(textUpdate(id, '/form'));
    const perStep: number[] = [];
    let bytesAt15 = 0;
    for (let step = 1; step <= STEPS; step++) {
      const started = process.hrtime.bigint();
      for (const id of userIds) await bot.handleUpdate(textUpdate(id, `answer ${step}`));
      perStep.push(Number(process.hrtime.bigint() - started) / 1e6 / userIds.length);
      if (step === 15) bytesAt15 = stateSize.get(`conv:${userIds[0]}`)?.n ?? 0;
    }
    return measure ? { perStep, bytesAt15 } : undefined;
  };
  // Warm-up chats go through the whole form first, so JIT compilation is not billed to step 1.
  await run(Array.from({ length: 50 }, (_, i) => 9_500_000 + i), false);
  const measured = (await run(Array.from({ length: chats }, (_, i) => 9_000_000 + i), true))!;
  env.close();
  return { perStepMs: measured.perStep, stateBytesAt15: measured.bytesAt15, completedConversations: completed };
}

async function throughput(updates: number, build: (env: ReturnType<typeof setup>) => Bot<Context>, text: string) {
  const env = setup();
  const bot = build(env);
  const users = 200;
  for (let i = 0; i < users; i++) env.services.accounts.upsertConsent(8_000_000 + i, 'ru', CONSENT_VERSION, Date.now());
  for (let i = 0; i < 500; i++) await bot.handleUpdate(textUpdate(8_000_000 + (i % users), text));
  const started = process.hrtime.bigint();
  for (let i = 0; i < updates; i++) await bot.handleUpdate(textUpdate(8_000_000 + (i % users), text));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  env.close();
  return Math.round(updates / seconds);
}

export async function benchConversation() {
  const chats = 200;
  const { perStepMs, stateBytesAt15, completedConversations } = await stepCost(chats);
  const step1 = perStepMs[0]!;
  const step15 = perStepMs[14]!;
  const updates = 5000;
  const patientBot = await throughput(
    updates,
    (env) => {
      const { bot } = createPatientBot(env.services, { botInfo, client });
      return bot as unknown as Bot<Context>;
    },
    '❓ Помощь',
  );
  const bareBot = await throughput(
    updates,
    () => {
      const bot = new Bot(TOKEN, { botInfo, client: { ...client, apiRoot: 'http://127.0.0.1:9' } });
      bot.on('message:text', (ctx) => ctx.reply('help'));
      return bot;
    },
    '❓ Помощь',
  );
  return {
    name: 'conversation',
    chats,
    steps: STEPS,
    step1Ms: Number(step1.toFixed(3)),
    step15Ms: Number(step15.toFixed(3)),
    step20Ms: Number(perStepMs[STEPS - 1]!.toFixed(3)),
    ratio15to1: Number((step15 / step1).toFixed(2)),
    ratioGoal: 2,
    conversationStateBytesAtStep15: stateBytesAt15,
    completedConversations,
    updatesPerSecond: { patientBotHelp: patientBot, bareGrammy: bareBot, ratio: Number((patientBot / bareBot).toFixed(3)) },
    pass: step15 / step1 <= 2,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchConversation(), null, 2));
}
