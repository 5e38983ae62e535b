/**
 * Japanese asks, read from the kuromoji tokens already on each sentence
 * (never re-tokenized). An ask is an action word (申し込む, 参加 + する, …) in
 * an asking form: a request (ご参加ください, 申し込んでください), a volitional
 * (参加しましょう), an invitation (参加しませんか), a suggestion
 * (参加してみてはいかがでしょうか), a pointer (お申し込みはこちら) or a
 * button-style action phrase (席を確保する, 今すぐ登録).
 */
import type {JaToken} from '../core/text-model.js'
import type {NormalizedText} from '../lang/normalize.js'
import {negationAt} from '../lang/ja/negation.js'
import {POS, POS_DETAIL} from '../lang/ja/pos.js'
import {dedupe, NO_ASK, spanOf, type AskAnalysis, type AskMode} from './analysis.js'
import type {AskForm, CtaSpan} from './types.js'

/** Verbs that name something the reader can do for the offer (basic forms). */
export const JA_ACTION_VERBS = new Set([
  '申し込む',
  '申込む',
  '申し込める', // kuromoji reads the imperative 申し込め as 申し込める (DOMAIN.md §1.4)
  '買う',
  '受け取る',
  '始める',
  'はじめる',
  '試す',
  '進む',
  '入れる',
  '読む',
  '見る',
  '観る',
  '聴く',
  '聞く',
  '押す',
  '選ぶ',
  '送る',
  '受ける',
  '確かめる',
  '来る', // 会場に遊びに来てください, 買いに来てください
  '会う', // 当日お会いしましょう
  '支える'
])

/** Action nouns (mostly サ変 nouns used with する or お/ご…ください). */
export const JA_ACTION_NOUNS = new Set([
  '登録',
  '予約',
  '参加',
  'ダウンロード',
  '購入',
  '申込',
  '申込み',
  '申し込み',
  '注文',
  '確保',
  '応募',
  '受講',
  '入会',
  '加入',
  '追加',
  '返信',
  '視聴',
  '購読',
  '体験',
  '契約',
  '決済',
  '相談',
  '受け取り',
  '確認',
  '覧',
  'ご覧',
  '閲覧',
  '入手',
  '利用',
  '回答',
  'エントリー',
  '申請',
  '受験',
  '来場',
  '連絡',
  '問い合わせ',
  '出席',
  'チェック',
  'インストール',
  'フォロー',
  '移行', // 有料プランに移行する
  '支援',
  '応援',
  '寄付',
  '協賛',
  '登壇',
  '発表',
  'レビュー',
  'シェア',
  '拡散',
  '紹介',
  '返送', // 注文用紙をFAXで返送する
  'お送り', // FAXでお送りください (read as one noun)
  '送付'
])

/**
 * What kind of action an ask requests, for telling one offer from competing
 * ones when an ask has no link of its own (docs/cta-inventory.md, "Offers").
 * Asks to take the offer itself (buy, join, register, book) are one class;
 * supporting, contributing and spreading the word are others.
 */
export const JA_ACTION_CLASSES: Record<string, string> = {
  支援: 'support', 応援: 'support', 寄付: 'support', 協賛: 'support', 支える: 'support', スポンサー: 'support',
  登壇: 'contribute', 発表: 'contribute', 応募: 'contribute', 講演: 'contribute', 寄稿: 'contribute', 投稿: 'contribute', LT: 'contribute', ボランティア: 'contribute', スタッフ: 'contribute',
  レビュー: 'share', シェア: 'share', 拡散: 'share', 紹介: 'share', 感想: 'share'
}

/** Actions that only look or read: secondary asks that do not compete with the main one. */
export const JA_READING_ACTIONS = new Set(['見る', '観る', '読む', '聴く', '聞く', '確かめる', '確認', '覧', 'ご覧', '閲覧', 'チェック'])

/** Actions that are secondary: reading and looking, and getting in touch or following. */
export const JA_GENERIC_ACTIONS = new Set([...JA_READING_ACTIONS, '押す', '選ぶ', 'フォロー', '連絡', '問い合わせ', '回答', '返信', '相談'])

/** Nouns that never count as the object or outcome of an ask. */
const NOT_SPECIFIC = new Set(['こちら', 'ここ', 'コチラ', '詳細', '詳しく', '検討', 'お待ち', '気軽', 'ぜひ', 'リンク', 'クリック', 'ボタン', 'ページ', '方'])

