/* tslint:disable */
/* eslint-disable */
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
 * An id from a closed vocabulary with its bilingual name.
 */
export interface Term {
    id: string;
    title: Text;
    clause: string;
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
 * The kind's ordered steps, decisions, deadlines and forms. Throws `unknown_kind`.
 */
export function guide(kind: any): Guidance;

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
 * Goes back to the embedded default plan.
 */
export function resetPlan(): PlanInfo;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly guide: (a: any) => [number, number, number];
    readonly loadPlan: (a: any) => [number, number, number];
    readonly planInfo: () => [number, number, number];
    readonly planJson: () => [number, number];
    readonly resetPlan: () => [number, number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
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
