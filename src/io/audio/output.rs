//! The output stream, open only while something plays. A thread of its own owns it: it opens the
//! stream for the first sound and closes it once every sound has played and [`QUIET_BEFORE_CLOSE`]
//! has passed without a new one. While closed, the thread sleeps on its channel, so an idle window
//! costs no processor time (an open stream wakes its audio thread and the sound server every few
//! milliseconds, even to play silence). While open, it looks every [`CHECK_EVERY`] whether the
//! sounds have finished.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use rodio::mixer::Mixer;
use rodio::{MixerDeviceSink, Player, Source};

/// How long the stream stays open after the last sound ended (the cues and the customer's voice
/// of one turn come close together; reopening for each would be slower and may click).
pub const QUIET_BEFORE_CLOSE: Duration = Duration::from_secs(3);

/// How often an open stream's sounds are looked at (to close it once they are done).
pub const CHECK_EVERY: Duration = Duration::from_millis(250);

/// A sound, ready to mix.
pub type Sound = Box<dyn Source + Send>;

/// What the app asks of the output thread.
pub enum Request {
    /// Mix this sound in (a cue).
    Play(Sound),
    /// Play the customer's voice (or a recording), replacing one that is still playing.
    Voice(Sound),
    /// Stop the voice.
    StopVoice,
}

/// An open output: sounds added to its mixer are heard until it is dropped.
pub trait Opened {
    /// Where sounds go.
    fn mixer(&self) -> &Mixer;
}

impl Opened for MixerDeviceSink {
    fn mixer(&self) -> &Mixer {
        MixerDeviceSink::mixer(self)
    }
}

/// Why the sound output could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The sound library could not open the default output device.
    #[error(transparent)]
    Device(#[from] rodio::DeviceSinkError),
    /// A stand-in output (in tests) refused to open, for the reason given.
    #[error("{0}")]
    Refused(&'static str),
}

/// Opens the output (the default device; a plain mixer in tests), or says why it could not.
pub type Open = Box<dyn FnMut() -> Result<Box<dyn Opened>, OpenError> + Send>;

/// The handle of the output thread; dropping it ends the thread (and closes the stream).
pub struct Output {
    requests: Sender<Request>,
    open_now: Arc<AtomicBool>,
}

impl Output {
    /// Start the thread; nothing is opened until the first request. `quiet` is how long the
    /// stream stays open after its sounds end ([`QUIET_BEFORE_CLOSE`] in the app).
    pub fn start(open: Open, quiet: Duration) -> std::io::Result<Self> {
        let (requests, inbox) = channel();
        let open_now = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&open_now);
        std::thread::Builder::new().name("sound".into()).spawn(move || run(&inbox, open, quiet, &flag))?;
        Ok(Self { requests, open_now })
    }

    /// Hand a request to the thread (a thread that is gone plays nothing; it logged why).
    pub fn send(&self, request: Request) {
        let _ = self.requests.send(request);
    }

    /// Whether the stream is open now (or being opened).
    pub fn is_open(&self) -> bool {
        self.open_now.load(Ordering::Acquire)
    }
}

/// The open stream and what plays on it.
struct Playing {
    stream: Box<dyn Opened>,
    cues: Vec<Player>,
    voice: Option<Player>,
    /// When the last sound ended (None while one plays).
    quiet_since: Option<Instant>,
}

impl Playing {
    fn take(&mut self, request: Request) {
        match request {
            Request::Play(sound) => {
                let player = Player::connect_new(self.stream.mixer());
                player.append(sound);
                self.cues.push(player);
            }
            Request::Voice(sound) => {
                self.stop_voice();
                let player = Player::connect_new(self.stream.mixer());
                player.append(sound);
                self.voice = Some(player);
            }
            Request::StopVoice => self.stop_voice(),
        }
        self.quiet_since = None;
    }

    fn stop_voice(&mut self) {
        if let Some(voice) = self.voice.take() {
            voice.stop();
        }
    }

