/* tslint:disable */
/* eslint-disable */
/**
 * A deadline as the plan states it: minutes after `discovered` or an anchor.
 */
export interface DueRule {
    from: string;
    minutes: number;
}

/**
 * A deadline relative to a point in time: `from` is `discovered` or a declared anchor id; the
 * length is a literal `minutes` or the name of a threshold.
 */
export interface Due {
    from: string;
    minutes?: number;
    threshold?: string;
}

/**
 * A moment at which someone should be reminded of a step.
 */
export interface Reminder {
    step: string;
    kind: ReminderKind;
    /**
     * When the reminder is due.
     */
    at: string;
    dueAt: string;
    actor: string;
    text: Text;
}

/**
 * A saved entry that could not be read and was moved aside.
 */
export interface Quarantined {
    id: string;
    /**
     * Where the entry was kept (`exam-incident/v1/quarantine/response/…`); empty if moving failed.
     */
    key: string;
    /**
     * Why: `bad_state`, `log_tampered`, `unsupported_version`, or a storage code if moving failed.
     */
    code: string;
}

/**
 * A saved response as listed (read from its envelope, chain checked, not replayed).
 */
export interface SavedInfo {
    id: string;
    key: string;
    kind: string;
    plan: PlanRef;
    discoveredAt: string;
    /**
     * Time of the last log entry.
     */
    lastAt: string;
    entries: number;
    site?: string;
    room?: string;
}

/**
 * A step as the plan states it (a `StepState` without status and absolute times).
 */
export interface GuideStep {
    id: string;
    /**
     * Role id of who does it.
     */
    actor: string;
    text: Text;
    /**
     * Seed clause(s) the step comes from.
     */
    clause: string;
    /**
     * Role id the step reports to, where it is a report.
     */
    reportTo?: string;
    /**
     * Deadline relative to a point in time (`discovered` or an anchor such as `outage_started`).
     */
    due?: RelativeDue;
    /**
     * Role id whose consent the step needs.
     */
    requiresApproval?: string;
    /**
     * Present on decision steps.
     */
    options?: OptionInfo[];
    /**
     * For a branch step: the decision and option that lead to it.
     */
    branch?: BranchInfo;
    /**
     * The form the step produces.
     */
    form?: string;
    optional: boolean;
}

/**
 * A step of the response as it stands at `now`.
 */
export interface StepState {
    id: string;
    /**
     * Role id of who does it.
     */
    actor: string;
    text: Text;
    /**
     * Seed clause(s) the step comes from.
     */
    clause: string;
    status: Status;
    /**
     * Deadline (RFC 3339), where the plan sets one and its starting point is known.
     */
    dueAt?: string;
    /**
     * The plan's deadline rule; with `dueAt` absent it says which anchor still has to be set.
     */
    due?: DueRule;
    /**
     * Role id whose consent the step needs.
     */
    requiresApproval?: string;
    /**
     * Present on decision steps: `decide(step.id, option.id, …)`.
     */
    options?: StepOptionState[];
    /**
     * The option chosen, once decided.
     */
    chosen?: string;
    /**
     * For branch steps: the decision that turns them on or off.
     */
    branch?: BranchState;
    /**
     * False while the step waits for its decision, and once its branch is off.
     */
    active: boolean;
    /**
     * Role id the step reports to, where it is a report.
     */
    reportTo?: string;
    /**
     * The form the step produces (`draftReport(form)`).
     */
    form?: string;
    optional: boolean;
    /**
     * When it was completed, decided or skipped.
     */
    doneAt?: string;
    doneBy?: Person;
    approvedBy?: Person;
    /**
     * When approval was requested (status `awaiting_approval` until it is settled).
     */
    approvalRequestedAt?: string;
}

/**
 * A text shown to people, in Chinese (`zh`, the plan's own language) and English (`en`).
 */
export interface Text {
    zh: string;
    en: string;
}

/**
 * A whole plan document.
 */
