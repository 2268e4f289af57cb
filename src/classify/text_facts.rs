//! Text → facts: the signals and cues that are said and not negated, yes/no flags, the phase,
//! counts and the outage length.

use super::facts::{FactKey, Phase};
use super::known::{Answer, Known, Provenance, Src};
use super::lexicon::{Hit, Hits, Prepared, What};
use super::spec::ClassifierSpec;
use super::Signal;
use super::{negation, numerals};

pub fn read(spec: &ClassifierSpec, p: &Prepared) -> (Known, Provenance) {
    let index = spec.index();
    let mut hits = index.scan(&p.chars);
    // A spelling with a capital inside the message is a name (Mr. Bao Zha), not a word typed in
    // raw pinyin; the message's first letter may be the phone's capital.
    if !hits.spelled.is_empty() {
        hits.unread_spelled(|start, end| {
            p.original(start, end).char_indices().any(|(i, c)| c.is_ascii_uppercase() && (start > 0 || i > 0))
        });
    }
    let framed = frames(spec, p, &hits);
    let mut terms = negation::resolve(p, &hits, &framed, index.longest, &spec.negation);
    deny(&mut terms, &spec.negation.denials, &[]);
    // A word said of a frame's object is that frame's: 押运车…还没到 is the papers late, not the
    // bare word's candidates late. Only a frame's word that is still a term counts: where a
    // longer term took its words ("paper missing" over the frame's "missing"), the longer term
    // stays (dropping both lost the signal altogether). Saying the frame's signal over the
    // longer term instead was measured: no better across the development corpora. A cue's frame
    // takes the very words it framed (监考老师…还没到 is a proctor late, not candidates late).
    let kept: Vec<Hit> = terms.iter().filter(|t| framed.contains(&t.hit)).map(|t| t.hit).collect();
    terms.retain(|t| match t.hit.what {
        What::Signal(s) => {
            kept.contains(&t.hit)
                || !kept.iter().any(|f| match f.what {
                    What::Signal(o) => o != s && f.start < t.hit.end && t.hit.start < f.end,
                    What::Cue(_) => f.start == t.hit.start && f.end == t.hit.end,
                    _ => false,
                })
        }
        // 一个家长冲进教学楼: a cue's frame reads its words as said of its object (one parent
        // forcing in), over the bare word's other cue (a crowd storming the site).
        What::Cue(c) => {
            kept.contains(&t.hit)
                || !kept.iter().any(|f| matches!(f.what, What::Cue(o) if o != c) && f.start == t.hit.start && f.end == t.hit.end)
        }
        _ => true,
    });
    yield_shared_words(spec, &mut terms);
    topic(spec, &hits, &mut terms);
    let at_hand = unreal(p, &hits, &mut terms, &spec.negation.whole_message);
    // Content, bystander and clearing words, found in one pass over the hits.
    let (mut content, mut bystanders, mut cleared) = (Vec::new(), Vec::new(), Vec::new());
    let (mut family, mut leave) = (Vec::new(), false);
    for h in hits.all() {
        match h.what {
            What::Content => content.push((h.start, h.end)),
            What::Bystander => bystanders.push((h.start, h.end)),
            What::Family => family.push((h.start, h.end)),
            What::StaffLeave => leave = true,
            What::Clearing(i) if !cleared.contains(&i) => cleared.push(i),
            _ => {}
        }
    }
    // The task's fire is the fire of the whole text (the fire-blanket task … a small pan fire),
    // as a denied one is; a drill's is not (地震演练通知 … 真的发生了地震).
    if !content.is_empty() {
        let before: Vec<bool> = terms.iter().map(|t| t.negated).collect();
        in_clause_of(p, &content, &mut terms, &spec.negation.content_spares);
        deny(&mut terms, &spec.negation.denials, &before);
    }
    // 我孩子发烧了…请个假: the family of staff who ask for leave are away from the exam.
    if leave {
        bystanders.append(&mut family);
    }
    in_clause_of(p, &bystanders, &mut terms, &[]);
    // The exam went on unaffected, the fever was the thermometer: what a clearing names is taken back.
    let cue_names = &index.cue_names;
    for c in cleared.iter().filter_map(|i| spec.negation.clearings.get(usize::from(*i))) {
        for t in terms.iter_mut() {
            t.negated |= match t.hit.what {
                What::Signal(s) => c.signals.contains(&s),
                What::Cue(k) => cue_names.get(usize::from(k)).is_some_and(|n| c.cues.contains(n)),
                _ => false,
            };
        }
    }
    titled(p, &mut terms);
    asked(p, &hits, &mut terms);
    nil_fields(p, &hits, &mut terms);
    // Most messages have no quote mark at all: one pass over the text, made at the first term
    // that could be quoted, then spares a search around every term.
    let mut any_quote: Option<bool> = None;
    for t in terms.iter_mut().filter(|t| t.hit.what.is_signal_like()) {
        let quotes = *any_quote
            .get_or_insert_with(|| p.chars.iter().any(|c| matches!(c, '“' | '‘' | '「' | '『' | '”' | '’' | '」' | '』' | '"' | '\'')));
        if quotes && quoted(p, t.hit.start, t.hit.end, &spec.negation.speech_markers) {
            t.negated = true;
        }
    }
    let mut known = Known::default();
    // Room for every term up front: growing these one push at a time was a tenth of a long
    // text's time.
    let mut prov = Provenance {
        negators: super::features::negators(&hits, index.longest),
        read_as: index.transliterated(&p.chars, &hits),
        only_negated: false,
        signals: Vec::with_capacity(terms.len()),
        cues: Vec::with_capacity(terms.len()),
        facts: Vec::with_capacity(terms.len() + 6),
        negated: Vec::with_capacity(terms.len()),
        // An unreal word that asked about the case at hand takes nothing out of the real.
        unreal: hits.all().iter().any(|h| match h.what {
            What::Unreal => !at_hand.contains(&h.start),
            What::Content | What::Bystander => true,
            _ => false,
        }),
        ..Provenance::default()
    };
    for t in &terms {
        let src = Src::Text { start: t.hit.start, end: t.hit.end };
        match t.hit.what {
            _ if t.negated && t.hit.what.is_signal_like() => prov.negated.push((t.hit.start, t.hit.end)),
            What::Signal(s) => {
                known.signals |= 1 << s.index();
                prov.signals.push((s, src));
            }
            What::Cue(c) => {
                known.cues |= 1u64.checked_shl(u32::from(c)).unwrap_or(0);
                prov.cues.push((c, src));
            }
            // A hedged flag (预计…恢复) is not yet a fact; a later plain statement wins.
            What::Flag { fact, value } if !t.hedged => {
                known.set(fact, Answer::Bool(value != t.negated));
                prov.facts.push((fact, src));
                if t.negated {
                    prov.negated.push((t.hit.start, t.hit.end));
                }
            }
            _ => {}
        }
    }
    // Two terms on the same words (闹事) are one negated span.
    prov.negated.dedup();
    // The phase cue nearest to something said about the papers or the exam.
    let signal_spans: Vec<(usize, usize)> =
        prov.signals.iter().filter_map(|(_, s)| if let Src::Text { start, end } = s { Some((*start, *end)) } else { None }).collect();
    let distance =
        |a: usize, b: usize| signal_spans.iter().map(|(s, e)| if b <= *s { s - b } else { a.saturating_sub(*e) }).min().unwrap_or(0);
    // The first of the nearest. A plain loop: the iterator chain kept its state in the stack,
    // and one pass over the hits cost more than the rest of this function.
    let mut phase = None;
    let mut nearest = usize::MAX;
    for h in hits.all() {
        let What::Phase(ph) = h.what else { continue };
        let d = distance(h.start, h.end);
        if phase.is_none() || d < nearest {
            (phase, nearest) = (Some((ph, h.start, h.end)), d);
        }
    }
    // The papers travel twice: a journey told after the exam is over is the journey back
    // (考后送卷到评卷中心…交接…少了一袋), found short after the exam; one told before the count
    // at the door is the journey in (押运车到了，清点时…). So is the strongroom, for a count found
    // short: papers put back there once collected (卷子收完送到保密室，一清点少了一份) are short after
    // the exam; a seal or damage found there after the day's session is still the stored papers'.
    let short = [Signal::PaperMissing, Signal::PaperLost, Signal::PapersShort, Signal::AnswerSheetMissing].iter().any(|s| known.has(*s));
    if let Some((ph @ (Phase::Transport | Phase::Storage), start, end)) = phase.filter(|(ph, ..)| *ph == Phase::Transport || short) {
        let first = |want: Phase| hits.all().iter().find(|h| h.what == What::Phase(want)).map(|h| h.start);
        if matches!((first(Phase::AfterExam), first(ph)), (Some(back), Some(out)) if back < out) {
            phase = Some((Phase::AfterExam, start, end));
        }
    }
    if let Some((ph, start, end)) = phase {
        known.phase = Some(ph);
        prov.facts.push((FactKey::Phase, Src::Text { start, end }));
    }
    let counts = numerals::read(p, &hits, index, &spec.numbers);
    let mut put = |f: FactKey, r: Option<numerals::Reading>, known: &mut Known| {
        if let Some(r) = r {
            match f {
                FactKey::RoomsAffected => known.rooms = Some(r.num),
                FactKey::CandidatesAffected => known.candidates = Some(r.num),
                FactKey::OutageMinutes => known.outage = Some(r.num),
                _ => known.fraction = Some(r.num),
            }
            prov.facts.push((f, Src::Text { start: r.start, end: r.end }));
        }
    };
    put(FactKey::RoomsAffected, counts.rooms, &mut known);
    prov.rooms.clone_from(&counts.room_names);
    put(FactKey::CandidatesAffected, counts.candidates, &mut known);
    put(FactKey::CandidatesFraction, counts.fraction, &mut known);
    // A duration is the outage's length only when an outage is what the text is about.
    if spec.outage_signals.iter().any(|s| known.has(*s)) {
        put(FactKey::OutageMinutes, counts.minutes, &mut known);
    }
    // A roll call short of the session says candidates are missing, in any words.
    if let Some((start, end)) = counts.shortfall {
        if !known.has(Signal::CandidatesDelayed) {
            known.signals |= 1 << Signal::CandidatesDelayed.index();
            prov.signals.push((Signal::CandidatesDelayed, Src::Text { start, end }));
        }
    }
    if let Some((start, end)) = counts.large {
        if known.large.is_none() {
            known.large = Some(true);
            prov.facts.push((FactKey::CandidatesLarge, Src::Text { start, end }));
        }
    }
    if !prov.negated.is_empty() {
        prov.only_negated = !has_unread_chars(&p.chars, &hits, super::MIN_UNREAD_AFTER_REJECTION);
    }
    (known, prov)
}

