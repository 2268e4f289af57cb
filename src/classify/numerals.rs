//! Numbers in a proctor's words: Arabic, Chinese (两, 二十五, 一百二十) and English (two,
//! twenty) numerals; counts with measure words (两个考场, 3名考生, two rooms); room lists (3号、5号考场,
//! rooms 3 and 5); durations (半小时, 1小时20分, 一个半小时, 90 minutes); shares (一半, 三分之一, 30%);
//! quantity words (多个, 几个, 大量); and bounds (以上, 超过, 以内, within). The words are plan
//! data; this module only knows how they combine.

use super::facts::{Bound, Num};
use super::lexicon::{Hit, Hits, Index, Prepared, What};
use super::spec::{Numbers, Target};
use super::Signal;

/// A value read from chars `start..end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub num: Num,
    pub start: usize,
    pub end: usize,
}

/// What the numbers of a text say.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    pub rooms: Option<Reading>,
    pub candidates: Option<Reading>,
    pub minutes: Option<Reading>,
    pub fraction: Option<Reading>,
    /// Where "large numbers" of candidates are said without a figure.
    pub large: Option<(usize, usize)>,
    /// The rooms named (第二考场, 3号考场, room 5), as char spans.
    pub room_names: Vec<(usize, usize)>,
    /// Every count of candidates, and whether it counts those present.
    all_candidates: Vec<(Reading, bool)>,
    /// Numbers without a noun: counted ones (3个) and figures said of an event (1 late).
    implicit: Vec<Implicit>,
    /// Where a count of those present falls short of the session's (报名80人…只有59人签到):
    /// candidates are missing even when no word says so.
    pub shortfall: Option<(usize, usize)>,
    /// Where counts said to be missing start (差8个).
    short: Vec<usize>,
    /// Whether a count is marked as the session's whole (应到45, 本场共60).
    total_marked: bool,
    /// Where counts said of an event start (迟到考生2名, 缺考1名, 四个没来): those it befell.
    said: Vec<usize>,
    /// Whether a figure without a noun joined the counts of candidates (45个考生迟到了2个): a
    /// part of the count it follows.
    implicit_part: bool,
}

