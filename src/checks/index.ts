import type {Check} from './types.js'
import {buriedCta} from './buried-cta.js'
import {competingCta} from './competing-cta.js'
import {noCta} from './no-cta.js'
import {vagueLink} from './vague-link.js'
import {weakCta} from './weak-cta.js'
import {pressurePunctuation} from './pressure-punctuation.js'
import {adDisclosure} from './ad-disclosure.js'
import {healthClaims} from './health-claims.js'
import {senderIdentity} from './sender-identity.js'
import {unsubscribe} from './unsubscribe.js'
import {unsupportedClaim} from './unsupported-claim.js'
import {subjectLine} from './subject-line.js'

/**
 * Code-backed checks by name, as `check:` in rules/<id>.yml names them.
 * Add one import and one entry per check.
 */
export const CHECKS: Record<string, Check> = {
  'buried-cta': buriedCta,
  'competing-cta': competingCta,
  'no-cta': noCta,
  'vague-link': vagueLink,
  'weak-cta': weakCta,
  'pressure-punctuation': pressurePunctuation,
  'ad-disclosure': adDisclosure,
  'health-claims': healthClaims,
  'sender-identity': senderIdentity,
  unsubscribe,
  'unsupported-claim': unsupportedClaim,
  'subject-line': subjectLine
}
