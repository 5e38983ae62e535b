/**
 * kuromoji's Tokenizer#tokenizeForSentence (kuromoji 0.1.2, src/Tokenizer.js,
 * Apache-2.0, © Takuya Asano, Atilika Inc. and contributors), ported with one
 * change: the feature fields of a dictionary entry are decoded and split once per
 * entry and then reused. kuromoji decodes them for every token, byte by byte
 * into a JS array and then char by char into a string (ByteBuffer#getString), and
 * splits the line again: on the whole corpus that was a sixth of the lint time,
 * plus its garbage. Each token is still a new object, as kuromoji's formatter makes it.
 */

interface Dictionary {
  getFeatures(id: string | number): string | null | undefined
}
interface Node {
  name: number
  type: string
  start_pos: number
  surface_form: string
}
interface Formatter {
  formatEntry(id: number, position: number, type: string, features: string[]): {word_position: number}
  formatUnknownEntry(id: number, position: number, type: string, features: string[], surface: string): {word_position: number}
}
/** The part of kuromoji's Tokenizer the port uses. */
export interface TokenizerInternals {
  token_info_dictionary: Dictionary
  unknown_dictionary: Dictionary
  viterbi_searcher: {search(lattice: unknown): Node[]}
  formatter: Formatter
  getLattice(text: string): unknown
  tokenizeForSentence(sentence: string, tokens?: Array<{word_position: number}>): Array<{word_position: number}>
}

// Distinct entries seen in real text are a few tens of thousands; the bound keeps
// a pathological input from holding the whole dictionary decoded.
const MAX_CACHED = 100_000

/** Replace a kuromoji Tokenizer's tokenizeForSentence with the caching port. */
export function cacheFeatures(tokenizer: TokenizerInternals): void {
  const known = new Map<number, string[]>()
  const unknown = new Map<number, string[]>()
  const featuresOf = (cache: Map<number, string[]>, dictionary: Dictionary, name: number) => {
    let features = cache.get(name)
    if (features === undefined) {
      const line = dictionary.getFeatures(name)
      features = line == null ? [] : line.split(',')
      if (cache.size >= MAX_CACHED) cache.clear()
      cache.set(name, features)
    }
    return features
  }

  tokenizer.tokenizeForSentence = function (sentence, tokens) {
    if (tokens == null) tokens = []
    const lattice = this.getLattice(sentence)
    const best_path = this.viterbi_searcher.search(lattice)
    let last_pos = 0
    if (tokens.length > 0) last_pos = tokens[tokens.length - 1]!.word_position

    for (let j = 0; j < best_path.length; j++) {
      const node = best_path[j]!
      let token
      if (node.type === 'KNOWN') {
        // The formatter only reads the array, so one array per entry can serve every token.
        const features = featuresOf(known, this.token_info_dictionary, node.name)
        token = this.formatter.formatEntry(node.name, last_pos + node.start_pos, node.type, features)
      } else if (node.type === 'UNKNOWN') {
        // Unknown word
        const features = featuresOf(unknown, this.unknown_dictionary, node.name)
        token = this.formatter.formatUnknownEntry(node.name, last_pos + node.start_pos, node.type, features, node.surface_form)
      } else {
        // TODO User dictionary
        token = this.formatter.formatEntry(node.name, last_pos + node.start_pos, node.type, [])
      }
      tokens.push(token)
    }
    return tokens
  }
}
