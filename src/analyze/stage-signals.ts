import type {Section} from '../core/sections.js'
import type {ProseSentence} from '../core/text-model.js'
import type {SectionCtas} from '../cta/types.js'
import {normalizeWithMap} from '../lang/normalize.js'

/**
 * The evidence stage inference reads (docs/analyzer.md, "Stage inference"):
 * what a section does, each piece found at a span of the source. The names are
 * the model's features; how much each one counts, and for which stage, is fit
 * on labelled sections (stage-model.ts), not set here.
 */
export const SIGNAL_NAMES = [
  // Asks and where links go (from the CTA inventory and the links of the prose).
  'purchase-ask',
  'opt-in-ask',
  'checkout-link',
  'opt-in-link',
  'store-link',
  'ticket-link',
  'list-host-link',
  'form-link',
  'affiliate-link',
  // Paid against free.
  'price',
  'payment-terms',
  'shipping-terms',
  'paid-entry',
  'free',
  'trial',
  'deadline',
  // The shape of an offer.
  'opt-in-offer',
  'offer-shape',
  'order-channel',
  'buying',
  'announcement',
  'invitation',
  'opt-out',
  'release',
  'sponsorship',
  'event-details',
  'registration',
  // The shape of a lesson.
  'explanation',
  'how-to',
  'question',
  'citation',
  'advice',
  'article',
  'reference-link',
  'first-person',
  'narrative',
  'meta-talk',
  'quotation',
  'bare-url',
  'paid-offer',
  'free-offer',
  'unpriced-event',
  'no-ask'
] as const

export type SignalName = (typeof SIGNAL_NAMES)[number]


/** One piece of evidence with where it was found (source offsets). */
export interface RawSignal {
  name: SignalName
  start: number
  end: number
  /** The source text at start–end (NFKC-folded for pattern signals). */
  text: string
  /** More about it, e.g. the target URL of a link. */
  detail?: string
}

/** The prose of a section, NFKC-folded, with a map back to source offsets. */
export interface SectionText {
  text: string
  /** Source offset of each character of `text`, and the end (exclusive) of the source it came from. */
  origin: number[]
  originEnd: number[]
  /** Sentences of the section (source offsets), headings excluded. */
  sentences: {start: number; end: number; text: string}[]
  /** Links in the section's prose: the link text's source span and the target. */
  links: {start: number; end: number; text: string; url: string}[]
}

/** A section's evidence and the counts the document-level inference adds up. */
export interface SectionEvidence {
  signals: RawSignal[]
  asks: number
  sentences: number
  /** The section's source range (where a signal sits in it is a feature: stage-model.ts CLOSING_SIGNALS). */
  start: number
  end: number
}

interface CueSource {
  name: SignalName
  pattern: RegExp
}

interface Cue {
  name: SignalName
  ja: RegExp | undefined
  en: RegExp | undefined
}

const JAPANESE_TEXT = /[\u3040-\u30ff\u4e00-\u9fff]/
const LATIN_TEXT = /[A-Za-z]/

/**
 * Split a pattern's top-level alternatives by script: those with kana or kanji
 * form the Japanese half (no case folding needed), the rest the English half
 * (case-insensitive). A big case-insensitive Unicode alternation is slow on
 * long text; two smaller ones that often do not run at all are not.
 */
function splitByScript(source: CueSource): Cue {
  // A control character in a pattern is a typo for an escape (a raw backspace
  // where \b was meant), and silently matches nothing.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(source.pattern.source)) throw new Error(`stage cue ${source.name}: control character in the pattern`)
  const body = source.pattern.source.replace(/^\(\?:/, '').replace(/\)$/, '')
  const alternatives: string[] = []
  let depth = 0
  let current = ''
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!
    if (char === '\\') {
      current += char + body[index + 1]
      index++
      continue
    }
    if (char === '(' || char === '[') depth++
    if (char === ')' || char === ']') depth--
    if (char === '|' && depth === 0) {
      alternatives.push(current)
      current = ''
      continue
    }
    current += char
  }
  alternatives.push(current)
  const ja = alternatives.filter((alternative) => JAPANESE_TEXT.test(alternative))
  const en = alternatives.filter((alternative) => !JAPANESE_TEXT.test(alternative))
  // The English half runs on lower-cased text without the `i` flag, which V8
  // matches several times faster; patterns use only lower-case escapes (\b \d
  // \s \w), so lower-casing the source keeps its meaning.
  const english = `(?:${en.join('|')})`
  if (/\\[A-Z]/.test(english)) throw new Error(`stage cue ${source.name}: upper-case escape in an English pattern`)
  return {
    name: source.name,
    ja: ja.length > 0 ? new RegExp(`(?:${ja.join('|')})`, 'gu') : undefined,
    en: en.length > 0 ? new RegExp(english.toLowerCase(), 'gu') : undefined
  }
}

