/**
 * The character trigrams of one text, hashed into a table of marks: a quick "may this text
 * contain that string?" for the literal pre-filters of the regex gates (issue 18). A string
 * that occurs in the text has all its trigrams in the table, so "no" is always right; "yes"
 * may be wrong (a collision, or trigrams from different places) and is confirmed by the caller.
 * Every regex rule asks about the same sentence, so the table is filled once per sentence
 * and each literal costs a few array reads instead of a substring search.
 */
export class TrigramTable {
  // A mark holds the generation of the text that set it, so a new text needs no clearing.
  private readonly marks = new Uint32Array(TABLE_SIZE)
  private generation = 0
  private text: string | undefined

  /** Make `text` the one asked about (no work when it already is). */
  load(text: string): void {
    if (text === this.text) return
    this.text = text
    if (++this.generation === 0xffffffff) {
      this.marks.fill(0)
      this.generation = 1
    }
    const {marks, generation} = this
    for (let index = 0; index + 2 < text.length; index++) {
      marks[hash(text.charCodeAt(index), text.charCodeAt(index + 1), text.charCodeAt(index + 2))] = generation
    }
  }

  /** Whether the loaded text may contain the string whose trigram hashes are given (see {@link trigramHashes}). */
  mayContain(hashes: Int32Array): boolean {
    const {marks, generation} = this
    for (let index = 0; index < hashes.length; index++) if (marks[hashes[index]!] !== generation) return false
    return true
  }
}

/** The trigram hashes of a string, or undefined when it has fewer than three characters. */
export function trigramHashes(literal: string): Int32Array | undefined {
  if (literal.length < 3) return undefined
  const hashes = new Int32Array(literal.length - 2)
  for (let index = 0; index + 2 < literal.length; index++) {
    hashes[index] = hash(literal.charCodeAt(index), literal.charCodeAt(index + 1), literal.charCodeAt(index + 2))
  }
  return hashes
}

// 2^14 marks: a sentence of a few hundred characters sets a few percent of them, so a
// literal absent from it fails on its first or second trigram.
const TABLE_BITS = 14
const TABLE_SIZE = 1 << TABLE_BITS

// Multiplicative hashing (the top bits of key × 2^32/φ); the key is exact for ASCII trigrams.
function hash(a: number, b: number, c: number): number {
  return Math.imul((a << 16) ^ (b << 8) ^ c, 0x9e3779b1) >>> (32 - TABLE_BITS)
}