#[derive(Clone, Copy, Debug)]
struct Implicit {
    reading: Reading,
    /// Counts those present (30个人到了28个).
    present: bool,
    /// With a classifier (3个); a bare figure counts only when said of an event.
    counted: bool,
    /// Said of an event: its word right after (四个没来, 1 late) or just before (迟到了四个).
    said: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Script {
    Arabic,
    Chinese,
    Word,
    /// A room's letter (考场A, room B): a name only, never a count.
    Letter,
}

#[derive(Clone, Copy, Debug)]
struct Token {
    value: f64,
    start: usize,
    end: usize,
    script: Script,
}

/// Reads every count, duration and share in the text.
pub fn read(p: &Prepared, hits: &Hits, index: &Index, spec: &Numbers) -> Counts {
    let tokens = tokens(p, hits, index, spec);
    let ending = Ending::new(hits, p.chars.len());
    let mut out = Counts::default();
    let mut room_ids: Vec<(f64, usize, usize)> = Vec::new();
    // The room ids that start a range (rooms 10-12): the rooms up to the next id are named too.
    let mut ranges: Vec<usize> = Vec::new();
    let mut pending: Vec<(f64, usize, usize)> = Vec::new();
    // The numbers in `pending` that start a range (1至3号考场): a range once they are rooms.
    let mut pending_ranges: Vec<usize> = Vec::new();
    // A room list continues when the next number starts here (after 、 or and).
    let mut list_next: Option<usize> = None;
    let mut list_confirmed = false;
    // Whether a room has been named by its number and 号 (3号考场): later numbers with 号 and
    // no noun are rooms too.
    let mut numbered_rooms = false;
    // The denominator of a share already read (1/4) is no count of its own.
    let mut skip_next = false;
    for (ti, t) in tokens.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        // 应到45, 本场共60, 40 registered: the session's whole, whatever follows it (a figure
        // alone so marked counts no one affected).
        let mut noun_at = skip(p, t.end);
        while let Some(c) = first(hits, noun_at, |w| matches!(w, What::Classifier)) {
            noun_at = skip(p, c.end);
        }
        let of_others = first(hits, noun_at, |w| {
            matches!(w, What::RoomNoun | What::Measure { target: Target::Rooms | Target::Minutes | Target::Staff | Target::Items, .. })
        })
        .is_some();
        if !of_others && total_marked(p, hits, t) {
            out.all_candidates.push((Reading { num: Num::exact(t.value), start: t.start, end: t.end }, false));
            out.total_marked = true;
            continue;
        }
        // A list goes on at the next number, or at its 第 (第8、第9考场, 第一第二考场).
        let at = ending.at(t.start).filter(|h| matches!(h.what, What::OrdinalPrefix)).map_or(t.start, |h| h.start);
        if list_next != Some(t.start) && list_next != Some(at) {
            pending.clear();
            pending_ranges.clear();
            list_confirmed = false;
        }
        list_next = None;
        let before = ending.at(skip_back(p, t.start));
        let word_before = before.is_some();
        let bound_before = before.and_then(|h| match h.what {
            What::BoundPrefix(b) => Some(b),
            _ => None,
        });
        // English room lists start with the noun: room 3, rooms 3 and 5.
        let room_before = before.is_some_and(|h| matches!(h.what, What::RoomNoun | What::Measure { target: Target::Rooms, .. }));
        if t.script == Script::Letter && !room_before && !list_confirmed {
            continue;
        }
        // lab 3, page 6, seat 14: a thing's number, neither a count nor a room; 监考两个人: the
        // proctors counted, not candidates.
        if before.is_some_and(|h| matches!(h.what, What::IdNoun | What::Measure { target: Target::Staff | Target::Items, .. }))
            && !list_confirmed
        {
            continue;
        }
        let ordinal = ending.at(t.start).filter(|h| matches!(h.what, What::OrdinalPrefix));
        let ordinal_before = ordinal.is_some();
        // A named room starts at its 第.
        let from = ordinal.map_or(t.start, |h| h.start);
        let mut value = t.value;
        let mut bound = bound_before.unwrap_or(Bound::Exact);
        // 各一个考场: one of several alike, so at least two in all.
        // (各 is a quantity word too, and the longest hit there may be that one.)
        // Looked for only where a word ends there: most numbers have none before them.
        let each = before.is_some_and(|b| {
            let at = b.end;
            matches!(b.what, What::Each) || (matches!(b.what, What::Quantity(_)) && ends_at(hits, at, |w| matches!(w, What::Each)))
        });
        if each && !room_before {
            value *= 2.0;
            bound = Bound::AtLeast;
        }
        let mut pos = skip(p, t.end);
        if let Some(h) = first(hits, pos, |w| matches!(w, What::FractionInfix)) {
            if let Some(den) = tokens.get(ti + 1).filter(|n| n.start == skip(p, h.end)) {
                // 不到五分之一: the bound said before the share is the share's; 签到的考生不到三分之一:
                // the share of those there (its noun and bound between), so those away are the rest.
                if value > 0.0 {
                    let num = away(den.value / value, bound, present_within(p, hits, &tokens, ti, SHARE_PRESENT_CHARS));
                    set_max(&mut out.fraction, Reading { num, start: t.start, end: den.end });
                }
            }
            continue;
        }
        // 1/4的考生, 1/3 of the candidates: a slash between two figures is a share when the
        // candidates follow (3/5号考场 stays a list of rooms).
        if t.script == Script::Arabic && p.chars.get(t.end) == Some(&'/') {
            if let Some(den) = tokens.get(ti + 1).filter(|n| n.start == t.end + 1 && n.script == Script::Arabic && n.value > value) {
                let mut at = skip(p, den.end);
                while let Some(l) = first(hits, at, |w| matches!(w, What::Linker)) {
                    at = skip(p, l.end);
                }
                if first(hits, at, |w| matches!(w, What::Measure { target: Target::Candidates, .. })).is_some() && value > 0.0 {
                    set_max(&mut out.fraction, Reading { num: Num::exact(value / den.value), start: t.start, end: den.end });
                    skip_next = true;
                    continue;
                }
            }
        }
        if let Some(h) = first(hits, pos, |w| matches!(w, What::Percent)) {
            // 出勤98%, attendance 95%: the share there; those away are the rest.
            let num = away(value / 100.0, bound, present_before(p, hits, &tokens, ti));
            set_max(&mut out.fraction, Reading { num, start: t.start, end: h.end });
            continue;
        }
        let mut counted = false;
        if let Some(h) = first(hits, pos, |w| matches!(w, What::Classifier)) {
            pos = skip(p, h.end);
            counted = true;
        }
        if let Some(h) = first(hits, pos, |w| matches!(w, What::Half)) {
            value += 0.5;
            pos = skip(p, h.end);
        }
        if let Some(h) = first(hits, pos, |w| matches!(w, What::BoundSuffix(_))) {
            if let What::BoundSuffix(b) = h.what {
                bound = b;
            }
            pos = skip(p, h.end);
            // 二十多个人: the classifier comes after the bound.
            if let Some(h) = first(hits, pos, |w| matches!(w, What::Classifier)).filter(|_| !counted) {
                pos = skip(p, h.end);
                counted = true;
            }
        }
        // A number right after a room noun names a room (机房二, room 3), unless a measure word
        // is glued to it (4号考场两名考生): 机房二 考生… is not two candidates.
        // Spaced, a one-character Chinese measure word still counts (机房 40 人 到了 35 个); a noun
        // after a room's number is said of the room (考场3 考生都在, room 3 candidates).
        let spaced = skip(p, t.end);
        // 考场 十来个考生: a bound word between the figure and its measure word (来, 多, 几).
        let counted_at = hits.at(t.end).iter().find(|h| matches!(h.what, What::BoundSuffix(_))).map_or(t.end, |h| h.end);
        let counts_here = hits.at(counted_at).iter().any(|h| matches!(h.what, What::Measure { .. } | What::Classifier))
            || (spaced > t.end
                && t.script == Script::Arabic
                && p.chars.get(spaced).is_some_and(|c| !c.is_ascii())
                && hits.at(spaced).iter().any(|h| matches!(h.what, What::Measure { .. } | What::Classifier) && h.end == spaced + 1));
        if room_before && bound_before.is_none() && !counts_here {
            room_ids.push((value, before.map_or(t.start, |h| h.start), t.end));
            if let Some(sep) = first(hits, pos, |w| matches!(w, What::ListSep)) {
                list_confirmed = true;
                list_next = Some(skip(p, sep.end));
            } else if let Some(next) = room_separator(p, spec, skip(p, t.end)) {
                list_confirmed = true;
                list_next = Some(next);
            } else if let Some(next) = separator(p, &spec.room_range_separators, skip(p, t.end)).filter(|n| {
                // Room 5 - 12 candidates missing: a count after the dash, not a range.
                tokens.get(ti + 1).is_some_and(|u| {
                    u.start == *n && !hits.at(skip(p, u.end)).iter().any(|h| matches!(h.what, What::Measure { .. } | What::Classifier))
                })
            }) {
                list_confirmed = true;
                list_next = Some(next);
                ranges.push(room_ids.len() - 1);
            } else if let Some(next) = spaced_room(p, &tokens, ti) {
                list_confirmed = true;
                list_next = Some(next);
            }
            continue;
        }
        // 1至3号考场, 1号到6号考场: a range of rooms whose noun comes after its last number.
        if !list_confirmed {
            let after = first(hits, pos, |w| matches!(w, What::Ordinal)).map_or(pos, |o| skip(p, o.end));
            if let Some(next) = range_before_room_noun(p, hits, spec, &tokens, ti, after) {
                pending.push((value, from, t.end));
                pending_ranges.push(pending.len() - 1);
                list_next = Some(next);
                continue;
            }
        }
        // 第一第二考场: the next 第 continues a list of ordinals.
        if ordinal_before && first(hits, pos, |w| matches!(w, What::OrdinalPrefix)).is_some() {
            pending.push((value, from, t.end));
            list_next = Some(pos);
            continue;
        }
        // A separator joins two numbers only when the next follows it, its 第 aside: 10 / 违纪：0
        // ends a field (the 10 is a count); 3/5号考场, 第一、第二考场 are lists.
        let joins = |sep: &Hit| {
            let next = skip(p, sep.end);
            let next = first(hits, next, |w| matches!(w, What::OrdinalPrefix)).map_or(next, |o| o.end);
            sep.what != What::ListSep || tokens.get(ti + 1).is_some_and(|n| n.start == next)
        };
        let Some(m) =
            first(hits, pos, |w| matches!(w, What::Measure { .. } | What::RoomNoun | What::Ordinal | What::ListSep)).filter(joins)
        else {
            // 2 of 30 nurse aide candidates: a share written with "of" counts candidates named a
            // few words on, in its clause.
            if let Some(part) = ti.checked_sub(1).and_then(|i| tokens.get(i)).filter(|part| part.value < value) {
                let in_clause = |h: &&Hit| !(pos..h.start).any(|i| p.is_clause_end(i));
                let ahead = hits.starting_in(pos, pos + 24);
                let named = ahead.iter().filter(in_clause).find(|h| matches!(h.what, What::Measure { target: Target::Candidates, .. }));
                // 3 of 40 missing, 考生 2 of 45 迟到: with nothing else counted after it, the
                // share is of the candidates too.
                // A room named by its number (3 of 40 in room 6 are late) is where, not what is counted.
                let names_room = |h: &Hit| h.what == What::RoomNoun && tokens.iter().any(|u| u.start == skip(p, h.end));
                let other = ahead
                    .iter()
                    .filter(in_clause)
                    .any(|h| matches!(h.what, What::Measure { .. }) || (h.what == What::RoomNoun && !names_room(h)));
                // Unnamed, the two stand close (2 of 45, four of our 60), not a word and a time apart.
                // The event's word may stand between them (9 late out of 100, 3 no-shows out of 28).
                let gap = t.start - part.end;
                let event_between = || hits.starting_in(part.end, t.start).iter().any(|h| matches!(h.what, What::Signal(_)));
                let close = (gap <= OF_GAP_CHARS || (gap <= OF_GAP_EVENT_CHARS && event_between())) && p.chars.get(t.end) != Some(&':');
                if linked_by_of(p, hits, part, t) && (named.is_some() || (!other && close)) {
                    let end = named.map_or(t.end, |noun| noun.end);
                    // 29 of 30 present: the part is those who are there.
                    let present = first(hits, skip(p, end), |w| matches!(w, What::Present)).is_some_and(|h| says_present(p, hits, &h));
                    out.all_candidates.push((Reading { num: Num::exact(value), start: t.start, end }, false));
                    out.all_candidates.push((Reading { num: Num::exact(part.value), start: part.start, end: part.end }, present));
                    continue;
                }
            }
            // A figure stands for a count on its own: with a classifier (3个), in digits, or a
            // number word past one (seven late; "a" and "one" are articles as often as counts).
            let figure = counted || t.script == Script::Arabic || (t.script == Script::Word && value >= 2.0);
            // Of 25 candidates, 4 are running late: an English figure a word or two before lateness.
            let late_on = || !counted && matches!(t.script, Script::Arabic | Script::Word) && lateness_after(p, hits, pos);
            // 五考场 一个…: a figure with its classifier counts something, it names no room.
            if (room_before && !counted) || list_confirmed {
                room_ids.push((value, from, t.end));
                list_next = room_separator(p, spec, pos).or_else(|| spaced_room(p, &tokens, ti)).filter(|_| list_confirmed);
            } else if let Some(noun) = hits
                .at(pos)
                .iter()
                .filter(|s| matches!(s.what, What::Signal(_)) && t.script != Script::Chinese)
                .find_map(|s| candidates_noun(p, hits, s))
                .or_else(|| {
                    trade_word(p, pos)
                        .and_then(|end| {
                            first(hits, skip(p, end), |w| matches!(w, What::Measure { target: Target::Candidates, .. })).map(|n| n.end)
                        })
                        .filter(|_| t.script == Script::Arabic)
                })
            {
                // 3 late candidates, 22 forklift candidates: one word between the figure and
                // its noun says which (the event, the trade).
                let r = Reading { num: Num { value, bound }, start: t.start, end: noun };
                set_max(&mut out.candidates, r);
                out.all_candidates.push((r, false));
            } else if figure
                && (pos >= p.chars.len()
                    || p.is_clause_end(pos)
                    // A report's fields, a space or a spaced slash between them: 缺考：1 / 违纪：0,
                    // 实到：29 违纪：0 (a figure said present ends its field).
                    || (pos > 0
                        && p.chars.get(pos - 1) == Some(&' ')
                        && (matches!(p.chars.get(pos), Some('/' | '|'))
                            || present_before(p, hits, &tokens, ti)
                            // 缺考2 违纪0: an event's figure ends its field too.
                            || event_right_before(p, hits, t.start)))
                    // Typed fast, a space is a comma: 迟到了四个 其他都到了.
                    || (counted && pos > 0 && p.chars.get(pos - 1) == Some(&' '))
                    || hits
                        .at(pos)
                        .iter()
                        .any(|h| matches!(h.what, What::Negator | What::Present | What::Signal(_) | What::FramePredicate(_)))
                    || late_on())
            {
                // 30个考生有3个没来: a counted number without its noun, followed by what happened
                // to them, counts what was counted before (一个工地 does not); it only matters
                // beside another count of candidates.
                let after = hits.at(pos).iter().any(|h| matches!(h.what, What::Signal(_) | What::FramePredicate(_))) || late_on();
                // 来了9个迟到的, 来了30个，10个没到: a present marker before it is not said of a
                // figure the event follows.
                let tight = pos > 0 && p.chars.get(pos - 1) != Some(&' ');
                let present = !(after && tight) && present_before(p, hits, &tokens, ti);
                // Or a particle before it, spaces aside (迟到了四个, 迟到 四个).
                let before = event_right_before(p, hits, t.start);
                let reading = Reading { num: Num { value, bound }, start: t.start, end: pos };
                let short = word_before && short_before(p, hits, t.start);
                if short {
                    out.short.push(t.start);
                }
                out.implicit.push(Implicit { reading, present, counted, said: after || (figure && before) || short });
            }
            continue;
        };
        // 考场101 102 103 考生…: the last number of a spaced list of room numbers is a room, not a
        // count of the candidates after it; a shorter one is their count (Room 9, 31 candidates).
        if list_confirmed
            && t.script == Script::Arabic
            && t.end - t.start >= SPACED_ROOM_DIGITS
            && m.start > t.end
            && matches!(m.what, What::Measure { target: Target::Candidates, .. })
        {
            room_ids.push((value, from, t.end));
            continue;
        }
        let after = skip(p, m.end);
        let suffix = first(hits, after, |w| matches!(w, What::BoundSuffix(_)));
        let bound_after = |b: Bound| match suffix.map(|h| h.what) {
            Some(What::BoundSuffix(s)) => s,
            _ => b,
        };
        let end_after = |e: usize| suffix.map_or(e, |h| h.end);
        match m.what {
            What::Measure { target: Target::Minutes, factor } => {
                let mut minutes = value * factor;
                let mut end = m.end;
                // 1小时20分, 1 hour 20 minutes: a smaller unit straight after adds on.
                if let Some(next) = tokens.get(ti + 1).filter(|n| n.start == after) {
                    let unit = first(hits, skip(p, next.end), |w| matches!(w, What::Measure { target: Target::Minutes, .. }));
                    if let Some(What::Measure { factor: f2, .. }) = unit.map(|u| u.what) {
                        if f2 < factor {
                            minutes += next.value * f2;
                            end = unit.map_or(end, |u| u.end);
                        }
                    }
                }
                let tail = first(hits, skip(p, end), |w| matches!(w, What::BoundSuffix(_)));
                if let Some(What::BoundSuffix(b)) = tail.map(|h| h.what) {
                    bound = b;
                    end = tail.map_or(end, |h| h.end);
                }
                set_max(&mut out.minutes, Reading { num: Num { value: minutes, bound }, start: t.start, end });
            }
            // 发到第28个考生: which candidate, not how many.
            What::Measure { target: Target::Candidates, .. } if ordinal_before => {}
            What::Measure { target: Target::Candidates, .. } => {
                let r = Reading { num: Num { value, bound: bound_after(bound) }, start: t.start, end: end_after(m.end) };
                set_max(&mut out.candidates, r);
                // A present marker a few words on: 16 characters of Chinese, three times that
                // of English (12 candidates for the pastry exam have arrived).
                let latin = p.chars.get(r.end..(r.end + 16).min(p.chars.len())).unwrap_or_default().iter().any(char::is_ascii_alphabetic);
                let reach = if latin { 48 } else { 16 };
                let said_before = event_right_before(p, hits, t.start);
                // 来了9个迟到的: the event named right after the figure is what it counts.
                let said_after = event_right_after(hits, r.end);
                let present = (!said_after && present_before(p, hits, &tokens, ti))
                    || hits.starting_in(r.end, r.end + reach).iter().any(|h| {
                        matches!(h.what, What::Present)
                            && says_present(p, hits, h)
                            && !inside_signal(hits, h)
                            && !(r.end..h.start).any(|i| p.is_clause_end(i))
                            // 3个考生迟到…已入场: what happened to them comes first; the late ones
                            // have come in since, they are not the ones present.
                            && !hits.starting_in(r.end, h.start).iter().any(|g| matches!(g.what, What::Signal(_)) && g.end <= h.start)
                    })
                        // Nor where it comes right before them (迟到5人 都在15分钟内进场了).
                        && !said_before;
                if word_before && short_before(p, hits, t.start) {
                    out.short.push(t.start);
                }
                if said_before || said_after {
                    out.said.push(t.start);
                }
                out.all_candidates.push((r, present));
                // 14 of 50 candidates: the part before "of".
                if let Some(part) = ti.checked_sub(1).and_then(|i| tokens.get(i)) {
                    if linked_by_of(p, hits, part, t) {
                        let r = Reading { num: Num::exact(part.value), start: part.start, end: part.end };
                        out.all_candidates.push((r, present));
                    }
                }
            }
            What::Measure { target: Target::Rooms, .. } => {
                let r = Reading { num: Num { value, bound: bound_after(bound) }, start: t.start, end: end_after(m.end) };
                set_max(&mut out.rooms, r);
            }
            What::Measure { target: Target::Staff | Target::Items, .. } => {}
            What::RoomNoun if (counted || counts_rooms(p, spec, t, bound)) && !ordinal_before => {
                let r = Reading { num: Num { value, bound: bound_after(bound) }, start: t.start, end: end_after(m.end) };
                set_max(&mut out.rooms, r);
            }
            What::RoomNoun => {
                ranges.extend(pending_ranges.drain(..).map(|k| room_ids.len() + k));
                room_ids.append(&mut pending);
                name_rooms(&mut room_ids, p, index, t, value, from, m.end);
            }
            // 考场3至5号: the end of a range of rooms.
            What::Ordinal if list_confirmed => room_ids.push((value, from, m.end)),
            What::Ordinal => {
                name_rooms(&mut pending, p, index, t, value, from, m.end);
                let next = skip(p, m.end);
                if let Some(noun) = first(hits, next, |w| matches!(w, What::RoomNoun)) {
                    // The last room of the list is named with its noun (3号考场).
                    if let Some(last) = pending.last_mut() {
                        last.2 = noun.end;
                    }
                    numbered_rooms = true;
                    ranges.extend(pending_ranges.drain(..).map(|k| room_ids.len() + k));
                    room_ids.append(&mut pending);
                } else if let Some(sep) = first(hits, next, |w| matches!(w, What::ListSep)) {
                    list_next = Some(skip(p, sep.end));
                } else if tokens.get(ti + 1).is_some_and(|n| n.start == next) {
                    // 3号4号考场: the next room number follows without a separator.
                    list_next = Some(next);
                } else if numbered_rooms && bare_number_ends(p, hits, next) {
                    // 2号考场有人抄…5号、6号也一样: once rooms go by their numbers, a number
                    // said the same way with nothing after it is a room too.
                    ranges.extend(pending_ranges.drain(..).map(|k| room_ids.len() + k));
                    room_ids.append(&mut pending);
                } else {
                    pending.clear();
                    pending_ranges.clear();
                }
            }
            What::ListSep if t.script == Script::Arabic || room_before || list_confirmed || ordinal_before => {
                if room_before || list_confirmed {
                    room_ids.push((value, from, t.end));
                    list_confirmed = true;
                } else {
                    pending.push((value, from, t.end));
                }
                list_next = Some(skip(p, m.end));
            }
            _ if room_before || list_confirmed => room_ids.push((value, from, t.end)),
            _ => {}
        }
    }
    if let Some(first) = room_ids.first() {
        let mut distinct: Vec<f64> = room_ids.iter().map(|r| r.0).collect();
        for &i in &ranges {
            // A range of a few dozen rooms at most: 2024-2025 is no range of rooms.
            if let (Some(a), Some(b)) = (room_ids.get(i), room_ids.get(i + 1)) {
                if b.0 > a.0 && b.0 - a.0 <= 30.0 && a.0.fract() == 0.0 {
                    distinct.extend((1..(b.0 - a.0) as u32).map(|k| a.0 + f64::from(k)));
                }
            }
        }
        crate::sort::sort_by(&mut distinct, f64::total_cmp);
        distinct.dedup();
        // The words of the first run of room names (3号、5号考场), not everything between the
        // first room and a last one said sentences later.
        let run_end = room_ids.windows(2).take_while(|w| w[1].1.saturating_sub(w[0].2) <= 3).last().map_or(first.2, |w| w[1].2);
        let r = Reading { num: Num::exact(distinct.len() as f64), start: first.1, end: run_end };
        set_max(&mut out.rooms, r);
    }
    let mut seen: Vec<f64> = Vec::new();
    for (v, s, e) in &room_ids {
        if !seen.contains(v) {
            seen.push(*v);
            out.room_names.push((*s, *e));
        }
    }
    quantities(p, hits, index, spec, &ending, &mut out);
    // 别的考场没事, only this room: one room, unless others are named.
    if let Some(h) = out.rooms.is_none().then(|| hits.all().iter().find(|h| matches!(h.what, What::OneRoom))).flatten() {
        set_max(&mut out.rooms, Reading { num: Num::exact(1.0), start: h.start, end: h.end });
    }
    merge_implicit(&mut out);
    if !per_room(p, hits, &mut out) {
        single_implicit(&mut out);
        relative(&mut out);
    }
    for h in hits.all() {
        if let What::Duration(minutes) = h.what {
            let tail = first(hits, skip(p, h.end), |w| matches!(w, What::BoundSuffix(_)));
            let (bound, end) = match tail.map(|t| (t.what, t.end)) {
                Some((What::BoundSuffix(b), e)) => (b, e),
                _ => (Bound::Exact, h.end),
            };
            let bound = bound_prefix_before(p, &ending, h.start).unwrap_or(bound);
            set_max(&mut out.minutes, Reading { num: Num { value: minutes, bound }, start: h.start, end });
        }
    }
    out
}

