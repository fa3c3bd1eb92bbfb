// The journal's public API, re-exported by src/index.ts: the class and its DOM-free helpers.
export { LcReflectionJournal, DEFAULT_MAX_LENGTH, SAVE_DELAY_MS } from './lc-reflection-journal.js';
export {
  DRAFTS_DB,
  DRAFTS_STORE,
  SENT_LIMIT,
  PROMPT_KEYS,
  draftKey,
  sentKey,
  getDraftStore,
  type PromptKey,
  type JournalDraft,
  type StoredDraft,
  type DraftStore,
} from './drafts.js';
export {
  journalEntrySchema,
  parseEntriesAnswer,
  fetchEntries,
  newestFirst,
  filterByCriterion,
  mergeEntries,
  type StoredEntry,
  type JournalEntry,
} from './entries.js';
export {
  JOURNAL_EXPORT_SCHEMA,
  entriesToMarkdown,
  entriesToJson,
  escapeMarkdownLine,
  type JournalExport,
  type MarkdownLabels,
} from './export.js';
export { strings as reflectionJournalStrings } from './strings.js';
