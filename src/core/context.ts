import { createContext } from '@lit/context';
import type { CriteriaSet } from '../criteria/schema.js';
import type { Announcement } from './announce.js';
import type { StoragePolicy } from './outbox.js';
import type { Transport } from './transport.js';

/** What `<lc-community>` provides to every `lc-*` element inside it. */
export interface CommunityConfig {
  endpoint?: string | undefined;
  community?: string | undefined;
  round?: string | undefined;
  perspective?: string | undefined;
  locale?: string | undefined;
  /** A respondent identifier; only sent when the host sets one. */
  respondent?: string | undefined;
  storage: StoragePolicy;
  headers?: Record<string, string> | undefined;
  credentials?: RequestCredentials | undefined;
  transport?: Transport | undefined;
  /** A host's own criteria set, validated; undefined means the built-in set. */
  criteriaSet?: CriteriaSet | undefined;
  /** True while a criteria URL is being fetched. */
  criteriaLoading?: boolean | undefined;
  /** Why the host's criteria set was refused, if it was. */
  criteriaError?: string | undefined;
  /**
   * The settings given that are not valid (reported by their `<lc-community>`): nothing is sent
   * while one is, rather than under a stand-in (`default`, this year) or without it.
   */
  invalid?: ReadonlyArray<GroupSetting> | undefined;
  /**
   * Says a message for the whole page, politely, in the community's live region (without one,
   * empties it): what every element inside shares, such as the criteria loading after a failure,
   * said once, not once per element.
   */
  announce?: ((message?: Announcement) => void) | undefined;
}

/** The settings that say whose answers a submission holds. */
export type GroupSetting = 'community' | 'round' | 'perspective' | 'respondent';

export const communityContext = createContext<CommunityConfig>(Symbol.for('lc-elements/community'));