/// A term whose words another term shares gives way to it where the plan says its signal yields
/// to the other's (`yields`): 少了一份 in 试卷少了一份 is the papers short, not a paper gone, and
/// "papers are missing pages" is the pages.
fn yield_shared_words(spec: &ClassifierSpec, terms: &mut Vec<negation::Term>) {
    let yields = |t: &negation::Term| matches!(t.hit.what, What::Signal(s) if spec.yields.iter().any(|y| y.signal == s));
    if !terms.iter().any(yields) {
        return;
    }
    let said: Vec<Hit> = terms.iter().map(|t| t.hit).collect();
    terms.retain(|t| {
        let What::Signal(s) = t.hit.what else { return true };
        !spec.yields.iter().filter(|y| y.signal == s).any(|y| {
            said.iter().any(|o| matches!(o.what, What::Signal(b) if y.to.contains(&b)) && o.start < t.hit.end && t.hit.start < o.end)
        })
    });
}

/// Whether at least `enough` letters, digits and Chinese characters of `chars` are inside no hit
/// (it stops counting there: most texts leave that many in their first gap).
fn has_unread_chars(chars: &[char], hits: &Hits, enough: usize) -> bool {
    let count = |s: &[char]| s.iter().filter(|c| c.is_ascii_alphanumeric() || ('\u{3400}'..='\u{9FFF}').contains(*c)).count();
    let (mut n, mut at) = (0, 0);
    // Hits come by start: the gaps between them are what no term covers.
    for h in hits.all() {
        if h.start > at {
            n += count(chars.get(at..h.start).unwrap_or_default());
            if n >= enough {
                return true;
            }
        }
        at = at.max(h.end);
    }
    n + count(chars.get(at..).unwrap_or_default()) >= enough
}

