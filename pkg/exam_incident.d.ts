/* tslint:disable */
/* eslint-disable */

/** Bilingual finding texts by code, with `{param}` placeholders. */
export type Messages = Record<string, Text>;

/**
 * What every export throws: an `Error` whose `message` is `zh / en`, with a stable `code`, the
 * bilingual `text`, the `params` the text is made of (`{}` when none) and, for `plan_invalid`,
 * every `problems` found.
 */
export interface ExamIncidentError extends Error {
    code: string;
    text: Text;
    params: Record<string, string | number>;
    problems?: PlanProblem[];
}



/** The report forms of the plan. */
export type FormId = "initial_report" | "staged_report" | "room_record" | "disposal_report" | "readiness_check";


/**
 * A change of handling: when the best kind is one of `kinds` and every condition holds for
 * certain, the result names who the matter goes to and why.
 */
export interface Escalation {
    id: string;
    kinds: string[];
    /**
     * Role id.
     */
    to: string;
    /**
     * May name thresholds as `{threshold_id}`.
     */
    reason: Text;
    clause: string;
    /**
     * Any one of these condition lists holds (each list: all of its conditions).
     */
    when_any: ClassifierCond[][];
}

/**
 * A condition on the data: the value at `path` is given (no `is`), or equals `is`.
 */
export interface FormCond {
    path: string;
    is?: string | number | boolean;
}

/**
 * A cross-field rule. Paths are JSON Pointers into the form; with `each` (an array's pointer)
 * the rule runs once per item and paths without a leading `/` are relative to the item.
 * `check` names the mechanism as `{ "order": { "first": …, "then": …, "at": … } }` (an
 * externally tagged enum: serde's internally tagged and flattened forms buffer through its
 * `Content` type, which costs tens of KB of wasm).
 */
export interface FormRule {
    check: Check;
    /**
     * The finding code (a key of `messages`).
     */
    code: string;
    level?: Level;
    clause: string;
    /**
     * Where the rule comes from: the seed's clause, a site default, or an inference.
     */
    basis: Basis;
    /**
     * Why an `inferred` rule holds, in one line; required for `inferred`.
     */
    reason?: Text;
    /**
     * The rule applies only when this holds.
     */
    when?: FormCond;
    each?: string;
}

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
 * A field's spec. Absent, `null` and `""` all count as "not given".
 */