// Hedges in an asking sentence (DOMAIN.md §4), over the NFKC text.
const HEDGES: RegExp[] = [
  /(?:もし)?(?:よろしければ|宜しければ|よろしかったら|よければ|よかったら|良かったら)/g,
  /(?:もし)?(?:ご)?興味(?:が|の)?(?:あれば|ありましたら|おありでしたら|あるようでしたら)/g,
  /(?:お)?気軽に/g,
  // Asks put to whoever happens to be interested: 興味のある方は, 気になる人は, ご興味のある団体様は.
  /(?:ご)?興味(?:が|の)?(?:ある|おあり[のな]?|をお持ちの)(?:方|人|かた|皆様|皆さま|みなさま|みなさん|皆さん|団体様|企業様|方々)/g,
  /気に(?:なる|なっている|なった|なってる)(?:方|人|かた)/g,
  // 応援してもいいなという方は: a lukewarm reader invited with a lukewarm ask.
  /(?:て|で)も(?:いい|良い)(?:な|かな)?(?:と(?:いう|思う)|って)(?:方|人)/g,
  /(?:ご|お)?検討(?:ください|下さい|くださいませ|いただければ(?:幸いです|嬉しいです|うれしいです)?|いただけますと幸いです|いただけると(?:嬉しい|うれしい|幸い)です|のほど[^。!?]*)/g,
  /(?:て|で)みて(?:は|も)?(?:いかが|どう)(?:でしょうか|ですか|でしょう)?/g,
  /(?:て|で)(?:も)?(?:いい|良い)かも(?:しれません|しれない)?/g,
  /かもしれ(?:ません|ない)/g,
  /(?:と|って)思います/g,
  /(?:て|で)(?:いただけると|いただけたら|いただければ|もらえると|もらえたら|もらえれば)(?:(?:大変|とても)?(?:嬉しい|うれしい|幸い|ありがたい|助かり)(?:です|ます)?|です)/g
]

const PRONOUN_FIRST_PERSON = /^(?:私|わたし|自分|僕|ぼく)$/

/** Analyse tokens (a sentence, or the tokens of a link label) for an ask. */
export function analyzeJapanese(
  tokens: JaToken[],
  source: string,
  mode: AskMode,
  normalized?: NormalizedText
): AskAnalysis {
  if (tokens.length === 0) return NO_ASK
  const hedges = normalized ? japaneseHedges(normalized, source) : []
  const found = findAsk(tokens, source, mode)
  const action = found?.action ?? firstActionWord(tokens, source)
  const covered = (token: JaToken) => hedges.some((hedge) => token.start >= hedge.start && token.end <= hedge.end)
  const specificToken = tokens.find(
    (entry) =>
      isContentNoun(entry) &&
      !covered(entry) &&
      !(action && entry.start >= action.start && entry.end <= action.end) &&
      !NOT_SPECIFIC.has(entry.token.basic_form === '*' ? entry.token.surface_form : entry.token.basic_form)
  )
  const firstPerson = tokens.some(
    (entry, index) => PRONOUN_FIRST_PERSON.test(entry.token.surface_form) && tokens[index + 1]?.token.surface_form === 'の'
  )
  if (found?.hedge) hedges.push(found.hedge)
  hedges.sort((a, b) => a.start - b.start)
  const head = action ? tokens.find((entry) => entry.start === action.start)?.token : undefined
  return {
    form: found?.form,
    action,
    lemma: found?.lemma ?? (head ? (head.basic_form === '*' ? head.surface_form : head.basic_form) : undefined),
    actionLeads: found?.leads ?? false,
    specific: specificToken ? spanOf(source, specificToken.start, specificToken.end) : undefined,
    firstPerson,
    hedges: dedupe(hedges, source)
  }
}

/** Hedge phrases in a sentence's normalised text, as source spans. */
export function japaneseHedges(normalized: NormalizedText, source: string): CtaSpan[] {
  const spans: CtaSpan[] = []
  for (const pattern of HEDGES) {
    pattern.lastIndex = 0
    for (const match of normalized.text.matchAll(pattern)) {
      if (!match[0]) continue
      const start = normalized.origin[match.index]!
      const end = normalized.originEnd[match.index + match[0].length - 1]!
      spans.push(spanOf(source, start, end))
    }
  }
  return spans
}

