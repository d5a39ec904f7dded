/**
 * @module commands/benchServer/scripts
 * The conversations the server load generator plays: a pool of 500 concurrent conversations in
 * the ten languages Calmline supports (en, de, ru, es, pl, zh, he, uk, fr, ar), each a short script
 * of both sides: a customer line, the agent's reply, the next customer line, and so on. Customer
 * lines go through the detector; agent lines are sent with `"author": "agent"` and go through the
 * draft coach, which flags two of each language's eight replies (one dismissive, one blaming the
 * customer), as real agents' drafts sometimes are. About one conversation in ten turns abusive and
 * then threatening, so alerts reach the supervisor's socket all through a run. Lines were written
 * for this bench (not taken from the corpus), so the figures do not depend on it.
 */

export type ScriptLanguage = 'en' | 'de' | 'ru' | 'es' | 'pl' | 'zh' | 'he' | 'uk' | 'fr' | 'ar';

interface Lines {
  /** Customer lines about a late parcel, in the order of the conversation. */
  calm: readonly string[];
  /** Customer insults aimed at the agent. */
  abuse: readonly string[];
  /** Customer threats of violence to the agent. */
  threat: readonly string[];
  /**
   * The agent's replies, the reply to calm line i at index i. Two are what the coach flags in real
   * drafts: `agent[AGENT_DISMISSIVE]` plays the problem down, `agent[AGENT_BLAMING]` blames the customer.
   */
  agent: readonly string[];
}

/** Index of the dismissive agent line in every language ("Please calm down, it's only a parcel."). */
export const AGENT_DISMISSIVE = 2;
/**
 * Index of the agent line blaming the customer ("You should have checked the address…"); the coach
 * files this telling-off as `lecturing`.
 */
export const AGENT_BLAMING = 5;