/// Each frame said, as hits in text order: a predicate with an object of its frame in the same clause,
/// at most `frame_window_chars` apart, in either order, adds the frame's signal or cue over the
/// predicate's words (negation applies to it there: 试卷没有被拍照).
fn frames(spec: &ClassifierSpec, p: &Prepared, hits: &Hits) -> Vec<Hit> {
    if spec.frames.is_empty() {
        return Vec::new();
    }
    let window = spec.frame_window_chars;
    let all = hits.all();
    let at = reach(p, spec.frame_word_chars);
    let longest = spec.index().longest;
    let mut said: Vec<Hit> = Vec::with_capacity(16);
    // A predicate word attaches to the nearest object: of the frames it may belong to, only those
    // whose object is nearest say their signal ("papers are missing pages" is about pages).
    let objects: Vec<Hit> = all.iter().filter(|h| matches!(h.what, What::FrameObject(_))).copied().collect();
    if objects.is_empty() {
        return Vec::new();
    }
    let mut best: Vec<(usize, usize, u16, usize)> = Vec::with_capacity(16);
    for h in all {
        let What::FramePredicate(fi) = h.what else { continue };
        // A cue that ends in the predicate's words already says what they are said of (空调坏了 is
        // the air conditioning broken, whoever is named after it).
        if hits
            .starting_in(h.start.saturating_sub(longest), h.start)
            .iter()
            .any(|c| matches!(c.what, What::Cue(_)) && c.start < h.start && h.start < c.end)
        {
            continue;
        }
        // A predicate that is also a negator (没有) says what its object before it lacks (页…没有字);
        // before its object it denies it (没有发现缺页).
        let negates = hits.at(h.start).iter().any(|n| n.what == What::Negator && n.end == h.end);
        let near = |o: &Hit| {
            let (a, b) = if o.end <= h.start {
                (o.end, h.start)
            } else if h.end <= o.start && !negates {
                (h.end, o.start)
            } else {
                return None;
            };
            // Between frames that share the predicate, the thing it is said of comes first (卷子…
            // 还没到, 考生都在等): an object after the predicate counts as farther than any before it.
            let after = if h.end <= o.start { window + 1 } else { 0 };
            let d = at(b) - at(a);
            // A report's field names its object before a colon (网络：中断, 试卷 : 水浸损坏):
            // that colon does not end the clause. One after more words is a speaker's
            // (监考员报告：考生全部在座).
            let field = |i: usize| {
                o.end <= i
                    && matches!(p.chars.get(i), Some(':' | '：'))
                    && p.chars.get(o.end..i).is_some_and(|gap| gap.iter().all(|c| c.is_whitespace()))
                    && opens_field(p, o.start)
            };
            (d <= window && !(a..b).any(|i| p.is_clause_end(i) && !field(i))).then_some(d + after)
        };
        // Objects are by start: only those that can be within the window are looked at (an object
        // is never longer than the longest term).
        let from = objects.partition_point(|o| at(o.start + longest) + window < at(h.start));
        let to = objects.partition_point(|o| at(o.start) <= at(h.end) + window);
        let distance = objects
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .filter(|o| matches!(o.what, What::FrameObject(f) if f == fi))
            .filter_map(near)
            .min();
        if let Some(d) = distance {
            best.push((h.start, h.end, fi, d));
        }
    }
    for &(start, end, fi, d) in &best {
        // The same words (还没来, 没来) go to the nearest object of any frame they predicate.
        if best.iter().any(|b| b.0 < end && start < b.1 && b.3 < d) {
            continue;
        }
        let Some(frame) = spec.frames.get(usize::from(fi)) else { continue };
        let what = match (&frame.signal, &frame.cue) {
            (Some(s), _) => What::Signal(*s),
            (None, Some(c)) => match spec.index().cue_names.iter().position(|n| n == c) {
                Some(i) => What::Cue(u8::try_from(i).unwrap_or(u8::MAX)),
                None => continue,
            },
            _ => continue,
        };
        let hit = Hit { start, end, what };
        if !said.contains(&hit) && !hits.at(start).contains(&hit) {
            said.push(hit);
        }
    }
    said
}

