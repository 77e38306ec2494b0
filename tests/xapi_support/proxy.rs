//! A loopback proxy in front of a real LRS that answers the first `n` requests itself with
//! `429 Too Many Requests` and `Retry-After`, and passes every later connection through untouched
//! (neither real LRS rate-limits on its own).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A running proxy.
pub struct TooManyProxy {
    /// Its port on 127.0.0.1.
    pub port: u16,
    /// 429s answered so far.
    pub refused: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl TooManyProxy {
    /// Proxy to `127.0.0.1:target`, answering the first `n` requests with 429 and `Retry-After: secs`.
    pub fn start(target: u16, n: usize, secs: u64) -> TooManyProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let refused = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (count, halt) = (refused.clone(), stop.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if halt.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(client) = client else { continue };
                let count = count.clone();
                std::thread::spawn(move || serve(client, target, n, secs, &count));
            }
        });
        TooManyProxy { port, refused, stop }
    }

    /// The endpoint to give the app.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }
}

impl Drop for TooManyProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(client: TcpStream, target: u16, n: usize, secs: u64, refused: &AtomicUsize) {
    let mut reader = BufReader::new(client);
    // Answer whole requests with 429 while the budget lasts, then pipe the rest through.
    loop {
        if refused.load(Ordering::SeqCst) >= n {
            return pipe(reader, target);
        }
        let mut length = 0usize;
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            if header.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = header.split_once(':')
                && k.trim().eq_ignore_ascii_case("content-length")
            {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        refused.fetch_add(1, Ordering::SeqCst);
        let text = "{\"error\":\"slow down\"}";
        let reply = format!(
            "HTTP/1.1 429 Too Many Requests\r\nRetry-After: {secs}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{text}",
            text.len()
        );
        if reader.get_mut().write_all(reply.as_bytes()).is_err() {
            return;
        }
    }
}

/// Copy bytes both ways between the client (with what it already sent, still buffered) and the LRS.
fn pipe(reader: BufReader<TcpStream>, target: u16) {
    let Ok(upstream) = TcpStream::connect(("127.0.0.1", target)) else { return };
    let buffered = reader.buffer().to_vec();
    let client = reader.into_inner();
    let (Ok(mut client_read), Ok(mut upstream_write)) = (client.try_clone(), upstream.try_clone()) else { return };
    let up = std::thread::spawn(move || {
        if upstream_write.write_all(&buffered).is_ok() {
            let _ = std::io::copy(&mut client_read, &mut upstream_write);
        }
        let _ = upstream_write.shutdown(std::net::Shutdown::Write);
    });
    let (mut upstream_read, mut client_write) = (upstream, client);
    let _ = std::io::copy(&mut upstream_read, &mut client_write);
    let _ = client_write.shutdown(std::net::Shutdown::Write);
    let _ = up.join();
}