export interface PlanDocument {
    /**
     * Version of the document format this plan is written in (this build reads 1).
     */
    format: number;
    id: string;
    version: string;
    name: Text;
    /**
     * The document this plan implements (title of the seed).
     */
    source: Text;
    /**
     * The plan's time zone as a fixed UTC offset, `+08:00`; local times are read in it.
     */
    timezone: string;
    /**
     * Named numbers the rules use (minutes, counts, fractions), each with its clause.
     */
    thresholds: Map<string, Threshold>;
    /**
     * 应急处理原则.
     */
    principles: CitedText[];
    roles: Role[];
    /**
     * Points in time a deadline can count from, besides `discovered`.
     */
    anchors?: Anchor[];
    /**
     * 报告形式 and 报告内容: the vocabularies of the report forms.
     */
    reporting: Reporting;
    /**
     * Step sequences shared by several kinds (reporting chain, 处理程序, 善后), by id.
     */
    step_groups: StepGroup[];
    kinds: Kind[];
    /**
     * 应急保障: what must be in place before an exam.
     */
    readiness: ReadinessItem[];
    /**
     * Sentence templates of the read-aloud initial report (口头、电话报告).
     */
    phone_script: PhoneScript;
    /**
     * Lexicon, negation, numerals, rules and questions of the classifier.
     */
    classifier: ClassifierSpec;
    /**
     * Form rules.
     */
    forms: FormsSpec;
    /**
     * Bilingual texts of validation findings, by code.
     */
    messages: Messages;
}

/**
 * Advice attached to an action that was carried out anyway (and recorded in the log).
 */
export interface Warning {
    /**
     * `out_of_order`: earlier required steps are still open.
     */
    code: string;
    step: string;
    /**
     * The earlier steps still open.
     */
    steps: string[];
    message: Text;
}

/**
 * An id from a closed vocabulary with its bilingual name.
 */
export interface Term {
    id: string;
    title: Text;
    clause: string;
}

/**
 * An option of a decision step.
 */
export interface StepOptionState {
    id: string;
    text: Text;
}

/**
 * Everything saved, with the entries set aside on the way.
 */
export interface SavedList {
    responses: SavedInfo[];
    quarantined: Quarantined[];
}

/**
 * For a branch step: the decision and the option(s) that lead to it.
 */
export interface BranchState {
    decision: string;
    options: string[];
}

/**
 * How the last autosave went.
 */
export interface StorageStatus {
    /**
     * True when the last save succeeded.
     */
    ok: boolean;
    /**
     * The `localStorage` key of this response.
     */
    key: string;
    /**
     * `storage_full`, `storage_disabled` or `storage_error` after a failure.
     */
    code?: string;
    message?: Text;
    /**
     * When the last successful save happened.
     */
    savedAt?: string;
}

/**
 * How to handle one kind of incident: its ordered steps, decisions, deadlines and forms.
 */
export interface Guidance {
    kind: string;
    severity: Severity;
    title: Text;
    description: Text;
    clause: string;
    /**
     * The 报告内容 a report of this kind usually has.
     */
    reportSubject: string;
    steps: GuideStep[];
    /**
     * The forms the steps produce, in the order they first appear.
     */
    forms: string[];
}

/**
 * One entry of the append-only log (阶段性报告: every decision and procedure as it happens).
 * `hash` is SHA-256 over the entry's canonical JSON (with `hash` empty), which includes `prev`,
 * the previous entry's hash: changing, removing, inserting or reordering entries breaks the chain.
 */
export interface LogEntry {
    /**
     * Position in the log, from 0.
     */
    seq: number;
    /**
     * When it happened (RFC 3339, in the plan's time zone).
     */
    at: string;
    action: Action;
    step?: string;
    /**
     * The option chosen (`decide`).
     */
    option?: string;
    /**
     * The new kind (`reclassify`).
     */
    kind?: string;
    /**
     * The anchor id (`set_anchor`).
     */
    anchor?: string;
    by?: Person;
    approvedBy?: Person;
    note?: string;
    /**
     * Warning codes recorded with the action (`out_of_order`).
     */
    warnings?: string[];
    /**
     * Only on the first entry.
     */
    open?: OpenInfo;
    /**
     * Hash of the previous entry (64 zeros for the first).
     */
    prev: string;
    hash: string;
}