/// Whether a word at `start` can be a report field's name: it opens the text, a clause or a
/// field (after / or |), or, in Chinese, follows a space (机器：40台 网络：中断); an English word
/// after a space is inside a sentence (Flash flood in the basement: water …).
fn opens_field(p: &Prepared, start: usize) -> bool {
    let mut k = start;
    while k > 0 && p.chars.get(k - 1).is_some_and(|c| c.is_whitespace()) {
        k -= 1;
    }
    let spaced = k < start && p.chars.get(start).is_some_and(|c| !c.is_ascii());
    k == 0
        || spaced
        || p.chars
            .get(k - 1)
            .is_some_and(|c| Prepared::is_clause_end_char(*c) || Prepared::is_field_mark_char(*c) || matches!(c, '】' | ']'))
}

/// The window's measure of each char position `0..=len`: one per char, but a spaced word of
/// letters and digits counts `word_chars` in all and the space after it none (0: every char counts one).
fn reach(p: &Prepared, word_chars: usize) -> impl Fn(usize) -> usize {
    let mut at = Vec::with_capacity(p.chars.len() + 1);
    let mut n = 0;
    let mut prev = ' ';
    for &c in &p.chars {
        at.push(n);
        n += match word_chars {
            0 => 1,
            _ if c.is_ascii_alphanumeric() => usize::from(!prev.is_ascii_alphanumeric()) * word_chars,
            _ if c.is_whitespace() && prev.is_ascii_alphanumeric() => 0,
            _ => 1,
        };
        prev = c;
    }
    at.push(n);
    move |i| at.get(i).or(at.last()).copied().unwrap_or(0)
}

/// How far a turn may stand before the unreal word it turns to (但是是演练, but it was just a drill).
const TURN_TO_UNREAL_CHARS: usize = 16;

/// How far before an unreal word a longer term that owns it may start (跑到 in 跑到隔壁学校, "not
/// sure" in "not sure if").
const MAX_OWNER_LEAD: usize = 12;

/// How long a sentence of an unreal word alone may be (Drill only., 只是演练。).
const SHORT_SENTENCE_CHARS: usize = 14;