/// The figures without a noun that count candidates: beside a count of candidates, among them;
/// alone, those said of an event.
fn merge_implicit(out: &mut Counts) {
    if !out.all_candidates.is_empty() {
        let implicit = std::mem::take(&mut out.implicit);
        // Beside a count of candidates, a bare figure counts them when it is counted (3个), said
        // present (实到31) or said of the event (8 stuck).
        let said = implicit.iter().filter(|i| i.said && !i.present).map(|i| i.reading.start);
        out.said.extend(said);
        let before = out.all_candidates.len();
        out.all_candidates.extend(implicit.into_iter().filter(|i| i.counted || i.present || i.said).map(|i| (i.reading, i.present)));
        out.implicit_part = out.all_candidates.len() > before;
    }
}

/// Alone, a counted number said of an event counts those it happened to (迟到了四个): one such
/// figure only; two (迟到三个，走了两个) say too little about which. A figure of none (late: 1,
/// cheating: 0) befell no one, so it is not a second.
fn single_implicit(out: &mut Counts) {
    if out.all_candidates.is_empty() && out.candidates.is_none() {
        let mut said = out.implicit.iter().filter(|i| i.said && !i.present && i.reading.num.value > 0.0);
        if let (Some(i), None) = (said.next(), said.next()) {
            out.candidates = Some(i.reading);
        }
    }
}

