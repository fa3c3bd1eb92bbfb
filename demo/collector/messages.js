// Why the collector refused a request, in the language the request asks for (`Accept-Language`):
// each refusal has a stable code, for programs, and a message, for the person the element shows
// it to. English, Danish, German and Arabic, like the elements; English for anything else.

/** The languages the collector answers in, the first one the default. */
export const LANGUAGES = /** @type {const} */ (['en', 'da', 'de', 'ar']);

/** @typedef {(typeof LANGUAGES)[number]} Language */
/** @typedef {Record<string, string>} Vars */

/** A language range of Accept-Language: `*`, or a language tag (RFC 9110 §12.5.4, RFC 4647 §2.1). */
const RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/i;
/** A weight: `q=` and 0 to 1 with at most three decimals (RFC 9110 §12.4.2). */
const WEIGHT = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

/**
 * Parses an Accept-Language header into its ranges, in order, with their weights. An element
 * that is not a valid range, or has a malformed weight, is left out (as if it were not there).
 * @param {string | undefined} header
 * @returns {Array<{ range: string; q: number; index: number }>}
 */
export function parseAcceptLanguage(header) {
  if (!header) return [];
  /** @type {Array<{ range: string; q: number; index: number }>} */
  const ranges = [];
  for (const [index, element] of header.slice(0, 4096).split(',').entries()) {
    const [range = '', ...params] = element.split(';').map((p) => p.trim());
    if (!RANGE.test(range)) continue;
    let q = 1;
    let valid = true;
    for (const param of params) {
      const weight = WEIGHT.exec(param.replace(/\s*=\s*/, '='));
      if (weight) q = Number(weight[1]);
      else valid = false;
    }
    if (valid) ranges.push({ range: range.toLowerCase(), q, index });
  }
  return ranges;
}

/**
 * How closely a range matches one of our languages (all of them a bare primary subtag): 3 the
 * same (`da`), 2 a more specific tag of it (`da-DK`: RFC 4647 lookup falls back from it to `da`),
 * 1 the wildcard `*`, 0 not at all.
 * @param {string} range
 * @param {string} language
 */
function specificity(range, language) {
  if (range === language) return 3;
  if (range.startsWith(`${language}-`)) return 2;
  return range === '*' ? 1 : 0;
}

/**
 * Proactive negotiation of the answer's language (RFC 9110 §12.5.4): each language we have takes
 * the weight of the most specific range that matches it (so `*, da;q=0` excludes Danish, and
 * `da-DK` asks for Danish); the highest weight above 0 wins, a tie going to the range named first,
 * then to our own order. Without a match (no header, or only languages we do not have), English.
 * @param {string | undefined} header
 * @param {readonly Language[]} [languages]
 * @returns {Language}
 */
export function negotiateLanguage(header, languages = LANGUAGES) {
  const ranges = parseAcceptLanguage(header);
  /** @type {{ language: Language; q: number; index: number } | undefined} */
  let best;
  for (const language of languages) {
    /** @type {{ q: number; index: number; specificity: number } | undefined} */
    let match;
    for (const { range, q, index } of ranges) {
      const s = specificity(range, language);
      if (!s) continue;
      // The most specific range decides; among equally specific ones, the highest weight.
      if (!match || s > match.specificity || (s === match.specificity && q > match.q)) {
        match = { q, index, specificity: s };
      }
    }
    if (!match || match.q <= 0) continue;
    if (!best || match.q > best.q || (match.q === best.q && match.index < best.index)) {
      best = { language, q: match.q, index: match.index };
    }
  }
  return best?.language ?? languages[0] ?? 'en';
}

/**
 * Every refusal, by code: its message in each language. `vars` holds what the message names (the
 * English one sometimes says more: the JSON parser's or the schema's own words, which are English).
 * @type {Record<string, Record<Language, (vars: Vars) => string>>}
 */
