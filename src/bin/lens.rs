//! `lens`: the command-line face of the same core the page uses.
//!
//! ```text
//! lens analyse [--format json|csv|md|summary] [--timeout SECONDS] FILE...   # FILE may be - for standard input
//! lens since [--format json|csv|md] [--timeout SECONDS] EARLIER LATER [MORE...]
//! lens context [--format json|md] COUNCIL
//! ```
//! Exit codes: 0 all analysed, 1 some file could not be read or took too long (it still gets
//! an entry), 2 usage error.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use assessment_lens::analysis::{
    analyse_named, context, england_to_markdown, file_to_text, pdf_problem, pdf_text, since, since_to_csv, since_to_json,
    since_to_markdown, sniff, to_csv, to_markdown, to_summary_csv, DecodeError, Decoded, Format as FileFormat, Report, MAX_INPUT_BYTES,
};

const USAGE: &str = "\
usage: lens analyse [--format json|csv|md|summary] [--timeout SECONDS] FILE...
       lens since [--format json|csv|md] [--timeout SECONDS] EARLIER LATER [MORE...]
       lens context [--format json|md] COUNCIL

Reads social-care inspection reports (CQC local authority assessments, Ofsted
children's services inspections, Area SEND and joint targeted area inspections,
inspections of care providers by CQC and Ofsted, committee papers) and prints their scores,
metrics and gaps. FILE is text (UTF-8, UTF-16, Windows-1252), a Word .docx or
a PDF (read with the page's pdf.js code under Node) or an HTML page (its visible
text); it may be - for standard input.

  --format json   one JSON array, one report per FILE (default)
  --format csv    one row per extracted item (UTF-8 with a byte-order mark, for Excel)
  --format summary  one row per report: council, kind, framework, dates, overall
                  rating, each statement score and judgement, counts (CSV)
  --format md     a readable summary per report
  --timeout N     give up on a file after N seconds (default 60); it gets an error entry

lens since lines up two or more reports of one council (any order; they are put
in date order): grades over time, what became of the earlier report's stated
gaps in the later one (recurs / improved / not mentioned, with the later
report's words and the similarity that decided it), the later report's new
gaps, and figures both state. json (default), csv (one row per earlier gap,
then the new gaps) or md.

lens context prints where a council stands in England from the official figures
the tool carries (Ofsted ILACS outcomes as at 31 March 2025, DfE statistical
neighbours 2025): the national distribution of latest overall grades, the
council's ILACS inspections since 2018 and its ten statistical neighbours with
their latest grades. COUNCIL is a name as any report spells it, or a code.
";

/// How long one file may take, reading and analysing, unless --timeout says otherwise.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Clone, Copy, PartialEq)]
enum OutputFormat {
    Json,
    Csv,
    Md,
    Summary,
}

enum Outcome {
    Done(Box<Report>, String),
    Failed { source: String, error: String },
}

/// One element of the JSON array: a report, or why a file has none.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum Entry<'a> {
    Report(&'a Report),
    Error { source: &'a str, error: &'a str },
}

/// The bytes of a file or standard input, refusing anything over the one-document limit before
/// reading more than the limit (so `/dev/zero` or a huge file is not read whole).
fn read_source(path: &str) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    let cap = MAX_INPUT_BYTES as u64 + 1;
    let read = if path == "-" {
        std::io::stdin().take(cap).read_to_end(&mut buf).map_err(|e| format!("could not read standard input: {e}"))
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("could not read the file: {e}"))?;
        if let Some(len) = file.metadata().ok().filter(|m| m.is_file()).map(|m| m.len()) {
            if len > MAX_INPUT_BYTES as u64 {
                return Err(DecodeError::TooLarge { bytes: len as usize }.to_string());
            }
        }
        file.take(cap).read_to_end(&mut buf).map_err(|e| format!("could not read the file: {e}"))
    };
    read?;
    if buf.len() > MAX_INPUT_BYTES {
        return Err(format!("the input is over the {} MB limit for one document", MAX_INPUT_BYTES / 1_048_576));
    }
    Ok(buf)
}

fn source_name(path: &str) -> String {
    if path == "-" {
        return "standard input".into();
    }
    std::path::Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.to_string())
}