/// How far before a share (签到的考生不到三分之一) the marker saying it counts those present may start.
const SHARE_PRESENT_CHARS: usize = 10;

/// How far a room's count may stand after the room's name (一考场迟到1人, 4考场：2人).
const ROOM_COUNT_GAP: usize = 4;
/// The same in English, a word or two (room 2 has 3 absent).
const ROOM_COUNT_GAP_LATIN: usize = 10;

/// Counts said room by room (1考场1人，4考场2人; 一考场迟到1人 四考场迟到2人): each right after a
/// room's name of its own, none a total or of those present. They add up, and none is the
/// session's, so no share follows. Whether it applied.
fn per_room(p: &Prepared, hits: &Hits, out: &mut Counts) -> bool {
    let mut counts: Vec<Reading> = if out.all_candidates.is_empty() {
        // 1考场迟到两个，4考场迟到三个: figures said of the event, each after its room.
        out.implicit.iter().filter(|i| i.said).map(|i| i.reading).collect()
    } else {
        out.all_candidates.iter().map(|(r, _)| *r).collect()
    };
    let present = out.all_candidates.iter().any(|(_, present)| *present) || out.implicit.iter().any(|i| i.said && i.present);
    if counts.len() < 2 || present || (out.all_candidates.is_empty() && out.candidates.is_some()) {
        return false;
    }
    if hits.all().iter().any(|h| matches!(h.what, What::Total | What::TotalSuffix)) {
        return false;
    }
    crate::sort::sort_by(&mut counts, |a, b| a.start.cmp(&b.start));
    counts.dedup_by_key(|r| r.start);
    let mut after = 0;
    for r in &counts {
        // The room named last before the figure, after the count before it.
        let Some(&(_, end)) = out.room_names.iter().filter(|(s, e)| *s >= after && *e <= r.start).max_by_key(|(_, e)| *e) else {
            return false;
        };
        // A colon introduces the room's count (room 4: 2 late); any other clause end parts them.
        let between = p.chars.get(end..r.start).unwrap_or_default();
        let reach = if between.iter().all(char::is_ascii) { ROOM_COUNT_GAP_LATIN } else { ROOM_COUNT_GAP };
        if between.len() > reach || (end..r.start).any(|i| p.is_clause_end_past_colon(i)) {
            return false;
        }
        after = r.end;
    }
    let sum: f64 = counts.iter().map(|r| r.num.value).sum();
    let (Some(first), Some(last)) = (counts.first(), counts.last()) else { return false };
    out.candidates = Some(Reading { num: Num::exact(sum), start: first.start, end: last.end });
    true
}

/// Two or more counts of candidates: the largest is the session's, the smallest the part (those
/// affected, or those present when a present marker says so); the share follows.
fn relative(out: &mut Counts) {
    // 违纪0人: a count of none is no part of the session; 体温38.4: a figure with a decimal part
    // counts no one.
    out.all_candidates.retain(|(r, _)| r.num.value > 0.0 && r.num.value.fract() == 0.0);
    let mut values: Vec<f64> = out.all_candidates.iter().map(|(r, _)| r.num.value).collect();
    crate::sort::sort_by(&mut values, f64::total_cmp);
    values.dedup();
    let (Some(&low), Some(&total)) = (values.first(), values.last()) else { return };
    if values.len() < 2 || total < MIN_SESSION {
        return;
    }
    // 迟到考生2名，缺考1名: every count names its candidates and says whom an event befell, none
    // is the session's (45个考生迟到了2个: the bare 2 is a part of the 45).
    let all_said = out.all_candidates.iter().filter(|(r, _)| r.num.value == total).all(|(r, _)| out.said.contains(&r.start));
    if !out.total_marked && !out.implicit_part && all_said {
        return;
    }
    // 还差3人 … 到了2个: a count said short is what the session lacks, never its whole.
    let all_short = out.all_candidates.iter().filter(|(r, _)| r.num.value == total).all(|(r, _)| out.short.contains(&r.start));
    if !out.total_marked && all_short {
        return;
    }
    // 30人 迟到5个 已经到了三个: those said late are the part, not the fewer who have come since.
    let late = out.all_candidates.iter().filter(|(r, present)| !present && r.num.value < total).map(|(r, _)| r.num.value).reduce(f64::min);
    let low = if out.all_candidates.iter().any(|(r, present)| *present && r.num.value == low) { late.unwrap_or(low) } else { low };
    let Some((part, present)) = out.all_candidates.iter().find(|(r, _)| r.num.value == low).copied() else { return };
    let (value, bound) = if present {
        let bound = flip(part.num.bound);
        if total > low {
            out.shortfall = Some((part.start, part.end));
        }
        (total - low, bound)
    } else {
        // 40人的场次，差8个: the part is what the session lacks.
        if out.short.contains(&part.start) {
            out.shortfall = Some((part.start, part.end));
        }
        (low, part.num.bound)
    };
    out.candidates = Some(Reading { num: Num { value, bound }, start: part.start, end: part.end });
    out.fraction = Some(Reading { num: Num { value: value / total, bound }, start: part.start, end: part.end });
    // Two exact counts say how many (8 of 60; 应到120 实到118): a vague word elsewhere (all in
    // now, 全部装袋, 各位) is not a second, larger reading of them.
    if bound == Bound::Exact {
        out.large = None;
    }
}