/// Negates every term in a sentence that has an unreal word (a drill, a hypothetical, the news).
/// Returns where the unreal words start that ask about the case at hand (`actualisers`), which
/// take nothing out of the real.
fn unreal(p: &Prepared, hits: &Hits, terms: &mut [negation::Term], whole: &[String]) -> Vec<usize> {
    // 不是演练, 不是实操模拟: a negator up to three characters before an unreal word, in its
    // clause, makes the sentence real; not one inside an event's words (卷子没到是我搞错了).
    let in_event = |g: &Hit| terms.iter().any(|t| t.hit.what.is_signal_like() && t.hit.start <= g.start && g.end <= t.hit.end);
    let negated_at = |pos: usize| {
        hits.starting_in(pos.saturating_sub(6), pos).iter().any(|g| {
            matches!(g.what, What::Negator) && g.end <= pos && pos - g.end <= 3 && !(g.end..pos).any(|i| p.is_clause_end(i)) && !in_event(g)
        })
    };
    let claims = retracted(p, hits);
    // An unreal word inside a longer term that starts before it is that term's: a place elsewhere
    // at the end of an event's words is where the event went (大量考生跑到隔壁学校, 试卷送到别的
    // 考点), not where something else happened; "if" in "not sure if anything was taken" doubts one
    // more fact, it supposes nothing.
    let owned = |g: &Hit| {
        hits.starting_in(g.start.saturating_sub(MAX_OWNER_LEAD), g.start.saturating_sub(1)).iter().any(|t| {
            matches!(t.what, What::Signal(_) | What::Cue(_) | What::FramePredicate(_) | What::NotNegator)
                && t.start < g.start
                && g.end <= t.end
        })
    };
    // An unreal word inside a claim taken back is the claim's (刚才说是演练，不是！…真的着火了).
    let marks: Vec<(usize, usize)> = hits
        .all()
        .iter()
        .filter(|h| matches!(h.what, What::Unreal) && !negated_at(h.start) && !owned(h))
        .filter(|h| !claims.iter().any(|c| c.start <= h.start && h.end <= c.end))
        .map(|h| (h.start, h.end))
        .collect();
    let mut at_hand = Vec::new();
    if marks.is_empty() && claims.is_empty() {
        return at_hand;
    }
    let ends = |i: usize| {
        p.chars.get(i).is_some_and(|c| matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '；' | ';'))
            || (p.chars.get(i) == Some(&'.') && p.chars.get(i + 1).is_none_or(|c| c.is_whitespace()))
    };
    // Where each sentence starts, found once (a text of many unreal words stays linear).
    let mut starts = vec![0usize];
    starts.extend((0..p.chars.len()).filter(|i| ends(*i)).map(|i| i + 1));
    let sentence = |pos: usize| {
        let k = starts.partition_point(|s| *s <= pos);
        let start = k.checked_sub(1).and_then(|k| starts.get(k)).copied().unwrap_or(0);
        let end = starts.get(k).map_or(p.chars.len(), |e| e - 1);
        (start, end)
    };
    // A threat's sentence is real whatever its condition says.
    let threats: Vec<(usize, usize)> = hits.all().iter().filter(|h| matches!(h.what, What::Threat)).map(|h| sentence(h.start)).collect();
    // A turn (`unreal_breaks`: 但是, but) parts the sentence: 新闻说邻县发大水 但是有一半考生…还没来 is real
    // after it, and 说是演练 但是三考场真冒烟了 too.
    let breaks: Vec<(usize, usize)> = hits.all().iter().filter(|h| matches!(h.what, What::UnrealBreak)).map(|h| (h.start, h.end)).collect();
    let mut spans = Spans::default();
    let says = |start: usize, end: usize| whole.iter().any(|w| p.spells(start, end, w));
    for c in &claims {
        spans.add(c.start, c.end);
    }
    for (m, m_end) in marks {
        // The correction's own unreal word (刚才说停电了，我看错了，…是考试server挂了) takes back
        // the claim, not the corrected report after it.
        if claims.iter().any(|c| c.end <= m && m <= c.correction_end) {
            continue;
        }
        let s = sentence(m);
        if threats.contains(&s) {
            continue;
        }
        // 请教一下，…这个算不算泄题？今天三考场就是这个情况: the question reports the case; and
        // spoken without a question mark (请问一下…怎么办我们这个考场已经…).
        let asks = p.chars.get(s.1).is_some_and(|c| matches!(c, '？' | '?'));
        if (asks && actualised(p, hits, s.1)) || (!asks && spoken_at_hand(hits, m_end, s.1)) {
            at_hand.push(m);
            continue;
        }
        // A sentence of little more than the unreal word (Drill only. 只是演练。) says it of the whole
        // message.
        if s.1 - s.0 <= SHORT_SENTENCE_CHARS
            && says(m, m_end)
            && !terms.iter().any(|t| t.hit.what.is_signal_like() && t.hit.start >= s.0 && t.hit.start < s.1)
        {
            spans.add(0, p.chars.len());
            continue;
        }
        let k = breaks.partition_point(|&(b, _)| b < m);
        let turn = k.checked_sub(1).and_then(|k| breaks.get(k)).copied().filter(|&(b, _)| b >= s.0);
        // 考生晕倒了，但是是演练, but it was a drill: the turn says what the whole sentence was,
        // when little but a copula stands between it and a word of `whole_message`.
        let whole_turn = turn.is_some_and(|(_, b_end)| {
            m.saturating_sub(b_end) <= TURN_TO_UNREAL_CHARS
                && says(m, m_end)
                && !terms.iter().any(|t| t.hit.what.is_signal_like() && t.hit.start >= b_end && t.hit.start < m)
        });
        let from = turn.filter(|_| !whole_turn).map_or(s.0, |(b, _)| b);
        let to = breaks.get(k).map(|&(b, _)| b).filter(|&b| b <= s.1).unwrap_or(s.1);
        spans.add(from, to);
    }
    spans.negate(terms);
    at_hand
}

/// Whether a question word after an unreal word, in a sentence with no question mark, is followed
/// in that sentence by a word of `actualisers` (请问一下咳嗽发烧的考生是不是要单独一个考场我们这边有一个…).
fn spoken_at_hand(hits: &Hits, from: usize, to: usize) -> bool {
    let found = hits.starting_in(from, to);
    found
        .iter()
        .find(|h| matches!(h.what, What::QuestionWord))
        .is_some_and(|q| found.iter().any(|h| matches!(h.what, What::Actualiser) && h.start >= q.end))
}

/// How far after a question mark a word of `actualisers` may stand.
const ACTUALISER_REACH_CHARS: usize = 40;

/// Whether the sentence right after the question mark at `mark` says the case asked about is
/// happening now (`actualisers`: 我们现在就是这样, 现在门口就有一个, that's what we have now).
fn actualised(p: &Prepared, hits: &Hits, mark: usize) -> bool {
    hits.starting_in(mark + 1, mark + 1 + ACTUALISER_REACH_CHARS).iter().any(|h| {
        matches!(h.what, What::Actualiser)
            && !(mark + 1..h.start).any(|i| p.chars.get(i).is_some_and(|c| matches!(c, '。' | '！' | '？' | '!' | '?' | '\n')))
    })
}

