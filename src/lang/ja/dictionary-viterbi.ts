/**
 * kuromoji's ViterbiBuilder.build (kuromoji 0.1.2, src/viterbi/ViterbiBuilder.js,
 * Apache-2.0, © Takuya Asano, Atilika Inc. and contributors), ported line for
 * line with three changes that keep its result and remove waste:
 *
 * - The token info ids of a trie id come from a typed index over tid_map.dat
 *   instead of `target_map`, a JS object of 325,871 small arrays. Building that
 *   object is most of the dictionary load once gunzip is gone, and its ~36 MB of
 *   heap cost a full mark-compact (0.1–0.3 s) right after loading.
 * - The dictionary lookup at each position (doublearray's commonPrefixSearch)
 *   encodes the text to UTF-8 as it walks the trie, and stops where the trie
 *   does. The original encodes the whole rest of the sentence into a new buffer
 *   at every position: quadratic work and garbage per sentence.
 * - The unknown-word step reads characters from the sentence it already has
 *   instead of building a SurrogateAwareString of the rest of the sentence at
 *   every position (quadratic again).
 *
 * bench/token-identity.ts compares the tokens with kuromoji's over the corpus.
 */

/** trie id → its token info ids: `values[start[id] … start[id] + count[id]]`. */
export interface TargetIndex {
  start: Int32Array
  count: Int32Array
  values: Int32Array
}

/**
 * Index tid_map.dat (a key count, then per key: key, n, n values, little-endian
 * int32). Undefined when a key repeats, which kuromoji's loader would merge: the
 * caller then keeps kuromoji's own map. IPADIC's keys are unique and ascending.
 */
export function indexTargetMap(bytes: Uint8Array): TargetIndex | undefined {
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice()
  const ints = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2)
  let maxKey = -1
  for (let at = 1; at + 1 < ints.length; at += 2 + Math.max(ints[at + 1]!, 0)) {
    if (ints[at + 1]! > 0 && ints[at]! > maxKey) maxKey = ints[at]!
  }
  const start = new Int32Array(maxKey + 1)
  const count = new Int32Array(maxKey + 1)
  for (let at = 1; at + 1 < ints.length; at += 2 + Math.max(ints[at + 1]!, 0)) {
    const key = ints[at]!
    const n = ints[at + 1]!
    // kuromoji records a key only when it has a value; negative keys cannot be trie ids.
    if (n <= 0) continue
    if (key < 0 || count[key]! > 0 || at + 2 + n > ints.length) return undefined
    start[key] = at + 2
    count[key] = n
  }
  return {start, count, values: ints}
}

// The kuromoji classes the port needs, typed as far as it uses them.
interface ByteBuffer {
  getShort(index: number): number
}
interface Lattice {
  append(node: unknown): void
  appendEos(): void
}
interface SurrogateString {
  length: number
  slice(index: number): string
  charAt(index: number): string
  toString(): string
}
interface CharacterClass {
  class_id: number
  class_name: string
  is_always_invoke: number | boolean
  is_grouping: number | boolean
}
/** Constructors from kuromoji's src/viterbi and src/util. */
export interface ViterbiClasses {
  ViterbiNode: new (...args: unknown[]) => unknown
  ViterbiLattice: new () => Lattice
  SurrogateAwareString: new (text: string) => SurrogateStringIndex
}
interface SurrogateStringIndex extends SurrogateString {
  str: string
  index_mapping: number[]
}
interface Dictionaries {
  trie: {commonPrefixSearch(text: string): Array<{k: string; v: number}>}
  token_info_dictionary: {dictionary: ByteBuffer}
  unknown_dictionary: {
    dictionary: ByteBuffer
    target_map: Record<number, number[]>
    lookup(char: string): CharacterClass
  }
}

/** A drop-in for kuromoji's ViterbiBuilder (what Tokenizer calls `viterbi_builder`). */
export class IndexedViterbiBuilder {
  private readonly search: PrefixSearch

  constructor(
    private readonly dic: Dictionaries,
    private readonly index: TargetIndex,
    private readonly k: ViterbiClasses,
    trieArrays: {base: Int32Array; check: Int32Array}
  ) {
    this.search = new PrefixSearch(trieArrays.base, trieArrays.check)
  }

