//! `followthrough xapi config|status|push`: point FollowThrough at the organisation's Learning Record
//! Store, see what is queued, sent and refused, and send now.

use std::io::BufRead;
use std::path::Path;

use clap::{Args, Subcommand, ValueEnum};

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, OutputFormat, store_or_reason};
use crate::core::xapi::StatementSettings;
use crate::io::xapi::{LrsConfig, RetryPolicy, Sender};

/// Flags of `xapi`.
#[derive(Debug, Args)]
pub struct XapiArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: XapiAction,
}

/// The `xapi` actions.
#[derive(Debug, Subcommand)]
pub enum XapiAction {
    /// Show the LRS settings (never the secret), or change them; switching on queues every attempt
    /// saved from then on.
    Config(ConfigArgs),
    /// How many statements are queued, sent and refused (with the LRS's reason).
    Status(StatusArgs),
    /// Send the queued statements now.
    Push(PushArgs),
}

/// On or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    /// On.
    On,
    /// Off.
    Off,
}

/// Flags of `xapi config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// The LRS's xAPI endpoint (https; plain http only to 127.0.0.1, ::1 or localhost).
    #[arg(long, value_name = "URL")]
    pub endpoint: Option<String>,
    /// The Basic-auth key.
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
    /// Read the Basic-auth secret from the first line of standard input (never from a flag, so it
    /// stays out of shell history and process lists).
    #[arg(long)]
    pub secret_stdin: bool,
    /// Base IRI of the organisation's activities (scenarios become `{base}/scenarios/{id}/r{revision}`).
    #[arg(long, value_name = "IRI")]
    pub activity_base: Option<String>,
    /// `homePage` of each employee's xAPI account.
    #[arg(long, value_name = "URL")]
    pub home_page: Option<String>,
    /// Send the typed answers (`off`: answers never leave this machine).
    #[arg(long, value_enum)]
    pub responses: Option<Switch>,
    /// Queue statements for the LRS (`off`: stop queueing; what is queued stays).
    #[arg(long, value_enum)]
    pub sending: Option<Switch>,
}

/// Flags of `xapi status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
}

/// Flags of `xapi push`.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// Put statements the LRS refused back in the queue first (after fixing the cause).
    #[arg(long)]
    pub retry_failed: bool,
    /// Statements per request.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub batch: usize,
}

/// Run `xapi`.
pub fn run(args: &XapiArgs, data_dir: &Path) -> u8 {
    let result = match &args.action {
        XapiAction::Config(a) => config(a, data_dir),
        XapiAction::Status(a) => status(a, data_dir),
        XapiAction::Push(a) => push(a, data_dir),
    };
    result.unwrap_or_else(|(code, message)| {
        eprintln!("error: {message}");
        code
    })
}

type Outcome = Result<u8, (u8, String)>;

fn invalid(e: impl std::fmt::Display) -> (u8, String) {
    (EXIT_INVALID, e.to_string())
}

fn config(args: &ConfigArgs, data_dir: &Path) -> Outcome {
    let store = store_or_reason(data_dir)?;
    let mut lrs = LrsConfig::load(data_dir).map_err(invalid)?;
    let lrs_change = args.endpoint.is_some() || args.key.is_some() || args.secret_stdin;
    if lrs_change {
        let mut next =
            lrs.clone().unwrap_or(LrsConfig { endpoint: String::new(), key: String::new(), secret: String::new() });
        if let Some(e) = &args.endpoint {
            next.endpoint = e.trim().to_string();
        }
        if let Some(k) = &args.key {
            next.key = k.clone();
        }
        if args.secret_stdin {
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line).map_err(invalid)?;
            next.secret = line.trim_end_matches(['\r', '\n']).to_string();
        }
        if next.endpoint.is_empty() {
            return Err((EXIT_USAGE, "give the LRS's address with --endpoint https://…".into()));
        }
        next.save(data_dir).map_err(invalid)?;
        lrs = Some(next);
    }
    let mut settings = store.xapi_settings().map_err(invalid)?;
    let statement_change = args.activity_base.is_some() || args.home_page.is_some() || args.responses.is_some();
    if statement_change || args.sending.is_some() || (lrs_change && settings.is_none()) {
        let mut next = settings.clone().unwrap_or_default();
        if let Some(b) = &args.activity_base {
            next.activity_base = b.trim().to_string();
        }
        if let Some(h) = &args.home_page {
            next.account_home_page = h.trim().to_string();
        }
        if let Some(r) = args.responses {
            next.send_responses = r == Switch::On;
        }
        settings = if args.sending == Some(Switch::Off) { None } else { Some(next) };
        store.set_xapi_settings(settings.as_ref()).map_err(invalid)?;
    }
    print_config(lrs.as_ref(), settings.as_ref());
    Ok(EXIT_OK)
}

fn print_config(lrs: Option<&LrsConfig>, settings: Option<&StatementSettings>) {
    match lrs {
        Some(l) => println!("LRS: {}", l.describe()),
        None => println!("LRS: not set (followthrough xapi config --endpoint URL --key KEY --secret-stdin)"),
    }
    match settings {
        Some(s) => println!(
            "sending: on; activities under {}; accounts at {}; typed answers {}",
            s.activity_base,
            s.account_home_page,
            if s.send_responses { "sent" } else { "not sent" }
        ),
        None => println!("sending: off (attempts are not queued)"),
    }
}

fn status(args: &StatusArgs, data_dir: &Path) -> Outcome {
    let store = store_or_reason(data_dir)?;
    let report = store.xapi_report().map_err(invalid)?;
    match args.format {
        OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&report).map_err(invalid)?),
        OutputFormat::Human => {
            println!("{} queued, {} sent, {} refused", report.queued, report.sent, report.failed.len());
            for (id, reason) in &report.failed {
                println!("  refused {id}: {reason}");
            }
        }
    }
    Ok(EXIT_OK)
}

fn push(args: &PushArgs, data_dir: &Path) -> Outcome {
    let Some(lrs) = LrsConfig::load(data_dir).map_err(invalid)? else {
        return Err((
            EXIT_USAGE,
            "no LRS is set; run `followthrough xapi config --endpoint URL --key KEY --secret-stdin`".into(),
        ));
    };
    let store = store_or_reason(data_dir)?;
    if args.retry_failed {
        let n = store.xapi_retry_failed().map_err(invalid)?;
        println!("{} queued again", crate::core::plural::plural(n, "refused statement", "refused statements"));
    }
    let sender =
        Sender::new(&lrs, RetryPolicy { batch_size: args.batch, ..RetryPolicy::default() }).map_err(invalid)?;
    let report = sender.drain(&store).map_err(invalid)?;
    println!("{} sent, {} refused (see `followthrough xapi status`)", report.sent, report.failed);
    Ok(if report.failed > 0 { EXIT_INVALID } else { EXIT_OK })
}