/// A PDF's text, through the page's own extraction code (js/pdf-text.js, pdf.js) run by
/// Node: `scripts/pdf-text.mjs`. Found beside the executable's source tree, or through
/// `LENS_PDF_HELPER`. Its text goes through the core's `pdf_text`, like the page's.
fn pdf_text_of(path: &str, deadline: Instant) -> Result<Decoded, String> {
    let helper =
        std::env::var("LENS_PDF_HELPER").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/pdf-text.mjs").to_string());
    if !std::path::Path::new(&helper).exists() {
        return Err(format!("reading PDFs needs the project's scripts/pdf-text.mjs (not found at {helper}; set LENS_PDF_HELPER)"));
    }
    let child = std::process::Command::new("node")
        .arg(&helper)
        .arg(path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|_| "reading PDFs needs Node.js on the PATH (and `npm ci` in the project for pdf.js)".to_string())?;
    let out = wait_until(child, deadline)?;
    if !out.status.success() {
        return Err(pdf_problem(String::from_utf8_lossy(&out.stderr).lines().last()));
    }
    let text = String::from_utf8(out.stdout).map_err(|_| "the PDF's text was not UTF-8".to_string())?;
    pdf_text(text).map_err(|e| e.to_string())
}

/// The PDF reader's output, or an error once `deadline` passes (the reader is stopped).
fn wait_until(mut child: std::process::Child, deadline: Instant) -> Result<std::process::Output, String> {
    // Read both pipes on threads so a large text can't fill a pipe and stall the reader.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut v);
            }
            v
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let (stdout, stderr) = (out.join().unwrap_or_default(), err.join().unwrap_or_default());
                return Ok(std::process::Output { status, stdout, stderr });
            }
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err("reading the PDF took longer than the time allowed (--timeout); it was stopped".into());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("the PDF reader failed: {e}")),
        }
    }
}

/// The text of one file, through the core's one intake path.
fn text_of(path: &str, source: &str, deadline: Instant) -> Result<Decoded, String> {
    let bytes = read_source(path)?;
    match sniff(source, &bytes).map_err(|e| e.to_string())? {
        FileFormat::Pdf if path == "-" => Err("a PDF cannot be read from standard input; give its file name".into()),
        FileFormat::Pdf => pdf_text_of(path, deadline),
        _ => file_to_text(source, &bytes).map_err(|e| e.to_string()),
    }
}

/// Read and analyse one file within `timeout`. Analysis runs on its own thread: past the time
/// the file gets an error entry and the CLI moves on (the thread is abandoned; the process
/// ends when every file has had its turn).
fn analyse_file(path: &str, timeout: Duration) -> Outcome {
    let source = source_name(path);
    let deadline = Instant::now() + timeout;
    let d = match text_of(path, &source, deadline) {
        Ok(d) => d,
        Err(error) => return Outcome::Failed { source, error },
    };
    let (tx, rx) = mpsc::channel();
    let name = source.clone();
    std::thread::spawn(move || {
        let mut report = analyse_named(&name, &d.text);
        if let Some(w) = d.warning {
            report.warnings.insert(0, w);
        }
        let _ = tx.send((report, d.text));
    });
    match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok((report, text)) => Outcome::Done(Box::new(report), text),
        Err(_) => Outcome::Failed {
            source,
            error: format!("analysis took longer than {} s (--timeout); it was abandoned", timeout.as_secs_f64()),
        },
    }
}

fn parse_format(v: Option<&str>) -> Result<OutputFormat, String> {
    match v {
        Some("json") => Ok(OutputFormat::Json),
        Some("csv") => Ok(OutputFormat::Csv),
        Some("summary") => Ok(OutputFormat::Summary),
        Some("md") | Some("markdown") => Ok(OutputFormat::Md),
        Some(x) => Err(format!("unknown format '{x}' (use json, csv, md or summary)")),
        None => Err("--format needs a value".into()),
    }
}

fn parse_timeout(v: Option<&str>) -> Result<Duration, String> {
    let v = v.ok_or("--timeout needs a number of seconds")?;
    match v.parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s <= 86_400.0 => Ok(Duration::from_secs_f64(s)),
        _ => Err(format!("--timeout needs a number of seconds between 0 and 86400, not '{v}'")),
    }
}