  build(sentence_str: string): Lattice {
    const {ViterbiNode, ViterbiLattice, SurrogateAwareString} = this.k
    const {trie, token_info_dictionary, unknown_dictionary} = this.dic
    const {start, count, values} = this.index
    const lattice = new ViterbiLattice()
    const sentence = new SurrogateAwareString(sentence_str)
    // A high surrogate without its pair makes doublearray's encoder return null and
    // kuromoji throw; keep its exact path (and error) for such text.
    const malformed = hasLoneHighSurrogate(sentence_str)

    let key: string | SurrogateString
    let left_id: number
    let right_id: number
    let word_cost: number
    for (let pos = 0; pos < sentence.length; pos++) {
      const vocabulary = malformed
        ? trie.commonPrefixSearch(sentence.slice(pos))
        : this.search.commonPrefixSearch(sentence_str, sentence.index_mapping[pos]!)
      for (let n = 0; n < vocabulary.length; n++) {
        // Words in dictionary do not have surrogate pair (only UCS2 set)
        const trie_id = vocabulary[n]!.v
        key = vocabulary[n]!.k
        // kuromoji fails here (undefined.length) for a trie id without token ids.
        if (!(count[trie_id]! > 0)) throw new TypeError(`kuromoji dictionary: no token for trie id ${trie_id}`)
        for (let i = start[trie_id]!, end = i + count[trie_id]!; i < end; i++) {
          const token_info_id = values[i]!
          left_id = token_info_dictionary.dictionary.getShort(token_info_id)
          right_id = token_info_dictionary.dictionary.getShort(token_info_id + 2)
          word_cost = token_info_dictionary.dictionary.getShort(token_info_id + 4)
          // node_name, cost, start_index, length, type, left_id, right_id, surface_form
          lattice.append(new ViterbiNode(token_info_id, word_cost, pos + 1, key.length, 'KNOWN', left_id, right_id, key))
        }
      }

      // Unknown word processing. kuromoji reads the rest of the sentence through a
      // new SurrogateAwareString of it; its character k is the sentence's pos + k.
      const rest = sentence.length - pos
      const head_char = new SurrogateAwareString(sentence.charAt(pos))
      const head_char_class = unknown_dictionary.lookup(head_char.toString())
      if (vocabulary == null || vocabulary.length === 0 || head_char_class.is_always_invoke === 1) {
        // Process unknown word
        key = head_char
        if (head_char_class.is_grouping === 1 && 1 < rest) {
          for (let k = 1; k < rest; k++) {
            const next_char = sentence.charAt(pos + k)
            const next_char_class = unknown_dictionary.lookup(next_char)
            if (head_char_class.class_name !== next_char_class.class_name) break
            // As in kuromoji: the SurrogateAwareString becomes a string here.
            key = (key as unknown as string) + next_char
          }
        }

        const unk_ids = unknown_dictionary.target_map[head_char_class.class_id]!
        for (let j = 0; j < unk_ids.length; j++) {
          const unk_id = parseInt(unk_ids[j] as unknown as string)
          left_id = unknown_dictionary.dictionary.getShort(unk_id)
          right_id = unknown_dictionary.dictionary.getShort(unk_id + 2)
          word_cost = unknown_dictionary.dictionary.getShort(unk_id + 4)
          // node_name, cost, start_index, length, type, left_id, right_id, surface_form
          lattice.append(new ViterbiNode(unk_id, word_cost, pos + 1, key.length, 'UNKNOWN', left_id, right_id, key.toString()))
        }
      }
    }
    lattice.appendEos()
    return lattice
  }
}

function hasLoneHighSurrogate(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true
      index++
    }
  }
  return false
}

const NOT_FOUND = -1
const TERM_CODE = 0

/**
 * doublearray 0.0.2's DoubleArray#commonPrefixSearch over `text.slice(from)`,
 * with the same trie reads (getBase/getCheck, out-of-range values included) and
 * the same result objects, but UTF-8 encoded one character at a time as the walk
 * goes. Only for text without a lone high surrogate (see above).
 */
class PrefixSearch {
  private bytes = new Uint8Array(64)

  constructor(
    private readonly base: Int32Array,
    private readonly check: Int32Array
  ) {}

  commonPrefixSearch(text: string, from: number): Array<{k: string; v: number}> {
    const result: Array<{k: string; v: number}> = []
    let parent = 0
    let length = 0 // UTF-8 bytes walked
    for (let at = from; at < text.length; ) {
      let code = text.charCodeAt(at++)
      if (code >= 0xd800 && code <= 0xdbff) code = (code - 0xd800) * 0x400 + 0x10000 + (text.charCodeAt(at++) - 0xdc00)
      const first = length
      this.encode(code, length)
      length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
      for (let byte = first; byte < length; byte++) {
        const child = this.traverse(parent, this.bytes[byte]!)
        if (child === NOT_FOUND) return result
        parent = child
        // look forward by terminal character code to check this node is a leaf or not
        const grand_child = this.traverse(child, TERM_CODE)
        if (grand_child !== NOT_FOUND) {
          const base = this.getBase(grand_child)
          const r = {} as {k: string; v: number}
          if (base <= 0) r.v = -base - 1
          // A word ends on a character boundary; a terminal inside a character
          // (never in IPADIC) is decoded from its bytes, as doublearray does.
          r.k = byte === length - 1 ? text.slice(from, at) : decodeUtf8(this.bytes.subarray(0, byte + 1))
          result.push(r)
        }
      }
    }
    return result
  }

