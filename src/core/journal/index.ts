export { customerContentKey } from './contentKey';
export type { CustomerOutcome, IntentRecord, JournalCustomer, JournalRecord, OutcomeRecord, SendStartRecord, StoreIdentity } from './journalRecords';
export { readJournal, type ReadJournal } from './journalReader';
export { MemoryJournalStorage, type JournalStorage } from './journalStorage';
export { planResume, type FileCustomer, type InterruptedRequest, type ResumePlan, type SettledCustomer } from './resumePlan';
export { SendJournal } from './sendJournal';
export { resultRows, resultsCsv, resultsJson, type ResultRow, type ResultStatus } from './sendResultsExport';
export { sameStore, storeIdentity } from './storeIdentity';
export { journalHooks } from './journalHooks';
