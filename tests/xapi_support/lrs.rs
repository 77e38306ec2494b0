//! A tiny, strict LRS on 127.0.0.1 for the sender's tests (std::net, one thread per connection):
//! the version header and the right Basic auth are required (400, 401), every statement needs an
//! id, actor, verb and object (400), a batch is stored whole or not at all, an id already stored
//! with other content is a 409 and the same content a no-op (or a 409 too, when set). Faults are scripted per request.

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::Value;

/// "key:secret" in base64, the only credentials accepted.
pub const AUTH: &str = "Basic a2V5OnNlY3JldA==";

/// What the LRS does with the next POST.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// Answer as usual.
    Answer,
    /// 429 with `Retry-After: n`.
    TooMany(u64),
    /// 503.
    Unavailable,
    /// Store the batch, then drop the connection without answering (killed mid-batch).
    DieAfterStoring,
    /// Store the batch, then answer only after this many seconds (the client is killed meanwhile).
    HangAfterStoring(u64),
}

/// The shared state of the LRS.
#[derive(Default)]
pub struct State {
    /// Accepted statements, in arrival order.
    pub stored: Vec<Value>,
    by_id: HashMap<String, Value>,
    /// Faults for the next POSTs, in order.
    pub faults: VecDeque<Fault>,
    /// Statement ids refused with 400 (a statement the LRS finds invalid).
    pub poison: Vec<String>,
    /// POSTs seen.
    pub posts: usize,
    /// Answer a resend of a stored statement with 409 too (as some LRSs do), not as a no-op.
    pub resend_is_conflict: bool,
}

/// A running loopback LRS.
pub struct Lrs {
    /// `http://127.0.0.1:port/xapi`.
    pub endpoint: String,
    /// Its state.
    pub state: Arc<Mutex<State>>,
    /// While set, connections are accepted and closed at once (the LRS is down).
    pub down: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
    port: u16,
    connections: Arc<AtomicUsize>,
}

impl Lrs {
    /// Start one.
    pub fn start() -> Lrs {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let lrs = Lrs {
            endpoint: format!("http://127.0.0.1:{port}/xapi/"),
            state: Arc::default(),
            down: Arc::default(),
            stop: Arc::default(),
            port,
            connections: Arc::default(),
        };
        let (state, down, stop, connections) =
            (lrs.state.clone(), lrs.down.clone(), lrs.stop.clone(), lrs.connections.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(stream) = stream else { continue };
                connections.fetch_add(1, Ordering::SeqCst);
                if down.load(Ordering::SeqCst) {
                    drop(stream);
                    continue;
                }
                let state = state.clone();
                std::thread::spawn(move || serve(stream, &state));
            }
        });
        lrs
    }

    /// The statements stored, in order.
    pub fn stored(&self) -> Vec<Value> {
        self.state.lock().expect("lock").stored.clone()
    }

    /// Script the next POSTs.
    pub fn fault(&self, fault: Fault) {
        self.state.lock().expect("lock").faults.push_back(fault);
    }
}

impl Drop for Lrs {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>) {
    let mut reader = BufReader::new(stream);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let mut headers = HashMap::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
        }
        let length: usize = headers.get("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let reply = handle(&request_line, &headers, &body, state);
        let Some((status, extra, text)) = reply else { return };
        let response = format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nX-Experience-API-Version: 1.0.3\r\n{extra}\r\n{text}",
            text.len()
        );
        if reader.get_mut().write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

