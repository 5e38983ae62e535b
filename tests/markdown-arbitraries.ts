import fc from 'fast-check'

// Pieces of newsletter Markdown: prose with and without cues in both
// languages, wrapped in the inline and block constructs that shift offsets.
export const japanese = fc.constantFrom(
  '今すぐお申し込みください。',
  '急がなくても大丈夫です。',
  'このツールには free trial があります。',
  'お急ぎください！',
  '講座の内容を説明します。',
  '大至急、ご連絡を。',
  '「今すぐ」という言葉',
  'ｾｰﾙ中です。',
  '５０％オフ'
)
export const english = fc.constantFrom(
  'Act now and join.',
  "Don't wait!",
  'There is no need to hurry.',
  'Hurry, the doors close.',
  'We explain the method.',
  'Mr. Smith said so.',
  'It’s time — act fast.'
)
export const phrase = fc.oneof(japanese, english)
export const inline = fc.oneof(
  phrase,
  phrase.map((text) => `**${text}**`),
  phrase.map((text) => `*${text}*`),
  phrase.map((text) => `[${text}](https://example.com/x)`),
  phrase.map((text) => `\`${text}\``),
  fc.constant('&amp;'),
  fc.constant('\\*'),
  fc.constant('<span>html</span>'),
  // Character references, surrogates and control characters (issue 13's crashes and shifts).
  fc.constantFrom('&#x1F525;', '&#xD800;', '&#128293;', '&nbsp;', '&copy;', 'w&#xD800;', '&#0;'),
  fc.constantFrom('🔥', '\ud83d', '\ude00', '座\ud83d', '\ud83d』', '😀今すぐ'),
  fc.constantFrom('\u0000', '\u0007', '\u001b', '\u0000今すぐ', '\u000b')
)
export const line = fc
  .tuple(fc.array(inline, {minLength: 1, maxLength: 4}), fc.constantFrom('', ' '))
  .map(([parts, glue]) => parts.join(glue))
export const block = fc.oneof(
  line,
  line.map((text) => `# ${text}`),
  line.map((text) => `- ${text}\n- ${text}`),
  fc.tuple(line, line).map(([a, b]) => `> ${a}\n> ${b}`),
  fc.tuple(line, line).map(([a, b]) => `| a | b |\n| - | - |\n| ${a.replaceAll('|', '')} | ${b.replaceAll('|', '')} |`),
  line.map((text) => '```\n' + text + '\n```'),
  fc.tuple(line, line).map(([a, b]) => `${a}\n${b}`)
)
export const frontMatter = fc.constantFrom(
  '',
  '---\nstage: education\n---\n',
  '---\nstage: sales\n---\n',
  '---\ntitle: x\n---\n',
  // Subject and preheader values in every YAML scalar style (issue 15).
  '---\nsubject: "Re: 今すぐ!! \\u00e9 \\"URGENT\\" 🎉🎉"\n---\n',
  "---\nsubject: 'It''s time — act fast!! FREE SHIPPING'\npreheader: お急ぎください！！\n---\n",
  '---\nsubject: |\n  FREE SHIPPING 🎉🎉\n  【緊急】今すぐ\npreheader: >-\n  Hurry, the doors\n  close now!!\n---\n',
  '---\nsubject: Act now,\n  URGENT!! your account\npreview: "お急ぎください！\\t\\\n  残りわずか"\n---\n'
)
export const newline = fc.constantFrom('\n', '\r\n')
export const documents = fc
  .tuple(frontMatter, fc.array(block, {minLength: 1, maxLength: 6}), newline, fc.boolean())
  .map(([front, blocks, eol, bom]) => (bom ? '\uFEFF' : '') + (front + blocks.join('\n\n') + '\n').replaceAll('\n', eol))