/// How far after the end of an earlier claim's clause its correction may start (刚才说卷子到了，
/// 是我看错了: two characters).
const CORRECTION_REACH_CHARS: usize = 6;

/// An earlier claim taken back: its words from the claim marker (刚才说) to where its clause or
/// the correction ends it, and where the correction ends.
struct Claim {
    start: usize,
    end: usize,
    correction_end: usize,
}

/// The earlier claims (刚才说…, earlier I said…) a correction (其实, 搞错了, actually) takes back
/// right after them or within their clause; a claim not taken back (刚才说的202考场作弊，现在203
/// 也乱了) stands.
fn retracted(p: &Prepared, hits: &Hits) -> Vec<Claim> {
    let corrections: Vec<&Hit> = hits.all().iter().filter(|h| matches!(h.what, What::Correction)).collect();
    let mut out = Vec::new();
    if corrections.is_empty() {
        return out;
    }
    for m in hits.all().iter().filter(|h| matches!(h.what, What::EarlierClaim)) {
        // 刚才说：…, 刚才群里说'…': the claim starts after the colon or quote.
        let from = (m.end..p.chars.len())
            .find(|&i| !p.chars.get(i).is_some_and(|c| c.is_whitespace() || matches!(c, ':' | '：') || Prepared::is_open_quote_char(*c)))
            .unwrap_or(p.chars.len());
        let clause_end = (from..p.chars.len()).find(|&i| p.is_clause_end(i)).unwrap_or(p.chars.len());
        let gap_to = |c: &Hit| {
            let between = p.chars.get(clause_end..c.start).unwrap_or_default();
            between.iter().filter(|ch| !ch.is_whitespace() && !Prepared::is_clause_end_char(**ch)).count()
        };
        let Some(c) = corrections.iter().find(|c| c.start > from && (c.start < clause_end || gap_to(c) <= CORRECTION_REACH_CHARS)) else {
            continue;
        };
        out.push(Claim { start: m.start, end: c.start.min(clause_end), correction_end: c.end });
    }
    out
}

/// Negates the events of a question clause: one ending with a question mark, with a question
/// word and no perfective (集体作弊的标准是两个考场以上对吧？ asks; 考生晕倒了要不要叫120？ reports),
/// or, in English, one that opens with a question opener (Is a candidate with a cough considered
/// an epidemic case?), with the clauses of its sentence that offer alternatives after it (Does a
/// 20-minute power cut mean we add 20 minutes, or does the centre decide?). An English question
/// opens with its word; the same word inside a clause asks nothing (the candidate is bleeding?),
/// and a clause before the question is not asked (a candidate collapsed, is that major?).
fn asked(p: &Prepared, hits: &Hits, terms: &mut [negation::Term]) {
    // Most messages ask nothing: one byte search spares the rest.
    if !p.holds('？') && !p.holds('?') {
        return;
    }
    let mut spans = Spans::default();
    let mut start = 0;
    // Where the last clause of the sentence at hand that opens with a question opener starts.
    let mut opened: Option<usize> = None;
    for i in 0..p.chars.len() {
        if !p.is_clause_end(i) {
            continue;
        }
        let from =
            (start..i).find(|&k| p.chars.get(k).is_some_and(|c| !c.is_whitespace() && !Prepared::is_open_quote_char(*c))).unwrap_or(i);
        let opens = |w: What| hits.at(from).iter().any(|h| h.what == w);
        if opens(What::QuestionOpener) {
            opened = Some(from);
        } else if !opens(What::QuestionAlternative) {
            opened = None;
        }
        let mark = p.chars.get(i).copied();
        // 能不能进场？现在门口就有一个: a question about the case at hand asks nothing.
        if matches!(mark, Some('？' | '?')) && !actualised(p, hits, i) {
            let inside = |w: fn(What) -> bool| hits.starting_in(start, i).iter().any(|h| w(h.what) && h.end <= i);
            if let Some(o) = opened {
                spans.add(o, i);
            } else if inside(|w| matches!(w, What::QuestionWord)) && !inside(|w| matches!(w, What::Perfective)) {
                spans.add(start, i);
            }
        }
        // A sentence's end closes its question; a comma inside it does not.
        if !matches!(mark, Some('，' | ',')) {
            opened = None;
        }
        start = i + 1;
    }
    spans.negate(terms);
}

/// How many marks (a colon, a dash, spaces) may stand between a field's name and its value.
const FIELD_GAP_CHARS: usize = 4;

