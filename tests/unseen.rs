//! Reports from outside the corpus (`tests/fixtures/unseen/`, see ATTRIBUTION.md): what the
//! analyser reads of texts its rules were not written from, in the shapes copies of them take —
//! line breaks lost, grades split over two lines, a pilot's title. Each failure they showed is
//! checked here; what is still not read must be said in a warning, never dropped silently.

use assessment_lens::analysis::{analyse, Report};

fn read(name: &str) -> Report {
    let path = format!("{}/tests/fixtures/unseen/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    analyse(&text)
}

fn grades(r: &Report) -> Vec<(String, &'static str)> {
    r.judgements.iter().map(|j| (j.area.clone(), j.grade.as_str())).collect()
}

fn warned(r: &Report, words: &str) -> bool {
    r.warnings.iter().any(|w| w.contains(words))
}

#[test]
fn sif_grades_split_over_two_lines() {
    let r = read("ofsted-windsor-maidenhead.txt");
    assert_eq!(r.authority.as_deref(), Some("Windsor and Maidenhead"));
    let g = grades(&r);
    assert_eq!(g.len(), 6, "{g:?}");
    assert!(g.iter().all(|(_, grade)| *grade == "Requires improvement"), "{g:?}");
}

#[test]
fn council_named_on_the_title_line_and_the_grade_before_a_re_inspection() {
    let r = read("ofsted-manchester.txt");
    assert_eq!(r.authority.as_deref(), Some("Manchester City Council"));
    let p = r.previous_grade.as_ref().expect("previous grade");
    // This copy's summary line stops before "in 2014", so no year is given for it.
    assert_eq!((p.grade.as_str(), p.year), ("Inadequate", None));
    assert!(grades(&r).contains(&("Overall effectiveness".to_string(), "Requires improvement to be good")));
}

#[test]
fn a_report_whose_line_breaks_were_lost() {
    let r = read("ofsted-leeds.txt");
    assert_eq!(r.authority.as_deref(), Some("Leeds City Council"));
    assert_eq!(r.published.as_deref(), Some("2015-03-27"));
    assert_eq!(r.period.as_deref(), Some("20 January 2015 \u{2013} 11 February 2015"));
    let g = grades(&r);
    assert!(g.contains(&("Leadership, management and governance".to_string(), "Outstanding")), "{g:?}");
    assert!(g.contains(&("Children who need help and protection".to_string(), "Good")), "{g:?}");
    assert!(g.contains(&("Overall effectiveness".to_string(), "Good")), "{g:?}");
}

#[test]
fn cqc_pages_of_the_2023_pilots_and_of_2024() {
    let r = read("cqc-birmingham.txt");
    assert_eq!(r.authority.as_deref(), Some("Birmingham City Council"));
    assert_eq!(r.overall.as_ref().map(|o| (o.rating.as_str(), o.indicative)), Some(("Good", true)));
    let r = read("cqc-lincolnshire.txt");
    assert_eq!(r.kind.as_str(), "cqc_la_assessment", "{}", r.kind_reason);
    assert_eq!(r.authority.as_deref(), Some("Lincolnshire County Council"));
    let r = read("cqc-hertfordshire.txt");
    assert_eq!(r.authority.as_deref(), Some("Hertfordshire County Council"));
    assert_eq!(r.scores.len(), 9);
    assert_eq!(r.computed_rating.as_ref().and_then(|c| c.rating.map(|g| g.as_str())), Some("Good"));
}

#[test]
fn a_2012_report_as_a_site_transcribed_it_is_recognised_and_what_is_missing_said() {
    let r = read("ofsted-cumbria-2012.txt");
    assert_eq!(r.kind.as_str(), "ofsted_ilacs", "{}", r.kind_reason);
    if r.authority.is_none() {
        assert!(warned(&r, "was not found in its opening lines"), "{:?}", r.warnings);
    }
    if r.judgements.is_empty() {
        assert!(warned(&r, "No Ofsted judgements were found"), "{:?}", r.warnings);
    }
}

#[test]
fn cqc_press_releases_give_the_rating_and_the_nine_scores() {
    let r = read("cqc-surrey-press.txt");
    assert_eq!(r.kind.as_str(), "cqc_la_assessment", "{}", r.kind_reason);
    assert_eq!(r.authority.as_deref(), Some("Surrey County Council"));
    assert_eq!(r.overall.as_ref().map(|o| o.rating.as_str()), Some("Good"));
    let scores: Vec<u8> = r.scores.iter().map(|s| s.score).collect();
    assert_eq!(scores, [2, 3, 3, 3, 3, 3, 2, 3, 3]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    // The 2023 pilots' wording: "indicative score of three"; the council is named only in prose
    // (and once wrongly, as Suffolk), so no name is taken and that is said.
    let r = read("cqc-nottingham-press.txt");
    assert_eq!(r.overall.as_ref().map(|o| (o.rating.as_str(), o.indicative)), Some(("Requires improvement", true)));
    assert_eq!(r.scores.iter().map(|s| s.score).collect::<Vec<_>>(), [2, 2, 2, 3, 2, 2, 3, 2, 3]);
    assert!(r.scores.iter().all(|s| s.indicative));
    assert_ne!(r.authority.as_deref(), Some("Suffolk County Council"));
    if r.authority.is_none() {
        assert!(warned(&r, "was not found in its opening lines"), "{:?}", r.warnings);
    }
}

#[test]
fn a_cqc_page_without_its_scores_says_so() {
    let r = read("cqc-birmingham.txt");
    assert!(r.scores.is_empty());
    assert!(warned(&r, "No quality statement scores were found"), "{:?}", r.warnings);
}

/// Letters of the 2016–22 local area SEND framework as councils' and health bodies' pages reprint
/// them: the title of either era ("Joint local area SEND inspection in", from 2021 "Joint area SEND
/// inspection in"), the dates, and the one outcome when the text states it; a revisit's
/// conclusion. A copy that stops before the outcome says so.
#[test]
fn local_area_send_letters_of_2016_to_2022() {
    for (file, area, period, outcome) in [
        ("send2016-rotherham.txt", "Rotherham", "5 to 9 July 2021", Some("Written statement of action required")),
        ("send2016-southend.txt", "Southend-on-Sea", "1 October 2018 and 5 October 2018", Some("Written statement of action required")),
        ("send2016-essex.txt", "Essex", "30 September 2019 and 4 October 2019", None),
        (
            "scored/send-northumberland-1.txt",
            "Northumberland",
            "19 and 21 May 2021",
            Some("Sufficient progress on every significant weakness"),
        ),
    ] {
        let r = read(file);
        assert_eq!(r.kind.as_str(), "area_send", "{file}: {}", r.kind_reason);
        let framework = if file.contains("northumberland") { "Local area SEND revisit" } else { "Local area SEND 2016" };
        assert_eq!(r.framework.map(|f| f.as_str()), Some(framework), "{file}");
        assert_eq!((r.authority.as_deref(), r.period.as_deref()), (Some(area), Some(period)), "{file}");
        assert_eq!(r.judgements.iter().map(|j| j.grade.as_str()).next(), outcome, "{file}");
        if outcome.is_none() {
            assert!(warned(&r, "does not say that one was"), "{file}: {:?}", r.warnings);
        }
    }
}

/// The words of a council's name that tell councils apart ("Telford & Wrekin Council" and
/// "Telford and Wrekin" agree).
fn name_key(s: &str) -> String {
    let s = s.to_lowercase().replace('&', "and");
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty() && !["the", "council", "city", "borough", "county", "metropolitan", "district", "of", "london"].contains(w)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A grade or score as written, reduced to one of the framework's words or a digit.
fn grade_key(v: &serde_json::Value) -> String {
    if let Some(n) = v.as_u64() {
        return n.to_string();
    }
    let g = v.as_str().unwrap_or("").to_lowercase().replace("require ", "requires ");
    ["requires improvement to be good", "requires improvement", "outstanding", "inadequate", "adequate", "good"]
        .iter()
        .find(|k| g.contains(*k))
        .map_or(g.clone(), |k| k.to_string())
}

/// A second batch of 20 excerpts (`unseen/scored/`, 15 councils, found and labelled by a helper
/// session that never ran the analyser; `gold.jsonl`). It was scored once as it came — kind 17,
/// council 14, overall 8 of 9, grades and scores 49 of 75, none silent (the corpus-only
/// analyser: 11, 6, 2, 34, one silent) — and then used to mend the press-release lists and
/// run-on openings it showed, so the floors below are a development figure, not a held-out one
/// (kind and council one more each since the 2016–22 local area SEND revisit is read).
/// `python3 scripts/unseen.py tests/fixtures/unseen/scored` prints the same per file.
#[test]
fn a_second_batch_scored_against_gold_made_by_reading() {
    let dir = format!("{}/tests/fixtures/unseen/scored", env!("CARGO_MANIFEST_DIR"));
    let gold = std::fs::read_to_string(format!("{dir}/gold.jsonl")).unwrap();
    let (mut files, mut kind, mut council, mut council_n, mut overall, mut overall_n, mut hit, mut want_n, mut silent) =
        (0, 0, 0, 0, 0, 0, 0, 0, Vec::new());
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = g["file"].as_str().unwrap();
        let r = analyse(&std::fs::read_to_string(format!("{dir}/{file}")).unwrap());
        files += 1;
        let mut missed = r.kind.as_str() != g["kind"].as_str().unwrap();
        kind += usize::from(!missed);
        if let Some(a) = g["authority"].as_str() {
            council_n += 1;
            let ok = r.authority.as_deref().is_some_and(|b| name_key(b) == name_key(a));
            council += usize::from(ok);
            missed |= !ok;
        }
        let o = grade_key(&g["overall"]);
        if ["requires improvement to be good", "requires improvement", "outstanding", "inadequate", "good"].contains(&o.as_str()) {
            overall_n += 1;
            let got = r
                .overall
                .as_ref()
                .map(|o| o.rating.as_str())
                .or_else(|| r.judgements.iter().find(|j| j.area == "Overall effectiveness").map(|j| j.grade.as_str()));
            let ok = got.is_some_and(|got| grade_key(&serde_json::Value::from(got)) == o);
            overall += usize::from(ok);
            missed |= !ok;
        }
        let want: Vec<String> = g["grades"].as_array().unwrap().iter().map(|p| grade_key(&p[1])).collect();
        let mut have: Vec<String> = r.scores.iter().map(|s| s.score.to_string()).collect();
        have.extend(
            r.judgements
                .iter()
                .filter(|j| j.area != "Overall effectiveness")
                .map(|j| grade_key(&serde_json::Value::from(j.grade.as_str()))),
        );
        let got = if want.len() == 9 && have.len() == 9 {
            want.iter().zip(&have).filter(|(a, b)| a == b).count()
        } else {
            want.iter().filter(|w| have.iter().position(|h| h == *w).map(|k| have.remove(k)).is_some()).count()
        };
        hit += got;
        want_n += want.len();
        missed |= got < want.len();
        if missed && r.warnings.is_empty() {
            silent.push(file.to_string());
        }
    }
    assert_eq!(files, 20);
    assert!(silent.is_empty(), "missed without a warning: {silent:?}");
    assert!(kind >= 18 && council >= 16, "kind {kind}/{files}, council {council}/{council_n}");
    assert_eq!((overall, hit), (overall_n, want_n), "overall {overall}/{overall_n}, grades and scores {hit}/{want_n}");
}