/** Lines per language: the customer's service questions, insults and threats of violence, and the agent's replies. */
export const LINES: Record<ScriptLanguage, Lines> = {
  en: {
    calm: [
      'Hello, my parcel has not arrived yet. Can you check where it is?',
      'The order number is 48213, it was due last Tuesday.',
      'I already waited on the phone for twenty minutes yesterday.',
      'Could you send me a new tracking link, please?',
      'Thanks. Will I get a refund for the shipping cost?',
      'The invoice shows the wrong address, can you correct it?',
      'Okay, that works for me.',
      'Thank you for your help, have a nice day.',
    ],
    abuse: ['You are a useless idiot.', 'You are all a bunch of incompetent morons.'],
    threat: ['I know where your office is and I will come and hurt you.', 'I will find you and kill you.'],
    agent: [
      'Hello, thanks for getting in touch. Let me check your order.',
      'I can see the parcel at the local depot; it goes out for delivery tomorrow.',
      "Please calm down, it's only a parcel.",
      "I've just sent a new tracking link to your email address.",
      "I've refunded the shipping cost. You'll see it on your card within five working days.",
      'You should have checked the address before you placed the order.',
      'Sorry again for the trouble. Is there anything else I can help you with?',
      'Thank you for contacting us, have a lovely day.',
    ],
  },
  de: {
    calm: [
      'Guten Tag, mein Paket ist immer noch nicht angekommen.',
      'Die Bestellnummer ist 48213, die Lieferung war für Dienstag angekündigt.',
      'Ich habe gestern schon zwanzig Minuten in der Warteschleife gehangen.',
      'Können Sie mir bitte einen neuen Sendungslink schicken?',
      'Danke. Bekomme ich die Versandkosten erstattet?',
      'Auf der Rechnung steht die falsche Adresse, können Sie das ändern?',
      'In Ordnung, so machen wir das.',
      'Vielen Dank für Ihre Hilfe, schönen Tag noch.',
    ],
    abuse: ['Sie sind ein nutzloser Idiot.', 'Ihr seid alle unfähige Vollidioten.'],
    threat: ['Ich weiß, wo Ihr Büro ist, und ich werde kommen und Ihnen wehtun.', 'Ich werde dich finden und umbringen.'],
    agent: [
      'Guten Tag, danke für Ihre Nachricht. Ich schaue mir Ihre Bestellung gleich an.',
      'Ihr Paket liegt im Verteilzentrum und geht morgen in die Zustellung.',
      'Jetzt beruhigen Sie sich mal, es ist doch nur ein Paket.',
      'Ich habe Ihnen gerade einen neuen Sendungslink per E-Mail geschickt.',
      'Wir erstatten Ihnen die Versandkosten, das Geld ist innerhalb von fünf Werktagen wieder auf Ihrer Karte.',
      'Sie hätten die Adresse vor der Bestellung prüfen müssen.',
      'Entschuldigen Sie nochmals die Umstände. Kann ich sonst noch etwas für Sie tun?',
      'Vielen Dank für Ihre Geduld und einen schönen Tag noch.',
    ],
  },
  ru: {
    calm: [
      'Здравствуйте, моя посылка до сих пор не пришла.',
      'Номер заказа 48213, доставка была обещана во вторник.',
      'Вчера я уже двадцать минут ждал на линии.',
      'Пришлите мне, пожалуйста, новую ссылку для отслеживания.',
      'Спасибо. Мне вернут деньги за доставку?',
      'В счёте указан неправильный адрес, можете исправить?',
      'Хорошо, меня это устраивает.',
      'Спасибо за помощь, хорошего дня.',
    ],
    abuse: ['Ты бесполезный идиот.', 'Вы все тупые придурки.'],
    threat: ['Я знаю, где ваш офис, я приду и сделаю вам больно.', 'Я найду тебя и убью.'],
    agent: [
      'Здравствуйте, спасибо за обращение. Сейчас проверю ваш заказ.',
      'Посылка на местном складе, завтра её привезёт курьер.',
      'Успокойтесь, пожалуйста, это всего лишь посылка.',
      'Я только что отправила вам на почту новую ссылку для отслеживания.',
      'Мы вернём вам стоимость доставки, деньги придут на карту в течение пяти рабочих дней.',
      'Надо было проверить адрес перед оформлением заказа.',
      'Ещё раз извините за неудобства. Могу я ещё чем-то помочь?',
      'Спасибо за обращение, хорошего дня.',
    ],
  },
  es: {
    calm: [
      'Hola, mi paquete todavía no ha llegado.',
      'El número de pedido es 48213, debía llegar el martes.',
      'Ayer ya esperé veinte minutos al teléfono.',
      '¿Me pueden enviar un nuevo enlace de seguimiento, por favor?',
      'Gracias. ¿Me devolverán los gastos de envío?',
      'La factura tiene la dirección equivocada, ¿pueden corregirla?',
      'De acuerdo, así me sirve.',
      'Gracias por su ayuda, que tenga un buen día.',
    ],
    abuse: ['Eres un idiota inútil.', 'Sois todos unos imbéciles incompetentes.'],
    threat: ['Sé dónde está su oficina y voy a ir a hacerle daño.', 'Te voy a encontrar y te voy a matar.'],
    agent: [
      'Hola, gracias por escribirnos. Ahora mismo reviso su pedido.',
      'Su paquete está en la delegación de su zona y sale mañana en reparto.',
      'Tranquilícese, que solo es un paquete.',
      'Le acabo de enviar un nuevo enlace de seguimiento a su correo.',
      'Le reembolsamos los gastos de envío, lo verá en su tarjeta en un plazo de cinco días hábiles.',
      'Tendría que haber revisado la dirección antes de hacer el pedido.',
      'Disculpe de nuevo las molestias. ¿Puedo ayudarle en algo más?',
      'Gracias por contactar con nosotros, que tenga un buen día.',
    ],
  },
  pl: {
    calm: [
      'Dzień dobry, paczka wciąż do mnie nie dotarła. Możecie sprawdzić, gdzie jest?',
      'Numer zamówienia to 48213, dostawa miała być w zeszły wtorek.',
      'Wczoraj wisiałem już dwadzieścia minut na infolinii.',
      'Czy mogę prosić o nowy link do śledzenia przesyłki?',
      'Dziękuję. Czy dostanę zwrot kosztów wysyłki?',
      'Na fakturze jest zły adres, da się to poprawić?',
      'Dobrze, może tak być.',
      'Dziękuję za pomoc, miłego dnia.',
    ],
    abuse: ['Jesteś bezużytecznym idiotą.', 'Wszyscy jesteście bandą niekompetentnych debili.'],
    threat: ['Wiem, gdzie jest wasze biuro, przyjdę tam i zrobię ci krzywdę.', 'Znajdę cię i zabiję.'],
    agent: [
      'Dzień dobry, dziękuję za kontakt. Już sprawdzam zamówienie.',
      'Paczka jest już w oddziale kurierskim, jutro zostanie wydana do doręczenia.',
      'Proszę się uspokoić, to tylko paczka.',
      'Przed chwilą wysłaliśmy nowy link do śledzenia na adres e-mail z zamówienia.',
      'Zwrócimy koszty wysyłki, zwrot powinien pojawić się na karcie w ciągu pięciu dni roboczych.',
      'Trzeba było sprawdzić adres przed złożeniem zamówienia.',
      'Jeszcze raz przepraszam za kłopot. Czy mogę w czymś jeszcze pomóc?',
      'Dziękuję za kontakt i życzę miłego dnia.',
    ],
  },
  zh: {
    calm: [
      '你好，我的包裹到现在还没收到，能帮我查一下到哪了吗？',
      '订单号是48213，本来上周二就该到了。',
      '我昨天已经在电话里等了二十分钟。',
      '麻烦再发我一个新的物流查询链接。',
      '谢谢。运费能退给我吗？',
      '发票上的地址写错了，能帮我改一下吗？',
      '好的，这样可以。',
      '谢谢你的帮忙，再见。',
    ],
    abuse: ['你就是个没用的白痴。', '你们这帮人全是废物，一群蠢货。'],
    threat: ['我知道你们办公室在哪儿，我会过去揍你一顿。', '我一定会找到你，弄死你。'],
    agent: [
      '您好，感谢您的咨询，我这边马上帮您查一下订单。',
      '查到了，您的包裹现在在当地网点，明天会安排派送。',
      '请您冷静一点，不就是个包裹嘛。',
      '新的物流查询链接已经发到您的邮箱了，请查收。',
      '运费我们会退还给您，五个工作日内原路退回。',
      '下单前您应该自己核对好地址的。',
      '再次为给您带来的不便说声抱歉。请问还有什么可以帮您的吗？',
      '感谢您的耐心，祝您生活愉快。',
    ],
  },
  he: {
    calm: [
      'שלום, החבילה שלי עדיין לא הגיעה. אפשר לבדוק איפה היא?',
      'מספר ההזמנה הוא 48213, היא הייתה אמורה להגיע ביום שלישי שעבר.',
      'אתמול כבר חיכיתי עשרים דקות על הקו.',
      'אפשר לשלוח לי קישור מעקב חדש בבקשה?',
      'תודה. אני אקבל החזר על דמי המשלוח?',
      'בחשבונית מופיעה כתובת לא נכונה, אפשר לתקן את זה?',
      'בסדר, זה מתאים לי.',
      'תודה על העזרה, יום טוב.',
    ],
    abuse: ['אתה אידיוט חסר תועלת.', 'אתם חבורה של מטומטמים לא יוצלחים.'],
    threat: ['אני יודע איפה המשרד שלכם, אני אבוא לשם ואפגע בך.', 'אני אמצא אותך ואהרוג אותך.'],
    agent: [
      'שלום, תודה על הפנייה. אני כבר בודק את ההזמנה.',
      'אני רואה שהחבילה נמצאת בסניף המקומי ותצא למסירה מחר.',
      'אין צורך להתרגז, זו בסך הכול חבילה.',
      'שלחתי עכשיו קישור מעקב חדש לכתובת המייל שלך.',
      'נחזיר לך את דמי המשלוח, הכסף יחזור לכרטיס תוך חמישה ימי עסקים.',
      'היית צריך לבדוק את הכתובת לפני שביצעת את ההזמנה.',
      'אני מתנצל שוב על אי הנוחות. אפשר לעזור במשהו נוסף?',
      'תודה שפנית אלינו, המשך יום נעים.',
    ],
  },
  uk: {
    calm: [
      'Вітаю! Посилка досі до мене не дійшла, підкажіть, будь ласка, де вона зараз?',
      'Номер замовлення 48213, її обіцяли привезти ще минулого вівторка.',
      'Я вчора вже двадцять хвилин провисів на лінії.',
      'Можна нове посилання для відстеження?',
      'Дякую. А вартість доставки мені повернуть?',
      'У рахунку стоїть не та адреса, виправте, будь ласка.',
      'Добре, так мені підходить.',
      'Дякую за допомогу, гарного вам дня.',
    ],
    abuse: ['Ти нікчемний ідіот.', 'Ви всі там бездарні дебіли.'],
    threat: ['Я знаю, де ваш офіс, я прийду і покалічу вас.', "Я тебе знайду і вб'ю."],
    agent: [
      'Добрий день, дякуємо за звернення. Зараз перевірю ваше замовлення.',
      "Бачу, що посилка вже у відділенні вашого міста, завтра її передадуть кур'єру.",
      'Заспокойтеся, будь ласка, це ж лише посилка.',
      'Я щойно надіслала нове посилання для відстеження на вашу пошту.',
      "Ми повернемо вам вартість доставки, кошти надійдуть на картку протягом п'яти робочих днів.",
      'Треба було перевірити адресу, перш ніж оформлювати замовлення.',
      'Ще раз перепрошую за незручності. Чи можу я ще чимось допомогти?',
      'Дякую за звернення, гарного дня.',
    ],
  },
  fr: {
    calm: [
      "Bonjour, je n'ai toujours pas reçu mon colis. Vous pouvez regarder où il en est ?",
      "C'est la commande 48213, elle devait être livrée mardi dernier.",
      "Hier j'ai déjà attendu vingt minutes au téléphone.",
      "Vous pourriez me renvoyer un lien de suivi, s'il vous plaît ?",
      'Merci. Les frais de port me seront remboursés ?',
      "L'adresse sur la facture n'est pas la bonne, vous pouvez la corriger ?",
      "D'accord, ça me va.",
      'Merci pour votre aide, bonne journée.',
    ],
    abuse: ['Vous êtes un abruti complètement inutile.', "Vous êtes tous une bande d'incompétents et de crétins."],
    threat: ['Je sais où sont vos bureaux, je vais venir vous casser la gueule.', 'Je vais vous retrouver et vous tuer.'],
    agent: [
      'Bonjour, merci de nous avoir contactés. Je regarde votre commande.',
      "Votre colis est à l'agence de votre ville, il partira en livraison demain.",
      "Calmez-vous, ce n'est qu'un colis.",
      'Je viens de vous renvoyer un lien de suivi par e-mail.',
      'Nous allons vous rembourser les frais de port, vous les verrez sur votre carte sous cinq jours ouvrés.',
      "Il fallait vérifier l'adresse avant de passer commande.",
      'Encore désolé pour le désagrément. Puis-je vous aider pour autre chose ?',
      'Merci de votre message et bonne journée.',
    ],
  },
  ar: {
    calm: [
      'مرحبا، طردي لم يصل حتى الآن. هل يمكنك التحقق من مكانه؟',
      'رقم الطلب 48213، وكان من المفترض أن يصل يوم الثلاثاء الماضي.',
      'انتظرت أمس عشرين دقيقة على الهاتف.',
      'هل يمكنك إرسال رابط تتبع جديد من فضلك؟',
      'شكرا. هل سأسترد تكلفة الشحن؟',
      'العنوان في الفاتورة خاطئ، هل يمكنك تصحيحه؟',
      'حسنا، هذا يناسبني.',
      'شكرا على مساعدتك، يوما سعيدا.',
    ],
    abuse: ['أنت أحمق عديم الفائدة.', 'كلكم مجموعة من الأغبياء الفاشلين.'],
    threat: ['أعرف أين مكتبكم وسآتي وأؤذيك.', 'سأجدك وأقتلك.'],
    agent: [
      'مرحبا، شكرا لتواصلك معنا. دعني أتحقق من طلبك.',
      'طردك الآن في المستودع المحلي وسيخرج للتوصيل غدا.',
      'اهدأ من فضلك، إنه مجرد طرد.',
      'أرسلت لك للتو رابط تتبع جديدا على بريدك الإلكتروني.',
      'سنعيد لك تكلفة الشحن، وستصل إلى بطاقتك خلال خمسة أيام عمل.',
      'كان عليك التأكد من العنوان قبل تقديم الطلب.',
      'أعتذر مرة أخرى عن الإزعاج. هل هناك شيء آخر يمكنني مساعدتك به؟',
      'شكرا لتواصلك معنا، أتمنى لك يوما سعيدا.',
    ],
  },
};