interface FoundAsk {
  form: AskForm
  action: CtaSpan | undefined
  leads: boolean
  hedge?: CtaSpan
  /** The action's dictionary form when it is not the action span's head (スポンサー for スポンサーを募集します). */
  lemma?: string
}

/**
 * An open call at `index`: 募集します / 募集しています / 募集中 / 受け付けております.
 * A call that has closed (募集を終了しました, 募集しました) is news, not an ask.
 * The lemma is what is called for (スポンサー, 登壇), when a noun names it.
 */
function openCall(tokens: JaToken[], index: number): {start: number; end: number; lemma: string} | undefined {
  const token = tokens[index]!.token
  const isCall = token.basic_form === '募集' || token.basic_form === '受け付ける' || token.basic_form === '受付'
  if (!isCall) return undefined
  const rest = tokens.slice(index + 1, index + 5).map((entry) => entry.token)
  const open =
    rest[0]?.surface_form === '中' ||
    (rest[0]?.basic_form === 'する' && rest[1]?.basic_form === 'ます' && rest[1]?.conjugated_form === '基本形') ||
    (token.pos === POS.verb && rest[0]?.basic_form === 'ます' && rest[0]?.conjugated_form === '基本形') ||
    rest.some((next, at) => next.pos === POS.particle && (next.surface_form === 'て' || next.surface_form === 'で') && ['いる', 'おる'].includes(rest[at + 1]?.basic_form ?? ''))
  if (!open || rest.some((next) => ['終了', '締め切る', '締切', 'た'].includes(next.basic_form))) return undefined
  return {start: tokens[index]!.start, end: tokens[index]!.end, lemma: calledFor(tokens, index) ?? token.basic_form}
}

/**
 * What a call or an opening is for: the noun compound before を/も/の (LT登壇を, 登壇を6名,
 * 個人スポンサーも, 講演依頼も, スポンサーの受付), named by its word that has a class
 * of action (登壇, スポンサー, 講演), else by its last word.
 */
function calledFor(tokens: JaToken[], index: number): string | undefined {
  let at = index - 1
  // A head count between the object and the call: 登壇を6名募集します.
  while (at >= 0 && tokens[at]!.token.pos === POS.noun && ['数', '接尾'].includes(tokens[at]!.token.pos_detail_1)) at--
  while (at >= 0 && tokens[at]!.token.pos === POS.particle && ['を', 'も', 'の', 'が'].includes(tokens[at]!.token.surface_form)) at--
  const compound: string[] = []
  for (; at >= 0 && at >= index - 8 && tokens[at]!.token.pos === POS.noun; at--) {
    const before = tokens[at]!.token
    if (['数', '接尾'].includes(before.pos_detail_1)) continue
    compound.unshift(before.basic_form === '*' ? before.surface_form : before.basic_form)
  }
  if (compound.length === 0) return undefined
  return compound.find((noun) => Object.hasOwn(JA_ACTION_CLASSES, noun)) ?? compound[compound.length - 1]!
}