/// Negates an event whose report field is empty: the event's word, at most a colon and spaces,
/// a nil value, a count word of the plan's (0个, 0 间) and the field's end (作弊：无 / cheating:
/// none / 设备故障 0). A zero ends its field before the next field's word too (违纪0人作弊0人); a
/// word value only at a space or a mark (停电无影响 reports the outage).
fn nil_fields(p: &Prepared, hits: &Hits, terms: &mut [negation::Term]) {
    let chars = &p.chars;
    for t in terms.iter_mut().filter(|t| !t.negated && t.hit.what.is_signal_like()) {
        let mut at = t.hit.end;
        while chars.get(at).is_some_and(|c| matches!(c, ' ' | '\t' | '：' | ':' | '-' | '=')) && at < t.hit.end + FIELD_GAP_CHARS {
            at += 1;
        }
        t.negated = hits.at(at).iter().any(|v| {
            if v.what != What::NilValue {
                return false;
            }
            let after = |i: usize| hits.at(i).iter().find(|c| c.what == What::Classifier).map(|c| c.end);
            let end = after(v.end).unwrap_or(v.end);
            let zero = chars.get(v.start).is_some_and(|c| c.is_ascii_digit() || matches!(c, '〇' | '零'));
            match chars.get(end) {
                None => true,
                Some(c) if c.is_whitespace() || Prepared::is_clause_end_char(*c) || Prepared::is_field_mark_char(*c) => true,
                Some(c) => zero && !c.is_ascii_alphanumeric() && *c != '.' && *c != '%',
            }
        });
    }
}

/// A title in 《》 names a book, film or document, not an event: 《炸弹人》, 《突发事件应急处理预案》.
fn titled(p: &Prepared, terms: &mut [negation::Term]) {
    let mut open = None;
    let mut spans = Spans::default();
    for (i, c) in p.chars.iter().enumerate() {
        match c {
            '《' => open = Some(i + 1),
            '》' => {
                if let Some(start) = open.take() {
                    spans.add(start, i);
                }
            }
            _ => {}
        }
    }
    spans.negate(terms);
}

/// A signal of `denials` negated anywhere is negated everywhere: 冒烟的是烤焦的面包 不是着火.
/// Terms already negated when `before` was taken (`true` at their index) deny nothing.
fn deny(terms: &mut [negation::Term], denials: &[Signal], before: &[bool]) {
    let denied: Vec<Signal> = terms
        .iter()
        .enumerate()
        .filter(|(i, t)| t.negated && !before.get(*i).copied().unwrap_or(false))
        .filter_map(|(_, t)| if let What::Signal(s) = t.hit.what { Some(s) } else { None })
        .filter(|s| denials.contains(s))
        .collect();
    if denied.is_empty() {
        return;
    }
    for t in terms.iter_mut() {
        if matches!(t.hit.what, What::Signal(s) if denied.contains(&s)) {
            t.negated = true;
        }
    }
}

/// Negates the events a question or task is about, or that befell someone away from the exam:
/// from each mark's clause start to its clause end, a colon not ending it (题目里有一道题问：
/// 配电房发生火灾时…), every signal but `spares` (the paper's own, for content).
fn in_clause_of(p: &Prepared, marks: &[(usize, usize)], terms: &mut [negation::Term], spares: &[Signal]) {
    if marks.is_empty() {
        return;
    }
    let colon = |i: usize| matches!(p.chars.get(i), Some(':' | '：'));
    // Clause ends found once: a text of many content words stays linear.
    let ends: Vec<usize> = (0..p.chars.len()).filter(|&i| p.is_clause_end(i)).collect();
    let stops: Vec<usize> = ends.iter().copied().filter(|&i| !colon(i)).collect();
    let mut spans = Spans::default();
    for &(start, end) in marks {
        let from = ends.partition_point(|&i| i < start).checked_sub(1).and_then(|k| ends.get(k)).map_or(0, |i| i + 1);
        let to = stops.get(stops.partition_point(|&i| i < end)).copied().unwrap_or(p.chars.len());
        spans.add(from, to);
    }
    for t in terms.iter_mut() {
        let spared = match t.hit.what {
            What::Signal(s) => spares.contains(&s),
            What::Cue(_) => false,
            _ => true,
        };
        if !spared && spans.covers(t.hit.start, t.hit.end) {
            t.negated = true;
        }
    }
}

/// Char spans that unreal or content words reach, in text order with overlapping ones merged, so
/// each term is found by one search (a text of many such words stays linear).
#[derive(Default)]
struct Spans(Vec<(usize, usize)>);

impl Spans {
    /// Adds a span, merging it with those it overlaps. Spans mostly come by start (their marks
    /// in text order); the claims taken back are added before an unreal word's sentence that may
    /// start earlier.
    fn add(&mut self, from: usize, to: usize) {
        match self.0.last_mut() {
            Some(last) if from >= last.0 && from <= last.1 => last.1 = last.1.max(to),
            Some(last) if from < last.0 => {
                let k = self.0.partition_point(|s| s.0 <= from);
                self.0.insert(k, (from, to));
                let mut merged: Vec<(usize, usize)> = Vec::with_capacity(self.0.len());
                for s in self.0.drain(..) {
                    match merged.last_mut() {
                        Some(last) if s.0 <= last.1 => last.1 = last.1.max(s.1),
                        _ => merged.push(s),
                    }
                }
                self.0 = merged;
            }
            _ => self.0.push((from, to)),
        }
    }

    /// Negates every signal and cue inside a span.
    fn negate(&self, terms: &mut [negation::Term]) {
        for t in terms.iter_mut().filter(|t| t.hit.what.is_signal_like()) {
            if self.covers(t.hit.start, t.hit.end) {
                t.negated = true;
            }
        }
    }

    fn covers(&self, start: usize, end: usize) -> bool {
        let k = self.0.partition_point(|s| s.1 < end);
        self.0.get(k).is_some_and(|s| start >= s.0 && end <= s.1)
    }
}

