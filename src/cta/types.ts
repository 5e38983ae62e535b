import type {Stage} from '../core/stages.js'
import type {Lang} from '../lang/script.js'

/** A point in the source: 1-based line and column, 0-based UTF-16 offset. */
export interface CtaPoint {
  line: number
  column: number
  offset: number
}

/** A range of the source; `source.slice(start.offset, end.offset)` is the text it covers. */
export interface CtaPosition {
  start: CtaPoint
  end: CtaPoint
}

/** A piece of text found in the source (source offsets). */
export interface CtaSpan {
  text: string
  start: number
  end: number
}

/** Where a call to action was found. */
export type CtaKind =
  /** A Markdown link: inline, reference-style or autolink. */
  | 'link'
  /** An HTML `<a href>` inside Markdown. */
  | 'html-link'
  /** An HTML `<button>` inside Markdown. */
  | 'button'
  /** A sentence that asks the reader to act, with no link of its own. */
  | 'sentence'

/** How a text asks: the grammar of the ask, used for scoring and for `weak-cta`. */
export type AskForm =
  /** "Join the course", 講座に参加する: an action phrase as a button would say it. */
  | 'action'
  /** "Please join", ご参加ください, 申し込んでください. */
  | 'request'
  /** 参加しましょう, "Let's start". */
  | 'volitional'
  /** 参加しませんか, ご参加をお待ちしています: an invitation. */
  | 'invitation'
  /** 〜してみてはいかがでしょうか, "you might want to", "consider joining". */
  | 'suggestion'
  /** お申し込みはこちら: the action named, the way pointed at. */
  | 'pointer'

/** One component of a CTA's strength score (docs/cta-inventory.md lists them). */
export interface CtaReason {
  code:
    | 'base'
    | 'action-verb'
    | 'action-leads'
    | 'specific-object'
    | 'descriptive-text'
    | 'first-person'
    | 'hedge'
    | 'vague-text'
    | 'competing'
  /** What the component adds to (or takes from) the score. */
  delta: number
  /** The words that earned it, when there are any. */
  evidence?: string
}

/** One call to action. */
export interface Cta {
  kind: CtaKind
  /** Link or button text, or the asking sentence. */
  text: string
  /** The link target as written, if any. */
  url: string | undefined
  /** The target normalised for comparison (tracking parameters, fragment, trailing slash dropped). */
  target: string | undefined
  /**
   * What the ask is for, to tell one offer from competing ones: its target; for
   * links listed under one asking line, the target of the first of them (formats
   * or plans of one product); for an ask without a link, `action:` and the kind
   * of action (`take`, `support`, `contribute`, `share`), which joins a linked
   * ask of the same kind in the same part (docs/cta-inventory.md, "Offers").
   */
  offer: string | undefined
  lang: Lang
  stage: Stage
  /** The link or button text, or the sentence, in the source. */
  position: CtaPosition
  /** The sentence it sits in (a Japanese sentence and an English phrase inside it count as one). */
  sentence: CtaSpan | undefined
  /** The action word(s) that make it an ask, if any. */
  action: CtaSpan | undefined
  form: AskForm | undefined
  /** Hedges weakening the ask (もしよろしければ, "if you want"). */
  hedges: CtaSpan[]
  /** The link or button text does not say where it goes (こちら, "click here", "Submit"). */
  vague: boolean
  /**
   * For an ask without a link: words that point at a link that is not there
   * ("click here", 「こちらから>」), which `vague-link` reports.
   */
  pointer?: CtaSpan
  /**
   * A commitment ask (join, reserve, buy, 申し込む, 予約する…) or a button: the
   * kind that competes for the reader's one click. Reading and viewing asks
   * (詳しくはこちらをご覧ください, "Read the case study") are secondary.
   */
  primary: boolean
  /** Strength from 0 (no ask at all) to 1 (a confident, specific, verb-first ask). */
  score: number
  reasons: CtaReason[]
}

/** Why a link is not counted as a call to action. */
export type NonAskKind = 'unsubscribe' | 'preferences' | 'social' | 'legal' | 'contact' | 'anchor' | 'citation'

/** A link that is not an ask. */
export interface NonAskLink {
  kind: NonAskKind
  text: string
  url: string | undefined
  position: CtaPosition
  /** The link text says nothing about where it goes (only reported when the sentence gives no context either). */
  vague: boolean
  /** The sentence gives context beyond the link text. */
  hasContext: boolean
  lang: Lang
  stage: Stage
}

/** The calls to action of one heading-delimited section. */
export interface SectionCtas {
  /** Heading text, or undefined for the part before the first heading. */
  heading: CtaSpan | undefined
  start: number
  end: number
  stage: Stage
  ctas: Cta[]
  /** Links found and set aside as not being asks. */
  nonAsks: NonAskLink[]
  /** Distinct offers of the section's primary CTAs (see `Cta.offer`), main one first. */
  targets: string[]
  /** The section's prose sentences (headings excluded), for `buried-cta`. */
  sentences: CtaSpan[]
}

/** Every call to action of a document, by section. */
export interface CtaInventory {
  sections: SectionCtas[]
}