function findAsk(tokens: JaToken[], source: string, mode: AskMode): FoundAsk | undefined {
  for (let index = 0; index < tokens.length; index++) {
    const entry = tokens[index]!
    const token = entry.token
    // ご検討ください, ご検討いただければ幸いです: hedged asks even without an action word before them.
    const after = tokens[index + 1]?.token.basic_form ?? ''
    if (token.basic_form === '検討' && isPrefix(tokens[index - 1]) && (isKudasai(tokens[index + 1]) || ['いただける', 'いただく', 'の'].includes(after))) {
      return {form: 'suggestion', action: undefined, leads: false}
    }
    // スポンサーを募集します, 講演依頼も受け付けております: an open call is an invitation to act.
    const call = openCall(tokens, index)
    if (call) return {form: 'invitation', action: spanOf(source, call.start, call.end), leads: false, lemma: call.lemma}
    // チケット販売を開始します, 予約受付を開始しました, 発売中です: the offer announced as open.
    const opened = saleOpened(tokens, index)
    if (opened) {
      const called = calledFor(tokens, index)
      const lemma = called && Object.hasOwn(JA_ACTION_CLASSES, called) ? called : '購入'
      return {form: 'invitation', action: spanOf(source, tokens[index]!.start, tokens[opened]!.end), leads: false, lemma}
    }
    // 申込ページはこちら, お申し込みフォームはこちら: the page named, the way pointed at.
    if (isActionNoun(token) && pagePointerAt(tokens, index + 1)) return {form: 'pointer', action: spanOf(source, entry.start, entry.end), leads: false}
    // 新規会員登録は、ここをクリックしてください: the action as the topic, the way to it to be clicked.
    if (isActionNoun(token) && clickPointerAt(tokens, index + 1)) return {form: 'request', action: spanOf(source, entry.start, entry.end), leads: false}
    // 以下から購入できます, こちらからお申し込みいただけます: where to act, said as a possibility (a soft ask).
    const available = availabilityAt(tokens, index, source)
    if (available) return available
    if (!isActionHead(tokens, index)) continue
    const action = spanOf(source, entry.start, entry.end)
    let verb = index
    // 買いに来てください, 申し込みに行きましょう: the purpose verb carries the action, 来る/行く the ask.
    const purpose = tokens[index + 2]
    if (token.pos === POS.verb && tokens[index + 1]?.token.surface_form === 'に' && purpose && ['来る', 'くる', '行く', 'いく'].includes(purpose.token.basic_form)) {
      verb = index + 2
    }
    // お会いしましょう, お待ちします: honorific お + 連用形 + する.
    if (token.pos === POS.verb && isPrefix(tokens[index - 1]) && tokens[index + 1]?.token.basic_form === 'する') verb = index + 1
    if (token.pos === POS.noun) {
      const next = tokens[index + 1]
      if (next && next.token.pos === POS.verb && next.token.basic_form === 'する') verb = index + 1
      else {
        const form = nounAsk(tokens, index, mode)
        if (form) return {form, action, leads: form === 'action' || (form === 'request' && onlyTrailing(tokens, index + 2))}
        continue
      }
    }
    const result = verbAsk(tokens, verb, source, mode)
    if (result) {
      const span = verb > index ? spanOf(source, entry.start, tokens[verb]!.end) : action
      return {...result, action: span}
    }
  }
  return undefined
}

/** What follows an action noun that is not followed by する. */
function nounAsk(tokens: JaToken[], index: number, mode: AskMode): AskForm | undefined {
  const next = tokens[index + 1]
  if (isKudasai(next)) return 'request' // ご登録ください, お申し込みください (noun reading)
  if (next && next.token.basic_form === 'は' && isPointer(tokens[index + 2])) return 'pointer' // お申し込みはこちら
  // お申し込みは、下記のURLからどうぞ / 講座ページからお願いします: the way pointed at, then a closing request.
  if (next && next.token.basic_form === 'は' && closesWithRequest(tokens, index + 2)) return 'pointer'
  if (next && next.token.basic_form === 'を') {
    const after = tokens[index + 2]
    if (after && after.token.basic_form === 'お待ち') return 'invitation' // ご参加をお待ちしています
    if (after && after.token.basic_form === 'お願い') return 'request' // お問い合わせをお願いいたします
    // お電話でもご注文を承ります; but 事前予約を承りました (承っておりました) reports orders taken: news, not an ask.
    if (after && after.token.basic_form === '承る' && !pastAfter(tokens, index + 3)) return 'invitation'
  }
  // ご購入のほど(、よろしく)お願いいたします
  if (next?.token.surface_form === 'の' && tokens[index + 2]?.token.surface_form === 'ほど') return 'request'
  // 今すぐ登録; not 先週のエントリー, where the noun is a thing (an entry), not an action.
  const attributive = tokens[index - 1]?.token.surface_form === 'の'
  if (!attributive && onlyTrailing(tokens, index + 1) && next?.token.pos !== POS.noun && buttonLike(tokens, index, mode)) return 'action'
  return undefined
}

/** A past ending (た) in the few tokens of the predicate from `from`: 〜ました, 〜ておりました. */
function pastAfter(tokens: JaToken[], from: number): boolean {
  for (const entry of tokens.slice(from, from + 4)) {
    if (entry.token.pos === POS.symbol) return false
    if (entry.token.basic_form === 'た' && entry.token.pos === POS.auxiliary) return true
  }
  return false
}

