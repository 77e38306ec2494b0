//! Sound: short synthesised cues for the drill (start, ten seconds left, time up, pass, fail) and the
//! customer's recorded voice. With no audio device, a missing file or one that will not decode, the
//! app runs silently: one warning in the log and in the status line, never a panic or a hang. The
//! device is looked for once at start-up; its output stream is opened only while something plays
//! ([`output`]), so an idle window keeps the sound card (and the processor) asleep.

pub mod output;

use std::fs::File;
use std::io::BufReader;
use std::num::NonZero;
use std::path::{Path, PathBuf};

use rodio::buffer::SamplesBuffer;
use rodio::{Decoder, DeviceSinkBuilder, Source};

use output::{Open, OpenError, Opened, Output, QUIET_BEFORE_CLOSE, Request, Sound};

/// A drill moment that has a sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A turn starts.
    Start,
    /// Ten seconds left.
    TenSecondsLeft,
    /// Time ran out.
    TimeUp,
    /// The answer passed.
    Passed,
    /// The answer did not pass.
    Failed,
}

impl Cue {
    /// File name of a replacement cue in `assets/sounds/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Cue::Start => "start.wav",
            Cue::TenSecondsLeft => "ten-seconds-left.wav",
            Cue::TimeUp => "time-up.wav",
            Cue::Passed => "passed.wav",
            Cue::Failed => "failed.wav",
        }
    }

    /// The notes of the synthesised cue: (frequency in Hz, milliseconds); 0 Hz is a rest.
    fn notes(self) -> &'static [(f32, u32)] {
        match self {
            Cue::Start => &[(660.0, 110), (0.0, 30), (880.0, 140)],
            Cue::TenSecondsLeft => &[(880.0, 90), (0.0, 90), (880.0, 90), (0.0, 90), (880.0, 90)],
            Cue::TimeUp => &[(440.0, 450)],
            Cue::Passed => &[(523.0, 110), (659.0, 110), (784.0, 200)],
            Cue::Failed => &[(392.0, 160), (311.0, 260)],
        }
    }
}

/// Sample rate of the synthesised cues.
pub const CUE_SAMPLE_RATE: u32 = 22_050;

/// The samples of a synthesised cue: mono, [`CUE_SAMPLE_RATE`], gentle fades so notes do not click.
pub fn cue_samples(cue: Cue) -> Vec<f32> {
    let rate = CUE_SAMPLE_RATE as f32;
    let mut out = Vec::new();
    for &(freq, ms) in cue.notes() {
        let n = (rate * ms as f32 / 1000.0) as usize;
        let fade = (rate * 0.01) as usize;
        out.extend((0..n).map(|i| {
            if freq == 0.0 {
                return 0.0;
            }
            let envelope = (i.min(n - i) as f32 / fade as f32).min(1.0);
            0.25 * envelope * (std::f32::consts::TAU * freq * i as f32 / rate).sin()
        }));
    }
    out
}

/// Why a sound was not played (shown once in the status line; the drill goes on).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AudioWarning {
    /// No output device could be opened.
    #[error("no audio device: FollowThrough runs without sound ({0})")]
    NoDevice(String),
    /// The voice file is not there.
    #[error("voice file {0} was not found; the drill goes on without it")]
    Missing(String),
    /// The file could not be decoded.
    #[error("voice file {0} could not be played ({1}); the drill goes on without it")]
    Undecodable(String, String),
}

/// How long a sound file plays, decoding it completely (checks that it will play).
pub fn decoded_duration(path: &Path) -> Result<std::time::Duration, AudioWarning> {
    let shown = path.display().to_string();
    let file = File::open(path).map_err(|_| AudioWarning::Missing(shown.clone()))?;
    let decoder = Decoder::new(BufReader::new(file)).map_err(|e| AudioWarning::Undecodable(shown, e.to_string()))?;
    let (channels, rate) = (u64::from(decoder.channels().get()), u64::from(decoder.sample_rate().get()));
    let samples = decoder.count() as u64;
    Ok(std::time::Duration::from_millis(samples * 1000 / (channels * rate).max(1)))
}

/// The app's sound output: cues and the customer's voice, or silence.
pub struct Audio {
    /// The thread that opens the device while sounds play (None: silent).
    output: Option<Output>,
    muted: bool,
    sounds_dir: Option<PathBuf>,
}