export const SCRIPT_LANGUAGES = Object.keys(LINES) as ScriptLanguage[];

/**
 * Customer messages per conversation (each but the last answered by the agent, so a conversation
 * is MESSAGES_PER_SCRIPT messages); a finished conversation is replaced by a new one in its slot.
 */
export const SCRIPT_LENGTH = 8;
/** Messages per conversation, both sides: customer, agent, customer, …, customer. */
export const MESSAGES_PER_SCRIPT = 2 * SCRIPT_LENGTH - 1;
/** Which customer line of an abusive conversation insults (an abuse alert) and then threatens (a threat alert). */
const ABUSE_AT = 3;
const THREAT_AT = 6;

export interface ScriptLine {
  text: string;
  author: 'customer' | 'agent';
  /**
   * What the line was written to be: the detector should label `abuse` and `threat` lines so;
   * `agent` lines go to the draft coach.
   */
  kind: 'calm' | 'abuse' | 'threat' | 'agent';
}

/** One conversation's messages, in order: customer line, agent reply, …, customer line. */
export function conversationScript(lang: ScriptLanguage, abusive: boolean, variant: number): ScriptLine[] {
  const l = LINES[lang];
  const script: ScriptLine[] = [];
  for (let i = 0; i < SCRIPT_LENGTH; i++) {
    if (abusive && i === ABUSE_AT) script.push({ text: l.abuse[variant % l.abuse.length]!, author: 'customer', kind: 'abuse' });
    else if (abusive && i === THREAT_AT) script.push({ text: l.threat[variant % l.threat.length]!, author: 'customer', kind: 'threat' });
    else script.push({ text: l.calm[(i + variant) % l.calm.length]!, author: 'customer', kind: 'calm' });
    // The agent answers the customer line of the same index (the reply to an insult or a threat is
    // the one the calm line in its place would have had).
    if (i < SCRIPT_LENGTH - 1) script.push({ text: l.agent[(i + variant) % l.agent.length]!, author: 'agent', kind: 'agent' });
  }
  return script;
}