/**
 * One link of the reporting chain: `from` reports to `to` (for incidents of `severity`, or all).
 */
export interface ReportLink {
    from: string;
    to: string;
    severity?: Severity | undefined;
    clause: string;
}

/**
 * One problem found in a plan document, at `path` (`kinds[3].steps[2].actor`).
 */
export interface PlanProblem {
    path: string;
    code: string;
    message: Text;
}

/**
 * One thing somebody does. A step with `options` is a decision; the steps named in an option's
 * `next` are that branch and only become active when the option is chosen.
 */
export interface Step {
    id: string;
    /**
     * Role id of who does it.
     */
    actor: string;
    /**
     * Role id the step reports to, where the step is a report.
     */
    report_to?: string;
    text: Text;
    clause: string;
    due?: Due;
    /**
     * Role id whose consent the step needs before it is carried out.
     */
    requires_approval?: string;
    /**
     * The form this step produces, where it produces one.
     */
    form?: string;
    /**
     * May be left out when it does not apply (optional steps are never overdue blockers).
     */
    optional?: boolean;
    options?: StepOption[];
}

/**
 * One thing the readiness check (应急保障) verifies, tied to a field of `readiness_check`.
 */
export interface ReadinessItem {
    id: string;
    field: string;
    text: Text;
    clause: string;
}

/**
 * Sentence templates of the read-aloud initial report. Placeholders in `{braces}` are filled by
 * the response engine (`site`, `room`, `reporter_role`, `reporter_name`, `discovered_at`, `kind`,
 * `severity`, `measures`, `reported_to`, `now`); unknown values read as `unknown`.
 */
export interface PhoneScript {
    clause: string;
    opening: Text;
    /**
     * How the room is spoken after the site, `{room}` filled in; left out when the room is unknown.
     */
    room: Text;
    event: Text;
    measures: Text;
    no_measures: Text;
    closing: Text;
    major: Text;
    general: Text;
    unknown: Text;
    /**
     * Joins the list of measures.
     */
    separator: Text;
}

/**
 * Someone who acts or approves: a name and a role id of the plan (`site_leader`, `superior`, …).
 */
export interface Person {
    name: string;
    /**
     * Role id of the plan.
     */
    role: string;
}

/**
 * Summary of the active plan.
 */
export interface PlanInfo {
    id: string;
    version: string;
    name: Text;
    /**
     * UTC offset local times are read in, e.g. `+08:00`.
     */
    timezone: string;
    kinds: KindInfo[];
    roles: RoleInfo[];
}

/**
 * The plan a response was made under.
 */
export interface PlanRef {
    id: string;
    version: string;
}

/**
 * The response at a glance.
 */
export interface Summary {
    id: string;
    kind: string;
    severity: Severity;
    title: Text;
    discoveredAt: string;
    plan: PlanRef;
    /**
     * Every required step on the chosen branches is done.
     */
    closed: boolean;
    pending: number;
    overdue: number;
    awaitingApproval: number;
    /**
     * The next reminder after `now`, if any.
     */
    nextReminder?: Reminder;
}

/**
 * What a log entry records.
 */
export type Action = "open" | "complete" | "decide" | "request_approval" | "skip" | "set_anchor" | "reclassify" | "note";

/**
 * What a reminder announces.
 */
export type ReminderKind = "due_soon" | "overdue";

/**
 * What a response is created from: the classified kind and the discovery time, plus whatever
 * else is known at the start.
 */
export interface ResponseInit {
    /**
     * Kind id of the plan (`power_or_equipment_failure`, …).
     */
    kind: string;
    /**
     * When the incident was discovered: the initial report is due from here.
     */
    discoveredAt: string;
    /**
     * The response's id (storage key); made from the first log entry's hash when left out.
     */
    id?: string;
    site?: string;
    room?: string;
    /**
     * People involved, by role: the drafts take reporters, trackers and proctors from here.
     */
    people?: Person[];
    exam?: ExamInfo;
    /**
     * Times deadlines count from, by anchor id of the plan (`{ outage_started: "…" }`).
     */
    anchors?: Map<string, string>;
    /**
     * Kind-specific facts for the initial report's `details` (`rooms`, `candidate_ids`, …).
     */
    details?: Record<string, unknown>;
    /**
     * Who opens the response.
     */
    by?: Person;
    note?: string;
}

