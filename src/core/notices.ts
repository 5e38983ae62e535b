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
    unknown: {
      en: (value: string) =>
        `Unknown stage "${value}"; expected one of ${STAGES.join(', ')} (or 集客, 教育, 販売)`,
      ja: (value: string) =>
        `ステージ「${value}」は使えません。${STAGES.join(', ')}（または 集客・教育・販売）のいずれかを指定してください`
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
export const FILE_NOTICES = ['read-error', 'encoding', 'internal-error'] as const

export type NoticeId = keyof typeof NOTICES | (typeof FILE_NOTICES)[number]

/** The docs page of a notice. */
export function noticeUrl(id: NoticeId): string {
  return DOCS_BASE.replace(/rules\/$/, '') + 'messages.md#' + id
}

export type NoticeLang = Lang