struct Args {
    since: bool,
    format: OutputFormat,
    timeout: Duration,
    files: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    let since = match it.next().map(String::as_str) {
        Some("analyse") | Some("analyze") => false,
        Some("since") => true,
        Some(other) => return Err(format!("unknown command '{other}'")),
        None => return Err("no command given".into()),
    };
    let mut format = OutputFormat::Json;
    let mut timeout = DEFAULT_TIMEOUT;
    let mut files = Vec::new();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => format = parse_format(it.next().map(String::as_str))?,
            s if s.starts_with("--format=") => format = parse_format(s.strip_prefix("--format="))?,
            "--timeout" => timeout = parse_timeout(it.next().map(String::as_str))?,
            s if s.starts_with("--timeout=") => timeout = parse_timeout(s.strip_prefix("--timeout="))?,
            "-" => files.push(a.clone()),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'")),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return Err("no FILE given".into());
    }
    if since && files.len() < 2 {
        return Err("since needs two reports or more: EARLIER LATER".into());
    }
    if since && format == OutputFormat::Summary {
        return Err("since writes json, csv or md".into());
    }
    Ok(Args { since, format, timeout, files })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if args.first().map(String::as_str) == Some("context") {
        return context_command(&args[1..]);
    }
    let Args { since: lined_up, format, timeout, files } = match parse_args(&args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("lens: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let outcomes: Vec<Outcome> = files.iter().map(|f| analyse_file(f, timeout)).collect();
    let failed = outcomes.iter().any(|o| matches!(o, Outcome::Failed { .. }));
    for o in &outcomes {
        if let Outcome::Failed { source, error } = o {
            eprintln!("lens: {source}: {error}");
        }
    }
    let out = if lined_up {
        let done: Vec<&Report> =
            outcomes.iter().filter_map(|o| if let Outcome::Done(r, _) = o { Some(r.as_ref()) } else { None }).collect();
        if done.len() < 2 {
            eprintln!("lens: since needs two reports that could be read");
            return ExitCode::from(1);
        }
        let s = since(&done);
        match format {
            OutputFormat::Csv => since_to_csv(&s),
            OutputFormat::Md => since_to_markdown(&s),
            _ => serde_json::to_string_pretty(&since_to_json(&s)).map(|j| j + "\n").unwrap_or_default(),
        }
    } else {
        match format {
            OutputFormat::Json => {
                let entries: Vec<Entry> = outcomes
                    .iter()
                    .map(|o| match o {
                        Outcome::Done(r, _) => Entry::Report(r),
                        Outcome::Failed { source, error } => Entry::Error { source, error },
                    })
                    .collect();
                let mut s = serde_json::to_string_pretty(&entries).unwrap_or_else(|_| "[]".into());
                s.push('\n');
                s
            }
            OutputFormat::Csv => {
                let done: Vec<(&Report, &str)> = outcomes
                    .iter()
                    .filter_map(|o| if let Outcome::Done(r, t) = o { Some((r.as_ref(), t.as_str())) } else { None })
                    .collect();
                to_csv(&done)
            }
            OutputFormat::Summary => {
                let done: Vec<&Report> =
                    outcomes.iter().filter_map(|o| if let Outcome::Done(r, _) = o { Some(r.as_ref()) } else { None }).collect();
                to_summary_csv(&done)
            }
            OutputFormat::Md => outcomes
                .iter()
                .map(|o| match o {
                    Outcome::Done(r, _) => to_markdown(r),
                    Outcome::Failed { source, error } => format!("# {source}\n\nCould not be analysed: {error}\n"),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `lens context [--format json|md] COUNCIL`.
fn context_command(args: &[String]) -> ExitCode {
    let mut format = OutputFormat::Json;
    let mut words: Vec<&str> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let f = match a.as_str() {
            "--format" | "-f" => it.next().map(String::as_str),
            s if s.starts_with("--format=") => s.strip_prefix("--format="),
            s => {
                words.push(s);
                continue;
            }
        };
        format = match f {
            Some("json") => OutputFormat::Json,
            Some("md") | Some("markdown") => OutputFormat::Md,
            other => {
                eprintln!("lens: context writes json or md, not {other:?}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        };
    }
    let name = words.join(" ");
    if name.trim().is_empty() {
        eprintln!("lens: context needs a COUNCIL\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let Some(e) = context::england(&name, None) else {
        eprintln!(
            "lens: no council called '{name}' in the official files (153 English councils; try its name as Ofsted writes it, or its code)"
        );
        return ExitCode::from(1);
    };
    let out = match format {
        OutputFormat::Md => england_to_markdown(&e),
        _ => serde_json::to_string_pretty(&e).map(|j| j + "\n").unwrap_or_default(),
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    ExitCode::SUCCESS
}