/// How far apart a share's part and whole may be when nothing names them (2 of 45, four of our
/// 60), and when the event's word stands between them (9 late out of 100).
const OF_GAP_CHARS: usize = 8;
const OF_GAP_EVENT_CHARS: usize = 20;

/// How far after an English word of many (all, most, widespread) the event it counts may start.
const ENGLISH_QUANTITY_REACH: usize = 40;

/// The fewest candidates a count must have to be a session's whole: two and one are the affected
/// told one by one (两个考生迟到了 一个说闹钟没响 一个找不到楼 is two late, not one of two).
const MIN_SESSION: f64 = 3.0;

/// How many short English words may stand between a figure and the words of lateness it counts
/// (4 are running late, 3 still haven't arrived, 2 running a bit late), and how long a short word is.
const LATENESS_GAP_WORDS: usize = 3;
const SHORT_WORD_CHARS: usize = 8;

/// How few digits a room number has that a spaced list names (考场101 102 103).
const SPACED_ROOM_DIGITS: usize = 3;

/// Whether words of candidates late or absent start after one or two short English words at
/// `pos` (right at `pos` is the caller's own check).
fn lateness_after(p: &Prepared, hits: &Hits, pos: usize) -> bool {
    let mut at = pos;
    for _ in 0..LATENESS_GAP_WORDS {
        let word = p.chars.get(at..).unwrap_or_default().iter().take_while(|c| c.is_ascii_alphabetic()).count();
        if word == 0 || word > SHORT_WORD_CHARS {
            return false;
        }
        at = skip(p, at + word);
        if hits.at(at).iter().any(|h| matches!(h.what, What::Signal(Signal::CandidatesDelayed)))
            && p.chars.get(at).is_some_and(char::is_ascii_alphabetic)
        {
            return true;
        }
    }
    false
}

/// Where the next room number starts when it follows after spaces only, as long as this one
/// (考场101 102 103: room numbers of three or more digits in a row).
fn spaced_room(p: &Prepared, tokens: &[Token], ti: usize) -> Option<usize> {
    let t = tokens.get(ti)?;
    let n = tokens.get(ti + 1)?;
    let digits = t.end - t.start;
    (t.script == Script::Arabic
        && n.script == Script::Arabic
        && digits >= SPACED_ROOM_DIGITS
        && n.end - n.start == digits
        && n.start > t.end
        && skip(p, t.end) == n.start)
        .then_some(n.start)
}

/// Where the next room number starts when a room-list separator (rooms 5, 6) is at `pos`.
fn room_separator(p: &Prepared, spec: &Numbers, pos: usize) -> Option<usize> {
    separator(p, &spec.room_list_separators, pos)
}

/// Where the next number starts after one of `words` at `pos` (and spaces).
fn separator(p: &Prepared, words: &[String], pos: usize) -> Option<usize> {
    let rest = p.chars.get(pos..)?;
    let sep = words.iter().find(|s| !s.is_empty() && rest.iter().copied().take(s.chars().count()).eq(s.chars()))?;
    Some(skip(p, pos + sep.chars().count()))
}

/// Where the next number starts when a range separator at `pos` leads to it and a room noun
/// follows that one, its 号 aside (1至3号考场, 1号到6号考场, 3 to 5 rooms is not: a count).
fn range_before_room_noun(p: &Prepared, hits: &Hits, spec: &Numbers, tokens: &[Token], ti: usize, pos: usize) -> Option<usize> {
    let next = separator(p, &spec.room_range_separators, pos)?;
    let n = tokens.get(ti + 1).filter(|n| n.start == next)?;
    let after = skip(p, n.end);
    let after = first(hits, after, |w| matches!(w, What::Ordinal)).map_or(after, |o| skip(p, o.end));
    first(hits, after, |w| matches!(w, What::RoomNoun)).map(|_| next)
}

/// Whether `part` and `t` are joined by a linker (14 of 50, 5 out of 60).
fn linked_by_of(p: &Prepared, hits: &Hits, part: &Token, t: &Token) -> bool {
    hits.starting_in(part.end, t.start).iter().any(|h| matches!(h.what, What::Linker) && skip(p, h.end) == t.start)
}

/// Quantity words: 多个考场, 大量考生, 一半的考生, several rooms, a third of the candidates.
fn quantities(p: &Prepared, hits: &Hits, index: &Index, spec: &Numbers, ending: &Ending, out: &mut Counts) {
    for h in hits.all() {
        let What::Quantity(qi) = h.what else { continue };
        // 二十几个, 20多个: the word's bound ends a number (more than 20), it is not "a few" (but
        // 305有个考生 is one).
        if h.start.checked_sub(1).and_then(|i| p.chars.get(i)).is_some_and(|c| c.is_ascii_digit() || index.is_numeral(*c))
            && first(hits, h.start, |w| matches!(w, What::BoundSuffix(_))).is_some()
        {
            continue;
        }
        // half in half a dozen: the longer number word says the count.
        if hits.at(h.start).iter().any(|o| matches!(o.what, What::Quantity(_) | What::Word(_)) && o.end > h.end) {
            continue;
        }
        let Some(q) = spec.quantities.get(usize::from(qi)) else { continue };
        // half an hour, 半小时: a duration's word is no share; nor is a phase's (考到一半).
        if hits
            .starting_in(h.start.saturating_sub(index.longest), h.start)
            .iter()
            .any(|d| matches!(d.what, What::Duration(_) | What::Phase(_)) && d.start <= h.start && h.end <= d.end)
        {
            continue;
        }
        // all three, 全部3个: the number says how many.
        if q.large && tokens_at(p, hits, index, skip(p, h.end)) {
            continue;
        }
        let mut pos = skip(p, h.end);
        while let Some(l) = first(hits, pos, |w| matches!(w, What::Linker | What::Classifier)) {
            pos = skip(p, l.end);
        }
        // Half the room, 半个考场: a share of one room is of its candidates, not of rooms.
        let share_of_one = q.count.is_none() && q.fraction.is_some();
        let noun = hits.at(pos).iter().find_map(|m| match m.what {
            What::RoomNoun if share_of_one => Some((Target::Candidates, m.end)),
            What::RoomNoun | What::Measure { target: Target::Rooms, .. } => Some((Target::Rooms, m.end)),
            What::Measure { target: Target::Candidates, .. } => Some((Target::Candidates, m.end)),
            What::Measure { target: t @ (Target::Staff | Target::Items), .. } => Some((t, m.end)),
            _ => None,
        });
        let target = noun.map(|n| n.0);
        if !q.applies_to.is_empty() && !q.applies_to.contains(&target.unwrap_or(Target::Candidates)) {
            continue;
        }
        // a couple of the 30 candidates, a few of our 40: the word counts a part of the figure
        // after it, which is the session (in English: 唯一的一条路 is no share).
        let of_figure = target.is_none() && pos > skip(p, h.end) && p.chars.get(h.start).is_some_and(char::is_ascii_alphabetic);
        if let (true, Some(c)) = (of_figure, q.count) {
            if tokens_at(p, hits, index, pos) {
                out.all_candidates.push((Reading { num: Num { value: c, bound: q.bound }, start: h.start, end: h.end }, false));
                continue;
            }
        }
        // less than a fifth, 不到一半: the bound said before a share is the share's.
        let share_bound = || bound_prefix_before(p, ending, h.start);
        // a quarter of the 80 candidates: that share of them (20), not all 80.
        if let (true, Some(f)) = (of_figure, q.fraction) {
            if let Some((whole, _)) = out.all_candidates.iter().find(|(r, _)| r.start == pos).copied() {
                let bound = share_bound();
                out.candidates = Some(Reading {
                    num: Num { value: (f * whole.num.value).round(), bound: bound.unwrap_or(whole.num.bound) },
                    start: h.start,
                    end: whole.end,
                });
                set_max(
                    &mut out.fraction,
                    Reading { num: Num { value: f, bound: bound.unwrap_or(Bound::Exact) }, start: h.start, end: whole.end },
                );
                continue;
            }
        }
        let end = noun.map_or(h.end, |n| n.1);
        let reading = |num: Num| Reading { num, start: h.start, end };
        match target {
            // all the proctors, 几位老师, a few of the bags: not candidates.
            Some(Target::Staff | Target::Items) => {}
            Some(Target::Rooms) => {
                let num = match q.count {
                    Some(c) => Num { value: c, bound: q.bound },
                    None => Num { value: 2.0, bound: Bound::AtLeast },
                };
                set_max(&mut out.rooms, reading(num));
            }
            _ => {
                if let (Some(c), true) = (q.count, target.is_some() || q.people) {
                    set_max(&mut out.candidates, reading(Num { value: c, bound: q.bound }));
                }
                if let Some(f) = q.fraction {
                    set_max(&mut out.fraction, reading(Num { value: f, bound: share_bound().unwrap_or(Bound::Exact) }));
                }
                // 考生全部入场, all got in, all others present: the whole session is there, not a
                // large number late (English puts a word or two between).
                let at = skip(p, end);
                let reach = if p.chars.get(h.start).is_some_and(char::is_ascii_alphabetic) { 16 } else { 4 };
                let all_present = hits
                    .starting_in(at, at + reach)
                    .iter()
                    .any(|m| matches!(m.what, What::Present) && !(at..m.start).any(|i| p.is_clause_end(i)) && !inside_signal(hits, m));
                // All quiet, all from different villages: an English word of many with no noun
                // counts only when an event's words follow in its clause (many are late, most still
                // on the road, widespread cheating).
                let english = p.chars.get(h.start).is_some_and(char::is_ascii_alphabetic);
                let event_follows = || {
                    hits.starting_in(at, at + ENGLISH_QUANTITY_REACH)
                        .iter()
                        .any(|m| matches!(m.what, What::Signal(_) | What::FramePredicate(_)) && !(at..m.start).any(|i| p.is_clause_end(i)))
                };
                if q.large && !all_present && out.large.is_none() && (target.is_some() || !english || event_follows()) {
                    out.large = Some((h.start, end));
                }
            }
        }
    }
}

