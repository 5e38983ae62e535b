/**
 * IPADIC part-of-speech labels, defined once. Glossary: 名詞 noun, 動詞 verb,
 * 形容詞 adjective, 副詞 adverb, 助詞 particle, 助動詞 auxiliary verb,
 * 記号 symbol, 接頭詞 prefix; 句点 「。」, 読点 「、」, 括弧 brackets.
 */
export const POS = {
  noun: '名詞',
  verb: '動詞',
  adjective: '形容詞',
  adverb: '副詞',
  particle: '助詞',
  auxiliary: '助動詞',
  symbol: '記号',
  prefix: '接頭詞'
} as const

export const POS_DETAIL = {
  whitespace: '空白',
  period: '句点',
  comma: '読点',
  openBracket: '括弧開',
  closeBracket: '括弧閉',
  number: '数',
  conjunctive: '接続助詞',
  final: '終助詞',
  nonIndependent: '非自立'
} as const