/// `dir/name` when it is a regular file that really lies inside `dir`: a link that leads out of the
/// folder (or to a pipe or device) is never opened, so a cloned team folder cannot make the app read
/// files elsewhere.
fn contained_file(dir: &Path, name: &str) -> Option<PathBuf> {
    let root = std::fs::canonicalize(dir).ok()?;
    let real = std::fs::canonicalize(dir.join(name)).ok()?;
    let regular = std::fs::metadata(&real).is_ok_and(|m| m.file_type().is_file());
    (real.starts_with(&root) && regular).then_some(real)
}

/// Open the default output device's stream.
fn open_default() -> Result<Box<dyn Opened>, OpenError> {
    let mut sink = DeviceSinkBuilder::open_default_sink()?;
    sink.log_on_drop(false);
    Ok(Box::new(sink))
}

impl Audio {
    /// Look for the default output device (opening its stream once, and closing it again); without
    /// one, a silent `Audio` and the reason. Sounds open the stream again while they play.
    pub fn open(sounds_dir: Option<PathBuf>) -> (Self, Option<AudioWarning>) {
        // The caller reports a warning (log and status line) once.
        if let Err(e) = open_default() {
            return (Self::silent(), Some(AudioWarning::NoDevice(e.to_string())));
        }
        match Self::with_output(Box::new(open_default), sounds_dir) {
            Ok(audio) => (audio, None),
            Err(e) => (Self::silent(), Some(AudioWarning::NoDevice(format!("no thread to play sounds on: {e}")))),
        }
    }

    /// Sounds through `open` (the default device in the app; tests pass their own), opened while
    /// they play.
    pub fn with_output(open: Open, sounds_dir: Option<PathBuf>) -> std::io::Result<Self> {
        let output = Output::start(open, QUIET_BEFORE_CLOSE)?;
        Ok(Self { output: Some(output), muted: false, sounds_dir })
    }

    /// No sound at all (tests, or no device).
    pub fn silent() -> Self {
        Self { output: None, muted: false, sounds_dir: None }
    }

    /// True when sounds can actually be heard.
    pub fn is_audible(&self) -> bool {
        self.output.is_some() && !self.muted
    }

    /// Whether the device's stream is open now (only while sounds play, and shortly after).
    pub fn is_open(&self) -> bool {
        self.output.as_ref().is_some_and(Output::is_open)
    }

    /// Mute or unmute everything (stops a voice that is playing).
    pub fn set_muted(&mut self, muted: bool) {
        self.muted = muted;
        if muted {
            self.stop_voice();
        }
    }

    /// Play a cue: `assets/sounds/<cue>.wav` when present and playable, else the synthesised one.
    pub fn play_cue(&mut self, cue: Cue) {
        let Some(output) = self.output.as_ref().filter(|_| !self.muted) else { return };
        if let Some(path) = self.sounds_dir.as_deref().and_then(|d| contained_file(d, cue.file_name())) {
            if let Ok(decoder) = File::open(&path)
                .map(BufReader::new)
                .map_err(|e| e.to_string())
                .and_then(|f| Decoder::new(f).map_err(|e| e.to_string()))
            {
                output.send(Request::Play(Box::new(decoder)));
                return;
            }
            log::warn!("sound {} could not be played; using the built-in cue", path.display());
        }
        if let (Some(channels), Some(rate)) = (NonZero::new(1), NonZero::new(CUE_SAMPLE_RATE)) {
            output.send(Request::Play(Box::new(SamplesBuffer::new(channels, rate, cue_samples(cue)))));
        }
    }

    /// Play the customer's recorded line, replacing any that is still playing.
    pub fn play_voice(&mut self, path: &Path) -> Result<(), AudioWarning> {
        let shown = path.display().to_string();
        let file = File::open(path).map_err(|_| AudioWarning::Missing(shown.clone()))?;
        let decoder =
            Decoder::new(BufReader::new(file)).map_err(|e| AudioWarning::Undecodable(shown, e.to_string()))?;
        match self.output.as_ref().filter(|_| !self.muted) {
            Some(output) => output.send(Request::Voice(Box::new(decoder) as Sound)),
            None => self.stop_voice(),
        }
        Ok(())
    }