/// Whether a number starts at `pos` (a digit, a Chinese numeral or a number word).
fn tokens_at(p: &Prepared, hits: &Hits, index: &Index, pos: usize) -> bool {
    p.chars.get(pos).is_some_and(|c| c.is_ascii_digit() || index.digit(*c).is_some())
        || hits.at(pos).iter().any(|h| matches!(h.what, What::Word(_)))
}

/// How many letters before digits make a code of them (L4, Q28, PC3), not a word (room2).
const MAX_CODE_LETTERS: usize = 2;

/// Every numeral of the text, except where a quantity or duration word starts or inside a
/// non-number word.
fn tokens(p: &Prepared, hits: &Hits, index: &Index, spec: &Numbers) -> Vec<Token> {
    let chars = &p.chars;
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        // A non-number word blocks the numerals it covers (一 in 我一个人), wherever it starts.
        let blocked = || {
            hits.at(start).iter().any(|h| matches!(h.what, What::Quantity(_) | What::Duration(_)))
                || hits
                    .starting_in(start.saturating_sub(index.longest), start)
                    .iter()
                    .any(|h| matches!(h.what, What::NotNumber) && h.end > start)
        };
        if chars.get(i).is_some_and(char::is_ascii_digit) {
            while chars.get(i).is_some_and(char::is_ascii_digit)
                || (chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(char::is_ascii_digit) && i > start)
            {
                i += 1;
            }
            // 8:30 考生入场, 9:05 报告: a time of day counts nothing (8:30 was read as 8 of 30).
            if let Some(end) = clock_time_end(chars, start, i) {
                i = end;
                continue;
            }
            // L4, A3, Q28: digits glued to a letter or two name a level, a sheet or a question;
            // they count nothing (Customer Service L4 was read as 4 candidates).
            let letters =
                (0..start).rev().take(MAX_CODE_LETTERS + 1).take_while(|j| chars.get(*j).is_some_and(char::is_ascii_alphabetic)).count();
            let code = (1..=MAX_CODE_LETTERS).contains(&letters);
            if let (Some(v), false, false) = (arabic_value(chars.get(start..i).unwrap_or_default()), blocked(), code) {
                out.push(Token { value: v, start, end: i, script: Script::Arabic });
            }
            continue;
        }
        // 考场A, room B: one letter right after a room noun names a room (a = 1000, b = 1001…:
        // apart from any number).
        if let Some(c) = chars.get(i).filter(|c| c.is_ascii_lowercase()) {
            let alone = !chars.get(i + 1).is_some_and(char::is_ascii_alphanumeric)
                && !i.checked_sub(1).and_then(|j| chars.get(j)).is_some_and(char::is_ascii_alphabetic);
            let noun_end = if i > 0 && chars.get(i - 1) == Some(&' ') { i - 1 } else { i };
            let after_room = hits
                .starting_in(noun_end.saturating_sub(index.longest), noun_end)
                .iter()
                .any(|h| matches!(h.what, What::RoomNoun | What::Measure { target: Target::Rooms, .. }) && h.end == noun_end);
            // 考场A、B, rooms A and B: a letter listed after a room's letter names a room too.
            let listed = || {
                out.last().filter(|t| t.script == Script::Letter).is_some_and(|last| {
                    let between: String = chars.get(last.end..i).unwrap_or_default().iter().collect();
                    let between = between.trim();
                    spec.list_separators.iter().chain(&spec.room_list_separators).any(|s| s.trim() == between)
                })
            };
            if alone && (after_room || listed()) {
                out.push(Token { value: 1000.0 + f64::from(u32::from(*c) - u32::from('a')), start: i, end: i + 1, script: Script::Letter });
            }
            i += 1;
            continue;
        }
        let is_zh = |c: &char| index.is_numeral(*c);
        if chars.get(i).is_some_and(is_zh) {
            while chars.get(i).is_some_and(is_zh) {
                i += 1;
            }
            if !blocked() {
                if let Some(v) = chinese_value(chars.get(start..i).unwrap_or_default(), index) {
                    out.push(Token { value: v, start, end: i, script: Script::Chinese });
                }
            }
            continue;
        }
        i += 1;
    }
    for h in hits.all() {
        if let What::Word(v) = h.what {
            // a third, a couple of, half a dozen: the quantity word around it says the share or count.
            let in_quantity = hits
                .starting_in(h.start.saturating_sub(index.longest), h.start)
                .iter()
                .any(|q| matches!(q.what, What::Quantity(_) | What::Duration(_)) && q.end >= h.end && q.end - q.start > h.end - h.start);
            if !in_quantity && !out.iter().any(|t| t.start < h.end && h.start < t.end) {
                out.push(Token { value: v, start: h.start, end: h.end, script: Script::Word });
            }
        }
    }
    crate::sort::sort_by_key(&mut out, |t| t.start);
    if out.len() >= 2 {
        corrected(p, hits, &mut out);
    }
    out
}

/// Whether nothing is named right after a number's 号 (5号、6号也一样, …9号10号。): the end of
/// the text or of a clause, or a connector (也, 和); 5号考生, 5号楼, 3月5号 name other things.
fn bare_number_ends(p: &Prepared, hits: &Hits, at: usize) -> bool {
    at >= p.chars.len() || p.is_clause_end(at) || hits.at(at).iter().any(|h| matches!(h.what, What::Connector | What::ListSep))
}