/** A small deterministic generator (mulberry32): the same run plays the same conversations. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PoolMessage {
  /** The JSON body of POST /api/messages. */
  body: string;
  /** The script line behind it (for tests and for counting the alerts to expect). */
  line: ScriptLine;
  conversationExternalId: string;
}

export interface PoolOptions {
  /** Concurrent conversations. */
  size: number;
  /** Prefix of conversation external ids: a fresh prefix per phase gives fresh conversations. */
  prefix: string;
  seed: number;
  /** conversation.teamId of every conversation (the lead's team, so the lead hears the alerts). */
  teamId?: string | undefined;
  /** One in how many conversations turns abusive. */
  abusiveOneIn?: number;
}

/**
 * Conversations played round-robin: message n goes to slot n mod size. Slot j starts its first
 * conversation at customer line j mod SCRIPT_LENGTH (message 2 × that), so conversations open
 * (and turn abusive) at a steady rate from the first second instead of all at once, and every
 * conversation opens on a customer message.
 */
export class ConversationPool {
  private readonly slots: { externalId: string; lang: ScriptLanguage; script: ScriptLine[]; pos: number; n: number }[] = [];
  private readonly rand: () => number;
  private serial = 0;
  private turn = 0;

  constructor(private readonly options: PoolOptions) {
    this.rand = random(options.seed);
    for (let j = 0; j < options.size; j++) {
      const slot = this.open();
      slot.pos = 2 * (j % SCRIPT_LENGTH);
      this.slots.push(slot);
    }
  }

  private open() {
    const lang = SCRIPT_LANGUAGES[Math.floor(this.rand() * SCRIPT_LANGUAGES.length)]!;
    const abusive = this.rand() < 1 / (this.options.abusiveOneIn ?? 10);
    const n = this.serial++;
    return { externalId: `${this.options.prefix}-${n}`, lang, script: conversationScript(lang, abusive, n), pos: 0, n };
  }

  next(): PoolMessage {
    const j = this.turn++ % this.slots.length;
    let slot = this.slots[j]!;
    if (slot.pos >= slot.script.length) slot = this.slots[j] = this.open();
    const line = slot.script[slot.pos]!;
    const body = JSON.stringify({
      conversation: {
        channel: 'chat',
        externalId: slot.externalId,
        language: slot.lang,
        ...(this.options.teamId ? { teamId: this.options.teamId } : {}),
      },
      author: line.author,
      text: line.text,
      // Integrations send their own message id so a retry is answered, not stored twice; pos counts
      // both sides' messages.
      externalId: `${slot.externalId}-m${slot.pos}`,
    });
    slot.pos++;
    return { body, line, conversationExternalId: slot.externalId };
  }
}
