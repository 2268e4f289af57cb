// µs per call of classify, validateReport and IncidentResponse, in Node (called by node.mjs).
import fs from "node:fs";

const SHORT = "3号考场突然停电，预计20分钟恢复"; // 17 characters, a proctor's typical line
const LONG = (
  "考试期间，实训楼3号、5号两个考场秩序混乱，出现大面积作弊现象，巡考人员已到场。" +
  "与此同时2号考场突然停电，预计四十分钟后恢复供电，是否属于区域大面积停电尚不清楚。" +
  "另有考生反映试卷缺页，备用试卷数量不足，监考人员已将缺页试卷收回装入原试卷袋并如实填写考场情况记录单。" +
  "考点负责人已向应急处理领导小组电话报告，并安排工作人员安抚考生情绪，维持考场秩序，等待进一步指示。" +
  "目前没有发现试卷泄密，也没有考生出现危重疾病症状，考点医务人员在岗待命。"
);
// Exactly 300 characters: the description repeated and cut.
const LONG300 = [...LONG.repeat(2)].slice(0, 300).join("");

export default async function run(ei, { measure, line }) {
  console.log(line(`classify(facts)`, measure(() => ei.classify({ facts: { signals: ["power_outage"], outage_minutes: 20, restored: true } })), "µs"));
  console.log(line(`classify(text, ${[...SHORT].length} chars)`, measure(() => ei.classify({ text: SHORT })), "µs"));
  console.log(line(`classify(text, ${[...LONG300].length} chars)`, measure(() => ei.classify({ text: LONG300 })), "µs", 30));

  const data = JSON.parse(fs.readFileSync(new URL("../tests/data/form_cases.json", import.meta.url), "utf8"));
  for (const form of ["initial_report", "staged_report", "room_record", "disposal_report", "readiness_check"]) {
    const valid = data.bases[form];
    const invalid = { ...valid, [Object.keys(valid)[0]]: 12345, reported_at: "not a time", expected_count: -1 };
    console.log(line(`validateReport(${form}, valid)`, measure(() => ei.validateReport(form, valid)), "µs", 30));
    console.log(line(`validateReport(${form}, invalid)`, measure(() => ei.validateReport(form, invalid)), "µs", 30));
  }

  // A response with 1,000 log entries (notes), in memory only.
  const r = new ei.IncidentResponse({ kind: "mass_cheating", discoveredAt: "2026-06-13T09:00", id: "bench-1000" });
  for (let i = 0; r.log().length < 1000; i++) {
    const m = 1 + Math.floor(i / 60);
    r.addNote(`2026-06-13T${String(9 + Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`, `记录 ${i}`);
  }
  const saved = r.toJSON();
  const opts = { batches: 9, perBatch: 5, warmup: 2 };
  console.log(line("IncidentResponse 1,000 entries: toJSON", measure(() => r.toJSON(), opts), "µs"));
  console.log(line("IncidentResponse 1,000 entries: fromJSON", measure(() => ei.IncidentResponse.fromJSON(saved).free(), opts), "µs"));
  console.log(line("IncidentResponse 1,000 entries: verifyLog", measure(() => r.verifyLog(), opts), "µs", 5000));
  r.dispose?.();
}