/// How far after a number its correction may start (迟到12个 不对…, 20 late?? no my bad…), and
/// how far after the correction the number that replaces it (…是21个, …, 2 late), in chars.
const CORRECTED_REACH_CHARS: usize = 14;
const CORRECTING_REACH_CHARS: usize = 12;

/// A number taken back by a correction and said again (迟到12个 不对 是21个, about 8, sorry 18
/// late): one number from the first's start to the second's end, with the second's value, so the
/// words before the one and after the other are both its own. A correction that is also a
/// negator says the number after it is the wrong one (6个没到 不是16个); the session's whole and
/// a room's number are not what a proctor recounts (总共30个考生 不对…是4个, 3考场…不是12个), and
/// a number counted otherwise is another count (2个，手机打错了（40人）).
// Kept out of line: inlined into `read`, it made every classify ~10% slower, numbers or none.
#[inline(never)]
fn corrected(p: &Prepared, hits: &Hits, tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i + 1 < tokens.len() {
        let (Some(a), Some(b)) = (tokens.get(i).copied(), tokens.get(i + 1).copied()) else { break };
        let negates = |h: &Hit| hits.at(h.start).iter().any(|n| matches!(n.what, What::Negator) && n.end == h.end);
        let fixes = hits
            .starting_in(a.end, (a.end + CORRECTED_REACH_CHARS).min(b.start))
            .iter()
            .any(|h| matches!(h.what, What::Correction) && h.end <= b.start && b.start - h.end <= CORRECTING_REACH_CHARS && !negates(h));
        let names_something = |t: &Token| {
            hits.at(skip(p, t.end)).iter().any(|h| matches!(h.what, What::RoomNoun | What::Measure { target: Target::Rooms, .. }))
                || total_marked(p, hits, t)
        };
        // The number said again is counted alike (12个…21个); 2个…打错了（40人） is another count.
        let unit = |t: &Token| {
            hits.at(skip(p, t.end))
                .iter()
                .find(|h| matches!(h.what, What::Classifier | What::Measure { .. }))
                .and_then(|h| p.chars.get(h.start..h.end))
        };
        let alike = || unit(&a).is_none_or(|u| unit(&b) == Some(u));
        if fixes && a.script != Script::Letter && b.script != Script::Letter && !names_something(&a) && !names_something(&b) && alike() {
            if let Some(t) = tokens.get_mut(i) {
                t.value = b.value;
                t.end = b.end;
            }
            tokens.remove(i + 1);
        }
        i += 1;
    }
}

/// Where a time of day ends when the digits `start..end` are its hours: one or two digits up to
/// 24, a colon, then exactly two digits of minutes (8:30, 13：05), no digit after.
fn clock_time_end(chars: &[char], start: usize, end: usize) -> Option<usize> {
    let hours = chars.get(start..end)?;
    let minutes = chars.get(end + 1..end + 3)?;
    let is_clock = (1..=2).contains(&hours.len())
        && arabic_value(hours).is_some_and(|h| h <= 24.0)
        && matches!(chars.get(end), Some(':' | '：'))
        && minutes.iter().all(char::is_ascii_digit)
        && minutes.first().is_some_and(|d| *d <= '5')
        && !chars.get(end + 3).is_some_and(char::is_ascii_digit);
    is_clock.then_some(end + 3)
}

/// 20 → 20, 1.5 → 1.5. Whole numbers of up to 15 digits are exact in an f64, so they are summed
/// without building a string to parse.
fn arabic_value(run: &[char]) -> Option<f64> {
    if run.len() <= 15 {
        if let Some(v) = run.iter().try_fold(0.0, |acc, c| c.to_digit(10).map(|d| acc * 10.0 + f64::from(d))) {
            return Some(v);
        }
    }
    run.iter().collect::<String>().parse().ok()
}

/// 二十五 → 25, 一百二十 → 120, 十 → 10, 二〇二六 → 2026 (digits alone read positionally); two
/// neighbouring digits say a range and read as its upper end (七八 → 8, 三四十 → 40, 两三百 → 300;
/// under doubt the larger count, as a major reading ranks first).
fn chinese_value(run: &[char], index: &Index) -> Option<f64> {
    if let (Some(a), Some(b)) = (run.first().and_then(|c| index.digit(*c)), run.get(1).and_then(|c| index.digit(*c))) {
        if a >= 1.0 && (1.0..=2.0).contains(&(b - a)) && run.get(2).is_none_or(|c| index.unit(*c).is_some()) {
            return chinese_value(run.get(1..).unwrap_or_default(), index);
        }
    }
    if run.iter().all(|c| index.unit(*c).is_none()) {
        return run.iter().try_fold(0.0, |acc, c| index.digit(*c).map(|d| acc * 10.0 + d));
    }
    let (mut total, mut section, mut digit) = (0.0, 0.0, None::<f64>);
    for c in run {
        if let Some(d) = index.digit(*c) {
            digit = Some(d);
        } else if let Some(u) = index.unit(*c) {
            if u >= 10_000.0 {
                total = (total + section + digit.unwrap_or(0.0)) * u;
                section = 0.0;
            } else {
                section += digit.unwrap_or(1.0) * u;
            }
            digit = None;
        }
    }
    Some(total + section + digit.unwrap_or(0.0))
}

/// The bound word (超过, less than) that ends right before `start`, spaces aside.
fn bound_prefix_before(p: &Prepared, ending: &Ending, start: usize) -> Option<Bound> {
    ending.at(skip_back(p, start)).and_then(|b| if let What::BoundPrefix(b) = b.what { Some(b) } else { None })
}

/// A share said of those away, or of those present (出勤98%): then those away are the rest.
fn away(share: f64, bound: Bound, present: bool) -> Num {
    if present {
        Num { value: (1.0 - share).max(0.0), bound: flip(bound) }
    } else {
        Num { value: share.max(0.0), bound }
    }
}

/// The bound of the rest, once a part is bounded (at most 80% present: at least 20% away).
fn flip(bound: Bound) -> Bound {
    match bound {
        Bound::AtMost => Bound::AtLeast,
        Bound::LessThan => Bound::MoreThan,
        Bound::AtLeast => Bound::AtMost,
        Bound::MoreThan => Bound::LessThan,
        Bound::Exact => Bound::Exact,
    }
}

fn set_max(slot: &mut Option<Reading>, r: Reading) {
    if slot.is_none_or(|s| r.num.value > s.num.value) {
        *slot = Some(r);
    }
}

fn first(hits: &Hits, pos: usize, want: impl Fn(What) -> bool) -> Option<Hit> {
    hits.at(pos).iter().find(|h| want(h.what)).copied()
}

/// The longest hit that ends at each position, of those at most 32 chars long (hits are that
/// short in practice; the limit keeps this from reaching over the whole text). Asked for before
/// every number; a table, where a search of the hits near each took most of the time.
struct Ending<'h> {
    hits: &'h [Hit],
    /// For each position `0..=len`: 1 + the index of the hit, or 0.
    at: Vec<u32>,
}