/**
 * What the exam was, where known (the `exam` block of the initial report and the room record).
 */
export interface ExamInfo {
    occupation?: string;
    level?: string;
    subject?: string;
    session?: string;
}

/**
 * What the first log entry records about the incident.
 */
export interface OpenInfo {
    id: string;
    plan: PlanRef;
    kind: string;
    site?: string;
    room?: string;
    people?: Person[];
    exam?: ExamInfo;
    details?: Record<string, unknown>;
}

/**
 * Where a step stands.
 */
export type Status = "pending" | "done" | "skipped" | "overdue" | "awaiting_approval";

/**
 * Which of the plan's two grades an incident belongs to (事件确认).
 */
export type Severity = "general" | "major";

export interface Anchor {
    id: string;
    title: Text;
    clause: string;
}

export interface BranchInfo {
    decision: string;
    option: string;
}

export interface CitedText {
    text: Text;
    clause: string;
}

export interface ClassifierSpec {}

export interface FormsSpec {}

export interface Kind {
    id: string;
    severity: Severity;
    title: Text;
    description: Text;
    /**
     * The clauses that define the kind and its handling, e.g. `重大(4)` and `处理4`.
     */
    clause: string;
    /**
     * The 报告内容 term a report of this kind usually has (`exam_room`, `storage`, …).
     */
    report_subject: string;
    /**
     * Step groups run before the kind's own steps (the reporting chain).
     */
    before?: string[];
    steps: Step[];
    /**
     * Step groups run after the kind's own steps (处理程序, 善后).
     */
    after?: string[];
}

export interface KindInfo {
    id: string;
    severity: Severity;
    title: Text;
}

export interface OptionInfo {
    id: string;
    text: Text;
    /**
     * Step ids this choice makes active.
     */
    next: string[];
}

export interface RelativeDue {
    from: string;
    minutes: number;
}

export interface Reporting {
    /**
     * 报告形式: oral, phone, fax, written.
     */
    forms: Term[];
    /**
     * 报告内容: transport_handover, storage, exam_room, other.
     */
    subjects: Term[];
    /**
     * Who reports to whom (报告程序): each link says a role reports to another.
     */
    chain: ReportLink[];
}

export interface Role {
    id: string;
    title: Text;
    clause: string;
}

export interface RoleInfo {
    id: string;
    title: Text;
}

export interface SavedResponse {
    /**
     * Always `exam-incident/response`.
     */
    format: string;
    version: number;
    id: string;
    /**
     * The plan id and version the response was made under.
     */
    plan: PlanRef;
    /**
     * The current kind.
     */
    kind: string;
    /**
     * Hash of the last log entry (catches entries cut off the end).
     */
    head: string;
    log: LogEntry[];
}

export interface StepGroup {
    id: string;
    title: Text;
    steps: Step[];
}

export interface StepOption {
    id: string;
    text: Text;
    /**
     * Steps (of the same kind) that this choice leads to.
     */
    next?: string[];
    clause?: string;
}

export interface Threshold {
    value: number;
    /**
     * `minutes`, `candidates`, `rooms`, `fraction`, `characters`.
     */
    unit: string;
    text: Text;
    clause: string;
}


/**
 * One incident being handled, step by step: what to do next, who does it, by when, with whose
 * consent; every action logged with a hash chain and autosaved to `localStorage` under
 * `exam-incident/v1/response/<id>`.
 */
