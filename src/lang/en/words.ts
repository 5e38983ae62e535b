/** A word of an English sentence, normalised for matching. */
export interface NormalWord {
  /** Lower-case, straight apostrophes, contractions expanded. */
  norm: string
  /** Offsets of the source word it came from (an expanded contraction shares them). */
  start: number
  end: number
  /** First word of its sentence or clause (after , ; : — or please/so/just/and). */
  clauseStart: boolean
}

const SUBJECT_IS = new Set(['it', 'that', 'there', 'here', 'what', 'who', 'he', 'she', 'where', 'how'])
const IRREGULAR: Record<string, string[]> = {
  "can't": ['can', 'not'],
  cannot: ['can', 'not'],
  "won't": ['will', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
  "let's": ['let', 'us']
}
const SUFFIXES: [string, string][] = [
  ["n't", 'not'],
  ["'re", 'are'],
  ["'ll", 'will'],
  ["'ve", 'have'],
  ["'d", 'would'],
  ["'m", 'am']
]

/** Lower-case and straighten apostrophes and dashes of one word. */
export function foldWord(word: string): string {
  // Most words are ASCII, which NFKC leaves alone.
  if (ASCII.test(word)) {
    const lower = word.toLowerCase()
    return lower.includes('`') ? lower.replaceAll('`', "'") : lower
  }
  return word.normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'")
}

const ASCII = /^[\0-\x7f]*$/

/**
 * Expand a folded word into the words it stands for: "don't" → do not,
 * "it's" → it is, "you'll" → you will. A possessive "'s" stays on its word.
 */
export function expandWord(folded: string): string[] {
  // Own keys only: "constructor" or "toString" must not find Object.prototype.
  const irregular = Object.hasOwn(IRREGULAR, folded) ? IRREGULAR[folded] : undefined
  if (irregular) return irregular
  // Every other expansion ends in an apostrophe suffix.
  if (!folded.includes("'")) return [folded]
  for (const [suffix, full] of SUFFIXES) {
    if (folded.length > suffix.length && folded.endsWith(suffix)) {
      return [folded.slice(0, -suffix.length), full]
    }
  }
  if (folded.endsWith("'s")) {
    const head = folded.slice(0, -2)
    if (SUBJECT_IS.has(head)) return [head, 'is']
  }
  return [folded]
}

/** Split a phrase as written in a rule file into normalised words. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => expandWord(foldWord(word).replace(/^[^\p{L}\p{N}'=#{]+|[^\p{L}\p{N}'}]+$/gu, '')))
    .filter(Boolean)
}

const VOWEL = /[aeiou]/

/**
 * The inflected forms of a word (hurry → hurries, hurried, hurrying; act →
 * acts, acted, acting). Over-generation is harmless: a form that is not a word
 * never occurs in text.
 */
export function inflections(word: string): string[] {
  const forms = new Set([word])
  if (!/^[a-z]{2,}$/.test(word)) return [...forms]
  const last = word[word.length - 1]!
  const beforeLast = word[word.length - 2]!
  forms.add(/(s|x|z|ch|sh)$/.test(word) ? word + 'es' : word + 's')
  if (last === 'y' && !VOWEL.test(beforeLast)) {
    const stem = word.slice(0, -1)
    forms.add(stem + 'ies').add(stem + 'ied').add(word + 'ing')
  } else if (last === 'e') {
    forms.add(word + 'd').add(word.slice(0, -1) + 'ing')
  } else {
    forms.add(word + 'ed').add(word + 'ing')
    if (!VOWEL.test(last) && VOWEL.test(beforeLast) && !/[wxy]/.test(last) && word.length <= 4) {
      forms.add(word + last + 'ed').add(word + last + 'ing')
    }
  }
  return [...forms]
}