// Patterns run over the NFKC text of the section's prose (full-width folded;
// the English halves case-insensitively). They look for what each stage does,
// not for pressure: judging pressure is the rules' job once the stage is known,
// and an education section full of hype must still read as education.
const CUES: Cue[] = ([
  // An amount of money, a tax note, a plan period, a discount. Not "per year" alone: "four emails per year" is no price.
  {
    name: 'price',
    pattern: /(?:[¥$€£￥]\s?[1-9][\d,.]*|(?<![\d.,])[1-9][\d,.]*\s?(?:円|万円|ドル)|(?<![\u4e00-\u9fff])[一二三四五六七八九][一二三四五六七八九十百千万]*円|\b[1-9][\d,.]*\s?(?:dollars?|euros?|usd|jpy)\b|税込|税抜|税別|月額|年額|一括|\d+\s?%\s?(?:off|オフ|割引)|\bper (?:person|seat|ticket|head)\b|\/(?:mo|month|yr|year)\b)/giu
  },
  // How to pay, and what a course or class costs.
  {
    name: 'payment-terms',
    pattern: /(?:お支払い|支払い?方法|決済|分割払い|クレジットカード|銀行振込|代引き?|返金保証|全額返金|購入手続き|受講料|料金|価格|\bcheckout\b|\bpayment\b|\brefund\b|money-back|\binstallments?\b|\bbilling\b|\bpricing\b|\btuition\b|\bfee\b|\bpaypal\b|\bcredit card\b)/giu
  },
  // Delivery, returns and the legally required seller notes of a shop.
  {
    name: 'shipping-terms',
    pattern: /(?:送料|配送|発送|お届け|返品|交換|特定商取引法|特商法|定期(?:コース|便|購入|お届け)|初回限定|初回|在庫|\bshipping\b|\bdelivery\b|\breturns?\b|\bin stock\b|\bships? (?:in|within|worldwide)\b|\badd to (?:cart|basket)\b)/giu
  },
  // Paying to take part: a priced entry, a paid tier, an early-bird rate.
  {
    name: 'paid-entry',
    pattern: /(?:参加費[:：\s]*(?:[¥￥]?\d|お一人)|入場料|受講費|会費|有料|懇親会費|早割|投げ銭|\bmonthly (?:subscriptions?|contributions?|supporters?)\b|\bcontributions?\b|\bsupport (?:my|this|our) work\b|\bbecome a (?:patron|paying|paid|member|supporter)\b|\bearly[- ]?bird\b|\bper seat\b|\bpaid (?:plan|tier|subscription|subscribers?|members?|edition)\b|\btickets? (?:cost|are|is|price)\b|\bregistration fee\b|\bpremium\b)/giu
  },
  // Free of charge: an opt-in, a free event, a free edition. 0円 only as a whole amount (not the end of 12,000円).
  {
    name: 'free',
    pattern: /(?:(?:参加費|参加|入場|受講料?|登録|利用|会費|購読)(?:は)?(?:無料|0円|タダ)|(?:費用|会費|年会費|入会金|参加費|料金|お金|手数料)(?:は|も)?(?:一切)?(?:かかりません|不要です|いりません)|無料(?!(?:体験|トライアル|お試し))|(?<![\d,.])0円|\bfree(?! trial)\b|\bno credit card\b|\bno cost\b|\bfree of charge\b|\bcomplimentary\b|\bat no charge\b|\bno (?:fees?|charge)\b|\bcosts? (?:you )?nothing\b|\bwon'?t cost (?:you )?(?:a thing|anything)\b)/giu
  },
  // A free trial of a paid product is how a sale closes, not an opt-in.
  {name: 'trial', pattern: /(?:無料(?:体験|トライアル|お試し)|お試し|\bfree trial\b|\btrial period\b|\btry it free\b)/giu},
  {
    name: 'deadline',
    pattern: /(?:締め?切り?|〆切|まで(?:の|に)?(?:お申し込み|募集|受付)|募集(?:期間|終了|は)|受付(?:期間|終了)|申込期間|\d{1,2}月\d{1,2}日[^。\n]{0,8}まで|\bcloses?\b|\bdeadline\b|\bends? (?:on|at|tonight|today|friday|monday)\b|\buntil (?:midnight|friday)\b|\bby (?:midnight|friday|monday|\w+ \d{1,2})\b)/giu
  },
  // Something free given for an address or a follow, and what a sign-up form promises (no spam, leave any time).
  {
    name: 'opt-in-offer',
    pattern: /(?:無料(?:で|の)?(?:受け取|プレゼント|ダウンロード|配布|登録|診断|セミナー|ウェビナー|ガイド|チェックリスト|テンプレート)|無料プレゼント|特典|メルマガ|メールマガジン|ニュースレター|LINE(?:登録|で友だち|友だち追加)|購読(?:する|登録)?|ご登録(?:いただく|いただいた|で|は|ありがとう)|診断(?:テスト|ツール|シート)?|配信(?:を|の)?(?:登録|希望)|メールアドレス(?:を|の)?(?:登録|確認|入力)|\bfree (?:guide|checklist|ebook|e-book|webinar|workshop|template|class|masterclass|mini-course|email course|download|report|toolkit|cheat ?sheet|edition|newsletter)\b|\bsubscribe\b|\bsubscribers?\b|\bnewsletter\b|\bsign(?:ing|ed)? up\b|\bmailing list\b|\bemail list\b|\bjoin the [\w' -]{1,30} list\b|\bjoin \d[\d,]* (?:readers|subscribers|others)\b|\bopt[- ]in\b|\bdownload (?:the|your|our) free\b|\bconfirm (?:my|your) (?:email|address|subscription)\b|\bwelcome pack\b|\bquiz\b|\bwe'?ll (?:email|send) (?:it|you)\b|\binvite a friend\b|\breferral\b|\binbox\b|\bno spam\b|\bunsubscribe (?:at )?any ?time\b|\bnever (?:share|sell|rent) your (?:email|address|details|data)\b|いつでも(?:配信)?(?:解除|停止|退会)|スパム(?:メール)?は(?:送りません|一切)|(?:メールアドレス|個人情報)を?第三者に(?:提供|開示)(?:しません|することはありません))/giu
  },
  // The furniture of an offer page: footnotes, what is included, guarantees, plans.
  {
    name: 'offer-shape',
    pattern: /(?:※\d*|内容量|セット内容|商品(?:名|詳細|説明|情報)|スペック|仕様|プラン|コース|保証|特典付き|限定版|\bwhat you(?:'ll)? get\b|\bwhat'?s included\b|\bincludes?\b|\bguarantee[ds]?\b|\bwarranty\b|\bplans?\b|\bbundle\b|\bpackage\b|\bfeatures?:|\bbonus(?:es)?\b|\blifetime access\b|\bdiscount\b|\bcoupon\b|\bpromo code\b|\border now\b|\bbuy now\b|\bshop now\b|\bget yours\b)/giu
  },
  // Ordering by form, fax, phone or mail. FAX and TEL as words of their own (TEL:03…, TEL03…),
  // not the "tel" of "tell" or "hotel", which made every English text that tells something an order page.
  {
    name: 'order-channel',
    pattern: /(?:(?<![a-z])(?:fax|tel)(?![a-z])|ファックス|電話注文|申込書|注文書|注文用紙|ご注文|注文受付|予約受付|ご予約|お求め|お買い求め|通販|\border form\b|\bto order\b|\bplace (?:an|your) order\b|\bpre-?order\b|\bphone orders?\b|\bby (?:fax|phone|mail)\b)/giu
  },
  // Words of buying, which shop pages and articles about shopping share.
  {
    name: 'buying',
    pattern: /(?:購入|お買い|買い物|買う|買える|販売|お得|セール|\bbuy(?:ing)?\b|\bpurchas(?:e|ing)\b|\bfor sale\b|\bon sale\b|(?<!\bgreat |\bbig )\bdeals?\b(?! with\b)|\bsale\b|\bavailable (?:now|on|at|from)\b|\btickets?\b|チケット)/giu
  },
  // Announcing something that opens now: an event, a call, a registration.
  {
    name: 'announcement',
    pattern: /(?:告知|お知らせ|開催(?:します|いたします|決定|が決定)|募集(?:します|いたします|しています|中|開始)|受付(?:中|開始|を開始)|公開しました|始めます|\bannounc(?:e|es|ed|ing)\b|\bregistration (?:is )?(?:now )?open\b|\bis (?:now )?open\b|\bcall for\b|\bjoin us\b|\bsave the date\b|\bwe(?:'re| are) (?:excited|happy|pleased) to\b)/giu
  },
  // Asking the reader to come: an event's close, free or paid.
  {
    name: 'invitation',
    pattern: /(?:ご参加ください|参加してください|ご来場|お越しください|お待ちしており?ます|お気軽にご参加|ぜひご参加|\bcome (?:and|join|along)\b|\bsee you (?:there|at|in)\b|\bhope to see you\b|\bjoin us\b|\bwe(?:'d| would) love to see you\b)/giu
  },
  // The opt-out line a commercial mailing carries.
  {
    name: 'opt-out',
    pattern: /(?:配信停止|配信解除|受信拒否|購読解除|メール(?:の)?停止|\bunsubscribe\b|\bto be removed\b|\bremove (?:you|me|yourself)\b|\bopt[- ]out\b|\bremoval\b)/giu
  },
  // Something new put on sale: a release, a book, a booth at a fair.
  {
    name: 'release',
    pattern: /(?:発売|新刊|拙著|出版(?:されました|が決まりました|します)|配信(?:開始|を開始)|自著|著書|頒布|販売(?:開始|中|します|いたします)|刊行|出版しました|リリース(?:しました|します)|新商品|新発売|委託|サークル|スペース|\bnow available\b|\bjust released\b|\bmy (?:new |latest |first |debut )?(?:book|course|album|game|app|ebook|novel|memoir|collection|ep|record|single|podcast)\b|\b(?:publication|release) of my\b|\b(?:ready|approved) for sale\b|\bis (?:now )?(?:out|live|available) (?:in|on) (?:the )?(?:app store|google play|amazon|kindle|bookstores?)\b|\blaunch(?:es|ed|ing)?\b|\bnew (?:book|course|edition|release)\b|\bin stores\b|\bhardcover\b|\bpaperback\b|\bkindle\b)/giu
  },
  {
    name: 'sponsorship',
    pattern: /(?:スポンサー|協賛|出展|ブース|\bsponsor(?:s|ship|ing)?\b|\bexhibitors?\b|\b(?:gold|silver|bronze|platinum) (?:tier|level|package|sponsor)\b)/giu
  },
  // Date, place and capacity of an event, as free and paid events both list them.
  {
    name: 'event-details',
    pattern: /(?:日時|会場|開場|開催(?:日|場所|概要|します|いたします)|場所|定員|対象|タイムテーブル|\bvenue\b|\blocation:|\bdate:|\btime:|\bagenda\b|\bschedule\b|\bspeakers?\b|\bcapacity\b|\bseats? (?:are )?limited\b|\bconference\b|\bmeetup\b|\bworkshops?\b)/giu
  },
  // Signing up for something: an event, an account, a list.
  {
    name: 'registration',
    pattern: /(?:申し?込(?:み|む|ん)|申込|参加登録|(?:新規|会員|無料)登録|参加(?:希望|申込|受付)|エントリー|登録(?:フォーム|はこちら|して|する)|\bregist(?:er|ration)\b|\brsvp\b|\benrol(?:l|ment)\b|\bsign-up\b|\bapply (?:now|today|here|online|for)\b|\bto apply\b|\bcreate (?:an|your|a free) account\b|\bsign up (?:for|to)\b)/giu
  },
  // Teaching: reasons, examples, steps.
  {
    name: 'explanation',
    pattern: /(?:なぜなら|つまり|例えば|たとえば|具体的には|ポイントは|理由は|というのも|その結果|そのうえで|まず(?:は)?、|次に、|最後に、|ステップ\d|手順|コツ|事例|ことで|ように(?:する|なり|なる)|のが(?:コツ|ポイント)|だからこそ|とはいえ|しかし|ただし|なお|一方|\bbecause\b|\bfor example\b|\bfor instance\b|\bin other words\b|\bhere'?s how\b|\bthe reason\b|\bthat means\b|\bthis means\b|\bthat'?s why\b|\bstep \d\b|\bfirst,|\bsecond,|\bnext,|\bthen\b|\bfinally,|\binstead of\b|\brather than\b|\bso that\b|\bhowever\b|\btherefore\b|\bthe (?:trick|key|mistake|problem)\b|\btip:)/giu
  },
  // What a how-to or explainer announces itself as.
  {
    name: 'how-to',
    pattern: /(?:方法|やり方|仕組み|解説|注意点|とは[?？]?|メリット|デメリット|まとめ|について|知りたい|わかりやすく|\bhow to\b|\bhow (?:do|does|can|it works)\b|\bwhy\b|\bwhat is\b|\bguide to\b|\btips?\b|\bexplained\b|\blessons?\b|\bmistakes?\b|\btutorial\b|\bexample\b(?!(?:-\w+)*\.[a-z]))/giu
  },
  {
    name: 'citation',
    pattern: /(?:出典|によると|によれば|調査(?:では|によれば|結果)|研究(?:では|によると)|論文|データ(?:では|によると)|\baccording to\b|\ba (?:study|survey|report) (?:by|from|of)\b|\bresearch (?:shows|suggests|from)\b|\bet al\.|\bsource:)/giu
  },
  // Advising the reader what to check, mind or avoid: how a lesson talks (an offer asks instead).
  {
    name: 'advice',
    pattern: /(?:しておきましょう|しておくと(?:良い|いい)|(?:確認|チェック|注意|検討|比較)(?:しましょう|しておく必要|する必要が|が必要)|必要が(?:あります|有ります)|気を(?:つけ|付け)(?:ましょう|てください)|避け(?:ましょう|るべき)|\bmake sure\b|\bbe sure to\b|\bkeep in mind\b|\bwatch out for\b|\byou should(?:n'?t)?\b|\bavoid\b|\bit'?s (?:worth|best to|a good idea)\b)/giu
  },
  // The text calling itself an article, a post or a guide: how explainers and blog posts open; offer pages call themselves nothing.
  {
    name: 'article',
    pattern: /(?:この記事|本記事|今回の記事|このページでは|このエントリ|本稿|\bin this (?:post|article|guide|piece)\b|\bthis (?:post|article|guide|piece) (?:is|will|covers|explains|shows|looks)\b|\bin today'?s (?:post|article)\b)/giu
  },
  // The writer speaking of themself: a letter, a diary, a review.
  {
    name: 'first-person',
    pattern: /(?:私は|私が|私の|僕は|僕が|僕の|自分は|自分の|筆者|わたし|\bI'?(?:m|ve|'d|'ll)?\b|\bmy\b|\bme\b)/gu
  },
  // Past-tense telling and reflection; plain (だ・である) style is how columns and diaries are written, not shop pages.
  {
    name: 'narrative',
    pattern: /(?:ました。|だった|でした|(?:た|だ|である)。|と思います|と思う|感じ(?:た|ました)|気がします|\bwas\b|\bwere\b|\bhad\b|\bI think\b|\bI (?:learned|realized|found|felt)\b|\blast (?:week|month|year)\b)/giu
  },
  // Writing *about* selling, advertising or spam is a lesson, however pushy its quotes.
  {
    name: 'meta-talk',
    pattern: /(?:コピーライティング|マーケティング|セールスレター|広告|宣伝|迷惑メール|詐欺|怪しい|胡散臭い|手口|注意喚起|消費者|景品表示法|\bcopywriting\b|\bmarketing\b|\badvertis(?:ing|ers?|ements?)\b|(?<!\bno )\bspam\b|\bscams?\b|\bphishing\b|\bdark patterns?\b|\bbeware\b|\bconsumers?\b)/giu
  }
] as CueSource[]).map(splitByScript)

/** The cues of what a page offers or asks (not of how it teaches): inside a quotation they are talked about, and not counted. */
const OFFER_CUES = new Set<SignalName>([
  'price', 'payment-terms', 'shipping-terms', 'paid-entry', 'free', 'trial', 'deadline', 'opt-in-offer', 'offer-shape',
  'order-channel', 'buying', 'announcement', 'invitation', 'opt-out', 'release', 'sponsorship', 'event-details', 'registration'
])

// Japanese quotation brackets, or a double-quoted English phrase: quoting is how articles talk about copy.
const QUOTATION = /(?:「[^」\n]{1,60}」|『[^』\n]{1,60}』|"[^"\n]{2,80}"|“[^”\n]{2,80}”)/gu

/** Where a link goes, by host or path. */
const LINK_KINDS: {name: SignalName; pattern: RegExp}[] = [
  {name: 'ticket-link', pattern: /(?:connpass\.com|doorkeeper\.jp|peatix\.com|eventbrite\.|meetup\.com|techplay\.jp|ti\.to|tito\.io|lu\.ma|passmarket|zaiko\.io|eventregist|\/events?\/[^/]+\/(?:attend|register|tickets?))/i},
  {name: 'checkout-link', pattern: /(?:checkout|\/cart\b|\/buy\b|\/order|\/pricing|\/purchase|\/enroll|\/book\b|\/booking|stripe\.com|buy\.stripe|\/payment|\/shop\b|\/products?\/|\/store\b)/i},
  {name: 'store-link', pattern: /(?:gumroad|shopify|paypal|teachable|booth\.pm|base\.shop|thebase|stores\.jp|udemy\.com\/course\/[^ ]*couponCode|apps\.apple\.com|itunes\.apple\.com|play\.google\.com\/store|kickstarter|camp-fire|patreon|fanbox|ko-fi|buymeacoffee|note\.com\/[^/]+\/m\/|leanpub|lulu\.com)/i},
  {name: 'list-host-link', pattern: /(?:substack\.com|mailchimp|list-manage\.com|eepurl\.com|buttondown|mag2\.com|convertkit|ck\.page|tinyletter|getrevue|beehiiv|benchmarkemail|mailerlite|aweber|theletter\.jp|\/newsletter|\/subscribe|lin\.ee|line\.me)/i},
  {name: 'form-link', pattern: /(?:forms\.gle|docs\.google\.com\/forms|typeform\.com|formrun|tayori\.com|jotform|\/signup|\/sign-up|\/register|\/optin|\/opt-in|\/download|\/free\b|\/lp\/|\/webinar|\/entry)/i},
  {name: 'affiliate-link', pattern: /(?:amazon\.[a-z.]+\/|amzn\.|rakuten\.co\.jp|a8\.net|valuecommerce|moshimo|afl\.rakuten|linksynergy|[?&]tag=|\/dp\/)/i}
]

const OPT_IN_URL = /(?:\/subscribe|\/signup|\/sign-up|\/register|\/newsletter|\/free|\/download|\/optin|\/opt-in|\/lp\/|lin\.ee|line\.me|\/webinar|substack\.com|mailchimp|list-manage|buttondown|mag2\.com|convertkit|forms\.gle|docs\.google\.com\/forms)/i
const OPT_IN_TEXT = /(?:無料|プレゼント|ダウンロード|登録|購読|メルマガ|LINE|診断|受け取る|\bfree\b|\bsubscribe\b|\bsign up\b|\bdownload\b|\bnewsletter\b|\bwebinar\b|\bchecklist\b|\bguide\b|\bquiz\b|\bconfirm\b|\blist\b)/iu
const BARE_URL = /^(?:https?:\/\/|www\.)/i
const TRIAL = /(?:無料(?:体験|トライアル|お試し)|お試し|\bfree trial\b|\btrial\b)/iu

/**
 * Occurrences of one pattern counted in a section (per script). Past a few,
 * more of the same says little (the model reads log(1 + count)), and a long
 * section would otherwise list hundreds of first-person pronouns: the cap
 * keeps the signal list readable and the scan short. Every counted occurrence
 * is listed with its span.
 */
const PER_SECTION = 6

/**
 * Every piece of evidence in a section, with how many primary asks it has:
 * pattern cues over the prose (headings included, since a heading often says
 * what the section is for), questions to the reader, the asks of the CTA
 * inventory and where the section's links go.
 */
export function collectSignals(section: SectionText, ctas: SectionCtas | undefined): SectionEvidence {
  const signals: RawSignal[] = []
  const text = section.text
  // originEnd, not origin + 1: a match may end on an emoji, a character reference or an NFKC-expanded character.
  const at = (index: number, length: number) => ({start: section.origin[index]!, end: section.originEnd[index + length - 1]!})
  // The Japanese and English halves of each pattern run only on text in that script.
  const scripts = {ja: JAPANESE_TEXT.test(text), en: LATIN_TEXT.test(text)}
  // Quoted copy is talked about, not offered: the words of an offer inside a
  // quotation (a spam subject, an example headline, a button label) say
  // nothing of what this page sells or gives (OFFER_CUES).
  const quotes = [...text.matchAll(QUOTATION)].map((match) => ({start: match.index, end: match.index + match[0].length}))
  const inQuote = (start: number, end: number) => quotes.some((range) => range.start <= start && end <= range.end)
  // Lower-casing keeps offsets unless a character changes length (İ → i̇); then match case-insensitively.
  const lower = scripts.en ? text.toLowerCase() : text
  const sameLength = lower.length === text.length
  for (const cue of CUES) {
    for (const script of ['ja', 'en'] as const) {
      let pattern = cue[script]
      if (!pattern || !scripts[script]) continue
      if (script === 'en' && !sameLength) pattern = new RegExp(pattern.source, 'giu')
      pattern.lastIndex = 0
      let found = 0
      for (const match of (script === 'en' && sameLength ? lower : text).matchAll(pattern)) {
        if (OFFER_CUES.has(cue.name) && inQuote(match.index, match.index + match[0].length)) continue
        if (++found > PER_SECTION) break
        signals.push({name: cue.name, ...at(match.index, match[0].length), text: text.slice(match.index, match.index + match[0].length)})
      }
    }
  }
  for (const quote of quotes.slice(0, PER_SECTION)) signals.push({name: 'quotation', ...at(quote.start, quote.end - quote.start), text: text.slice(quote.start, quote.end)})

  // Questions to the reader: a sentence ending in ？/? or でしょうか/ますか, but
  // not an invitation to act (〜しませんか is how a soft close asks).
  for (const sentence of section.sentences) {
    const trimmed = sentence.text.trim()
    if (/(?:[?？]|でしょうか。?|ますか。?)$/u.test(trimmed) && !/ませんか[。？?]?$/u.test(trimmed)) {
      signals.push({name: 'question', start: sentence.start, end: sentence.end, text: trimmed})
    }
  }

  let asks = 0
  // Where links go. The prose keeps the links that have a text; a bare URL
  // (an autolink) it leaves out, and the CTA inventory has it, as an ask or as
  // a reference: those are added once each, so that a written-out URL to a
  // shop, a form or a ticket page counts like a link with a text.
  const links = [...section.links]
  const linked = new Set(links.map((link) => link.start))
  const addBareUrl = (span: {start: number; end: number; text: string}, url: string | undefined) => {
    if (url === undefined || linked.has(span.start) || !BARE_URL.test(span.text.trim())) return
    linked.add(span.start)
    links.push({...span, url})
  }
  for (const cta of ctas?.ctas ?? []) {
    const label = cta.text
    const url = cta.url ?? ''
    const span = {start: cta.position.start.offset, end: cta.position.end.offset, text: label}
    addBareUrl(span, cta.url)
    const optIn = !TRIAL.test(label) && (OPT_IN_TEXT.test(label) || OPT_IN_URL.test(url))
    if (cta.primary || cta.kind === 'button') asks++
    if (optIn) signals.push({name: 'opt-in-ask', ...span, ...(url ? {detail: url} : {})})
    else if (cta.primary) signals.push({name: 'purchase-ask', ...span, ...(url ? {detail: url} : {})})
  }
  for (const link of ctas?.nonAsks ?? []) {
    if (link.kind !== 'citation') continue
    const span = {start: link.position.start.offset, end: link.position.end.offset, text: link.text}
    addBareUrl(span, link.url)
    // A descriptive link in running text, as the CTA inventory sets aside: a reference, not an ask.
    signals.push({name: 'reference-link', ...span})
  }
  for (const link of links) {
    // A URL written out in the text is how spam and plain-text mail ask.
    if (BARE_URL.test(link.text.trim())) signals.push({name: 'bare-url', start: link.start, end: link.end, text: link.text, detail: link.url})
    const kind = LINK_KINDS.find((entry) => entry.pattern.test(link.url))
    if (kind) signals.push({name: kind.name, start: link.start, end: link.end, text: link.text, detail: link.url})
    else if (OPT_IN_URL.test(link.url)) signals.push({name: 'opt-in-link', start: link.start, end: link.end, text: link.text, detail: link.url})
  }
  // What a section offers is the terms and the ask together: a price with a way
  // to pay or book is an offer, a free thing with a way to sign up an opt-in.
  // One signal per section, at its first ask, whatever else the section holds.
  const has = (names: SignalName[]) => signals.find((signal) => names.includes(signal.name))
  const ask = has(['purchase-ask', 'opt-in-ask', 'checkout-link', 'store-link', 'ticket-link', 'form-link', 'list-host-link', 'order-channel', 'registration'])
  if (ask && has(['price', 'payment-terms', 'paid-entry', 'trial'])) signals.push({...ask, name: 'paid-offer'})
  if (ask && has(['free', 'opt-in-offer'])) signals.push({...ask, name: 'free-offer'})
  // An event told with its date or place and a way to come, and no price, fee
  // or payment anywhere in the section: how free meetups and study groups are
  // announced (a paid event names its ticket price).
  const come = has(['registration', 'ticket-link', 'invitation', 'form-link'])
  if (come && has(['event-details']) && !has(['price', 'payment-terms', 'paid-entry', 'trial', 'shipping-terms'])) signals.push({...come, name: 'unpriced-event'})
  // A section of several sentences that asks for nothing is teaching.
  if (asks === 0 && section.sentences.length >= 3) {
    const first = section.sentences[0]!
    signals.push({name: 'no-ask', start: first.start, end: first.end, text: first.text})
  }
  signals.sort((a, b) => a.start - b.start)
  const start = section.origin[0] ?? 0
  return {signals: paidSignUps(signals, 'section'), asks, sentences: section.sentences.length, start, end: section.originEnd[section.originEnd.length - 1] ?? start}
}

/**
 * Paid against free decides what a sign-up is: where the evidence says the
 * reader pays and nothing is free, an ask that reads like an opt-in
 * (subscribe, register, a mailing-list host) signs the reader up for something
 * paid (a paid newsletter, a membership, a sponsorship) and counts as a
 * purchase ask; a `free-offer` made of sign-up words alone goes with it.
 * Applied to each section's evidence, where a price or payment terms beside
 * the ask say so, and again to the document's, where only a paid entry does
 * (有料, 会費, "paid subscription"): the terms and the ask often sit in
 * different sections, but an article quoting prices or explaining pricing
 * above a newsletter box is no offer.
 */
export function paidSignUps(signals: RawSignal[], scope: 'section' | 'document'): RawSignal[] {
  let paid = false
  for (const signal of signals) {
    if (signal.name === 'free') return signals
    if (signal.name === 'paid-entry' || (scope === 'section' && (signal.name === 'payment-terms' || signal.name === 'price'))) paid = true
  }
  if (!paid) return signals
  return signals.flatMap((signal) => (signal.name === 'opt-in-ask' ? [{...signal, name: 'purchase-ask' as const}] : signal.name === 'free-offer' ? [] : [signal]))
}

/** The prose of a section (its heading included), NFKC-folded with a map to source offsets, and its links. */
export function sectionText(section: Pick<Section, 'start' | 'end' | 'blocks'>, sentences: ProseSentence[], source: string): SectionText {
  let text = ''
  const origin: number[] = []
  const originEnd: number[] = []
  const links: SectionText['links'] = []
  for (const block of section.blocks) {
    // Composed with the block's map: offsets are source offsets.
    const normalized = normalizeWithMap(block.text, 0, block.text.length, undefined, block)
    // A loop, not push(...spread): a paragraph of 100,000 characters would overflow the call stack.
    for (let index = 0; index < normalized.text.length; index++) {
      origin.push(normalized.origin[index]!)
      originEnd.push(normalized.originEnd[index]!)
    }
    text += normalized.text
    text += '\n'
    origin.push(block.end)
    originEnd.push(block.end)
    for (const link of block.links) {
      if (link.end <= link.start) continue
      const start = block.origin[link.start]!
      const end = block.originEnd[link.end - 1]!
      links.push({start, end, text: source.slice(start, end), url: link.url})
    }
  }
  return {
    text,
    origin,
    originEnd,
    sentences: sentences
      .filter((sentence) => sentence.block.kind !== 'heading')
      .map((sentence) => ({start: sentence.start, end: sentence.end, text: source.slice(sentence.start, sentence.end)})),
    links
  }
}