export class IncidentResponse {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Records an observation in the log.
     */
    addNote(at: string, text: string, by?: Person): void;
    /**
     * Completes a step. Approval-gated steps need `approvedBy` (or `by`) of the required role.
     * Returns warnings (e.g. `out_of_order`), also recorded in the log. Throws
     * `approval_required`, `step_not_active`, `already_done`, `decision_required`, `unknown_step`, …
     */
    complete(stepId: string, at: string, by?: Person, note?: string, approvedBy?: Person): Warning[];
    /**
     * Settles a decision step with one of its options; that option's steps become active, the
     * others skipped. Throws `approval_required`, `unknown_option`, `not_a_decision`, …
     */
    decide(stepId: string, optionId: string, at: string, approvedBy?: Person, note?: string, by?: Person): Warning[];
    /**
     * Stops reminders (also done by `free()`).
     */
    dispose(): void;
    /**
     * A form prefilled from what the response knows. Throws `unknown_form`.
     */
    draftReport(form: "initial_report" | "staged_report" | "room_record" | "disposal_report" | "readiness_check"): Record<string, unknown>;
    /**
     * Restores a response from `toJSON()` output (object or JSON text), checking its hash chain
     * and replaying its log; then saves it. Throws `bad_state`, `unsupported_version`,
     * `log_tampered`, `plan_mismatch`, `too_large`.
     */
    static fromJSON(saved: SavedResponse | string): IncidentResponse;
    /**
     * True when every required step on the chosen branches is done.
     */
    isClosed(): boolean;
    /**
     * The append-only log, each entry hash-chained to the previous one.
     */
    log(): LogEntry[];
    /**
     * Opens a response for a classified incident under the active plan and saves it.
     * Throws `unknown_kind`, `bad_time`, `bad_argument`, `too_large`.
     */
    constructor(init: ResponseInit);
    /**
     * The next reminder after `now`, or `undefined`.
     */
    nextReminder(now?: string, leadMinutes?: number): Reminder | undefined;
    /**
     * Stops a reminder subscription; false if the id is unknown.
     */
    offReminder(id: number): boolean;
    /**
     * Calls `callback(reminder)` when a step falls due (`due_soon`, `leadMinutes` before its
     * deadline, if given) and when it becomes overdue; steps already overdue are announced
     * right away. Returns an id for `offReminder`.
     */
    onReminder(callback: (reminder: Reminder) => void, leadMinutes?: number): number;
    /**
     * Called with the `Error` (code `storage_full`, `storage_disabled`, `storage_error`) when
     * an autosave fails; `null` to stop.
     */
    onStorageError(callback: ((error: Error) => void) | null): void;
    /**
     * The initial report as a short text to read out (口头、电话报告), in both languages.
     */
    phoneScript(now?: string, caller?: Person): Text;
    /**
     * The incident is of another kind: the log and the steps done stay, the rest is re-planned.
     */
    reclassify(kind: string, at: string, by?: Person, note?: string): void;
    /**
     * Logs that a step's approval was asked for; it reads `awaiting_approval` until settled.
     */
    requestApproval(stepId: string, at: string, by?: Person, note?: string): void;
    /**
     * Restores the response saved in this browser under `id` (see `savedResponses()`). A
     * corrupt entry is moved to quarantine and its error thrown. Throws `not_saved`,
     * `bad_state`, `log_tampered`, `unsupported_version`, `plan_mismatch`, storage codes.
     */
    static restore(id: string): IncidentResponse;
    /**
     * Saves now (e.g. after space was freed); returns whether it worked (see `storageStatus()`).
     */
    save(): boolean;
    /**
     * Sets the time a deadline counts from (e.g. `outage_started`).
     */
    setAnchor(id: string, at: string, by?: Person, note?: string): void;
    /**
     * Leaves out an optional step. Throws `step_not_optional`, …
     */
    skip(stepId: string, at: string, by?: Person, note?: string): void;
    /**
     * The steps in order with their status at `now` (default: the browser's clock).
     */
    steps(now?: string): StepState[];
    /**
     * How the last autosave went.
     */
    storageStatus(): StorageStatus;
    /**
     * Counts, closure and the next reminder at `now` (`leadMinutes` early).
     */
    summary(now?: string, leadMinutes?: number): Summary;
    /**
     * The saved form: `fromJSON(toJSON())` restores it, and writing it again gives the same JSON.
     */
    toJSON(): SavedResponse;
    /**
     * True when every log entry fits the hash chain.
     */
    verifyLog(): boolean;
    /**
     * The response's id (its storage key is `exam-incident/v1/response/<id>`).
     */
    readonly id: string;
    /**
     * The current kind (after any reclassification).
     */
    readonly kind: string;
}