/** What follows an action verb (or the する of an action noun). */
function verbAsk(tokens: JaToken[], verb: number, source: string, mode: AskMode): Omit<FoundAsk, 'action'> | undefined {
  const token = tokens[verb]!.token
  const form = token.conjugated_form
  const next = tokens[verb + 1]
  const second = tokens[verb + 2]
  // 申し込め is read as 申し込める (連用形); only sentence-final is it the imperative (申し込めます is "can apply").
  const misreadImperative = token.basic_form === '申し込める' && token.surface_form === '申し込め' && onlyTrailing(tokens, verb + 1)
  if (form.startsWith('命令') || misreadImperative) {
    return {form: 'request', leads: onlyTrailing(tokens, verb + 1)}
  }
  if (next && isTe(next)) {
    if (isKudasai(second)) return {form: 'request', leads: onlyTrailing(tokens, verb + 3)}
    // 登録しておいて損はありません, 参加してみても損はない: an ask by litotes, hedged.
    const litotes = litotesAt(tokens, verb + 2)
    if (litotes) return {form: 'suggestion', leads: false, hedge: spanOf(source, litotes.start, litotes.end)}
    // 〜てみてはいかがでしょうか, 〜ていただけると嬉しいです: asks, hedged.
    if (second && ['みる', 'いただける', 'いただく', 'もらえる', 'もらう', 'くれる'].includes(second.token.basic_form) && !tellsRatherThanAsks(tokens, verb + 2)) {
      return {form: 'suggestion', leads: false}
    }
    // 返信して、日時をお知らせください: the action leads a chain that ends in a request.
    const request = tokens.findIndex((entry, at) => at > verb + 1 && isKudasai(entry) && entry.token.conjugated_form === '命令ｉ')
    if (request > 0 && onlyTrailing(tokens, request + 1)) return {form: 'request', leads: false}
    return undefined
  }
  if (isPrefix(tokens[verb - 1]) && isKudasai(next)) return {form: 'request', leads: onlyTrailing(tokens, verb + 2)}
  if (next && next.token.basic_form === 'ます') {
    if (next.token.conjugated_form === '未然ウ接続' && second?.token.basic_form === 'う') {
      return {form: 'volitional', leads: onlyTrailing(tokens, verb + 3)}
    }
    const third = tokens[verb + 3]
    if (next.token.conjugated_form === '未然形' && second?.token.basic_form === 'ん' && third?.token.surface_form === 'か') {
      return {form: 'invitation', leads: false, hedge: spanOf(source, next.start, third.end)}
    }
    return undefined
  }
  if (form === '基本形' && onlyTrailing(tokens, verb + 1) && buttonLike(tokens, verb, mode)) {
    return {form: 'action', leads: true}
  }
  return undefined
}

/**
 * 〜てみた, 〜てもらった, 〜てくれた tell what happened; 〜てみたい is the speaker's own wish
 * (「知っている人に聞いてみたい」); 〜てみようと思う tells an intention (今日始めてみようと思ったら);
 * 〜てくれない, 〜てくれません said as a statement tell what people do not do (「いつでも手に入ると
 * 購入してくれない」). None of them asks the reader; 〜てくれませんか, 〜てもらえないでしょうか do.
 */
function tellsRatherThanAsks(tokens: JaToken[], helper: number): boolean {
  const next = tokens[helper + 1]?.token
  if (!next || next.pos !== POS.auxiliary) return false
  // The past た itself, not its conditional たら (参加していただけたら嬉しいです asks).
  if (next.surface_form === 'た' || (next.basic_form === 'たい' && tokens[helper]!.token.basic_form === 'みる')) return true
  // The volitional quoted by と: an intention told, not an invitation.
  if (next.basic_form === 'う' && tokens[helper + 2]?.token.surface_form === 'と') return true
  // A negative (くれない, くれません) that is not a question.
  const negative = negationAt([next, tokens[helper + 2]?.token].filter((token) => token !== undefined), 0)
  return negative >= 0 && !questionAfter(tokens, helper + 2 + negative)
}

/** A question marker (か, ？) before the sentence ends: 〜てくれませんか, 〜てもらえないでしょうか. */
function questionAfter(tokens: JaToken[], from: number): boolean {
  for (const entry of tokens.slice(from)) {
    const surface = entry.token.surface_form
    if (surface === 'か' || surface === '?' || surface === '？') return true
    if (surface === '。' || surface === '、') return false
  }
  return false
}

/** The rest of the sentence names a place (から/より) and ends in どうぞ or お願いします. */
function closesWithRequest(tokens: JaToken[], from: number): boolean {
  const rest = tokens.slice(from)
  if (!rest.some((entry) => ['から', 'より'].includes(entry.token.surface_form) && entry.token.pos === POS.particle)) return false
  let last = rest.length - 1
  while (last >= 0 && (rest[last]!.token.pos === POS.symbol || rest[last]!.token.pos_detail_1 === '終助詞')) last--
  const end = rest[last]?.token
  if (!end) return false
  if (end.basic_form === 'どうぞ') return true
  // …お願いします / お願いいたします
  return end.basic_form === 'ます' && rest.slice(Math.max(0, last - 3), last).some((entry) => entry.token.basic_form === 'お願い')
}

