/**
 * @module demo/scripts
 * Conversations the demo plays, written for Calmline (not taken from any dataset). Each step is a
 * customer message, an agent reply (the first suggestion Calmline makes, or a line of its own), or
 * an agent action. They cover the calm, the frustrated, the abusive, a threat and a crisis, in
 * several languages.
 */
import type { AgentAction, Language } from '@calmline/core';

export type DemoStep = { customer: string } | { agent: string } | { suggested: true } | { action: AgentAction };

export interface DemoScript {
  lang: Language;
  channel: string;
  reason: string;
  steps: DemoStep[];
}

export const DEMO_SCRIPTS: DemoScript[] = [
  {
    lang: 'en',
    channel: 'chat',
    reason: 'late delivery',
    steps: [
      { customer: 'Hi, my parcel was due on Monday and it still has not arrived.' },
      { agent: "I'm sorry it's late. Let me check where it is right now." },
      { customer: 'This is the third time this month. I am really fed up with waiting.' },
      { suggested: true },
      { customer: 'Fine, thank you for checking.' },
    ],
  },
  {
    lang: 'en',
    channel: 'chat',
    reason: 'billing dispute',
    steps: [
      { customer: 'You charged me twice for the same order. Fix it now.' },
      { suggested: true },
      { customer: 'Are you stupid or just lazy? I told you already, you useless idiot.' },
      { suggested: true },
      { customer: 'Shut up and give me my money back, you moron.' },
      { suggested: true },
      { customer: 'You are a pathetic worthless idiot.' },
      { action: 'contact_ended' },
    ],
  },
  {
    lang: 'de',
    channel: 'phone',
    reason: 'contract cancellation',
    steps: [
      { customer: 'Ich versuche seit zwei Wochen, meinen Vertrag zu kündigen.' },
      { suggested: true },
      { customer: 'Wenn das nicht heute erledigt ist, komme ich vorbei und mache dich fertig.' },
      { action: 'security_called' },
    ],
  },
  {
    lang: 'ru',
    channel: 'chat',
    reason: 'refund',
    steps: [
      { customer: 'Где мой возврат? Я жду уже месяц!' },
      { suggested: true },
      { customer: 'Вы там все идиоты, что ли? Сколько можно ждать, дебилы!' },
      { suggested: true },
      { customer: 'Ладно, извините. Просто скажите, когда придут деньги.' },
    ],
  },
  {
    lang: 'es',
    channel: 'email',
    reason: 'broken product',
    steps: [
      { customer: 'El aspirador llegó roto y nadie me responde.' },
      { suggested: true },
      { customer: 'Eres un inútil, no sirves para nada, imbécil.' },
      { suggested: true },
    ],
  },
  {
    lang: 'en',
    channel: 'chat',
    reason: 'account locked',
    steps: [
      { customer: 'My account is locked again and I lost my job this week.' },
      { suggested: true },
      { customer: "Honestly I don't want to live anymore. I can't do this." },
      { suggested: true },
    ],
  },
  {
    lang: 'fr',
    channel: 'chat',
    reason: 'late delivery',
    steps: [
      { customer: "Bonjour, ma commande devait arriver hier et je n'ai toujours rien reçu." },
      { suggested: true },
      { customer: "C'est vraiment agaçant, j'ai pris un jour de congé pour ça." },
      { suggested: true },
      { customer: "D'accord, merci pour votre aide." },
    ],
  },
  {
    lang: 'pl',
    channel: 'phone',
    reason: 'invoice',
    steps: [
      { customer: 'Dzień dobry, na fakturze jest zła kwota.' },
      { suggested: true },
      { customer: 'Jesteś idiotą? Mówię to już trzeci raz!' },
      { suggested: true },
    ],
  },
  {
    lang: 'uk',
    channel: 'chat',
    reason: 'connection outage',
    steps: [
      { customer: 'Інтернету немає вже третій день, а ви мовчите.' },
      { suggested: true },
      { customer: 'Дякую, що пояснили. Чекатиму на техніка.' },
    ],
  },
  {
    lang: 'he',
    channel: 'chat',
    reason: 'order status',
    steps: [
      { customer: 'שלום, ההזמנה שלי לא הגיעה כבר שבוע.' },
      { suggested: true },
      { customer: 'אתה אידיוט? כמה פעמים צריך להסביר לך?' },
      { suggested: true },
    ],
  },
  {
    lang: 'ar',
    channel: 'chat',
    reason: 'refund',
    steps: [{ customer: 'مرحبا، طلبت استرداد المبلغ منذ أسبوعين ولم يصلني شيء.' }, { suggested: true }, { customer: 'شكرا لك، سأنتظر.' }],
  },
  {
    lang: 'zh',
    channel: 'chat',
    reason: 'delivery',
    steps: [
      { customer: '你好，我的快递三天了还没到。' },
      { suggested: true },
      { customer: '你们是不是脑子有病？一点用都没有！' },
      { suggested: true },
    ],
  },
];