const MESSAGES = {
  'invalid-query': {
    en: (v) => `Invalid query: ${v.details}`,
    da: (v) => `Forespørgslen er ugyldig (${v.paths})`,
    de: (v) => `Die Abfrage ist ungültig (${v.paths})`,
    ar: (v) => `الاستعلام غير صالح (${v.paths})`,
  },
  'origin-not-allowed': {
    en: (v) => `the site ${v.origin} is not allowed to send to this collector (LC_ALLOWED_ORIGINS)`,
    da: (v) => `Webstedet ${v.origin} har ikke lov til at sende til denne indsamlingsserver (LC_ALLOWED_ORIGINS)`,
    de: (v) => `Die Website ${v.origin} darf nicht an diesen Sammelserver senden (LC_ALLOWED_ORIGINS)`,
    ar: (v) => `لا يُسمح للموقع ${v.origin} بالإرسال إلى خادم التجميع هذا (LC_ALLOWED_ORIGINS)`,
  },
  // Also a compressed body (`encoding`: its Content-Encoding), which the collector does not decode.
  'unsupported-media-type': {
    en: (v) =>
      v.encoding
        ? `The body must be sent uncompressed, not with Content-Encoding: ${v.encoding}`
        : `Content-Type must be application/json, not ${v.type || 'missing'}`,
    da: (v) =>
      v.encoding
        ? `Indholdet skal sendes ukomprimeret, ikke med Content-Encoding: ${v.encoding}`
        : v.type
          ? `Content-Type skal være application/json, ikke ${v.type}`
          : 'Content-Type mangler; den skal være application/json',
    de: (v) =>
      v.encoding
        ? `Der Inhalt muss unkomprimiert gesendet werden, nicht mit Content-Encoding: ${v.encoding}`
        : v.type
          ? `Content-Type muss application/json sein, nicht ${v.type}`
          : 'Content-Type fehlt; erwartet wird application/json',
    ar: (v) =>
      v.encoding
        ? `يجب إرسال المحتوى دون ضغط، وليس مع Content-Encoding: ${v.encoding}`
        : v.type
          ? `يجب أن يكون Content-Type هو application/json وليس ${v.type}`
          : 'الترويسة Content-Type مفقودة؛ يجب أن تكون application/json',
  },
  'unsupported-charset': {
    en: (v) => `The body must be UTF-8, not charset=${v.charset}`,
    da: (v) => `Indholdet skal være UTF-8, ikke charset=${v.charset}`,
    de: (v) => `Der Inhalt muss UTF-8 sein, nicht charset=${v.charset}`,
    ar: (v) => `يجب أن يكون المحتوى بترميز UTF-8 وليس charset=${v.charset}`,
  },
  'too-large': {
    en: (v) => `The body is larger than ${v.kib} KiB`,
    da: (v) => `Indholdet er større end ${v.kib} KiB`,
    de: (v) => `Der Inhalt ist größer als ${v.kib} KiB`,
    ar: (v) => `حجم المحتوى أكبر من ${v.kib} كيلوبايت`,
  },
  'invalid-utf8': {
    en: () => 'The body is not valid UTF-8',
    da: () => 'Indholdet er ikke gyldig UTF-8',
    de: () => 'Der Inhalt ist kein gültiges UTF-8',
    ar: () => 'المحتوى ليس بترميز UTF-8 صالح',
  },
  'invalid-json': {
    en: (v) => `The body is not valid JSON (${v.detail})`,
    da: () => 'Indholdet er ikke gyldig JSON',
    de: () => 'Der Inhalt ist kein gültiges JSON',
    ar: () => 'المحتوى ليس JSON صالحًا',
  },
  'invalid-envelope': {
    en: (v) => `Invalid envelope: ${v.details}`,
    da: (v) => `Svaret har et format, som ikke kan modtages (${v.paths})`,
    de: (v) => `Die Antwort hat ein Format, das nicht angenommen werden kann (${v.paths})`,
    ar: (v) => `تنسيق الإجابة غير مقبول (${v.paths})`,
  },
  'unknown-criterion': {
    en: (v) => `Invalid envelope: ${v.details}`,
    da: (v) => `Kriteriet findes ikke i det indbyggede kriteriesæt ${v.set} (${v.paths})`,
    de: (v) => `Dieses Kriterium gibt es im eingebauten Kriteriensatz ${v.set} nicht (${v.paths})`,
    ar: (v) => `هذا المعيار غير موجود في مجموعة المعايير المدمجة ${v.set} (${v.paths})`,
  },
  'idempotency-key-mismatch': {
    en: (v) => `The Idempotency-Key header (${v.key}) must equal the envelope's id`,
    da: (v) => `Headeren Idempotency-Key (${v.key}) skal være den samme som forsendelsens id`,
    de: (v) => `Der Header Idempotency-Key (${v.key}) muss der ID der Sendung entsprechen`,
    ar: (v) => `يجب أن تطابق الترويسة Idempotency-Key (${v.key}) معرّف الإرسال`,
  },
  'id-conflict': {
    en: (v) => `A different submission with id ${v.id} was already received`,
    da: (v) => `En anden besvarelse med id ${v.id} er allerede modtaget`,
    de: (v) => `Eine andere Einsendung mit der ID ${v.id} wurde bereits empfangen`,
    ar: (v) => `سبق استلام إرسال مختلف بالمعرّف ${v.id}`,
  },
  'too-many-perspectives': {
    en: (v) => `The round ${v.round} already has ${v.max} perspectives; a new one (${v.perspective}) is not taken`,
    da: (v) => `Runden ${v.round} har allerede ${v.max} perspektiver; et nyt (${v.perspective}) modtages ikke`,
    de: (v) =>
      `Die Runde ${v.round} hat bereits ${v.max} Perspektiven; eine neue (${v.perspective}) wird nicht angenommen`,
    ar: (v) => `تضم الجولة ${v.round} بالفعل ${v.max} منظورًا؛ ولا يُقبل منظور جديد (${v.perspective})`,
  },
  'host-not-allowed': {
    en: (v) => `This collector does not answer to the host name ${v.host} (LC_ALLOWED_HOSTS)`,
    da: (v) => `Denne indsamlingsserver svarer ikke på værtsnavnet ${v.host} (LC_ALLOWED_HOSTS)`,
    de: (v) => `Dieser Sammelserver antwortet nicht auf den Hostnamen ${v.host} (LC_ALLOWED_HOSTS)`,
    ar: (v) => `لا يستجيب خادم التجميع هذا لاسم المضيف ${v.host} (LC_ALLOWED_HOSTS)`,
  },
  'no-such-api': {
    en: (v) => `No such API: ${v.method} ${v.path}`,
    da: (v) => `Denne adresse findes ikke i API'et: ${v.method} ${v.path}`,
    de: (v) => `Diese Adresse gibt es in der API nicht: ${v.method} ${v.path}`,
    ar: (v) => `هذا العنوان غير موجود في واجهة البرمجة: ${v.method} ${v.path}`,
  },
  'method-not-allowed': {
    en: (v) => `${v.method} is not allowed on ${v.path}; it takes ${v.allow}`,
    da: (v) => `${v.method} er ikke tilladt på ${v.path}; adressen tager imod ${v.allow}`,
    de: (v) => `${v.method} ist für ${v.path} nicht erlaubt; die Adresse nimmt ${v.allow} an`,
    ar: (v) => `الطريقة ${v.method} غير مسموح بها على ${v.path}؛ هذا العنوان يقبل ${v.allow}`,
  },
  'refused-by-database': {
    en: (v) => `The database refused this request (${v.code}); sending it again will not help`,
    da: (v) => `Databasen afviste denne forespørgsel (${v.code}); det hjælper ikke at sende den igen`,
    de: (v) => `Die Datenbank hat diese Anfrage abgelehnt (${v.code}); erneutes Senden hilft nicht`,
    ar: (v) => `رفضت قاعدة البيانات هذا الطلب (${v.code})؛ ولن تفيد إعادة إرساله`,
  },
  unavailable: {
    en: () => 'The collector could not handle the request; try again later',
    da: () => 'Indsamlingsserveren kunne ikke behandle forespørgslen; prøv igen senere',
    de: () => 'Der Sammelserver konnte die Anfrage nicht bearbeiten; versuchen Sie es später noch einmal',
    ar: () => 'تعذّر على خادم التجميع معالجة الطلب؛ حاول مرة أخرى لاحقًا',
  },
};

/** The codes of every refusal the collector makes. */
export const REFUSAL_CODES = Object.freeze(Object.keys(MESSAGES));

/**
 * The message of a refusal in a language.
 * @param {string} code one of REFUSAL_CODES
 * @param {Language} language
 * @param {Vars} [vars]
 */
export function refusalMessage(code, language, vars = {}) {
  const messages = MESSAGES[code];
  if (!messages) throw new Error(`unknown refusal code ${code}`);
  return messages[language](vars);
}