export interface Field {
    /**
     * The type; may be left out when `shape` names a shared shape.
     */
    type?: FieldType;
    /**
     * A shared shape from `forms.shapes` this field has.
     */
    shape?: string;
    required?: boolean;
    title?: Text;
    clause?: string;
    /**
     * Values of an `enum` field.
     */
    values?: string[];
    /**
     * Fields of an `object`.
     */
    fields?: Record<string, Field>;
    /**
     * An `object` whose other keys are the portal's business (no `unknown_field`).
     */
    open?: boolean;
    /**
     * Items of an `array`.
     */
    items?: Field;
    min_items?: number;
    /**
     * Fewest items as a plan threshold (`mass_cheating_rooms`).
     */
    min_items_threshold?: string;
    max_items?: number;
    max_chars?: number;
    /**
     * Least value of a number.
     */
    min?: number;
    max?: number;
    /**
     * Items of an array must differ.
     */
    unique?: boolean;
    phone?: PhoneKind;
    /**
     * Finding codes to use instead of the generic ones (`too_few` → `no_proctor_signed`).
     */
    codes?: Record<string, string>;
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
 * A number, or the name of a plan threshold.
 */
export type NumRef = number | string;

/**
 * A point in time a deadline can count from (besides `discovered`).
 */
export type Anchor = Term;

/**
 * A point of the log recorded outside the browser (on a report, on paper): the head hash (or
 * at least its first 8 hex digits, the check code) after `count` entries.
 */
export interface LogAnchor {
    head: string;
    count: number;
}

/**
 * A role (who acts, who reports to whom): an id with its title and the clause that names it.
 */
export type Role = Term;

/**
 * A rule of the plan that holds at all times rather than being carried out in a response.
 */
export interface StandingRule {
    id: string;
    clause: string;
    basis: Basis;
    reason?: Text;
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
     * Why: `bad_state`, `log_tampered`, `unsupported_version`, `conflict` (an old whole copy that
     * diverged from the saved one), or a storage code if moving failed. `bad_state` too for an
     * entry set aside with no reason recorded (by an earlier build).
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
    /**
     * Hash of the last entry: with `entries`, an anchor for `verifyLog({ head, count })`.
     */
    head: string;
    site?: string;
    room?: string;
}

/**
 * A signal said as an object and a predicate in one clause, in either order.
 */
export interface Frame {
    id: string;
    /**
     * The signal the frame says (exactly one of `signal` and `cue`).
     */
    signal?: Signal;
    /**
     * Or a plan cue.
     */
    cue?: string;
    clause: string;
    objects: Terms;
    predicates: Terms;
}

/**
 * A signal that gives way to others where their terms share words (`ClassifierSpec::yields`).
 */
export interface Yield {
    signal: Signal;
    to: Signal[];
    clause: string;
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
     * `seed`, `site_default` (本考点默认: the site may set it otherwise) or `inferred`.
     */
    basis: Basis;
    /**
     * Why, where the basis is not the seed.
     */
    reason?: Text;
    /**
     * `immediate` (the seed says 立即 / 先), `any_time` (no order), or `in_turn`.
     */
    order: StepOrder;
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
    /**
     * `seed`, `site_default` (本考点默认: the site may set it otherwise) or `inferred`.
     */
    basis: Basis;
    /**
     * Why, where the basis is not the seed.
     */
    reason?: Text;
    /**
     * `immediate` (the seed says 立即 / 先), `any_time` (no order), or `in_turn`.
     */
    order: StepOrder;
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
 * A trained linear model (`cargo run --release --example train_model` writes it).
 */
export interface LearntModel {
    /**
     * The clause the examples' labels follow.
     */
    clause: string;
    /**
     * What it was trained on (settings and examples), to tell when it is out of date.
     */
    trained_on: string;
    buckets_log2: number;
    /**
     * A kind id per class, `null` for "no incident".
     */
    labels: (string | undefined)[];
    bias: number[];
    scale: number;
    /**
     * The weights, base64 (`train::encode`).
     */
    weights: string;
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
    thresholds: Record<string, Threshold>;
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
     * Standing rules that are no step of a response: the organisation (组织领导), information
     * assurance (保障), the press rule during the exam, the supplementary articles (附则).
     */
    standing?: StandingRule[];
    /**
     * Sentence templates of the read-aloud initial report (口头、电话报告).
     */
    phone_script: PhoneScript;
    /**
     * Words the staged-report draft puts before log entries (阶段性报告).
     */
    draft_texts: DraftTexts;
    /**
     * Rules of the incident log itself (which threshold bounds a time ahead of now).
     */
    log?: LogRules;
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
 * An entry left out on reload.
 */
export interface Dropped {
    action: Action;
    at: string;
    step?: string;
    code: string;
    message: Text;
}

/**
 * An id with its bilingual name and clause: roles, anchors, report forms and subjects share
 * this shape (and so one decoder in the wasm).
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
    /**
     * Where the option comes from: its own basis, else its step's.
     */
    basis: Basis;
}

/**
 * Blocks submission (`error`) or advises (`warning`).
 */
export type Level = "error" | "warning";

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
 * How a finding's message shows a value, per language; the finding's `params` keep the ids.
 * Kinds and roles are shown by their titles in the plan; what has no title is here.
 */
export interface Words {
    /**
     * A `true` (是 / yes).
     */
    yes: Text;
    /**
     * A `false` (否 / no).
     */
    no: Text;
    /**
     * Between the items of a list (、 / , ).
     */
    list_separator: Text;
    /**
     * An empty list of roles (the reporting chain names no one).
     */
    nobody: Text;
    /**
     * `major`, `general` (重大 / 一般).
     */
    severities: Record<string, Text>;
    /**
     * The JSON types a `wrong_type` finding expects (`object`, `array`, `string`, `number`,
     * `integer`, `boolean`).
     */
    types: Record<string, Text>;
}

/**
 * How exact a number read from text is: 两个考场 is exact, 两个以上考场 at least 2, 超过30分钟
 * more than 30, 30分钟内 at most 30, 不到10个 less than 10.
 */
export type Bound = "exact" | "at_least" | "more_than" | "at_most" | "less_than";

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
     * `storage_full`, `storage_disabled`, `storage_error` or `conflict` after a failure.
     */
    code?: string;
    message?: Text;
    /**
     * When the last successful save happened.
     */
    savedAt?: string;
}

/**
 * How the learnt model is trained (`src/classify/train.rs`) and read. The defaults were measured
 * across the development corpora (docs/classify.md).
 */
export interface Learning {
    /**
     * Features are hashed into 2^`buckets_log2` buckets.
     */
    buckets_log2?: number;
    /**
     * The SVM's C: how closely it fits the examples.
     */
    c?: number;
    /**
     * A feature counts when at least this many examples have it.
     */
    min_examples?: number;
    /**
     * How many weights the model keeps (the largest).
     */
    keep_weights?: number;
    /**
     * Each kept weight is one of ±`weight_levels` steps of one scale (at most 127: a byte).
     */
    weight_levels?: number;
    /**
     * Passes over the examples at most, and the solver's stopping tolerance.
     */
    max_passes?: number;
    tolerance?: number;
    /**
     * Scores become shares of likelihood as `exp(temperature × score)`.
     */
    temperature?: number;
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
 * Mainland China numbers: mobiles `1[3-9]` + 9 digits; landlines with an area code
 * (`0531-88888888`, `053188888888`, `0531-8888-8888`), optionally an extension; national
 * service numbers (`400-810-8888`). Full-width digits and punctuation (typed with a Chinese
 * input method) read as their ASCII forms.
 */
export interface PhoneSpec {
    /**
     * Digits a mobile number has in all (11).
     */
    mobile_digits: number;
    /**
     * The second digits a mobile number may have after its leading `1` (`"3456789"`).
     */
    mobile_second: string;
    /**
     * Digits of the area code including its leading `0` (3 or 4).
     */
    area_digits: number[];
    /**
     * Digits of the local number (7 or 8); it may not start with `0` or `1`.
     */
    local_digits: number[];
    /**
     * Most digits of an extension (after `-` or one of `extension_markers`).
     */
    max_extension_digits: number;
    /**
     * Words or signs before an extension (`转`, `分机`, `ext`, `#`), matched ignoring ASCII case.
     */
    extension_markers?: string[];
    /**
     * An international `+86` / `0086` prefix may come first (and, before a mobile, a bare `86`
     * as address books copy it); the area code's `0` may be kept after it or left out.
     */
    allow_country_code: boolean;
    /**
     * Leading digits of national service numbers (`400`, `800`), which have no area code.
     */
    service_prefixes?: string[];
    /**
     * Digits a service number has in all (10).
     */
    service_digits?: number;
    clause: string;
}

/**
 * One condition: exactly one of `signals_any`, `cues_any`, `any`, or a `fact` with one test.
 */
export interface ClassifierCond {
    signals_any?: Signal[];
    cues_any?: string[];
    /**
     * Holds when any of the conditions holds.
     */
    any?: ClassifierCond[];
    fact?: FactKey;
    /**
     * fact ≥ value.
     */
    min?: NumRef;
    /**
     * fact ≤ value ("within 30 minutes" includes 30).
     */
    max?: NumRef;
    /**
     * fact > value.
     */
    above?: NumRef;
    /**
     * A yes/no fact equals this.
     */
    is?: boolean;
    /**
     * The phase is one of these.
     */
    in?: Phase[];
    /**
     * What an unknown fact makes of the condition: `doubt` (default: possibly; ask), `pass`, `fail`.
     */
    if_unknown?: IfUnknown;
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
 * One labelled phrasing: `kind` null for a text that describes no incident.
 */
export interface Example {
    kind: string | undefined;
    text: string;
    clause: string;
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
 * One problem of a submitted form.
 */
export interface Finding {
    /**
     * JSON Pointer (RFC 6901) to the offending field: `/reporter/role`, `/entries/2/at`;
     * `""` for the whole form.
     */
    path: string;
    /**
     * Stable snake_case id of the finding, e.g. `initial_report_late`.
     */
    code: string;
    /**
     * What is wrong, with the parameters filled in.
     */
    message: Text;
    /**
     * The values the message was filled with (minutes, limits, ids).
     */
    params?: Record<string, string | number>;
}

/**
 * One report form: its title, its fields and its cross-field rules.
 */
export interface FormSpec {
    title: Text;
    clause: string;
    fields: Record<string, Field>;
    rules?: FormRule[];
}

/**
 * One row of the decision table. A rule holds when all its conditions hold; it may hold only
 * possibly, when a fact it tests is unknown (then it still proposes its kind, and the question
 * about that fact is asked).
 */
export interface ClassifierRule {
    id: string;
    kind: string;
    /**
     * Escalates the kind's own severity where the plan says so (never lowers it).
     */
    severity?: Severity;
    /**
     * Higher wins among rules of equal severity and certainty (0–100).
     */
    priority: number;
    clause: string;
    /**
     * Only proposed when no other rule proposes anything.
     */
    fallback?: boolean;
    /**
     * Never more than possible: the kind is proposed with `certain: false` and the questions
     * ask what would settle it (发烧 alone, disorder in two rooms without cheating said).
     */
    uncertain?: boolean;
    when: ClassifierCond[];
    /**
     * Kinds this rule rules out when it holds for certain, even graver ones: a paper a candidate
     * took home after the exam is 一般(5), whatever they did with it then (a photo posted is no
     * leak in transport or storage, 重大(1)).
     */
    rules_out?: string[];
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
    basis: Basis;
    /**
     * Why, where `basis` is not `seed` (required for `inferred`).
     */
    reason?: Text;
    /**
     * `immediate` for what the seed says to do 立即 / 先, `any_time` where it sets no order.
     */
    order?: StepOrder;
    due?: Due;
    /**
     * Role id whose consent the step needs before it is carried out.
     */
    requires_approval?: string;
    /**
     * Further roles whose consent the seed ties to the same decision (处理1¶2: 经上级批准，…
     * 报请职业技能鉴定所同意后宣布…考试无效): a report may record the step's approval by any of
     * them besides `requires_approval`. The response engine asks for `requires_approval`'s.
     */
    also_approved_by?: string[];
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
    basis: Basis;
    reason?: Text;
    /**
     * The seed makes it compulsory (须); a missing compulsory item is an error, not a warning.
     */
    compulsory?: boolean;
}

/**
 * Options of `validateReport`.
 */
export interface ValidateOptions {
    /**
     * What "now" is for "not in the future" (RFC 3339 or local time). Left out: the browser's
     * clock (natively, the `Clock` handed to `validate_report`).
     */
    now?: string;
}

/**
 * Rules of the incident log (阶段性报告: 跟踪、记录). Optional: a plan without it allows no
 * action time ahead of now.
 */
export interface LogRules {
    clause: string;
    /**
     * The threshold (minutes) by which a time handed in may be later than now; a time input has
     * whole minutes and two devices' clocks differ a little.
     */
    future_tolerance?: string | undefined;
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
 * Sizes beyond which input is refused (bounded time on any input).
 */
export interface Limits {
    /**
     * Characters of a string field unless the field says otherwise.
     */
    max_chars: number;
    /**
     * Items of an array field unless the field says otherwise.
     */
    max_items: number;
    /**
     * Bytes of the whole form as JSON; beyond it validation throws `too_large`.
     */
    max_bytes: number;
    /**
     * Findings reported at most; the rest are summed up in one `too_many_findings`.
     */
    max_findings: number;
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
 * Something a proctor observed. The ids are fixed by the API; the words for them are plan data.
 */
export type Signal = "paper_stolen" | "paper_lost" | "paper_seal_broken" | "paper_leaked" | "paper_water_damage" | "paper_fire_damage" | "papers_delayed" | "candidates_delayed" | "room_disorder" | "cheating" | "terror" | "critical_illness" | "infectious_disease" | "earthquake" | "fire" | "flood" | "disaster" | "wrong_subject_paper" | "papers_short" | "pages_missing" | "media_no_display" | "media_no_sound" | "question_error" | "power_outage" | "equipment_failure" | "virus" | "software_failure" | "network_failure" | "paper_missing" | "answer_sheet_missing" | "paper_taken_away";

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
    /**
     * Rules that hold at all times (组织领导, 保障, 附则), each with its clause and basis.
     */
    standing: StandingRule[];
}

/**
 * The `forms` section: limits, phone-number shapes, shared shapes and the five forms.
 */
export interface FormsSpec {
    limits?: Limits;
    /**
     * What a mainland phone number looks like (保障(二)¶2: hotline and mobile phones).
     */
    phone?: PhoneSpec;
    /**
     * Field shapes shared by several forms (`person`, …), referred to by `"shape"`.
     */
    shapes?: Record<string, Field>;
    /**
     * The forms by id; the ids are `FORM_IDS`.
     */
    forms?: Record<string, FormSpec>;
    /**
     * Words the findings' messages show for values that are not text of their own: yes/no,
     * severities, JSON types, the separator of a list. Left out, messages show the ids.
     */
    words?: Words;
}

/**
 * The facts the rules and the questions can test (field names of [`Facts`] besides `signals`).
 */
export type FactKey = "phase" | "rooms_affected" | "candidates_affected" | "outage_minutes" | "restored" | "regional" | "candidates_fraction" | "candidates_large" | "signals" | "kind";

/**
 * The log's head and entry count as a report or a paper record carries them (`anchor()`): what
 * `verifyLog({ head, count })` is later checked against.
 */
export interface LogSeal {
    head: string;
    count: number;
    /**
     * The head's first 8 hex digits (`9C58-669B`), for paper.
     */
    checkCode: string;
}

/**
 * The mechanisms a rule can use.
 */
export type Check = { required: { field: string } } | { order: { first: string; then: string; at: string; date?: string } } | { within: { from: string; to: string; threshold: string } } | { not_longer: { field: string; from: string; to: string } } | { not_future: { field: string; tolerance?: string } } | { on_date: { field: string; date: string } } | { same_plan: { field: string } } | { kind_severity: { kind: string; severity: string } } | { chain: { from: string; to: string; kind: string } } | { variant: { selector: string; field: string; cases: Record<string, Field> } } | { escalation: { started: string; restored_at: string; until: string; regional: string; decision: string; threshold: string } } | { sum: { total: string; parts: string[] } } | { count_of: { count: string; items: string } } | { ascending: { items: string; at: string } } | { same: { field: string; as: string } } | { kind_approvals: { kind: string; approvals: string; role: string } } | { approvals_recorded: { kind: string; approvals: string; role: string } } | { approver: { field: string } } | { expect_true: { field: string } };

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
 * The result of `classify`.
 */
export interface Classification {
    /**
     * The best kind: `null` only when the text describes no incident. An incident-like text
     * that no rule settles gets its best candidate here, with `certain: false` on it.
     */
    kind: string | undefined;
    /**
     * The kind's severity as the plan files it (a change of handling is `escalation`).
     */
    severity: Severity | undefined;
    /**
     * Whether a rule of the plan settles the kind (otherwise: confirm it with the proctor).
     */
    certain: boolean;
    /**
     * Every kind the facts point to: rules' kinds by severity, then certainty, then score;
     * without a certain rule, the kinds of the nearest example phrasings after them.
     */
    candidates: Candidate[];
    /**
     * What to ask next: each question's answer could change the kind, the severity or the
     * escalation; without a certain rule, first a question to confirm the kind.
     */
    questions: QuestionOut[];
    /**
     * A change of handling beside the severity (an outage past the plan's limit, or regional,
     * goes to the superiors), never a change of severity.
     */
    escalation?: EscalationOut;
    /**
     * What was understood, from the text and the given facts.
     */
    facts: Facts;
    /**
     * Words the text negated (未泄密, no leak), with their offsets, so a page can show them struck out.
     */
    negated: Span[];
}

/**
 * The result of `validateReport`: `ok` when there is no error (warnings do not block).
 */
export interface Report {
    ok: boolean;
    errors: Finding[];
    warnings: Finding[];
}

/**
 * What `classify` takes: free text (Chinese first, English too) and/or ticked facts.
 */
export interface ClassifyInput {
    /**
     * At most 10,000 characters.
     */
    text?: string;
    /**
     * Facts win over what the text suggests.
     */
    facts?: Facts;
}

/**
 * What a field holds. Vocabulary types (`kind`, `role`, `report_form`, `subject`, `severity`)
 * take their values from the plan itself, so a site's own plan changes them.
 */
export type FieldType = "string" | "integer" | "number" | "boolean" | "time" | "date" | "clock" | "clock_or_time" | "phone" | "enum" | "kind" | "role" | "report_form" | "subject" | "severity" | "object" | "array";

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
     * The response's id (storage key); when left out, made from the first log entry's hash
     * and `nonce`, so that each start is a new response.
     */
    id?: string;
    /**
     * Random text that makes the made id unique (the browser binding supplies one from
     * `crypto.getRandomValues` when left out; the core itself stays deterministic).
     */
    nonce?: string;
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
    anchors?: Record<string, string>;
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
 * What is known about an incident. As input: what the proctor ticked (it wins over the text).
 * As output: everything understood, from the text and the given facts together.
 */
export interface Facts {
    phase?: Phase;
    signals?: Signal[];
    /**
     * Exam rooms affected. From text this may be a lower bound: 多个考场 / several rooms → 2.
     */
    rooms_affected?: number;
    candidates_affected?: number;
    /**
     * Length of the power cut or equipment failure, in minutes (so far, when `restored` is false).
     */
    outage_minutes?: number;
    restored?: boolean;
    /**
     * A regional, large-area outage (区域大面积停电).
     */
    regional?: boolean;
    /**
     * Extension: the share of the session's candidates affected, 0–1 (一半 → 0.5, 三分之一 → 0.33).
     */
    candidates_fraction?: number;
    /**
     * Extension: "large numbers" of candidates without a figure (大量, 大批, many).
     */
    candidates_large?: boolean;
    /**
     * Extension, output only: the rooms the text names, as typed (第二考场, 3号考场, room 5), to
     * prefill a form; ignored as input.
     */
    rooms?: string[];
}

/**
 * What re-applying this instance's unsaved entries onto a reloaded copy did
 * (`IncidentResponse.reload()`).
 */
export interface Rebased {
    /**
     * Entries of this instance that the stored copy lacked and that were appended again.
     */
    reapplied: number;
    /**
     * Entries that no longer fit (e.g. the other tab completed the same step), with why.
     */
    dropped: Dropped[];
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
 * When a step may be carried out relative to the steps listed before it.
 */
export type StepOrder = "in_turn" | "immediate" | "any_time";

/**
 * Where a plan item comes from (issue 16): the seed itself, a figure or rule the site may
 * change, or an inference the plan makes where the seed is silent (then with a `reason`).
 */
export type Basis = "seed" | "site_default" | "inferred";

/**
 * Where a step stands.
 */
export type Status = "pending" | "done" | "skipped" | "overdue" | "awaiting_approval";

/**
 * Where in the life of the papers and the exam the event happened.
 */
export type Phase = "transport" | "storage" | "before_exam" | "during_exam" | "after_exam";

/**
 * Which numbers a `phone` field accepts.
 */
export type PhoneKind = "any" | "mobile";

/**
 * Which of the plan's two grades an incident belongs to (事件确认).
 */
export type Severity = "general" | "major";

/**
 * Who a matter goes to beyond the kind's own handling, and why.
 */
export interface EscalationOut {
    /**
     * Role id.
     */
    to: string;
    reason: Text;
    clause: string;
}

/**
 * Why a kind was proposed: a rule of the plan, and the words or facts it rests on.
 */
export interface Evidence {
    source: Source;
    /**
     * Id of the plan rule.
     */
    rule: string;
    /**
     * Seed clause the rule implements.
     */
    clause: string;
    /**
     * The words as typed (source `text`), or `fact=value` (source `facts`).
     */
    matched: string;
    /**
     * Offset of `matched` in the text, in UTF-16 code units (JS string indexes), for `text`.
     */
    start?: number;
    /**
     * End offset (exclusive), in UTF-16 code units.
     */
    end?: number;
    /**
     * For source `example`: the example phrasing the text is nearest to (`matched` is a
     * fragment both share).
     */
    example?: string;
}

/**
 * Words in both languages. Matching ignores ASCII case and full-width/half-width forms.
 * (Not `zh`/`en`: an object of exactly those keys is a bilingual text to the plan checker.)
 */
export interface Terms {
    zh_terms: string[];
    en_terms?: string[];
}

/**
 * Words of the staged-report draft that turn log actions into sentences.
 */
export interface DraftTexts {
    clause: string;
    opened: Text;
    approval_requested: Text;
    skipped: Text;
    reclassified: Text;
    note: Text;
}

/**
 * Words of the text, with UTF-16 offsets (`text.slice(start, end)` in JS).
 */
export interface Span {
    matched: string;
    start: number;
    end: number;
}

/**
 * Words that clear what they name: any of `words` in a text takes back its `signals` and `cues`.
 */
export interface Clearing {
    id: string;
    clause: string;
    words: string[];
    signals?: Signal[];
    cues?: string[];
}

export interface BoundWords {
    bound: Bound;
    /**
     * Before the number (超过30分钟, within 30 minutes).
     */
    prefix?: string[];
    /**
     * After the number or its unit (30分钟以上, 20多分钟, 30分钟内).
     */
    suffix?: string[];
}

export interface BranchInfo {
    decision: string;
    option: string;
}

export interface Candidate {
    kind: string;
    severity: Severity;
    /**
     * 0–1: the best rule's priority, halved when the rule holds only possibly (a fact it tests
     * is unknown).
     */
    score: number;
    /**
     * Some rule for this kind holds for certain.
     */
    certain: boolean;
    evidence: Evidence[];
}

export interface CitedText {
    text: Text;
    clause: string;
}

export interface ClassifierSpec {
    /**
     * Words for every signal of the API (Chinese with common synonyms, and English).
     */
    lexicon: Record<Signal, Terms>;
    /**
     * Plan-defined cues that are not API signals (e.g. 踩踏 for `other_major`); rules test them
     * with `cues_any`.
     */
    cues?: Record<string, Terms>;
    /**
     * Words that set a yes/no fact (已恢复 → restored, 区域停电 → regional).
     */
    flags: FlagTerms[];
    /**
     * Phase cues (押运 → transport, 保密室 → storage, …).
     */
    phases: Record<Phase, Terms>;
    negation: Negation;
    numbers: Numbers;
    /**
     * Signals whose text durations are the outage length (`outage_minutes`).
     */
    outage_signals: Signal[];
    /**
     * The decision table: facts → kinds, each rule citing its clause.
     */
    rules: ClassifierRule[];
    /**
     * What to ask when one answer would change the kind, the severity or the escalation.
     */
    questions: Question[];
    /**
     * Object + predicate frames: a signal said by a predicate attached to its object within a
     * clause (试卷…被拍照), where neither word alone says it.
     */
    frames?: Frame[];
    /**
     * How far apart (in characters) an object and its predicate may be in one clause.
     */
    frame_window_chars?: number;
    /**
     * What a spaced (English) word counts for in that window, in characters: "the seal of the
     * paper packet is torn" is as near as 试卷袋封条被撕开 (0: each letter counts, as in Chinese).
     */
    frame_word_chars?: number;
    /**
     * Common words that hold or sound like a shorter term and never stand for it (味道 is not
     * 未到, 湿度计 is not 湿): no term is found inside them, as written or by sound, and no term
     * heard by sound takes the first half of one (好多人至少 holds no 人质) or starts inside one
     * (数据在 holds no 聚在).
     */
    plain_words?: string[];
    /**
     * Characters that carry no word of their own (了, 着, 过 …): a term whose other characters
     * are one matches as written, like a one-character term, since by sound that one character
     * meets every common character of its syllable (塌了 is not 他了, 湿了 is not 老师了).
     */
    sound_particles?: string;
    /**
     * Signals that give way where their words are another's: a term of `signal` sharing words
     * with a term of one of `to` says nothing of its own (少了一份 in 试卷少了一份 is the papers
     * short, "missing" in "papers are missing pages" is the pages).
     */
    yields?: Yield[];
    /**
     * Changes of handling beside the kind's severity (a long or regional outage goes to the
     * superiors): never a change of severity.
     */
    escalations?: Escalation[];
    /**
     * Labelled example phrasings: the safety net when no rule is certain.
     */
    examples?: Example[];
    /**
     * How the safety net ranks by similarity to the examples.
     */
    similarity?: Similarity;
    /**
     * How the learnt model is trained and read.
     */
    learning?: Learning;
    /**
     * The learnt model, trained ahead from the examples (and a bank of proctors' phrasings kept
     * beside the plan): absent, it is trained from `examples` on first use.
     */
    model?: LearntModel;
}

export interface FixedDuration {
    minutes: number;
    terms: string[];
}

export interface FlagTerms {
    /**
     * A yes/no fact: `restored`, `regional` or `candidates_large`.
     */
    fact: FactKey;
    value: boolean;
    terms: Terms;
}

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

export interface Measure {
    target: Target;
    /**
     * Minutes per unit for time units (小时 → 60); 1 for counts.
     */
    factor?: number;
    terms: string[];
}

export interface Negation {
    /**
     * Words that cancel what follows them (未, 没有, 无, 并未, 不是, 非, no, not, never).
     */
    negators: string[];
    /**
     * Words that contain a negator but do not negate (非常, 无法, 未经).
     */
    not_negators: string[];
    /**
     * Words that make a following yes/no fact unknown rather than true (预计…恢复).
     */
    hedges: string[];
    /**
     * Words that end a negator's scope (但是, 而是, but); punctuation always does.
     */
    breaks: string[];
    /**
     * Words that carry a negation on to the next term (和, 或, 也, and, or).
     */
    connectors: string[];
    /**
     * How far (in characters) after a negator its first term may start.
     */
    scope_chars: number;
    /**
     * How far (in words) after a negator its first term may start when the words between are
     * Latin-script ("no one was caught cheating"); absent: counted in characters too.
     */
    scope_words?: number;
    /**
     * Words that make a sentence say nothing happened here: a drill, a hypothetical, the news,
     * a question about the procedure (演练, 如果, 新闻, 请问, drill, if).
     */
    unreal?: string[];
    /**
     * Words of a threat (扬言, threatened): a threat is made now whatever its condition, so a
     * sentence with one stays real beside an unreal word (炸掉考点如果…, blow it up if …).
     */
    threats?: string[];
    /**
     * Words that turn a sentence (但是, 不过, but): an unreal word's reach stops at them.
     */
    unreal_breaks?: string[];
    /**
     * Words of saying before a quote (喊, 说, shouted): the quote is speech relayed, a report,
     * where a quoted word alone is only named (the “bomb”).
     */
    speech_markers?: string[];
    /**
     * Question words (能不能, 要不要, 还是, 对吧): in a clause that ends with a question mark and
     * has no word of `perfectives`, the events named are asked about, not reported
     * (发烧的考生还能不能进场？; but 考生晕倒了要不要叫120？ reports the faint).
     */
    question_words?: string[];
    /**
     * Aspect words that say something has happened (了): a question clause with one reports it.
     */
    perfectives?: string[];
    /**
     * Words that open a question in English (is, does, has, what): a clause that opens with one
     * and ends with a question mark asks about the events it names (Is one room with three
     * cheaters a major incident?); the same word inside a clause asks nothing (the candidate is
     * bleeding?).
     */
    question_openers?: string[];
    /**
     * Words that open an alternative to a question (or): such a clause continues the question
     * of the clause before it, so both ask (Does a 20-minute power cut mean we add 20 minutes,
     * or does the centre decide?).
     */
    question_alternatives?: string[];
    /**
     * Words that say the case just asked or supposed is happening here and now (我们现在就是这样,
     * 今天三考场就是这个情况, 现在门口就有一个, 已经, that's what we have right now): a question or an
     * unreal sentence that ends with a question mark before one reports, not asks
     * (问一下，考生37.8能不能进场？现在门口就有一个); so does a spoken question without a mark, an
     * unreal word then a question word then one of these (请问一下备用卷不够怎么办我们这个考场…).
     */
    actualisers?: string[];
    /**
     * Words that report a claim made earlier (刚才说, 之前报的, earlier I said): the clause after
     * one is that claim, taken back when a word of `corrections` follows it.
     */
    earlier_claims?: string[];
    /**
     * Words that take an earlier claim back (其实, 搞错了, 看错了, actually, turns out): right after
     * the claim they negate its words, and the rest of the message is the corrected report.
     */
    corrections?: string[];
    /**
     * Values that say a field of a status report is empty (0, 无, 正常, none): right after an
     * event's word, with at most a colon or spaces between and a field's end after them
     * (违纪0人，作弊：无, cheating: none), they say the event did not happen.
     */
    nil_values?: string[];
    /**
     * Unreal words that, in a sentence of little more than themselves (Drill only. 只是演练。), make
     * the whole message unreal. Not every unreal word: 哈哈。after 考生晕倒了 is nerves, not a joke.
     */
    whole_message?: string[];
    /**
     * Words that say what follows is the exam's own content (题目里, 考题要求, the practical
     * task): the fire or the power cut a question asks about is no event, up to the clause's
     * end (a colon goes on: 一道题问：…火灾), except the signals about the paper itself
     * (`content_spares`: 题目里有错别字 is still a question error).
     */
    content?: string[];
    content_spares?: Signal[];
    /**
     * Words naming someone who is not at the exam (同事家孩子, 在家没来, off sick): what their
     * clause says happened happened to them (张老师孩子发烧住院了), not at the site.
     */
    bystanders?: string[];
    /**
     * Family words (孩子, 女儿, my kid) that are bystanders only in a text that also asks for
     * leave or cover (`staff_leave`: 请假, 顶一下, cover room): a proctor's sick child at home.
     * Alone they are not: a parent phones about their child the candidate, and a candidate's
     * child at home with hand-foot-and-mouth is an exposure.
     */
    family?: string[];
    staff_leave?: string[];
    /**
     * Words that, anywhere in the text, take back some signals and cues: 考试照常 a disaster (重大(7)
     * is one that "影响考试正常进行"), a normal temperature re-measured a fever.
     */
    clearings?: Clearing[];
    /**
     * Signals whose denial anywhere in the text takes back every mention (冒烟…不是着火, the
     * smoke … no fire): said only of signals whose weaker words (smoke) are often explained away.
     */
    denials?: Signal[];
    /**
     * Words that answer no to a question just asked (卷子湿了？没有没有，…; Fire? No, …): right
     * after a question mark, and nothing else before the clause ends, they take back the terms
     * of the question's clause. 停电了？没有人通知吗 goes on past the word: no answer.
     */
    echo_answers?: string[];
}

export interface Numbers {
    /**
     * Chinese digits, one character each (一 → 1, 两 → 2, 〇 → 0).
     */
    digits: Record<string, number>;
    /**
     * Chinese multipliers, one character each (十 → 10, 百 → 100, 千 → 1000).
     */
    units: Record<string, number>;
    /**
     * Number words (one → 1, twenty → 20, a/an → 1).
     */
    words: Record<string, number>;
    /**
     * 分之 in 三分之一.
     */
    fraction_infix: string[];
    /**
     * Words that make the count after them one of several alike (一楼二楼各一个考场, two rooms
     * each with 3 cheating): the whole is at least twice it.
     */
    each_markers?: string[];
    /**
     * % and percent.
     */
    percent: string[];
    /**
     * 个 in 一个半小时, 两个多小时.
     */
    classifier: string[];
    /**
     * 半 in 一个半小时.
     */
    half: string[];
    /**
     * Words that join a quantity to its noun (的, of, of the).
     */
    linkers: string[];
    /**
     * Counted nouns and time units.
     */
    measures: Measure[];
    /**
     * Room nouns after a room number (3号考场, room 3).
     */
    room_nouns: string[];
    /**
     * 号 in 3号考场; 第 in 第3考场.
     */
    ordinals: string[];
    ordinal_prefixes: string[];
    /**
     * Separators in a list of room numbers (、 和 and).
     */
    list_separators: string[];
    /**
     * Separators that continue a list only once it is one of room numbers (rooms 5, 6 and 8;
     * 301+302): a comma elsewhere ends a clause, and negation does not cross it.
     */
    room_list_separators?: string[];
    /**
     * Separators of a range of room numbers once a room is named (rooms 10-12, 考场3至5号):
     * every room from the first to the last.
     */
    room_range_separators?: string[];
    /**
     * Numerals that only count (两, 俩): glued to a room noun they count rooms (两考场), where
     * another numeral names one (三考场 is room 3; 三个考场 are three).
     */
    cardinals?: string[];
    /**
     * 以上, 超过, 以内, within …
     */
    bounds: BoundWords[];
    /**
     * Words that stand for a count or a share (多个, 几个, 大量, 一半, several).
     */
    quantities: Quantity[];
    /**
     * Fixed durations (半小时, 一刻钟, half an hour).
     */
    durations: FixedDuration[];
    /**
     * Words that start like a number but are none (十分 "very", 一般, 一起).
     */
    not_numbers: string[];
    /**
     * Words that mark a count as the session's whole (共30人, 本场30名, of 30): the other counts
     * are then a share of it.
     */
    total_markers?: string[];
    /**
     * The same said after the figure (40 registered). Chinese puts its markers first (应到45), and
     * one after a figure starts the next count (4 & 5 一共 60).
     */
    total_suffixes?: string[];
    /**
     * Words that mark a count as those present (只来了12个, 14 have arrived): the affected are
     * then the session's count less it.
     */
    present_markers?: string[];
    /**
     * Words right before a present marker that deny it (不来了, 不得入场): no negators in
     * general, but they do say these are not present.
     */
    present_blockers?: string[];
    /**
     * Words right after a present marker, or just before it, that say those present came in
     * late (4 of 25 turned up after the start, 开考后才进场的有7个): the count is of late
     * arrivals who are there, not of those present with the rest still away.
     */
    present_late?: string[];
    /**
     * Words right before a count that say it is missing from the session's whole (差8个, 缺了16个,
     * short 5): beside a total, candidates are missing even when no event word says so.
     */
    short_markers?: string[];
    /**
     * Words that say the event is in one room only (别的考场没事, only this room, the other rooms
     * are fine): the rooms affected are then at least one, not unknown.
     */
    one_room_words?: string[];
    /**
     * Nouns a number after which names a thing, not a count (lab 3, page 6, seat 14, bus 2):
     * "seat 14 candidate fainted" is one candidate; or counts things, not candidates (a report's
     * 答题卡28 and 收卷28 beside 缺考2).
     */
    id_nouns?: string[];
}

export interface OptionInfo {
    id: string;
    text: Text;
    /**
     * Where the option comes from: its own basis, else its step's.
     */
    basis: Basis;
    reason?: Text;
    /**
     * Step ids this choice makes active.
     */
    next: string[];
}

export interface Quantity {
    terms: string[];
    /**
     * The count it stands for, with `bound` (多个 → at least 2).
     */
    count?: number;
    bound?: Bound;
    /**
     * The share it stands for (一半 → 0.5).
     */
    fraction?: number;
    /**
     * "Large numbers" without a figure (大量, 大批).
     */
    large?: boolean;
    /**
     * The word names whom it counts (就他一个, only him): its count is of candidates with no
     * noun after it, where 有个 before 问题 counts no one.
     */
    people?: boolean;
    /**
     * What it may count; empty: anything.
     */
    applies_to?: Target[];
}

export interface Question {
    id: string;
    /**
     * The fact the answer gives.
     */
    fact: FactKey;
    text: Text;
    clause: string;
    /**
     * For a number: the boundaries to try (each, one below and one above).
     */
    probe?: NumRef[];
    /**
     * For `fact: "signals"`: the signal whose presence the question asks about.
     */
    signal?: Signal;
}

export interface QuestionOut {
    id: string;
    text: Text;
    /**
     * The fact the answer gives (pass it back in `facts`); `kind` for the question that asks
     * to confirm the kind (pick one of `kinds`), `signals` for one that asks whether `signal`
     * was seen (pass it in `facts.signals`).
     */
    fact: FactKey;
    clause: string;
    kinds?: string[];
    signal?: Signal;
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

export interface Similarity {
    /**
     * The least similarity (0–1) at which an example counts.
     */
    min_score: number;
    /**
     * How many candidates the safety net proposes at most.
     */
    max_candidates: number;
    /**
     * A major candidate at least this share of the best one's similarity ranks first.
     */
    major_margin: number;
    /**
     * The learnt model proposes another kind beside its best when that kind is at least this
     * share as likely (absent: the best kind alone).
     */
    model_alternative_share?: number;
    /**
     * The learnt model reads "no incident" when that is at least this share as likely as its best
     * kind (absent: only when it is the likeliest).
     */
    model_no_incident_share?: number;
    /**
     * A text whose words the rules read and rejected (something negated, nothing unreal) goes to
     * the learnt model too, which reads an incident in it only when "no incident" is below this
     * share of its best kind (absent: such a text is no incident).
     */
    model_negated_no_incident_share?: number;
    /**
     * The learnt model doubts a rule's certain kind when it ranks that kind below its
     * `model_doubt_rank` best and at less than this share of its best (absent: it never doubts
     * a rule).
     */
    model_doubt_share?: number;
    /**
     * Under doubt, the model's "no incident" clears a rule's general kind only when that kind
     * is below this share of its best (absent: `model_doubt_share`).
     */
    model_reject_share?: number;
    /**
     * A major kind at least this share as likely as "no incident" keeps the model from reading
     * "no incident": the text is returned as that kind, uncertain (absent: never).
     */
    model_major_keep_share?: number;
    /**
     * The learnt model's "no incident" clears even a rule's major kind when that kind is under
     * this share of it and the text has no negator (absent: a major reading is never cleared).
     */
    model_major_reject_share?: number;
    /**
     * How many of the model's best kinds a rule's kind may be among and not be doubted (1: the
     * model's best only; default 2).
     */
    model_doubt_rank?: number;
    /**
     * English words too common to tell kinds apart (the, was, …).
     */
    stop_words?: string[];
    /**
     * The question that asks the proctor to confirm the kind.
     */
    confirm: Text;
    confirm_clause: string;
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
    /**
     * What choosing this option records in the initial report's `details` (e.g. `restored`,
     * `escalation_decision`); a string value `{at}` stands for the time of the decision.
     */
    details?: Record<string, unknown>;
    clause?: string;
    /**
     * Where the option comes from, if not from its step's basis.
     */
    basis?: Basis;
    reason?: Text;
}

export interface Threshold {
    value: number;
    /**
     * `minutes`, `candidates`, `rooms`, `fraction`, `characters`.
     */
    unit: string;
    text: Text;
    clause: string;
    basis: Basis;
    /**
     * Why, where `basis` is not `seed`.
     */
    reason?: Text;
}

export type IfUnknown = "doubt" | "pass" | "fail";

export type Source = "text" | "facts" | "example";

export type Target = "rooms" | "candidates" | "minutes" | "staff" | "items";


/**
 * One incident being handled, step by step: what to do next, who does it, by when, with whose
 * consent; every action logged with a hash chain and autosaved to `localStorage` (one key per
 * entry, `exam-incident/v2/entry/<id>/<seq>`, and an index, `exam-incident/v2/response/<id>`).
 * A save never overwrites entries another tab or window stored: the action is refused with
 * `conflict` and `reload()` brings this instance up to date.
 */
export class IncidentResponse {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Records an observation in the log.
     */
    addNote(at: string, text: string, by?: Person): void;
    /**
     * The log's head hash and entry count now, with the short check code (`9C58-669B`) to
     * write on a paper record: what `verifyLog({ head, count })` checks against later.
     */
    anchor(): LogSeal;
    /**
     * Completes a step. Approval-gated steps need `approvedBy` (or `by`) of the required role.
     * Returns warnings (e.g. `out_of_order`), also recorded in the log. As every action, `at`
     * later than the browser's clock by more than the threshold the plan's `log.future_tolerance`
     * names is refused (`future_time`). Throws `approval_required`, `step_not_active`, `already_done`,
     * `decision_required`, `unknown_step`, `future_time`, …
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
     * and replaying its log; then saves it. A copy older than, or diverging from, the one saved
     * under its id never replaces it: that throws `stale_copy`, unless `options.newId` is true,
     * which keeps the copy beside the saved one under a new id (its log re-sealed, so anchors
     * recorded for the old id do not apply). Throws `bad_state`, `unsupported_version`,
     * `log_tampered`, `plan_mismatch`, `too_large`, `stale_copy`.
     */
    static fromJSON(saved: SavedResponse | string, options?: { newId?: boolean }): IncidentResponse;
    /**
     * True when every required step on the chosen branches is done.
     */
    isClosed(): boolean;
    /**
     * The append-only log, each entry hash-chained to the previous one.
     */
    log(): LogEntry[];
    /**
     * Opens a response for a classified incident under the module's plan (see `loadPlan`;
     * `plan.startResponse(init)` opens one under a `Plan` object) and saves it. A discovery or
     * anchor later than the browser's clock (beyond the plan's tolerance) is `future_time`.
     * Throws `unknown_kind`, `bad_time`, `future_time`, `bad_argument`, `too_large`.
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
     * Reads the stored copy again (after a `conflict`, or when another tab changed it) and
     * re-applies on top of it the entries this instance made that it lacks; returns
     * `{ reapplied, dropped }` (an entry that no longer fits, e.g. a step the other tab
     * completed, is dropped with its code). Then saves. Throws `not_saved`, `conflict`, …
     */
    reload(): Rebased;
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
     * `verifyLog()`: true when every entry fits the hash chain — this catches accidental
     * damage and edits made without recomputing hashes, nothing more (the chain has no secret).
     * `verifyLog({ head, count })`: also true only when the log still has, after `count`
     * entries, the `head` recorded then outside the browser (on a report, or its check code on
     * paper) — catching truncation and any rewriting before that point.
     */
    verifyLog(anchor?: LogAnchor): boolean;
    /**
     * The response's id (its index is saved under `exam-incident/v2/response/<id>`).
     */
    readonly id: string;
    /**
     * The current kind (after any reclassification).
     */
    readonly kind: string;
}

/**
 * An emergency plan, loaded and checked: the embedded default (`Plan.default()`) or a site's
 * own (`Plan.fromJSON(doc)`). Everything it does uses this plan only.
 */
export class Plan {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * `classify` under this plan.
     */
    classify(input: ClassifyInput): Classification;
    /**
     * The embedded default plan (sd101). `loadPlan` does not change it.
     */
    static default(): Plan;
    /**
     * A site's own plan from a document (JSON text or an object), fully checked. Throws
     * `plan_invalid` with `problems` listing every problem found, each with its path; `too_large`
     * past 2 MiB.
     */
    static fromJSON(doc: string | PlanDocument): Plan;
    /**
     * `guide` under this plan. Throws `unknown_kind`.
     */
    guide(kind: string): Guidance;
    /**
     * Summary: id, version, name, time zone, kinds and roles.
     */
    info(): PlanInfo;
    /**
     * `new Plan(doc)` is `Plan.fromJSON(doc)`.
     */
    constructor(doc: string | PlanDocument);
    /**
     * This plan's document as JSON text, as it was given (`Plan.fromJSON` reads it back).
     */
    planJson(): string;
    /**
     * `reportSchema` under this plan.
     */
    reportSchema(form: FormId): Record<string, unknown>;
    /**
     * Restores a response from `toJSON()` output under this plan; `plan_mismatch` as above,
     * `stale_copy` (or a new id with `options.newId`) as `IncidentResponse.fromJSON`.
     */
    responseFromJSON(saved: SavedResponse | string, options?: { newId?: boolean }): IncidentResponse;
    /**
     * Restores the response saved in this browser under `id`. A response saved under another
     * plan (id or version) is refused with `plan_mismatch` (`params: {saved, active}`) and
     * stays saved: restore it with the plan it names.
     */
    restoreResponse(id: string): IncidentResponse;
    /**
     * Opens a response under this plan and saves it (as `new IncidentResponse(init)` does under
     * the module's plan).
     */
    startResponse(init: ResponseInit): IncidentResponse;
    /**
     * This plan's document as an object, so `JSON.stringify(plan)` writes it.
     */
    toJSON(): PlanDocument;
    /**
     * `validateReport` under this plan.
     */
    validateReport(form: FormId, data: Record<string, unknown>, opts?: ValidateOptions): Report;
    /**
     * The plan's id (`sd101`).
     */
    readonly id: string;
    /**
     * The plan's version.
     */
    readonly version: string;
}

/**
 * Classifies an incident from a proctor's words (`text`, Chinese or English, at most 10,000
 * characters) and/or ticked `facts` (which win over the text). Returns the best kind and
 * severity, every candidate kind with its evidence (offsets in UTF-16 code units, as JS strings
 * index), the facts understood, and the questions whose answers would change the result.
 * Throws `bad_argument` naming the field (`facts.signals[2]`) or `too_large` naming `text`.
 */
export function classify(input: ClassifyInput): Classification;

/**
 * Saved responses that look like the incident `init` would start: the same kind, room and
 * discovery time. A start form offers to continue one of these instead of opening another.
 * Throws `bad_argument`, `bad_time`, storage codes.
 */
export function findSimilarSaved(init: ResponseInit): SavedInfo[];

/**
 * The kind's ordered steps, decisions, deadlines and forms under the module's plan. Throws
 * `unknown_kind`.
 */
export function guide(kind: string): Guidance;

/**
 * Replaces the module's plan (the one the free functions and `new IncidentResponse` use) with
 * a site's own (JSON text or an object); `Plan` objects are not affected. Throws
 * `plan_invalid` with `problems` listing every problem found, each with its path; the
 * previous plan stays then.
 */
export function loadPlan(plan: string | PlanDocument): PlanInfo;

/**
 * Summary of the module's plan: id, version, name, time zone, kinds and roles.
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
 * The JSON Schema (draft 2020-12) of a form under the active plan: structural rules only
 * (cross-field rules are `validateReport`'s). `title` is Chinese, `description` English.
 * Throws `unknown_form`.
 */
export function reportSchema(form: FormId): Record<string, unknown>;

/**
 * Makes the embedded default plan the module's plan again.
 */
export function resetPlan(): PlanInfo;

/**
 * Responses saved in this browser (newest discovery first), read from their indexes. Entries
 * that cannot be read are moved to `exam-incident/v1/quarantine/response/<id>` (kept, not
 * deleted); `quarantined` lists every entry in quarantine, whenever it was set aside, with why.
 * Throws `storage_disabled` / `storage_error` when storage cannot be read.
 */
export function savedResponses(): SavedList;

/**
 * Checks a report form before the portal submits it. Returns every finding at once:
 * `errors` block submission, `warnings` advise (a late initial report is a warning).
 * Each finding has a JSON Pointer `path` to the offending field, a stable `code`, a
 * bilingual `message` and its `params`. Times are judged against `opts.now`, or, when it is
 * left out, against the browser's clock ("not in the future"). A text holding half an emoji
 * (a lone UTF-16 surrogate) is a `bad_character` finding at its field, not an exception.
 *
 * Throws (`Error` with `code`): `unknown_form`, `bad_argument` (data not an object, bad
 * `opts`), `bad_time` (malformed `opts.now`), `too_large`.
 */
export function validateReport(form: FormId, data: Record<string, unknown>, opts?: ValidateOptions): Report;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_incidentresponse_free: (a: number, b: number) => void;
    readonly __wbg_plan_free: (a: number, b: number) => void;
    readonly classify: (a: unknown) => [number, number, number];
    readonly findSimilarSaved: (a: unknown) => [number, number, number];
    readonly guide: (a: unknown) => [number, number, number];
    readonly incidentresponse_addNote: (a: number, b: unknown, c: unknown, d: number) => [number, number];
    readonly incidentresponse_anchor: (a: number) => [number, number, number];
    readonly incidentresponse_complete: (a: number, b: unknown, c: unknown, d: number, e: number, f: number) => [number, number, number];
    readonly incidentresponse_decide: (a: number, b: unknown, c: unknown, d: unknown, e: number, f: number, g: number) => [number, number, number];
    readonly incidentresponse_dispose: (a: number) => void;
    readonly incidentresponse_draftReport: (a: number, b: unknown) => [number, number, number];
    readonly incidentresponse_fromJSON: (a: unknown, b: unknown) => [number, number, number];
    readonly incidentresponse_id: (a: number) => [number, number];
    readonly incidentresponse_isClosed: (a: number) => number;
    readonly incidentresponse_kind: (a: number) => [number, number];
    readonly incidentresponse_log: (a: number) => [number, number, number];
    readonly incidentresponse_new: (a: unknown) => [number, number, number];
    readonly incidentresponse_nextReminder: (a: number, b: number, c: unknown) => [number, number, number];
    readonly incidentresponse_offReminder: (a: number, b: unknown) => number;
    readonly incidentresponse_onReminder: (a: number, b: unknown, c: unknown) => [number, number, number];
    readonly incidentresponse_onStorageError: (a: number, b: unknown) => [number, number];
    readonly incidentresponse_phoneScript: (a: number, b: number, c: number) => [number, number, number];
    readonly incidentresponse_reclassify: (a: number, b: unknown, c: unknown, d: number, e: number) => [number, number];
    readonly incidentresponse_reload: (a: number) => [number, number, number];
    readonly incidentresponse_requestApproval: (a: number, b: unknown, c: unknown, d: number, e: number) => [number, number];
    readonly incidentresponse_restore: (a: unknown) => [number, number, number];
    readonly incidentresponse_save: (a: number) => number;
    readonly incidentresponse_setAnchor: (a: number, b: unknown, c: unknown, d: number, e: number) => [number, number];
    readonly incidentresponse_skip: (a: number, b: unknown, c: unknown, d: number, e: number) => [number, number];
    readonly incidentresponse_steps: (a: number, b: number) => [number, number, number];
    readonly incidentresponse_storageStatus: (a: number) => [number, number, number];
    readonly incidentresponse_summary: (a: number, b: number, c: unknown) => [number, number, number];
    readonly incidentresponse_toJSON: (a: number) => [number, number, number];
    readonly incidentresponse_verifyLog: (a: number, b: unknown) => [number, number, number];
    readonly loadPlan: (a: unknown) => [number, number, number];
    readonly planInfo: () => [number, number, number];
    readonly planJson: () => [number, number];
    readonly plan_classify: (a: number, b: unknown) => [number, number, number];
    readonly plan_default: () => [number, number, number];
    readonly plan_fromJSON: (a: unknown) => [number, number, number];
    readonly plan_guide: (a: number, b: unknown) => [number, number, number];
    readonly plan_id: (a: number) => [number, number];
    readonly plan_info: (a: number) => [number, number, number];
    readonly plan_new: (a: unknown) => [number, number, number];
    readonly plan_planJson: (a: number) => [number, number];
    readonly plan_reportSchema: (a: number, b: unknown) => [number, number, number];
    readonly plan_responseFromJSON: (a: number, b: unknown, c: unknown) => [number, number, number];
    readonly plan_restoreResponse: (a: number, b: unknown) => [number, number, number];
    readonly plan_startResponse: (a: number, b: unknown) => [number, number, number];
    readonly plan_toJSON: (a: number) => [number, number, number];
    readonly plan_validateReport: (a: number, b: unknown, c: unknown, d: number) => [number, number, number];
    readonly plan_version: (a: number) => [number, number];
    readonly removeSavedResponse: (a: unknown) => [number, number];
    readonly reportSchema: (a: unknown) => [number, number, number];
    readonly resetPlan: () => [number, number, number];
    readonly savedResponses: () => [number, number, number];
    readonly validateReport: (a: unknown, b: unknown, c: number) => [number, number, number];
    readonly wasm_bindgen__convert__closures_____invoke__hd4f7b5a35adea0b0: (a: number, b: number) => void;
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
