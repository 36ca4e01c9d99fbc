use super::*;

#[test]
fn every_council_of_the_files_is_found_with_its_neighbours_and_history() {
    let all = councils();
    assert_eq!(all.len(), 153);
    let (dist, none) = distribution();
    assert_eq!(dist.iter().map(|(_, n)| n).sum::<usize>() + none, 153);
    for c in all {
        // By its own name, its code and its old code, and by the way each file spells it.
        assert_eq!(council(&c.name).map(|x| &x.code), Some(&c.code), "{}", c.name);
        assert_eq!(council(&c.code).map(|x| &x.name), Some(&c.name));
        assert_eq!(council(&c.old_code).map(|x| &x.name), Some(&c.name));
        assert_eq!(c.neighbours.len(), 10, "{}: ten statistical neighbours", c.name);
        for (code, close) in &c.neighbours {
            let n = by_old_code(code).unwrap_or_else(|| panic!("{}: neighbour {code}", c.name));
            assert_ne!(n.code, c.code, "{} is not its own neighbour", c.name);
            assert_ne!(close, "—");
        }
        assert!(c.latest.is_some(), "{}: a latest inspection", c.name);
        // The latest inspection is the last of its ILACS history when it has one.
        if let (Some(l), Some(h)) = (&c.latest, c.history.last()) {
            assert_eq!(l.inspected, h.inspected, "{}", c.name);
            assert_eq!(l.overall(), h.overall(), "{}", c.name);
        }
    }
}

#[test]
fn names_as_files_and_reports_spell_them() {
    for (name, want) in [
        ("Bristol, City of", "Bristol"),
        ("Bristol City Council", "Bristol"),
        ("City of Bristol", "Bristol"),
        ("Kingston upon Hull, City of", "Kingston upon Hull"),
        ("Hull City Council", "Kingston upon Hull"),
        ("Bournemouth, Christchurch and Poole", "Bournemouth, Christchurch & Poole"),
        ("BCP Council", "Bournemouth, Christchurch & Poole"),
        ("Middlesbrough Borough Council", "Middlesbrough"),
        ("London Borough of Merton", "Merton"),
        ("Royal Borough of Kingston upon Thames", "Kingston upon Thames"),
        ("City of London", "City of London"),
        ("City of London Corporation", "City of London"),
        ("Telford and Wrekin Council", "Telford & Wrekin"),
        ("St. Helens Borough Council", "St Helens"),
        ("Durham County Council", "Durham"),
        ("Herefordshire, County of", "Herefordshire"),
        ("Southend-on-Sea City Council", "Southend-on-Sea"),
    ] {
        assert_eq!(council(name).map(|c| c.name.as_str()), Some(want), "{name}");
    }
    // No guessing: close is not the same.
    assert!(council("North Somerset and Bath").is_none());
    assert!(council("Somerset").is_some_and(|c| c.name == "Somerset"));
    assert!(council("").is_none() && council("Council").is_none());
}

#[test]
fn the_history_file_is_read_whole() {
    let n: usize = councils().iter().map(|c| c.history.len()).sum();
    // 271 inspections, of which those of councils that no longer exist (Cumbria, Bournemouth,
    // Northamptonshire) have no current council to sit under.
    let gone = DATA
        .lines()
        .filter(|l| l.starts_with("H\t"))
        .filter(|l| councils().iter().all(|c| !l.starts_with(&format!("H\t{}\t", c.code))))
        .count();
    assert_eq!(n + gone, 271);
    let visits: usize = councils().iter().map(|c| c.visits.len()).sum();
    assert_eq!(visits, 112);
}

#[test]
fn a_report_is_placed_against_the_record() {
    let mk = |authority: &str, period: &str, grade: Grade| {
        let mut r = crate::analysis::analyse("");
        r.kind = Kind::OfstedIlacs;
        r.authority = Some(authority.into());
        r.period = Some(period.into());
        r.judgements.push(crate::analysis::Judgement {
            area: "Overall effectiveness".into(),
            grade,
            parent: None,
            scope: None,
            span: (0, 0),
            restated: None,
            score: None,
        });
        r
    };
    let barnsley = council("Barnsley").and_then(|c| c.latest.clone()).expect("Barnsley's latest");
    let period = format!("{} to {}", barnsley.inspected, barnsley.inspected);
    let same = context_for(&mk("Barnsley Metropolitan Borough Council", &period, Grade::Good)).expect("context");
    assert_eq!(same.relation, Relation::InRecord, "{}", same.note);
    assert_eq!(same.neighbours.len(), 10);
    let off = context_for(&mk("Barnsley", &period, Grade::Inadequate)).expect("context");
    assert_eq!(off.relation, Relation::Disagrees, "{}", off.note);
    let newer = context_for(&mk("Barnsley", "1 June 2026 to 12 June 2026", Grade::Good)).expect("context");
    assert_eq!(newer.relation, Relation::Newer);
    assert!(newer.note.contains("newer than the official record as at 31 March 2025"), "{}", newer.note);
    let older = context_for(&mk("Barnsley", "3 March 2014 to 14 March 2014", Grade::Good)).expect("context");
    assert_eq!(older.relation, Relation::Older);
    // Not Ofsted, or a council the files do not know: nothing.
    let mut cqc = mk("Barnsley", &period, Grade::Good);
    cqc.kind = Kind::CqcLaAssessment;
    assert!(context_for(&cqc).is_none());
    assert!(context_for(&mk("Atlantis", &period, Grade::Good)).is_none());
}
