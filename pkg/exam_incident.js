/* @ts-self-types="./exam_incident.d.ts" */

/**
 * One incident being handled, step by step: what to do next, who does it, by when, with whose
 * consent; every action logged with a hash chain and autosaved to `localStorage` (one key per
 * entry, `exam-incident/v2/entry/<id>/<seq>`, and an index, `exam-incident/v2/response/<id>`).
 * A save never overwrites entries another tab or window stored: the action is refused with
 * `conflict` and `reload()` brings this instance up to date.
 */
export class IncidentResponse {
    static __wrap(ptr) {
        const obj = Object.create(IncidentResponse.prototype);
        obj.__wbg_ptr = ptr;
        IncidentResponseFinalization.register(obj, obj.__wbg_ptr, obj);
        return obj;
    }
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        IncidentResponseFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_incidentresponse_free(ptr, 0);
    }
    /**
     * Records an observation in the log.
     * @param {string} at
     * @param {string} text
     * @param {Person} [by]
     */
    addNote(at, text, by) {
        const ret = wasm.incidentresponse_addNote(this.__wbg_ptr, at, text, isLikeNone(by) ? 0 : addToExternrefTable0(by));
        if (ret[1]) {
            throw takeFromExternrefTable0(ret[0]);
        }
    }
    /**
     * The log's head hash and entry count now, with the short check code (`9C58-669B`) to
     * write on a paper record: what `verifyLog({ head, count })` checks against later.
     * @returns {LogSeal}
     */
    anchor() {
        const ret = wasm.incidentresponse_anchor(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Completes a step. Approval-gated steps need `approvedBy` (or `by`) of the required role.
     * Returns warnings (e.g. `out_of_order`), also recorded in the log. As every action, `at`
     * later than the browser's clock by more than the threshold the plan's `log.future_tolerance`
     * names is refused (`future_time`). Throws `approval_required`, `step_not_active`, `already_done`,
     * `decision_required`, `unknown_step`, `future_time`, …
     * @param {string} stepId
     * @param {string} at
     * @param {Person} [by]
     * @param {string} [note]
     * @param {Person} [approvedBy]
     * @returns {Warning[]}
     */
    complete(stepId, at, by, note, approvedBy) {
        const ret = wasm.incidentresponse_complete(this.__wbg_ptr, stepId, at, isLikeNone(by) ? 0 : addToExternrefTable0(by), isLikeNone(note) ? 0 : addToExternrefTable0(note), isLikeNone(approvedBy) ? 0 : addToExternrefTable0(approvedBy));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Settles a decision step with one of its options; that option's steps become active, the
     * others skipped. Throws `approval_required`, `unknown_option`, `not_a_decision`, …
     * @param {string} stepId
     * @param {string} optionId
     * @param {string} at
     * @param {Person} [approvedBy]
     * @param {string} [note]
     * @param {Person} [by]
     * @returns {Warning[]}
     */
    decide(stepId, optionId, at, approvedBy, note, by) {
        const ret = wasm.incidentresponse_decide(this.__wbg_ptr, stepId, optionId, at, isLikeNone(approvedBy) ? 0 : addToExternrefTable0(approvedBy), isLikeNone(note) ? 0 : addToExternrefTable0(note), isLikeNone(by) ? 0 : addToExternrefTable0(by));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Stops reminders (also done by `free()`).
     */
    dispose() {
        wasm.incidentresponse_dispose(this.__wbg_ptr);
    }
    /**
     * A form prefilled from what the response knows. Throws `unknown_form`.
     * @param {"initial_report" | "staged_report" | "room_record" | "disposal_report" | "readiness_check"} form
     * @returns {Record<string, unknown>}
     */
    draftReport(form) {
        const ret = wasm.incidentresponse_draftReport(this.__wbg_ptr, form);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Restores a response from `toJSON()` output (object or JSON text), checking its hash chain
     * and replaying its log; then saves it. A copy older than, or diverging from, the one saved
     * under its id never replaces it: that throws `stale_copy`, unless `options.newId` is true,
     * which keeps the copy beside the saved one under a new id (its log re-sealed, so anchors
     * recorded for the old id do not apply). Throws `bad_state`, `unsupported_version`,
     * `log_tampered`, `plan_mismatch`, `too_large`, `stale_copy`.
     * @param {SavedResponse | string} saved
     * @param {{ newId?: boolean }} [options]
     * @returns {IncidentResponse}
     */
    static fromJSON(saved, options) {
        const ret = wasm.incidentresponse_fromJSON(saved, options);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return IncidentResponse.__wrap(ret[0]);
    }
    /**
     * The response's id (its index is saved under `exam-incident/v2/response/<id>`).
     * @returns {string}
     */
    get id() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.incidentresponse_id(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * True when every required step on the chosen branches is done.
     * @returns {boolean}
     */
    isClosed() {
        const ret = wasm.incidentresponse_isClosed(this.__wbg_ptr);
        return ret !== 0;
    }
    /**
     * The current kind (after any reclassification).
     * @returns {string}
     */
    get kind() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.incidentresponse_kind(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * The append-only log, each entry hash-chained to the previous one.
     * @returns {LogEntry[]}
     */
    log() {
        const ret = wasm.incidentresponse_log(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Opens a response for a classified incident under the module's plan (see `loadPlan`;
     * `plan.startResponse(init)` opens one under a `Plan` object) and saves it. A discovery or
     * anchor later than the browser's clock (beyond the plan's tolerance) is `future_time`.
     * Throws `unknown_kind`, `bad_time`, `future_time`, `bad_argument`, `too_large`.
     * @param {ResponseInit} init
     */
    constructor(init) {
        const ret = wasm.incidentresponse_new(init);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        this.__wbg_ptr = ret[0];
        IncidentResponseFinalization.register(this, this.__wbg_ptr, this);
        return this;
    }
    /**
     * The next reminder after `now`, or `undefined`.
     * @param {string} [now]
     * @param {number} [leadMinutes]
     * @returns {Reminder | undefined}
     */
    nextReminder(now, leadMinutes) {
        const ret = wasm.incidentresponse_nextReminder(this.__wbg_ptr, isLikeNone(now) ? 0 : addToExternrefTable0(now), leadMinutes);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Stops a reminder subscription; false if the id is unknown.
     * @param {number} id
     * @returns {boolean}
     */
    offReminder(id) {
        const ret = wasm.incidentresponse_offReminder(this.__wbg_ptr, id);
        return ret !== 0;
    }
    /**
     * Calls `callback(reminder)` when a step falls due (`due_soon`, `leadMinutes` before its
     * deadline, if given) and when it becomes overdue; steps already overdue are announced
     * right away. Returns an id for `offReminder`.
     * @param {(reminder: Reminder) => void} callback
     * @param {number} [leadMinutes]
     * @returns {number}
     */
    onReminder(callback, leadMinutes) {
        const ret = wasm.incidentresponse_onReminder(this.__wbg_ptr, callback, leadMinutes);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return ret[0] >>> 0;
    }
    /**
     * Called with the `Error` (code `storage_full`, `storage_disabled`, `storage_error`) when
     * an autosave fails; `null` to stop.
     * @param {((error: Error) => void) | null} callback
     */
    onStorageError(callback) {
        const ret = wasm.incidentresponse_onStorageError(this.__wbg_ptr, callback);
        if (ret[1]) {
            throw takeFromExternrefTable0(ret[0]);
        }
    }
    /**
     * The initial report as a short text to read out (口头、电话报告), in both languages.
     * @param {string} [now]
     * @param {Person} [caller]
     * @returns {Text}
     */
    phoneScript(now, caller) {
        const ret = wasm.incidentresponse_phoneScript(this.__wbg_ptr, isLikeNone(now) ? 0 : addToExternrefTable0(now), isLikeNone(caller) ? 0 : addToExternrefTable0(caller));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The incident is of another kind: the log and the steps done stay, the rest is re-planned.
     * @param {string} kind
     * @param {string} at
     * @param {Person} [by]
     * @param {string} [note]
     */
    reclassify(kind, at, by, note) {
        const ret = wasm.incidentresponse_reclassify(this.__wbg_ptr, kind, at, isLikeNone(by) ? 0 : addToExternrefTable0(by), isLikeNone(note) ? 0 : addToExternrefTable0(note));
        if (ret[1]) {
            throw takeFromExternrefTable0(ret[0]);
        }
    }
    /**
     * Reads the stored copy again (after a `conflict`, or when another tab changed it) and
     * re-applies on top of it the entries this instance made that it lacks; returns
     * `{ reapplied, dropped }` (an entry that no longer fits, e.g. a step the other tab
     * completed, is dropped with its code). Then saves. Throws `not_saved`, `conflict`, …
     * @returns {Rebased}
     */
    reload() {
        const ret = wasm.incidentresponse_reload(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Logs that a step's approval was asked for; it reads `awaiting_approval` until settled.
     * @param {string} stepId
     * @param {string} at
     * @param {Person} [by]
     * @param {string} [note]
     */
    requestApproval(stepId, at, by, note) {
        const ret = wasm.incidentresponse_requestApproval(this.__wbg_ptr, stepId, at, isLikeNone(by) ? 0 : addToExternrefTable0(by), isLikeNone(note) ? 0 : addToExternrefTable0(note));
        if (ret[1]) {
            throw takeFromExternrefTable0(ret[0]);
        }
    }
    /**
     * Restores the response saved in this browser under `id` (see `savedResponses()`). A
     * corrupt entry is moved to quarantine and its error thrown. Throws `not_saved`,
     * `bad_state`, `log_tampered`, `unsupported_version`, `plan_mismatch`, storage codes.
     * @param {string} id
     * @returns {IncidentResponse}
     */
    static restore(id) {
        const ret = wasm.incidentresponse_restore(id);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return IncidentResponse.__wrap(ret[0]);
    }
    /**
     * Saves now (e.g. after space was freed); returns whether it worked (see `storageStatus()`).
     * @returns {boolean}
     */
    save() {
        const ret = wasm.incidentresponse_save(this.__wbg_ptr);
        return ret !== 0;
    }
    /**
     * Sets the time a deadline counts from (e.g. `outage_started`).
     * @param {string} id
     * @param {string} at
     * @param {Person} [by]
     * @param {string} [note]
     */
    setAnchor(id, at, by, note) {
        const ret = wasm.incidentresponse_setAnchor(this.__wbg_ptr, id, at, isLikeNone(by) ? 0 : addToExternrefTable0(by), isLikeNone(note) ? 0 : addToExternrefTable0(note));
        if (ret[1]) {
            throw takeFromExternrefTable0(ret[0]);
        }
    }
    /**
     * Leaves out an optional step. Throws `step_not_optional`, …
     * @param {string} stepId
     * @param {string} at
     * @param {Person} [by]
     * @param {string} [note]
     */
    skip(stepId, at, by, note) {
        const ret = wasm.incidentresponse_skip(this.__wbg_ptr, stepId, at, isLikeNone(by) ? 0 : addToExternrefTable0(by), isLikeNone(note) ? 0 : addToExternrefTable0(note));
        if (ret[1]) {
            throw takeFromExternrefTable0(ret[0]);
        }
    }
    /**
     * The steps in order with their status at `now` (default: the browser's clock).
     * @param {string} [now]
     * @returns {StepState[]}
     */
    steps(now) {
        const ret = wasm.incidentresponse_steps(this.__wbg_ptr, isLikeNone(now) ? 0 : addToExternrefTable0(now));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * How the last autosave went.
     * @returns {StorageStatus}
     */
    storageStatus() {
        const ret = wasm.incidentresponse_storageStatus(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Counts, closure and the next reminder at `now` (`leadMinutes` early).
     * @param {string} [now]
     * @param {number} [leadMinutes]
     * @returns {Summary}
     */
    summary(now, leadMinutes) {
        const ret = wasm.incidentresponse_summary(this.__wbg_ptr, isLikeNone(now) ? 0 : addToExternrefTable0(now), leadMinutes);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The saved form: `fromJSON(toJSON())` restores it, and writing it again gives the same JSON.
     * @returns {SavedResponse}
     */
    toJSON() {
        const ret = wasm.incidentresponse_toJSON(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * `verifyLog()`: true when every entry fits the hash chain — this catches accidental
     * damage and edits made without recomputing hashes, nothing more (the chain has no secret).
     * `verifyLog({ head, count })`: also true only when the log still has, after `count`
     * entries, the `head` recorded then outside the browser (on a report, or its check code on
     * paper) — catching truncation and any rewriting before that point.
     * @param {LogAnchor} [anchor]
     * @returns {boolean}
     */
    verifyLog(anchor) {
        const ret = wasm.incidentresponse_verifyLog(this.__wbg_ptr, anchor);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return ret[0] !== 0;
    }
}
if (Symbol.dispose) IncidentResponse.prototype[Symbol.dispose] = IncidentResponse.prototype.free;

/**
 * An emergency plan, loaded and checked: the embedded default (`Plan.default()`) or a site's
 * own (`Plan.fromJSON(doc)`). Everything it does uses this plan only.
 */
export class Plan {
    static __wrap(ptr) {
        const obj = Object.create(Plan.prototype);
        obj.__wbg_ptr = ptr;
        PlanFinalization.register(obj, obj.__wbg_ptr, obj);
        return obj;
    }
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        PlanFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_plan_free(ptr, 0);
    }
    /**
     * `classify` under this plan.
     * @param {ClassifyInput} input
     * @returns {Classification}
     */
    classify(input) {
        const ret = wasm.plan_classify(this.__wbg_ptr, input);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The embedded default plan (sd101). `loadPlan` does not change it.
     * @returns {Plan}
     */
    static default() {
        const ret = wasm.plan_default();
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return Plan.__wrap(ret[0]);
    }
    /**
     * A site's own plan from a document (JSON text or an object), fully checked. Throws
     * `plan_invalid` with `problems` listing every problem found, each with its path; `too_large`
     * past 2 MiB.
     * @param {string | PlanDocument} doc
     * @returns {Plan}
     */
    static fromJSON(doc) {
        const ret = wasm.plan_fromJSON(doc);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return Plan.__wrap(ret[0]);
    }
    /**
     * `guide` under this plan. Throws `unknown_kind`.
     * @param {string} kind
     * @returns {Guidance}
     */
    guide(kind) {
        const ret = wasm.plan_guide(this.__wbg_ptr, kind);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The plan's id (`sd101`).
     * @returns {string}
     */
    get id() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.plan_id(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * Summary: id, version, name, time zone, kinds and roles.
     * @returns {PlanInfo}
     */
    info() {
        const ret = wasm.plan_info(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * `new Plan(doc)` is `Plan.fromJSON(doc)`.
     * @param {string | PlanDocument} doc
     */
    constructor(doc) {
        const ret = wasm.plan_new(doc);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        this.__wbg_ptr = ret[0];
        PlanFinalization.register(this, this.__wbg_ptr, this);
        return this;
    }
    /**
     * This plan's document as JSON text, as it was given (`Plan.fromJSON` reads it back).
     * @returns {string}
     */
    planJson() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.plan_planJson(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
        }
    }
    /**
     * `reportSchema` under this plan.
     * @param {FormId} form
     * @returns {Record<string, unknown>}
     */
    reportSchema(form) {
        const ret = wasm.plan_reportSchema(this.__wbg_ptr, form);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Restores a response from `toJSON()` output under this plan; `plan_mismatch` as above,
     * `stale_copy` (or a new id with `options.newId`) as `IncidentResponse.fromJSON`.
     * @param {SavedResponse | string} saved
     * @param {{ newId?: boolean }} [options]
     * @returns {IncidentResponse}
     */
    responseFromJSON(saved, options) {
        const ret = wasm.plan_responseFromJSON(this.__wbg_ptr, saved, options);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return IncidentResponse.__wrap(ret[0]);
    }
    /**
     * Restores the response saved in this browser under `id`. A response saved under another
     * plan (id or version) is refused with `plan_mismatch` (`params: {saved, active}`) and
     * stays saved: restore it with the plan it names.
     * @param {string} id
     * @returns {IncidentResponse}
     */
    restoreResponse(id) {
        const ret = wasm.plan_restoreResponse(this.__wbg_ptr, id);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return IncidentResponse.__wrap(ret[0]);
    }
    /**
     * Opens a response under this plan and saves it (as `new IncidentResponse(init)` does under
     * the module's plan).
     * @param {ResponseInit} init
     * @returns {IncidentResponse}
     */
    startResponse(init) {
        const ret = wasm.plan_startResponse(this.__wbg_ptr, init);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return IncidentResponse.__wrap(ret[0]);
    }
    /**
     * This plan's document as an object, so `JSON.stringify(plan)` writes it.
     * @returns {PlanDocument}
     */
    toJSON() {
        const ret = wasm.plan_toJSON(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * `validateReport` under this plan.
     * @param {FormId} form
     * @param {Record<string, unknown>} data
     * @param {ValidateOptions} [opts]
     * @returns {Report}
     */
    validateReport(form, data, opts) {
        const ret = wasm.plan_validateReport(this.__wbg_ptr, form, data, isLikeNone(opts) ? 0 : addToExternrefTable0(opts));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The plan's version.
     * @returns {string}
     */
    get version() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.plan_version(this.__wbg_ptr);
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
        }
    }
}
if (Symbol.dispose) Plan.prototype[Symbol.dispose] = Plan.prototype.free;

/**
 * Classifies an incident from a proctor's words (`text`, Chinese or English, at most 10,000
 * characters) and/or ticked `facts` (which win over the text). Returns the best kind and
 * severity, every candidate kind with its evidence (offsets in UTF-16 code units, as JS strings
 * index), the facts understood, and the questions whose answers would change the result.
 * Throws `bad_argument` naming the field (`facts.signals[2]`) or `too_large` naming `text`.
 * @param {ClassifyInput} input
 * @returns {Classification}
 */
export function classify(input) {
    const ret = wasm.classify(input);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Saved responses that look like the incident `init` would start: the same kind, room and
 * discovery time. A start form offers to continue one of these instead of opening another.
 * Throws `bad_argument`, `bad_time`, storage codes.
 * @param {ResponseInit} init
 * @returns {SavedInfo[]}
 */
export function findSimilarSaved(init) {
    const ret = wasm.findSimilarSaved(init);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The kind's ordered steps, decisions, deadlines and forms under the module's plan. Throws
 * `unknown_kind`.
 * @param {string} kind
 * @returns {Guidance}
 */
export function guide(kind) {
    const ret = wasm.guide(kind);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Replaces the module's plan (the one the free functions and `new IncidentResponse` use) with
 * a site's own (JSON text or an object); `Plan` objects are not affected. Throws
 * `plan_invalid` with `problems` listing every problem found, each with its path; the
 * previous plan stays then.
 * @param {string | PlanDocument} plan
 * @returns {PlanInfo}
 */
export function loadPlan(plan) {
    const ret = wasm.loadPlan(plan);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Summary of the module's plan: id, version, name, time zone, kinds and roles.
 * @returns {PlanInfo}
 */
export function planInfo() {
    const ret = wasm.planInfo();
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The embedded default plan as JSON text: what a site starts from to write its own.
 * @returns {string}
 */
export function planJson() {
    let deferred1_0;
    let deferred1_1;
    try {
        const ret = wasm.planJson();
        deferred1_0 = ret[0];
        deferred1_1 = ret[1];
        return getStringFromWasm0(ret[0], ret[1]);
    } finally {
        wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
    }
}

/**
 * Removes a saved response (quarantined copies stay). Throws `bad_argument` or a storage code.
 * @param {string} id
 */
export function removeSavedResponse(id) {
    const ret = wasm.removeSavedResponse(id);
    if (ret[1]) {
        throw takeFromExternrefTable0(ret[0]);
    }
}

/**
 * The JSON Schema (draft 2020-12) of a form under the active plan: structural rules only
 * (cross-field rules are `validateReport`'s). `title` is Chinese, `description` English.
 * Throws `unknown_form`.
 * @param {FormId} form
 * @returns {Record<string, unknown>}
 */
export function reportSchema(form) {
    const ret = wasm.reportSchema(form);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Makes the embedded default plan the module's plan again.
 * @returns {PlanInfo}
 */
export function resetPlan() {
    const ret = wasm.resetPlan();
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Responses saved in this browser (newest discovery first), read from their indexes. Entries
 * that cannot be read are moved to `exam-incident/v1/quarantine/response/<id>` (kept, not
 * deleted); `quarantined` lists every entry in quarantine, whenever it was set aside, with why.
 * Throws `storage_disabled` / `storage_error` when storage cannot be read.
 * @returns {SavedList}
 */
export function savedResponses() {
    const ret = wasm.savedResponses();
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

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
 * @param {FormId} form
 * @param {Record<string, unknown>} data
 * @param {ValidateOptions} [opts]
 * @returns {Report}
 */
export function validateReport(form, data, opts) {
    const ret = wasm.validateReport(form, data, isLikeNone(opts) ? 0 : addToExternrefTable0(opts));
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg___wbindgen_is_falsy_d864b623500ae65d: function(arg0) {
            const ret = !arg0;
            return ret;
        },
        __wbg___wbindgen_is_function_741ff2bb612836f5: function(arg0) {
            const ret = typeof(arg0) === 'function';
            return ret;
        },
        __wbg___wbindgen_is_null_c22311b1cc228e3a: function(arg0) {
            const ret = arg0 === null;
            return ret;
        },
        __wbg___wbindgen_is_object_8b968c3ab8e96595: function(arg0) {
            const val = arg0;
            const ret = typeof(val) === 'object' && val !== null;
            return ret;
        },
        __wbg___wbindgen_is_symbol_f846131a047725ea: function(arg0) {
            const ret = typeof(arg0) === 'symbol';
            return ret;
        },
        __wbg___wbindgen_is_undefined_be5b34249ff1fc15: function(arg0) {
            const ret = arg0 === undefined;
            return ret;
        },
        __wbg___wbindgen_number_get_934b640d0889af78: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'number' ? obj : undefined;
            getDataViewMemory0().setFloat64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? 0 : ret, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
        },
        __wbg___wbindgen_string_get_7ce8eee7fd327545: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'string' ? obj : undefined;
            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            var len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        __wbg___wbindgen_throw_4c88d8bf264fd984: function(arg0, arg1) {
            throw new Error(getStringFromWasm0(arg0, arg1));
        },
        __wbg__wbg_cb_unref_09736879a3f67559: function(arg0) {
            arg0._wbg_cb_unref();
        },
        __wbg_call_a410eb4b59ed5965: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = arg0.call(arg1, arg2);
            return ret;
        }, arguments); },
        __wbg_clearTimeout_113b1cde814ec762: function(arg0) {
            const ret = clearTimeout(arg0);
            return ret;
        },
        __wbg_getItem_49556a3e59cfb688: function() { return handleError(function (arg0, arg1, arg2, arg3) {
            const ret = arg1.getItem(getStringFromWasm0(arg2, arg3));
            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            var len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        }, arguments); },
        __wbg_get_2080c49015e35254: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.get(arg0, arg1);
            return ret;
        }, arguments); },
        __wbg_instanceof_Window_5cf453f5639aa1a2: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Window;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_key_63ff854ef83f5a09: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = arg1.key(arg2 >>> 0);
            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            var len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        }, arguments); },
        __wbg_length_186163212ffe79c3: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        __wbg_length_ea72997cbff8f351: function() { return handleError(function (arg0) {
            const ret = arg0.length;
            return ret;
        }, arguments); },
        __wbg_localStorage_6827cfe6db14a9f6: function() { return handleError(function (arg0) {
            const ret = arg0.localStorage;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        }, arguments); },
        __wbg_new_787b9fb330d55d78: function(arg0, arg1) {
            const ret = new Error(getStringFromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_new_cd4348290afae586: function() {
            const ret = new Object();
            return ret;
        },
        __wbg_new_with_length_01b143a7e5dd5a3e: function(arg0) {
            const ret = new Uint8Array(arg0 >>> 0);
            return ret;
        },
        __wbg_now_463ac581d2fc7ea3: function() {
            const ret = Date.now();
            return ret;
        },
        __wbg_parse_c3f72b5a24f83c01: function() { return handleError(function (arg0, arg1) {
            const ret = JSON.parse(getStringFromWasm0(arg0, arg1));
            return ret;
        }, arguments); },
        __wbg_prototypesetcall_13162965d1fe7aa3: function(arg0, arg1, arg2) {
            Uint8Array.prototype.set.call(getArrayU8FromWasm0(arg0, arg1), arg2);
        },
        __wbg_random_df36b90cd78a7d54: function() {
            const ret = Math.random();
            return ret;
        },
        __wbg_removeItem_6db621e167d16a1c: function() { return handleError(function (arg0, arg1, arg2) {
            arg0.removeItem(getStringFromWasm0(arg1, arg2));
        }, arguments); },
        __wbg_setItem_cfa3cb31f271776a: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4) {
            arg0.setItem(getStringFromWasm0(arg1, arg2), getStringFromWasm0(arg3, arg4));
        }, arguments); },
        __wbg_setTimeout_a60d83bec06b4345: function() { return handleError(function (arg0, arg1) {
            const ret = setTimeout(arg0, arg1);
            return ret;
        }, arguments); },
        __wbg_set_2793479888329cb6: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = Reflect.set(arg0, arg1, arg2);
            return ret;
        }, arguments); },
        __wbg_set_index_04ad4507ce7e44a9: function(arg0, arg1, arg2) {
            arg0[arg1 >>> 0] = arg2;
        },
        __wbg_static_accessor_GLOBAL_THIS_003ee833af9699fc: function() {
            const ret = typeof globalThis === 'undefined' ? undefined : globalThis;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_static_accessor_GLOBAL_e4293fb22cbe77da: function() {
            const ret = typeof global === 'undefined' ? undefined : global;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_static_accessor_SELF_53bb20457401453d: function() {
            const ret = typeof self === 'undefined' ? undefined : self;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_static_accessor_WINDOW_b5e0810bfecb7feb: function() {
            const ret = typeof window === 'undefined' ? undefined : window;
            return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
        },
        __wbg_stringify_0a0fbf2ef722380a: function() { return handleError(function (arg0) {
            const ret = JSON.stringify(arg0);
            return ret;
        }, arguments); },
        __wbindgen_generic_0000000000000001: function(arg0, arg1) {
            // Cast intrinsic for `Closure(Closure { owned: true, function: Function { arguments: [], shim_idx: 10, ret: Unit, inner_ret: Some(Unit) }, mutable: true }) -> Externref`.
            const ret = makeMutClosure(arg0, arg1, wasm_bindgen__convert__closures_____invoke__hd4f7b5a35adea0b0);
            return ret;
        },
        __wbindgen_generic_0000000000000002: function(arg0) {
            // Cast intrinsic for `F64 -> Externref`.
            const ret = arg0;
            return ret;
        },
        __wbindgen_generic_0000000000000003: function(arg0, arg1) {
            // Cast intrinsic for `Ref(String) -> Externref`.
            const ret = getStringFromWasm0(arg0, arg1);
            return ret;
        },
        __wbindgen_init_externref_table: function() {
            const table = wasm.__wbindgen_externrefs;
            table.set(0, undefined);
            table.set(1024, undefined);
            table.set(1025, null);
            table.set(1026, true);
            table.set(1027, false);
        },
    };
    return {
        __proto__: null,
        "./exam_incident_bg.js": import0,
    };
}

function wasm_bindgen__convert__closures_____invoke__hd4f7b5a35adea0b0(arg0, arg1) {
    wasm.wasm_bindgen__convert__closures_____invoke__hd4f7b5a35adea0b0(arg0, arg1);
}

const IncidentResponseFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_incidentresponse_free(ptr, 1));
const PlanFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_plan_free(ptr, 1));

function addToExternrefTable0(obj) {
    const idx = wasm.__externref_table_alloc();
    wasm.__wbindgen_externrefs.set(idx, obj);
    return idx;
}

const CLOSURE_DTORS = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(state => wasm.__wbindgen_destroy_closure(state.a, state.b));

function getArrayU8FromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return getUint8ArrayMemory0().subarray(ptr / 1, ptr / 1 + len);
}

let cachedDataViewMemory0 = null;
function getDataViewMemory0() {
    if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {
        cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
    }
    return cachedDataViewMemory0;
}

function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}

let cachedUint8ArrayMemory0 = null;
function getUint8ArrayMemory0() {
    if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
        cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
    }
    return cachedUint8ArrayMemory0;
}

function handleError(f, args) {
    try {
        return f.apply(this, args);
    } catch (e) {
        const idx = addToExternrefTable0(e);
        wasm.__wbindgen_exn_store(idx);
    }
}

function isLikeNone(x) {
    return x === undefined || x === null;
}

function makeMutClosure(arg0, arg1, f) {
    const state = { a: arg0, b: arg1, cnt: 1 };
    const real = (...args) => {

        // First up with a closure we increment the internal reference
        // count. This ensures that the Rust closure environment won't
        // be deallocated while we're invoking it.
        state.cnt++;
        const a = state.a;
        state.a = 0;
        try {
            return f(a, state.b, ...args);
        } finally {
            state.a = a;
            real._wbg_cb_unref();
        }
    };
    real._wbg_cb_unref = () => {
        if (--state.cnt === 0) {
            wasm.__wbindgen_destroy_closure(state.a, state.b);
            state.a = 0;
            CLOSURE_DTORS.unregister(state);
        }
    };
    CLOSURE_DTORS.register(real, state, state);
    return real;
}

function passStringToWasm0(arg, malloc, realloc) {
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }

    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;

    const mem = getUint8ArrayMemory0();

    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = cachedTextEncoder.encodeInto(arg, view);

        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }

    WASM_VECTOR_LEN = offset;
    return ptr;
}

function takeFromExternrefTable0(idx) {
    const value = wasm.__wbindgen_externrefs.get(idx);
    wasm.__externref_table_dealloc(idx);
    return value;
}

let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
function decodeText(bytes) {
    numBytesDecoded += bytes.length;
    if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
        cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
        cachedTextDecoder.decode();
        numBytesDecoded = bytes.length;
    }
    return cachedTextDecoder.decode(bytes);
}

const cachedTextEncoder = new TextEncoder();

if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}

let WASM_VECTOR_LEN = 0;

let wasmModule, wasmInstance, wasm;
function __wbg_finalize_init(instance, module) {
    wasmInstance = instance;
    wasm = instance.exports;
    wasmModule = module;
    cachedDataViewMemory0 = null;
    cachedUint8ArrayMemory0 = null;
    wasm.__wbindgen_start();
    return wasm;
}

async function __wbg_load(module, imports) {
    if (typeof Response === 'function' && module instanceof Response) {
        if (!module.ok) {
            throw new Error(`failed to fetch Wasm: ${module.status} ${module.statusText} fetching '${module.url}'`);
        }

        if (typeof WebAssembly.instantiateStreaming === 'function') {
            try {
                return await WebAssembly.instantiateStreaming(module, imports);
            } catch (e) {
                const validResponse = expectedResponseType(module.type);

                if (validResponse && module.headers.get('Content-Type') !== 'application/wasm') {
                    console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\n", e);

                } else { throw e; }
            }
        }

        const bytes = await module.arrayBuffer();
        return await WebAssembly.instantiate(bytes, imports);
    } else {
        const instance = await WebAssembly.instantiate(module, imports);

        if (instance instanceof WebAssembly.Instance) {
            return { instance, module };
        } else {
            return instance;
        }
    }

    function expectedResponseType(type) {
        switch (type) {
            case 'basic': case 'cors': case 'default': return true;
        }
        return false;
    }
}

function initSync(module) {
    if (wasm !== undefined) return wasm;


    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for `initSync()`; pass a single object instead')
        }
    }

    const imports = __wbg_get_imports();
    if (!(module instanceof WebAssembly.Module)) {
        module = new WebAssembly.Module(module);
    }
    const instance = new WebAssembly.Instance(module, imports);
    return __wbg_finalize_init(instance, module);
}

let __wbg_init_promise;
async function __wbg_init(module_or_path) {
    if (wasm !== undefined) return wasm;
    if (__wbg_init_promise === undefined) {
        __wbg_init_promise = __wbg_init_once(module_or_path);
        __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
    }
    return __wbg_init_promise;
}

async function __wbg_init_once(module_or_path) {

    if (module_or_path !== undefined) {
        if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
            ({module_or_path} = module_or_path)
        } else {
            console.warn('using deprecated parameters for the initialization function; pass a single object instead')
        }
    }

    if (module_or_path === undefined) {
        module_or_path = new URL('exam_incident_bg.wasm', import.meta.url);
    }
    const imports = __wbg_get_imports();

    if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {
        module_or_path = fetch(module_or_path);
    }

    const { instance, module } = await __wbg_load(await module_or_path, imports);

    return __wbg_finalize_init(instance, module);
}

export { initSync, __wbg_init as default };