/**
 * The kind's ordered steps, decisions, deadlines and forms. Throws `unknown_kind`.
 */
export function guide(kind: string): Guidance;

/**
 * Replaces the active plan with a site's own (JSON text or an object). Throws `plan_invalid`
 * with `problems` listing every problem found, each with its path; the previous plan stays
 * active then.
 */
export function loadPlan(plan: string | PlanDocument): PlanInfo;

/**
 * Summary of the active plan: id, version, name, time zone, kinds and roles.
 */
export function planInfo(): PlanInfo;

/**
 * The embedded default plan as JSON text: what a site starts from to write its own.
 */
export function planJson(): string;

/**
 * Removes a saved response (quarantined copies stay). Throws `bad_argument` or a storage code.
 */
export function removeSavedResponse(id: string): void;

/**
 * Goes back to the embedded default plan.
 */
export function resetPlan(): PlanInfo;

/**
 * Responses saved in this browser (newest discovery first). Entries that cannot be read are
 * moved to `exam-incident/v1/quarantine/response/<id>` (kept, not deleted) and listed in
 * `quarantined`. Throws `storage_disabled` / `storage_error` when storage cannot be read.
 */
export function savedResponses(): SavedList;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_incidentresponse_free: (a: number, b: number) => void;
    readonly guide: (a: any) => [number, number, number];
    readonly incidentresponse_addNote: (a: number, b: any, c: any, d: number) => [number, number];
    readonly incidentresponse_complete: (a: number, b: any, c: any, d: number, e: number, f: number) => [number, number, number];
    readonly incidentresponse_decide: (a: number, b: any, c: any, d: any, e: number, f: number, g: number) => [number, number, number];
    readonly incidentresponse_dispose: (a: number) => void;
    readonly incidentresponse_draftReport: (a: number, b: any) => [number, number, number];
    readonly incidentresponse_fromJSON: (a: any) => [number, number, number];
    readonly incidentresponse_id: (a: number) => [number, number];
    readonly incidentresponse_isClosed: (a: number) => number;
    readonly incidentresponse_kind: (a: number) => [number, number];
    readonly incidentresponse_log: (a: number) => [number, number, number];
    readonly incidentresponse_new: (a: any) => [number, number, number];
    readonly incidentresponse_nextReminder: (a: number, b: number, c: number, d: number) => [number, number, number];
    readonly incidentresponse_offReminder: (a: number, b: number) => number;
    readonly incidentresponse_onReminder: (a: number, b: any, c: number, d: number) => [number, number, number];
    readonly incidentresponse_onStorageError: (a: number, b: any) => [number, number];
    readonly incidentresponse_phoneScript: (a: number, b: number, c: number) => [number, number, number];
    readonly incidentresponse_reclassify: (a: number, b: any, c: any, d: number, e: number) => [number, number];
    readonly incidentresponse_requestApproval: (a: number, b: any, c: any, d: number, e: number) => [number, number];
    readonly incidentresponse_restore: (a: any) => [number, number, number];
    readonly incidentresponse_save: (a: number) => number;
    readonly incidentresponse_setAnchor: (a: number, b: any, c: any, d: number, e: number) => [number, number];
    readonly incidentresponse_skip: (a: number, b: any, c: any, d: number, e: number) => [number, number];
    readonly incidentresponse_steps: (a: number, b: number) => [number, number, number];
    readonly incidentresponse_storageStatus: (a: number) => [number, number, number];
    readonly incidentresponse_summary: (a: number, b: number, c: number, d: number) => [number, number, number];
    readonly incidentresponse_toJSON: (a: number) => [number, number, number];
    readonly incidentresponse_verifyLog: (a: number) => number;
    readonly loadPlan: (a: any) => [number, number, number];
    readonly planInfo: () => [number, number, number];
    readonly planJson: () => [number, number];
    readonly removeSavedResponse: (a: any) => [number, number];
    readonly resetPlan: () => [number, number, number];
    readonly savedResponses: () => [number, number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h01cdc7ee74fdf729: (a: number, b: number) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
