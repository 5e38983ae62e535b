/**
 * kuromoji's Tokenizer#tokenizeForSentence (kuromoji 0.1.2, src/Tokenizer.js,
 * Apache-2.0, © Takuya Asano, Atilika Inc. and contributors), ported with one
 * change: the feature fields of a dictionary entry are decoded and split once per
 * entry and then reused. kuromoji decodes them for every token, byte by byte
 * into a JS array and then char by char into a string (ByteBuffer#getString), and
 * splits the line again: on the whole corpus that was a sixth of the lint time,
 * plus its garbage. Each token is still a new object with kuromoji's fields in
 * kuromoji's order, but built with all of them at once (see WordToken).
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
/** The part of kuromoji's Tokenizer the port uses. */
export interface TokenizerInternals {
  token_info_dictionary: Dictionary
  unknown_dictionary: Dictionary
  viterbi_searcher: {search(lattice: unknown): Node[]}
  getLattice(text: string): unknown
  tokenizeForSentence(sentence: string, tokens?: Array<{word_position: number}>): Array<{word_position: number}>
}

/**
 * A token as kuromoji's IPADIC formatter makes it. The formatter starts from
 * `{}` and adds the fields one by one, so V8 kept most of them in a separate
 * property array: constructors that set every field keep them all in the
 * object (128 bytes a token against about 145 in a heap snapshot of a large
 * draft) and read them with one load less. `bench/token-identity.ts` checks
 * every field against stock kuromoji.
 *
 * An unknown word has the surface of the text and no reading or pronunciation
 * (not even as undefined), as kuromoji gives it.
 */
class WordToken {
  word_id: number
  word_type: string
  word_position: number
  surface_form: string
  pos: string
  pos_detail_1: string
  pos_detail_2: string
  pos_detail_3: string
  conjugated_type: string
  conjugated_form: string
  basic_form: string
  constructor(id: number, type: string, position: number, features: string[], surface: string) {
    this.word_id = id
    this.word_type = type
    this.word_position = position
    this.surface_form = surface
    this.pos = features[1]!
    this.pos_detail_1 = features[2]!
    this.pos_detail_2 = features[3]!
    this.pos_detail_3 = features[4]!
    this.conjugated_type = features[5]!
    this.conjugated_form = features[6]!
    this.basic_form = features[7]!
  }
}

/** A token of a dictionary word: its fields in kuromoji's order, reading and pronunciation last. */
class DictionaryToken extends WordToken {
  reading: string
  pronunciation: string
  constructor(id: number, type: string, position: number, features: string[]) {
    super(id, type, position, features, features[0]!)
    this.reading = features[8]!
    this.pronunciation = features[9]!
  }
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
        // The token copies the fields out of the array, so one array per entry can serve every token.
        const features = featuresOf(known, this.token_info_dictionary, node.name)
        token = new DictionaryToken(node.name, node.type, last_pos + node.start_pos, features)
      } else if (node.type === 'UNKNOWN') {
        // Unknown word
        const features = featuresOf(unknown, this.unknown_dictionary, node.name)
        token = new WordToken(node.name, node.type, last_pos + node.start_pos, features, node.surface_form)
      } else {
        // TODO User dictionary
        token = new DictionaryToken(node.name, node.type, last_pos + node.start_pos, [])
      }
      tokens.push(token)
    }
    return tokens
  }
}