impl<'h> Ending<'h> {
    fn new(hits: &'h Hits, len: usize) -> Ending<'h> {
        let hits = hits.all();
        let mut at = vec![0u32; len + 1];
        let length = |i: u32| hits.get((i as usize).wrapping_sub(1)).map_or(0, |h| h.end - h.start);
        for (i, h) in hits.iter().enumerate() {
            let n = h.end - h.start;
            let Some(slot) = at.get_mut(h.end) else { continue };
            // Of equally long hits, the last (it was the search's pick too).
            if n > 0 && n <= 32 && (*slot == 0 || n >= length(*slot)) {
                *slot = u32::try_from(i + 1).unwrap_or(0);
            }
        }
        Ending { hits, at }
    }

    fn at(&self, pos: usize) -> Option<Hit> {
        let i = self.at.get(pos).copied().unwrap_or(0);
        self.hits.get((i as usize).wrapping_sub(1)).copied()
    }
}

/// Past spaces from `pos`.
fn skip(p: &Prepared, mut pos: usize) -> usize {
    while p.chars.get(pos).is_some_and(|c| *c == ' ') {
        pos += 1;
    }
    pos
}

/// Adds the room `t` names (`value`, from `from` to `end`) to `rooms`; a run of neighbouring
/// Chinese digits names each (一二考场, 三四号考场, 三四五考场), where before a count two are a range
/// read by its upper end (七八个考生 is 8).
fn name_rooms(rooms: &mut Vec<(f64, usize, usize)>, p: &Prepared, index: &Index, t: &Token, value: f64, from: usize, end: usize) {
    let digits: Vec<f64> = (t.start..t.end).map_while(|i| p.chars.get(i).and_then(|c| index.digit(*c))).collect();
    let run = t.script == Script::Chinese
        && (2..=MAX_ROOM_RUN).contains(&digits.len())
        && digits.len() == t.end - t.start
        && digits.first().is_some_and(|d| *d >= 1.0)
        && digits.windows(2).all(|w| w[1] == w[0] + 1.0);
    if !run {
        rooms.push((value, from, end));
        return;
    }
    // 三四五考场: rooms 3, 4 and 5, each named by its digit (the first from its 第, the last to its noun).
    let last = digits.len() - 1;
    for (k, d) in digits.iter().enumerate() {
        let at = t.start + k;
        rooms.push((*d, if k == 0 { from } else { at }, if k == last { end } else { at + 1 }));
    }
}

/// The longest run of neighbouring digits read as that many rooms (一二三四五考场).
const MAX_ROOM_RUN: usize = 5;

/// Back over spaces before `pos`.
fn skip_back(p: &Prepared, mut pos: usize) -> usize {
    while pos > 0 && p.chars.get(pos - 1).is_some_and(|c| *c == ' ') {
        pos -= 1;
    }
    pos
}

/// The end of one lower-case Latin word at `pos` (forklift, welding), not a number's.
fn trade_word(p: &Prepared, pos: usize) -> Option<usize> {
    let len = p.chars.get(pos..)?.iter().take_while(|c| c.is_ascii_lowercase() || **c == '-').count();
    (len >= 3).then_some(pos + len)
}

/// Where the candidates named with an event's word end: right after it (late → candidates), or
/// inside it when the word names them (late candidates).
fn candidates_noun(p: &Prepared, hits: &Hits, signal: &Hit) -> Option<usize> {
    let noun = |w: What| matches!(w, What::Measure { target: Target::Candidates, .. });
    first(hits, skip(p, signal.end), noun)
        .or_else(|| hits.starting_in(signal.start + 1, signal.end).iter().find(|h| noun(h.what) && h.end == signal.end).copied())
        .map(|h| h.end)
}

/// Whether a present marker is the tail of a signal's word: 到了 in 迟到了 (were late) says
/// nothing of who is present.
fn inside_signal(hits: &Hits, h: &Hit) -> bool {
    hits.starting_in(h.start.saturating_sub(4), h.start)
        .iter()
        .any(|g| matches!(g.what, What::Signal(_)) && g.start < h.start && h.start < g.end)
}

/// Whether a numeral glued to a room noun, without a classifier, counts rooms: a number word
/// (three rooms), a cardinal (两考场) or a vague one (十几考场) does; 三考场 and 3考场 name a room.
fn counts_rooms(p: &Prepared, spec: &Numbers, t: &Token, bound: Bound) -> bool {
    match t.script {
        Script::Word => true,
        Script::Chinese => bound != Bound::Exact || spec.cardinals.iter().any(|c| p.spells(t.start, t.end, c)),
        Script::Arabic | Script::Letter => false,
    }
}

/// Whether a total marker stands right before the figure (应到45, 一共 60, registered: 40) or a
/// total suffix right after it (40 registered), spaces and a colon aside.
fn total_marked(p: &Prepared, hits: &Hits, t: &Token) -> bool {
    let mut before = t.start;
    while before > 0 && matches!(p.chars.get(before - 1), Some(' ' | ':' | '：')) {
        before -= 1;
    }
    hits.starting_in(before.saturating_sub(8), before).iter().any(|h| matches!(h.what, What::Total) && h.end == before)
        || hits.at(skip(p, t.end)).iter().any(|h| matches!(h.what, What::TotalSuffix))
}

/// How far back a word that denies a present marker may start: an English negator and its space
/// ("aren't here", "weren't seated") are longer than the four characters of 并没有 or 不让.
const DENIAL_REACH: usize = 10;

/// How far before a present marker a word saying they came late may end: a particle or a
/// space between (开考后才进场, 开考后 进来的).
const LATE_GAP_CHARS: usize = 2;

/// Whether a present marker says who is there: neither denied nor said of those who came in
/// late (4 of 25 turned up after the start: the 4 are late arrivals, the other 21 are not away).
fn says_present(p: &Prepared, hits: &Hits, h: &Hit) -> bool {
    let late_after = hits.at(skip(p, h.end)).iter().any(|g| matches!(g.what, What::PresentLate));
    let late_before = hits
        .starting_in(h.start.saturating_sub(DENIAL_REACH), h.start)
        .iter()
        .any(|g| matches!(g.what, What::PresentLate) && g.end <= h.start && h.start - g.end <= LATE_GAP_CHARS);
    !denied(hits, h) && !late_after && !late_before
}

/// Whether a present marker is denied by the word right before it: a negator (未到场) or a
/// blocker (不让进场, 站起来了).
fn denied(hits: &Hits, h: &Hit) -> bool {
    hits.starting_in(h.start.saturating_sub(DENIAL_REACH), h.start).iter().any(|g| {
        (matches!(g.what, What::Negator) && g.end + 1 >= h.start && g.end <= h.start)
            || (matches!(g.what, What::PresentBlocker) && g.end == h.start)
    })
}

/// Whether a present marker just before figure `ti` (来了30个, 实到31) is said of it: not denied,
/// not inside an event's words, with no other figure between (到了29人缺1人: the 1 is not present)
/// and in its clause (都到了，就差三个).
fn present_before(p: &Prepared, hits: &Hits, tokens: &[Token], ti: usize) -> bool {
    present_within(p, hits, tokens, ti, 6)
}

/// As [`present_before`], the marker starting up to `reach` chars before the figure.
fn present_within(p: &Prepared, hits: &Hits, tokens: &[Token], ti: usize, reach: usize) -> bool {
    let Some(t) = tokens.get(ti) else { return false };
    let nearest = |h: &Hit| ti.checked_sub(1).and_then(|i| tokens.get(i)).is_none_or(|prev| prev.end <= h.start);
    hits.starting_in(t.start.saturating_sub(reach), t.start).iter().any(|h| {
        matches!(h.what, What::Present)
            && h.end <= t.start
            && says_present(p, hits, h)
            && !inside_signal(hits, h)
            && nearest(h)
            // A report's field (实到：29) puts a colon between the marker and its count.
            && !(h.end..t.start).any(|i| p.is_clause_end_past_colon(i))
    })
}

/// Whether an event's word starts right at `end` (9个迟到的). Not after a space: typed fast, a
/// space is a comma (实考46 缺考2).
fn event_right_after(hits: &Hits, end: usize) -> bool {
    hits.at(end).iter().any(|h| matches!(h.what, What::Signal(_)))
}

/// Whether an event's word ends right before `start`, spaces and a particle aside (迟到了四个,
/// 迟到 四个, 迟到5人): the figure counts those it happened to.
fn event_right_before(p: &Prepared, hits: &Hits, start: usize) -> bool {
    let at = skip_back(p, start);
    // A particle or two may stand between (迟到了四个, 迟到的有几个, 迟到的 就两三个), not a clause
    // end; a report's field puts a colon there (缺考：1).
    hits.starting_in(at.saturating_sub(14), at)
        .iter()
        .any(|h| matches!(h.what, What::Signal(_)) && h.end <= at && at - h.end <= 3 && !(h.end..at).any(|i| p.is_clause_end_past_colon(i)))
}

/// Whether a short marker ends right before `start`, spaces aside (差8个, 缺了 16 个).
fn short_before(p: &Prepared, hits: &Hits, start: usize) -> bool {
    ends_at(hits, skip_back(p, start), |w| matches!(w, What::Short))
}

/// Whether a hit of the kind `want` asks for ends exactly at `at` (of those a few chars long: the
/// longest hit there, which [`Ending`] keeps, may be another word of the same spelling).
fn ends_at(hits: &Hits, at: usize, want: impl Fn(What) -> bool) -> bool {
    hits.starting_in(at.saturating_sub(6), at).iter().any(|h| want(h.what) && h.end == at)
}
