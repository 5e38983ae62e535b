/**
 * kuromoji's ViterbiBuilder.build (kuromoji 0.1.2, src/viterbi/ViterbiBuilder.js,
 * Apache-2.0, © Takuya Asano, Atilika Inc. and contributors), ported line for
 * line with one change: the token info ids of a trie id come from a typed index
 * over tid_map.dat instead of `target_map`, a JS object of 325,871 small arrays.
 * Building that object is most of the dictionary load once gunzip is gone, and its
 * ~36 MB of heap cost a full mark-compact (0.1–0.3 s) right after loading.
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
  SurrogateAwareString: new (text: string) => SurrogateString
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
  constructor(
    private readonly dic: Dictionaries,
    private readonly index: TargetIndex,
    private readonly k: ViterbiClasses
  ) {}

  build(sentence_str: string): Lattice {
    const {ViterbiNode, ViterbiLattice, SurrogateAwareString} = this.k
    const {trie, token_info_dictionary, unknown_dictionary} = this.dic
    const {start, count, values} = this.index
    const lattice = new ViterbiLattice()
    const sentence = new SurrogateAwareString(sentence_str)

    let key: string | SurrogateString
    let left_id: number
    let right_id: number
    let word_cost: number
    for (let pos = 0; pos < sentence.length; pos++) {
      const tail = sentence.slice(pos)
      const vocabulary = trie.commonPrefixSearch(tail)
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

      // Unknown word processing
      const surrogate_aware_tail = new SurrogateAwareString(tail)
      const head_char = new SurrogateAwareString(surrogate_aware_tail.charAt(0))
      const head_char_class = unknown_dictionary.lookup(head_char.toString())
      if (vocabulary == null || vocabulary.length === 0 || head_char_class.is_always_invoke === 1) {
        // Process unknown word
        key = head_char
        if (head_char_class.is_grouping === 1 && 1 < surrogate_aware_tail.length) {
          for (let k = 1; k < surrogate_aware_tail.length; k++) {
            const next_char = surrogate_aware_tail.charAt(k)
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