/// `None`: drop the connection without answering.
fn handle(
    request_line: &str,
    headers: &HashMap<String, String>,
    body: &[u8],
    state: &Mutex<State>,
) -> Option<(u16, String, String)> {
    let mut s = state.lock().expect("lock");
    if request_line.starts_with("GET ") {
        return Some(get(request_line, headers, &s));
    }
    if !request_line.starts_with("POST /xapi/statements ") {
        return Some((404, String::new(), "\"no such resource\"".into()));
    }
    s.posts += 1;
    if headers.get("x-experience-api-version").map(String::as_str) != Some("1.0.3") {
        return Some((400, String::new(), "\"X-Experience-API-Version header missing\"".into()));
    }
    if headers.get("authorization").map(String::as_str) != Some(AUTH) {
        return Some((401, String::new(), "\"unauthorised\"".into()));
    }
    let fault = s.faults.pop_front();
    match fault {
        Some(Fault::TooMany(secs)) => return Some((429, format!("Retry-After: {secs}\r\n"), "\"slow down\"".into())),
        Some(Fault::Unavailable) => return Some((503, String::new(), "\"busy\"".into())),
        _ => {}
    }
    let statements = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Array(list)) => list,
        Ok(one @ Value::Object(_)) => vec![one],
        _ => return Some((400, String::new(), "\"not JSON statements\"".into())),
    };
    let mut ids = Vec::new();
    for st in &statements {
        let id = st["id"].as_str().unwrap_or("").to_string();
        let valid = uuid::Uuid::parse_str(&id).is_ok()
            && st["actor"].is_object()
            && st["verb"]["id"].is_string()
            && st["object"]["id"].is_string();
        if !valid || s.poison.contains(&id) || ids.contains(&id) {
            return Some((400, String::new(), format!("\"statement {id} is invalid\"")));
        }
        if s.by_id.get(&id).is_some_and(|old| old != st || s.resend_is_conflict) {
            return Some((409, String::new(), format!("\"statement {id} conflicts with a stored one\"")));
        }
        ids.push(id);
    }
    for (id, st) in ids.iter().zip(statements) {
        if !s.by_id.contains_key(id) {
            s.by_id.insert(id.clone(), st.clone());
            s.stored.push(st);
        }
    }
    if fault == Some(Fault::DieAfterStoring) {
        return None;
    }
    if let Some(Fault::HangAfterStoring(secs)) = fault {
        drop(s);
        std::thread::sleep(std::time::Duration::from_secs(secs));
    }
    Some((200, String::new(), serde_json::to_string(&ids).unwrap_or_default()))
}

/// A GET: one statement by id, or the statements about an activity.
fn get(request_line: &str, headers: &HashMap<String, String>, s: &State) -> (u16, String, String) {
    if let Some(rest) = request_line.strip_prefix("GET /xapi/statements?statementId=") {
        let id = rest.split_whitespace().next().unwrap_or("");
        if headers.get("authorization").map(String::as_str) != Some(AUTH) {
            return (401, String::new(), "\"unauthorised\"".into());
        }
        return match s.by_id.get(id) {
            Some(st) => (200, String::new(), st.to_string()),
            None => (404, String::new(), "\"no such statement\"".into()),
        };
    }
    if let Some(rest) = request_line.strip_prefix("GET /xapi/statements?") {
        if headers.get("authorization").map(String::as_str) != Some(AUTH) {
            return (401, String::new(), "\"unauthorised\"".into());
        }
        let query = rest.split_whitespace().next().unwrap_or("");
        let activity = query.split('&').find_map(|p| p.strip_prefix("activity=")).map(decode).unwrap_or_default();
        let about = |st: &&Value| {
            st["object"]["id"] == activity.as_str()
                || st
                    .pointer("/context/contextActivities/parent")
                    .and_then(Value::as_array)
                    .is_some_and(|ps| ps.iter().any(|p| p["id"] == activity.as_str()))
        };
        let found: Vec<&Value> = s.stored.iter().filter(about).collect();
        return (200, String::new(), serde_json::json!({ "statements": found, "more": "" }).to_string());
    }
    (404, String::new(), "\"no such resource\"".into())
}

impl State {
    /// Store a statement as if another client had sent it (for conflicts).
    pub fn preload(&mut self, statement: Value) {
        let id = statement["id"].as_str().expect("id").to_string();
        self.by_id.insert(id, statement.clone());
        self.stored.push(statement);
    }
}

/// Undo percent-encoding in a query value.
fn decode(text: &str) -> String {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("00");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
