import type {Lang} from '../lang/script.js'
import {DOCS_BASE} from './docs-url.js'
import {STAGES} from './stages.js'

/** Messages about the input itself rather than its copy: ids, texts, docs. */
export const NOTICES = {
  'front-matter': {
    unclosed: {
      en: () => 'Front matter opened with `---` on line 1 is never closed; add a closing `---` line',
      ja: () => '1 行目の `---` で始まるフロントマターが閉じていません。閉じる `---` の行を追加してください'
    },
    yaml: {
      en: (detail: string) => `Front matter is not valid YAML: ${detail}`,
      ja: (detail: string) => `フロントマターの YAML が不正です: ${detail}`
    },
    notMapping: {
      en: () => 'Front matter must be a YAML mapping (key: value lines)',
      ja: () => 'フロントマターは YAML のマッピング (key: value の行) にしてください'
    },
    lang: {
      en: (value: string) => `Unknown front matter lang "${value}"; expected ja or en`,
      ja: (value: string) => `フロントマターの lang「${value}」は使えません。ja か en を指定してください`
    }
  },
  stage: {
    unsure: {
      en: (inferred: string, confidence: number, fallback: string) =>
        `Could not tell this section's stage with confidence (it reads as ${inferred}, confidence ${confidence.toFixed(2)}); using ${fallback}. Mark it with <!-- trustlint stage: … --> to be sure`,
      ja: (inferred: string, confidence: number, fallback: string) =>
        `このセクションのステージを確信をもって推定できませんでした（推定 ${inferred}、確信度 ${confidence.toFixed(2)}）。${fallback} として扱います。<!-- trustlint stage: … --> で指定してください`
    },
    unknown: {
      en: (value: string) =>
        `Unknown stage "${value}"; expected one of ${STAGES.join(', ')} (or 集客, 教育, 販売)`,
      ja: (value: string) =>
        `ステージ「${value}」は使えません。${STAGES.join(', ')}（または 集客・教育・販売）のいずれかを指定してください`
    }
  },
  control: {
    verb: {
      en: (name: string) =>
        `Unknown control comment \`${name}\`; expected trustlint-disable, trustlint-enable, trustlint-disable-next-line or trustlint-ignore`,
      ja: (name: string) =>
        `制御コメント「${name}」は使えません。trustlint-disable / trustlint-enable / trustlint-disable-next-line / trustlint-ignore のいずれかを使ってください`
    },
    unknown: {
      en: (id: string, hint: string | undefined) => `Unknown rule "${id}" in a control comment${hint ? `; did you mean "${hint}"?` : ''}`,
      ja: (id: string, hint: string | undefined) => `制御コメントのルール「${id}」はありません${hint ? `。「${hint}」のことですか？` : ''}`
    },
    unused: {
      en: (verb: string) => `Unused \`${verb}\` comment: it silences no message; remove it`,
      ja: (verb: string) => `「${verb}」コメントで抑制されたメッセージはありません。不要なら削除してください`
    }
  },
  html: {
    swallowed: {
      en: (code: string) => `The HTML ends inside an unclosed construct (${code}); the text after this point is not shown by mail clients and is not linted`,
      ja: (code: string) => `HTML が閉じていない構文の途中で終わっています（${code}）。ここから後の文章はメールソフトに表示されず、チェックもされません`
    }
  },
  email: {
    charset: {
      en: (label: string) => `Unknown charset "${label}": the text in it was decoded as windows-1252 and may be garbled; findings there may be wrong`,
      ja: (label: string) => `文字コード「${label}」は不明です。windows-1252 として読んだため文字化けしている可能性があり、その部分の指摘は正しくないことがあります`
    },
    truncated: {
      en: (boundary: string) =>
        boundary ? `The email is cut off: the MIME boundary "${boundary}" is never closed; what was read is linted` : 'The email is cut off: it has no blank line between headers and body; what was read is linted',
      ja: (boundary: string) =>
        boundary ? `メールが途中で切れています（MIME 境界「${boundary}」が閉じていません）。読めた部分をチェックしました` : 'メールが途中で切れています（ヘッダーと本文の間に空行がありません）。読めた部分をチェックしました'
    },
    attachment: {
      en: (detail: string) => `Attachment ${detail} is not linted`,
      ja: (detail: string) => `添付ファイル ${detail} はチェックしていません`
    },
    noBody: {
      en: () => 'The email has no text/html or text/plain part; only the subject is linted',
      ja: () => 'メールに text/html も text/plain のパートもありません。件名だけをチェックしました'
    },
    unreadable: {
      en: (detail: string) => `Cannot read the email as MIME: ${detail}`,
      ja: (detail: string) => `メールを MIME として読めません: ${detail}`
    }
  },
  'empty-file': {
    empty: {
      en: () => 'Nothing to lint: the file is empty or holds only whitespace',
      ja: () => 'ファイルが空（または空白のみ）のため、チェックする文章がありません'
    }
  }
} as const

/** Notices raised by the CLI about files it could not lint. */
export const FILE_NOTICES = ['read-error', 'encoding', 'internal-error', 'parse-error', 'binary-file', 'file-too-large', 'file-timeout'] as const

export type NoticeId = keyof typeof NOTICES | (typeof FILE_NOTICES)[number]

/** The docs page of a notice. */
export function noticeUrl(id: NoticeId): string {
  return DOCS_BASE.replace(/rules\/$/, '') + 'messages.md#' + id
}

export type NoticeLang = Lang

/** The language most of a file's letters are in, for messages about the file itself. */
export function documentLang(source: string): Lang {
  // Count with a loop: matching would build one string per character.
  let japanese = 0
  let latin = 0
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index)
    if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) japanese++
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) latin++
  }
  return japanese > latin / 3 ? 'ja' : 'en'
}
