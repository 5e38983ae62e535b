import type {AskForm, CtaSpan} from './types.js'

/** What the ask analysers find in a link text or a sentence. */
export interface AskAnalysis {
  /** How the text asks; undefined when it does not ask. */
  form: AskForm | undefined
  /** The action word(s), also when they are not the predicate (講座への参加をご検討ください). */
  action: CtaSpan | undefined
  /** Dictionary form of the action word (申し込む, 参加, join), to tell commitment from reading. */
  lemma: string | undefined
  /** The action opens the text (English) or the text is one action phrase ending in it (Japanese). */
  actionLeads: boolean
  /** A word naming the object or outcome of the action (講座, 席, "checklist", "trial"). */
  specific: CtaSpan | undefined
  /** First-person button text: "Reserve my seat", 私の席を確保する. */
  firstPerson: boolean
  /** Hedges: もしよろしければ, ご検討ください, "if you want", "feel free to". */
  hedges: CtaSpan[]
}

/** Whether the text is analysed as a link/button label or as running prose. */
export type AskMode = 'label' | 'sentence'

export const NO_ASK: AskAnalysis = {
  form: undefined,
  action: undefined,
  lemma: undefined,
  actionLeads: false,
  specific: undefined,
  firstPerson: false,
  hedges: []
}

/** A span of the source from offsets. */
export function spanOf(source: string, start: number, end: number): CtaSpan {
  return {text: source.slice(start, end), start, end}
}

/** Merge overlapping spans (sorted by start). */
export function dedupe(spans: CtaSpan[], source: string): CtaSpan[] {
  const kept: CtaSpan[] = []
  for (const span of spans) {
    const last = kept[kept.length - 1]
    if (last && span.start < last.end) {
      if (span.end > last.end) kept[kept.length - 1] = spanOf(source, last.start, span.end)
      continue
    }
    kept.push(span)
  }
  return kept
}