const SALE_NOUNS = new Set(['販売', '発売', '受付', '予約', '申込', '申し込み', '先行販売', '予約販売'])

/** 販売/受付 (を) (にて…) 開始する, 発売中: index of the last token of the announcement, or 0. */
function saleOpened(tokens: JaToken[], index: number): number {
  const token = tokens[index]!.token
  if (!SALE_NOUNS.has(token.basic_form)) return 0
  if (token.basic_form === '発売' || token.basic_form === '販売') {
    if (tokens[index + 1]?.token.surface_form === '中') return index + 1
  }
  for (let at = index + 1; at < Math.min(tokens.length, index + 8); at++) {
    const next = tokens[at]!.token
    if (next.basic_form === '開始' && tokens[at + 1]?.token.basic_form === 'する') return subordinate(tokens, at + 2) ? 0 : at + 1
    if (next.pos === POS.verb || next.surface_form === '。') return 0
  }
  return 0
}

/**
 * The clause ends at `from` in a condition or a time (開始されると, 開始すれば, 開始したら):
 * 「販売が開始されると、瞬時に売り切れる」 tells how a sale goes, it does not open one.
 */
function subordinate(tokens: JaToken[], from: number): boolean {
  let at = from
  // The passive: 開始される.
  if (tokens[at]?.token.basic_form === 'れる' || tokens[at]?.token.basic_form === 'られる') at++
  const next = tokens[at]?.token
  if (!next) return false
  if (next.pos === POS.particle && next.pos_detail_1 === '接続助詞' && ['と', 'ば', 'ても', 'でも'].includes(next.surface_form)) return true
  return next.basic_form === 'た' && next.conjugated_form === '仮定形'
}

/** (おいて|みて)(も) 損は ない/ありません from `from`: the span of the litotes, if there. */
function litotesAt(tokens: JaToken[], from: number): {start: number; end: number} | undefined {
  let at = from
  if (['おく', 'みる'].includes(tokens[at]?.token.basic_form ?? '') && tokens[at + 1] && isTe(tokens[at + 1]!)) at += 2
  if (tokens[at]?.token.surface_form === 'も') at++
  if (tokens[at]?.token.surface_form !== '損' || tokens[at + 1]?.token.surface_form !== 'は') return undefined
  const last = tokens[at + 2]
  if (!last) return undefined
  if (last.token.basic_form === 'ない') return {start: tokens[from]!.start, end: last.end}
  const negative = tokens[at + 4]
  if (last.token.basic_form === 'ある' && negative?.token.basic_form === 'ん') return {start: tokens[from]!.start, end: negative.end}
  return undefined
}

function isActionNoun(token: JaToken['token']): boolean {
  return token.pos === POS.noun && (JA_ACTION_NOUNS.has(token.basic_form) || JA_ACTION_NOUNS.has(token.surface_form))
}

/** ページはこちら, フォームはこちら after an action noun. */
function pagePointerAt(tokens: JaToken[], from: number): boolean {
  const page = tokens[from]?.token
  if (!page || page.pos !== POS.noun || !/^(?:ページ|フォーム|サイト|窓口|URL|リンク)$/u.test(page.surface_form)) return false
  return tokens[from + 1]?.token.basic_form === 'は' && isPointer(tokens[from + 2])
}

const CLICKS = new Set(['クリック', 'タップ', '押す'])

function clickPointerAt(tokens: JaToken[], from: number): boolean {
  if (tokens[from]?.token.basic_form !== 'は') return false
  const at = tokens[from + 1]?.token.pos_detail_1 === POS_DETAIL.comma ? from + 2 : from + 1
  return isPointer(tokens[at]) && tokens[at + 1]?.token.surface_form === 'を' && CLICKS.has(tokens[at + 2]?.token.basic_form ?? '')
}

const POINTER_WORDS = new Set(['以下', '下記', 'こちら', 'ここ', 'コチラ', 'URL', 'リンク', 'ページ', 'フォーム', '窓口'])

/**
 * An action said to be possible from a place: 購入できます, お申し込みいただけます,
 * 申し込めます, with a pointer (以下, 下記, こちら, URL…) before it. It asks, softly;
 * the possibility is its hedge (weak-cta).
 */