/// Whether a term stands in quotes with at most a few other characters (the “bomb”, 'disaster',
/// “试卷缺页”的问题): a word named or scare-quoted, not a report of it. A quoted sentence (考生说
/// “我的卷子少了一页”) is relayed speech and stays a report, and so is a quote after a word of
/// saying (`speech_markers`: 有人喊“着火了”, someone shouted "fire").
fn quoted(p: &Prepared, start: usize, end: usize, speech: &[String]) -> bool {
    const SLACK: usize = 3;
    let c = |i: usize| p.chars.get(i).copied();
    // A straight quote inside an English word is an apostrophe (candidate's); after a space, a
    // Chinese character or at the start it opens (那个"大批考生没到").
    let word = |i: Option<usize>| i.and_then(c).is_some_and(|ch| ch.is_ascii_alphanumeric());
    let opens = |i: usize| match c(i) {
        Some('“' | '‘' | '「' | '『') => true,
        Some('"' | '\'') => !word(i.checked_sub(1)),
        _ => false,
    };
    let closes = |i: usize| match c(i) {
        Some('”' | '’' | '」' | '』') => true,
        Some('"' | '\'') => !word(Some(i + 1)),
        _ => false,
    };
    let plain = |i: usize| !opens(i) && !closes(i) && !p.is_clause_end(i);
    let Some(open) = (start.saturating_sub(SLACK + 1)..start).rev().find(|&i| opens(i) || !plain(i)).filter(|&i| opens(i)) else {
        return false;
    };
    let Some(close) = (end..end + SLACK + 1).find(|&i| closes(i) || !plain(i) || i >= p.chars.len()).filter(|&i| closes(i)) else {
        return false;
    };
    let mut before = open;
    while before > 0 && c(before - 1) == Some(' ') {
        before -= 1;
    }
    let said = speech.iter().any(|w| {
        let n = w.chars().count();
        before >= n && p.spells(before - n, before, w)
    });
    !said && close - open - 1 <= end - start + SLACK
}

/// A bare word of a frame's signal with none of that signal's objects anywhere in the text is
/// said of what the text is about: 卷子车还有四十多公里…九点前到不了 is the papers late, not
/// candidates, when one other signal's frames both take the word as a predicate and have an
/// object in the text.
fn topic(spec: &ClassifierSpec, hits: &Hits, terms: &mut [negation::Term]) {
    let signal_of = |fi: u16| spec.frames.get(usize::from(fi)).and_then(|f| f.signal);
    // The frames' objects named, with where they end, found once: a scan of every hit per term
    // was a quarter of a long text's time.
    let named: Vec<(usize, u16)> =
        hits.all().iter().filter_map(|h| if let What::FrameObject(fi) = h.what { Some((h.end, fi)) } else { None }).collect();
    if named.is_empty() {
        return;
    }
    let mentioned = |s: Signal| named.iter().any(|n| signal_of(n.1) == Some(s));
    // A frame whose own object is named: 考生 names the candidates, not the candidates' bus, so
    // a bare 打不着火 beside 考生 is not their bus that will not start.
    let frame_named = |fi: u16| named.iter().any(|n| n.1 == fi);
    for t in terms.iter_mut() {
        let What::Signal(s) = t.hit.what else { continue };
        // The frames that take these very words as a predicate (no list built: this runs for
        // every term).
        let (start, end) = (t.hit.start, t.hit.end);
        let frames_here = || {
            hits.at(start).iter().filter(move |h| h.end == end).filter_map(|h| match h.what {
                What::FramePredicate(fi) => Some(fi),
                _ => None,
            })
        };
        // Only a word some frame of its own signal predicates (a bare 到不了, not 迟到).
        if !frames_here().any(|fi| signal_of(fi) == Some(s)) {
            continue;
        }
        if mentioned(s) {
            // Both are named: the word is said of the last thing named before it (押运的小王…车在收费站
            // 排了一个多小时…九点肯定赶不到 is the papers late, though 考生 are named after it).
            let last = named.iter().filter(|n| n.0 <= start).max_by_key(|n| n.0).copied();
            if let Some(o) = last.and_then(|(_, fo)| signal_of(fo)) {
                if o != s && frames_here().any(|fi| signal_of(fi) == Some(o)) {
                    t.hit.what = What::Signal(o);
                }
            }
            continue;
        }
        // One other signal, however many of its frames take the word (a signal may have several).
        let mut others = frames_here().filter(|fi| frame_named(*fi)).filter_map(signal_of).filter(|o| *o != s);
        if let Some(o) = others.next() {
            if others.all(|other| other == o) {
                t.hit.what = What::Signal(o);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Spans;

    #[test]
    fn a_span_added_before_the_last_is_merged_in_order() {
        let mut s = Spans::default();
        s.add(20, 30);
        s.add(0, 10);
        s.add(8, 22);
        assert_eq!(s.0, vec![(0, 30)]);
        assert!(s.covers(2, 5) && s.covers(12, 28));
        let mut t = Spans::default();
        t.add(20, 30);
        t.add(0, 10);
        assert!(t.covers(2, 5) && t.covers(22, 25) && !t.covers(12, 15));
    }
}