  private encode(code: number, at: number) {
    if (at + 4 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes)
      this.bytes = grown
    }
    const bytes = this.bytes
    if (code < 0x80) bytes[at] = code
    else if (code < 0x800) {
      bytes[at] = (code >>> 6) | 0xc0
      bytes[at + 1] = (code & 0x3f) | 0x80
    } else if (code < 0x10000) {
      bytes[at] = (code >>> 12) | 0xe0
      bytes[at + 1] = ((code >> 6) & 0x3f) | 0x80
      bytes[at + 2] = (code & 0x3f) | 0x80
    } else {
      bytes[at] = (code >>> 18) | 0xf0
      bytes[at + 1] = ((code >> 12) & 0x3f) | 0x80
      bytes[at + 2] = ((code >> 6) & 0x3f) | 0x80
      bytes[at + 3] = (code & 0x3f) | 0x80
    }
  }

  private getBase(index: number): number {
    return this.base.length - 1 < index ? -index + 1 : this.base[index]!
  }

  private getCheck(index: number): number {
    return this.check.length - 1 < index ? -index - 1 : this.check[index]!
  }

  private traverse(parent: number, code: number): number {
    const child = this.getBase(parent) + code
    return this.getCheck(child) === parent ? child : NOT_FOUND
  }
}

/** doublearray's utf8BytesToString. */
function decodeUtf8(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; ) {
    const b1 = bytes[i++]!
    let code: number
    if (b1 < 0x80) code = b1
    else if (b1 >> 5 === 0x06) code = ((b1 & 0x1f) << 6) | (bytes[i++]! & 0x3f)
    else if (b1 >> 4 === 0x0e) code = ((b1 & 0x0f) << 12) | ((bytes[i++]! & 0x3f) << 6) | (bytes[i++]! & 0x3f)
    else code = ((b1 & 0x07) << 18) | ((bytes[i++]! & 0x3f) << 12) | ((bytes[i++]! & 0x3f) << 6) | (bytes[i++]! & 0x3f)
    if (code < 0x10000) text += String.fromCharCode(code)
    else {
      code -= 0x10000
      text += String.fromCharCode(0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff))
    }
  }
  return text
}

interface LatticeNode {
  start_pos: number
  left_id: number | null | undefined
  right_id: number | null | undefined
  cost: number
  shortest_cost: number
  prev: LatticeNode | null | undefined
}

/**
 * kuromoji's ViterbiSearcher#forward (src/viterbi/ViterbiSearcher.js), with the
 * connection cost read straight from the cost matrix (ConnectionCosts#get's
 * index and bounds check, inlined) instead of through a method call per edge.
 */
export function forward(costs: {buffer: Int16Array; backward_dimension: number}) {
  return function (lattice: {eos_pos: number; nodes_end_at: Array<LatticeNode[] | undefined>}) {
    const buffer = costs.buffer
    const backward = costs.backward_dimension
    for (let i = 1; i <= lattice.eos_pos; i++) {
      const nodes = lattice.nodes_end_at[i]
      if (nodes == null) continue
      for (let j = 0; j < nodes.length; j++) {
        const node = nodes[j]!
        let cost = Number.MAX_VALUE
        let shortest_prev_node: LatticeNode | undefined
        const prev_nodes = lattice.nodes_end_at[node.start_pos - 1]
        if (prev_nodes == null) continue // TODO process unknown words (repair word lattice)
        for (let k = 0; k < prev_nodes.length; k++) {
          const prev_node = prev_nodes[k]!
          let edge_cost: number
          if (node.left_id == null || prev_node.right_id == null) {
            console.log('Left or right is null') // as kuromoji does
            edge_cost = 0
          } else {
            const index = prev_node.right_id * backward + node.left_id + 2
            if (buffer.length < index + 1) throw 'ConnectionCosts buffer overflow'
            edge_cost = buffer[index]!
          }
          const _cost = prev_node.shortest_cost + edge_cost + node.cost
          if (_cost < cost) {
            shortest_prev_node = prev_node
            cost = _cost
          }
        }
        node.prev = shortest_prev_node
        node.shortest_cost = cost
      }
    }
    return lattice
  }
}
