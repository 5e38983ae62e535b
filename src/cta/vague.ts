/**
 * Link and button text that does not say where it goes (WCAG 2.4.4 / 2.4.9,
 * failure F84; DOMAIN.md §4). Compared whole, after trimming punctuation,
 * arrows and emoji, so "Click here →" and 「＞＞詳しくはこちら」 match but
 * "Click here to reserve your seat" does not.
 *
 * Action-less labels ("Submit", "Go", 「詳細」, 「送信」) are vague too: they name
 * no destination or outcome, which is what `vague-link` is about; `weak-cta`
 * is kept for hedged asks, whose fix is to say the ask confidently.
 */
const VAGUE_JA = [
  'こちら', 'コチラ', 'ここ', 'ココ', 'こちらから', 'ここから', 'こちらへ', 'こちらをクリック', 'ここをクリック',
  'こちらをクリックしてください', 'ここをクリックしてください', 'こちらのリンク', 'このリンク', 'リンク', 'リンクはこちら',
  '詳しくはこちら', '詳しくはここ', '詳細はこちら', '詳細はここ', '続きはこちら', '詳しく', '詳細', '詳細を見る', '詳しく見る', '続きを読む',
  'もっと見る', 'もっと読む', 'クリック', 'クリックしてください', 'タップ', 'こちらをタップ', '送信', '次へ', '決定', 'ok'
]

const VAGUE_EN = [
  'click here', 'click', 'here', 'tap here', 'this', 'this link', 'link', 'more', 'read more', 'learn more', 'more info',
  'more information', 'info', 'details', 'see more', 'see details', 'find out more', 'click this link', 'go', 'submit',
  'continue', 'next', 'ok', 'okay', 'this page', 'click here for more', 'here is the link', 'see here'
]

const VAGUE = new Set([...VAGUE_JA, ...VAGUE_EN])

/** Link text reduced for comparison: NFKC, lower case, outer punctuation and symbols dropped. */
export function linkTextKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+$/gu, '')
    .replace(/^[\s\p{P}\p{S}]+/gu, '')
    .replace(/\s+/g, ' ')
}

// A store or site named as the place, with nothing said about what is there:
// 「Amazonで詳しく見る」, "Read more on Medium". The name is where, not what.
const PLACE_ONLY_JA = /^[\p{Script=Latin}\p{Script=Katakana}ー\d .'-]+(?:で|から)(.+)$/u
const PLACE_ONLY_EN = /^(.+?) (?:on|at|via) [\p{L}\d.'-]+$/u

/** Whether a link or button text is non-specific. */
export function isVagueText(text: string): boolean {
  const key = linkTextKey(text)
  if (VAGUE.has(key)) return true
  const place = PLACE_ONLY_JA.exec(key) ?? PLACE_ONLY_EN.exec(key)
  return !!place && VAGUE.has(place[1]!) && place[1] !== 'here' && place[1] !== 'this'
}

// Button labels that, on a line of their own and without a link, show a button
// lost in conversion to plain text (VIEW MORE, 続きを読む): nothing says where.
const DANGLING_LABELS = new Set([
  'view more', 'read more', 'learn more', 'see more', 'see details', 'find out more', 'click here', 'tap here', 'more info',
  '詳しくはこちら', '詳細はこちら', '続きを読む', '続きはこちら', 'もっと見る', '詳しく見る', '詳細を見る', 'こちらをクリック', 'ここをクリック'
])

/** Whether a line of plain text is a bare button label (VIEW MORE, 詳しくはこちら). */
export function isDanglingLabel(text: string): boolean {
  return DANGLING_LABELS.has(linkTextKey(text))
}