    /// Forget the sounds that have ended; true once nothing has played for `quiet`.
    fn done(&mut self, now: Instant, quiet: Duration) -> bool {
        self.cues.retain(|p| !p.empty());
        if self.voice.as_ref().is_some_and(Player::empty) {
            self.voice = None;
        }
        if !self.cues.is_empty() || self.voice.is_some() {
            self.quiet_since = None;
            return false;
        }
        now.duration_since(*self.quiet_since.get_or_insert(now)) >= quiet
    }
}

fn run(inbox: &Receiver<Request>, mut open: Open, quiet: Duration, open_now: &AtomicBool) {
    let mut playing: Option<Playing> = None;
    let mut warned = false;
    loop {
        // Closed: sleep until asked. Open: wake now and then to see whether the sounds are done.
        let request = if playing.is_some() {
            match inbox.recv_timeout(CHECK_EVERY) {
                Ok(request) => Some(request),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match inbox.recv() {
                Ok(request) => Some(request),
                Err(_) => break,
            }
        };
        let Some(request) = request else {
            if playing.as_mut().is_some_and(|p| p.done(Instant::now(), quiet)) {
                // Said closed first: once the stream is gone, nobody may still read it as open.
                open_now.store(false, Ordering::Release);
                playing = None;
            }
            continue;
        };
        if playing.is_none() {
            if matches!(request, Request::StopVoice) {
                continue;
            }
            open_now.store(true, Ordering::Release);
            match open() {
                Ok(stream) => playing = Some(Playing { stream, cues: Vec::new(), voice: None, quiet_since: None }),
                Err(e) => {
                    open_now.store(false, Ordering::Release);
                    // The device went away since start-up: this sound is not heard; the next tries again.
                    if !std::mem::replace(&mut warned, true) {
                        log::warn!("no audio device: a sound was not played ({e})");
                    }
                    continue;
                }
            }
        }
        if let Some(playing) = &mut playing {
            playing.take(request);
        }
    }
    open_now.store(false, Ordering::Release);
}

#[cfg(test)]
mod tests {
    use std::num::NonZero;

    use rodio::buffer::SamplesBuffer;
    use rodio::mixer::MixerSource;

    use super::*;

    /// What a test sees of its pretend device.
    enum Seen {
        Opened(MixerSource),
        Closed,
    }

    /// A device that is a plain mixer: the test pulls its samples, as a sound card would.
    struct Pretend {
        mixer: Mixer,
        seen: Sender<Seen>,
    }

    impl Opened for Pretend {
        fn mixer(&self) -> &Mixer {
            &self.mixer
        }
    }

    impl Drop for Pretend {
        fn drop(&mut self) {
            let _ = self.seen.send(Seen::Closed);
        }
    }

    const RATE: u32 = 22_050;
    const WAIT: Duration = Duration::from_secs(10);

    /// An output on a pretend device that fails to open while `broken` is set.
    fn pretend(broken: Arc<AtomicBool>) -> (Output, Receiver<Seen>) {
        let (seen, events) = channel();
        let open: Open = Box::new(move || {
            if broken.load(Ordering::SeqCst) {
                return Err(OpenError::Refused("unplugged"));
            }
            let rate = NonZero::new(RATE).ok_or(OpenError::Refused("no sample rate"))?;
            let (mixer, source) = rodio::mixer::mixer(NonZero::<u16>::MIN, rate);
            seen.send(Seen::Opened(source)).map_err(|_| OpenError::Refused("nobody watches"))?;
            Ok(Box::new(Pretend { mixer, seen: seen.clone() }) as Box<dyn Opened>)
        });
        (Output::start(open, Duration::from_millis(100)).expect("thread"), events)
    }

    fn beep(samples: usize) -> Sound {
        let (channels, rate) = (NonZero::<u16>::MIN, NonZero::new(RATE).expect("rate"));
        Box::new(SamplesBuffer::new(channels, rate, vec![0.5; samples]))
    }

    fn opened(events: &Receiver<Seen>) -> MixerSource {
        match events.recv_timeout(WAIT) {
            Ok(Seen::Opened(source)) => source,
            Ok(Seen::Closed) => panic!("closed instead of opened"),
            Err(e) => panic!("never opened: {e}"),
        }
    }

    fn closed(events: &Receiver<Seen>) {
        assert!(matches!(events.recv_timeout(WAIT), Ok(Seen::Closed)), "the stream closes once quiet");
    }

    /// Play the device for `n` samples; how many were sound.
    fn pull(source: &mut MixerSource, n: usize) -> usize {
        (0..n).filter(|_| source.next().is_some_and(|s| s.abs() > 0.1)).count()
    }

    /// Play the device until a sound starts (the thread adds it just after opening), then for `n`
    /// samples from there; how many of those were sound.
    fn listen(source: &mut MixerSource, n: usize) -> usize {
        let deadline = Instant::now() + WAIT;
        loop {
            match source.next() {
                Some(s) if s.abs() > 0.1 => return 1 + pull(source, n - 1),
                Some(_) => {}
                None => std::thread::sleep(Duration::from_millis(1)),
            }
            assert!(Instant::now() < deadline, "nothing was heard");
        }
    }

    #[test]
    fn the_stream_opens_for_a_sound_and_closes_once_it_has_played() {
        let (output, events) = pretend(Arc::default());
        assert!(!output.is_open(), "nothing is opened before a sound");
        assert!(events.recv_timeout(Duration::from_millis(200)).is_err(), "not even for a moment");
        output.send(Request::Play(beep(3000)));
        let mut device = opened(&events);
        assert!(output.is_open());
        assert!(listen(&mut device, 100) > 0, "the cue is heard");
        closed_while_pulling(&events, &mut device);
        assert!(!output.is_open());
        // The next sound opens it again.
        output.send(Request::Voice(beep(3000)));
        let mut device = opened(&events);
        assert!(listen(&mut device, 100) > 0, "the voice is heard");
        closed_while_pulling(&events, &mut device);
    }

    #[test]
    fn a_sound_still_playing_keeps_the_stream_open() {
        let (output, events) = pretend(Arc::default());
        output.send(Request::Voice(beep(RATE as usize)));
        let mut device = opened(&events);
        // The device has played only the start of it (a sound card plays in real time).
        assert_eq!(listen(&mut device, 100), 100);
        std::thread::sleep(Duration::from_millis(400));
        assert!(output.is_open(), "the rest of the voice is still to come");
        assert!(closed_while_pulling(&events, &mut device) > 0, "the rest is heard before it closes");
    }

    #[test]
    fn stopping_the_voice_silences_it_and_asks_nothing_of_a_closed_stream() {
        let (output, events) = pretend(Arc::default());
        output.send(Request::StopVoice);
        assert!(events.recv_timeout(Duration::from_millis(200)).is_err(), "no stream opened to stop nothing");
        let voice = 5 * RATE as usize;
        output.send(Request::Voice(beep(voice)));
        let mut device = opened(&events);
        assert_eq!(listen(&mut device, 100), 100);
        output.send(Request::StopVoice);
        // Soon the voice is gone and the stream closes.
        let heard = closed_while_pulling(&events, &mut device);
        assert!(heard < voice - 100, "the voice stopped");
    }

    /// Keep the device playing until the stream closes; how many samples were sound meanwhile.
    fn closed_while_pulling(events: &Receiver<Seen>, device: &mut MixerSource) -> usize {
        let deadline = Instant::now() + WAIT;
        let mut heard = 0;
        loop {
            heard += pull(device, 500);
            match events.recv_timeout(Duration::from_millis(10)) {
                Ok(Seen::Closed) => return heard,
                Ok(Seen::Opened(_)) => panic!("opened twice"),
                Err(_) => assert!(Instant::now() < deadline, "the stream never closed"),
            }
        }
    }

    #[test]
    fn a_device_that_will_not_open_plays_nothing_and_is_tried_again() {
        let broken = Arc::new(AtomicBool::new(true));
        let (output, events) = pretend(Arc::clone(&broken));
        output.send(Request::Play(beep(100)));
        assert!(events.recv_timeout(Duration::from_millis(300)).is_err(), "nothing opened");
        assert!(!output.is_open());
        broken.store(false, Ordering::SeqCst);
        output.send(Request::Play(beep(100)));
        let mut device = opened(&events);
        assert!(listen(&mut device, 50) > 0, "the device is back: the next sound is heard");
        drop(output);
        closed(&events);
    }
}