function availabilityAt(tokens: JaToken[], index: number, source: string): FoundAsk | undefined {
  const token = tokens[index]!.token
  let potential = -1
  if (isActionNoun(token) && ['できる', 'いただける'].includes(tokens[index + 1]?.token.basic_form ?? '')) potential = index + 1
  else if (token.pos === POS.verb && ['申し込める', '買える', '申込める'].includes(token.basic_form) && token.surface_form !== '申し込め') potential = index
  if (potential < 0 || tokens[potential + 1]?.token.basic_form !== 'ます' || tokens[potential + 1]?.token.conjugated_form !== '基本形') return undefined
  if (!tokens.slice(Math.max(0, index - 6), index).some((entry) => POINTER_WORDS.has(entry.token.surface_form))) return undefined
  const action = spanOf(source, tokens[index]!.start, tokens[index]!.end)
  return {form: 'suggestion', action, leads: false, hedge: spanOf(source, tokens[potential]!.start, tokens[potential + 1]!.end), lemma: token.basic_form === '申し込める' ? '申し込む' : undefined}
}

function isActionHead(tokens: JaToken[], index: number): boolean {
  const token = tokens[index]!.token
  if (token.pos === POS.verb && token.pos_detail_1 === '自立') return JA_ACTION_VERBS.has(token.basic_form)
  if (token.pos !== POS.noun) return false
  if (!JA_ACTION_NOUNS.has(token.basic_form) && !JA_ACTION_NOUNS.has(token.surface_form)) return false
  // A noun compound (チェックリスト, 購入手続き, 登録者) is not an action by its first part.
  const next = tokens[index + 1]
  return !next || next.token.pos !== POS.noun
}

/** A dictionary-form or noun-final action phrase is an ask only as a label or a short standalone line. */
function buttonLike(tokens: JaToken[], index: number, mode: AskMode): boolean {
  if (mode === 'label') return true
  const before = tokens.slice(0, index)
  const length = tokens.reduce((sum, entry) => sum + entry.token.surface_form.length, 0)
  // 私も講座に参加する。 narrates; a topic or subject marks a statement, not a button.
  return (
    length <= 30 &&
    !before.some(
      (entry) =>
        (entry.token.pos === POS.particle && ['は', 'も', 'が'].includes(entry.token.surface_form)) ||
        entry.token.pos_detail_1 === '代名詞'
    )
  )
}

function firstActionWord(tokens: JaToken[], source: string): CtaSpan | undefined {
  for (let index = 0; index < tokens.length; index++) {
    if (isActionHead(tokens, index)) return spanOf(source, tokens[index]!.start, tokens[index]!.end)
  }
  return undefined
}

function isContentNoun(entry: JaToken): boolean {
  const token = entry.token
  if (token.word_type === 'UNKNOWN') return /[\p{L}]/u.test(token.surface_form)
  return token.pos === POS.noun && ['一般', '固有名詞', 'サ変接続', '形容動詞語幹'].includes(token.pos_detail_1)
}

function isPrefix(entry: JaToken | undefined): boolean {
  return !!entry && entry.token.pos === POS.prefix && ['お', 'ご', '御'].includes(entry.token.surface_form)
}

/** ください as a request; not 支えてくださる方, where くださる describes someone. */
function isKudasai(entry: JaToken | undefined): boolean {
  return !!entry && ['くださる', '下さる'].includes(entry.token.basic_form) && entry.token.conjugated_form.startsWith('命令')
}

function isTe(entry: JaToken): boolean {
  return entry.token.pos === POS.particle && ['て', 'で'].includes(entry.token.surface_form)
}

function isPointer(entry: JaToken | undefined): boolean {
  return !!entry && ['こちら', 'ここ', 'コチラ', '下記', '以下'].includes(entry.token.surface_form)
}

/** Nothing but punctuation, symbols and sentence-final particles from `index` on. */
function onlyTrailing(tokens: JaToken[], index: number): boolean {
  for (let at = index; at < tokens.length; at++) {
    const token = tokens[at]!.token
    if (token.pos === POS.symbol) continue
    if (token.pos === POS.particle && token.pos_detail_1 === '終助詞') continue
    if (token.word_type === 'UNKNOWN' && !/[\p{L}\p{N}]/u.test(token.surface_form)) continue
    return false
  }
  return true
}