    /// Stop the customer's voice.
    pub fn stop_voice(&mut self) {
        if let Some(output) = &self.output {
            output.send(Request::StopVoice);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_short_audible_and_distinct() {
        let cues = [Cue::Start, Cue::TenSecondsLeft, Cue::TimeUp, Cue::Passed, Cue::Failed];
        let mut seen = std::collections::HashSet::new();
        for cue in cues {
            let samples = cue_samples(cue);
            let seconds = samples.len() as f32 / CUE_SAMPLE_RATE as f32;
            assert!((0.2..=0.6).contains(&seconds), "{cue:?} lasts {seconds} s");
            let peak = samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
            assert!((0.1..=0.3).contains(&peak), "{cue:?} peaks at {peak}");
            assert!(samples.first().is_some_and(|s| s.abs() < 0.01), "{cue:?} starts without a click");
            assert!(seen.insert(samples.len() as u64 * 1000 + (peak * 1000.0) as u64 + cue.notes().len() as u64));
        }
    }

    #[test]
    fn missing_and_broken_voice_files_are_warnings() {
        let mut audio = Audio::silent();
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(
            audio.play_voice(&dir.path().join("nope.wav")),
            Err(AudioWarning::Missing(dir.path().join("nope.wav").display().to_string()))
        );
        let broken = dir.path().join("broken.wav");
        std::fs::write(&broken, b"RIFF not really a wave file").expect("write");
        assert!(matches!(audio.play_voice(&broken), Err(AudioWarning::Undecodable(..))));
    }

    #[test]
    fn a_real_wav_decodes_and_silent_audio_plays_nothing() {
        let mut audio = Audio::silent();
        assert!(!audio.is_audible());
        audio.play_cue(Cue::Start);
        let wav = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/assets/voices/minimal.wav");
        assert_eq!(audio.play_voice(&wav), Ok(()));
        let decoded: Vec<f32> =
            Decoder::new(BufReader::new(File::open(&wav).expect("fixture"))).expect("decodes").collect();
        assert!(decoded.len() > 1000, "{} samples", decoded.len());
    }

    #[cfg(unix)]
    #[test]
    fn a_sound_cue_that_links_out_of_its_folder_is_never_opened() {
        let outside = tempfile::tempdir().expect("outside");
        let secret = outside.path().join("secret.wav");
        std::fs::write(&secret, b"RIFF").expect("secret");
        let sounds = tempfile::tempdir().expect("sounds");
        std::os::unix::fs::symlink(&secret, sounds.path().join("start.wav")).expect("link");
        std::fs::write(sounds.path().join("pass.wav"), b"RIFF").expect("inside");
        std::os::unix::fs::symlink(sounds.path().join("pass.wav"), sounds.path().join("fail.wav")).expect("link in");
        assert_eq!(contained_file(sounds.path(), "start.wav"), None, "a link out of the folder");
        assert!(contained_file(sounds.path(), "pass.wav").is_some());
        assert!(contained_file(sounds.path(), "fail.wav").is_some(), "a link within the folder is fine");
        assert_eq!(contained_file(sounds.path(), "missing.wav"), None);
        assert_eq!(contained_file(sounds.path(), "."), None, "a folder is not a sound");
    }

    #[test]
    fn the_device_is_opened_for_an_audible_sound_only() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let opens = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&opens);
        let open: Open = Box::new(move || {
            counted.fetch_add(1, Ordering::SeqCst);
            Err(OpenError::Refused("counted only"))
        });
        let mut audio = Audio::with_output(open, None).expect("thread");
        assert!(audio.is_audible() && !audio.is_open(), "a device, and nothing opened yet");
        audio.set_muted(true);
        audio.play_cue(Cue::Start);
        let wav = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/assets/voices/minimal.wav");
        assert_eq!(audio.play_voice(&wav), Ok(()));
        audio.set_muted(false);
        audio.stop_voice();
        audio.play_cue(Cue::Passed);
        // Dropping the handle ends the thread once it has taken every request.
        drop(audio);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while opens.load(Ordering::SeqCst) == 0 {
            assert!(std::time::Instant::now() < deadline, "the audible cue never asked for the device");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(opens.load(Ordering::SeqCst), 1, "muted sounds and stopping nothing open nothing");
    }

    #[test]
    fn no_device_means_silence_not_a_panic() {
        // On a machine without a sound card this returns a warning within milliseconds.
        let (mut audio, warning) = Audio::open(None);
        if let Some(w) = warning {
            assert!(w.to_string().contains("no audio device"));
            assert!(!audio.is_audible());
        }
        audio.set_muted(true);
        audio.play_cue(Cue::TimeUp);
        assert!(!audio.is_audible());
    }
}
