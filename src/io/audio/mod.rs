//! Sound: short synthesised cues for the drill (start, ten seconds left, time up, pass, fail) and the
//! customer's recorded voice. With no audio device, a missing file or one that will not decode, the
//! app runs silently: one warning in the log and in the status line, never a panic or a hang.

use std::fs::File;
use std::io::BufReader;
use std::num::NonZero;
use std::path::{Path, PathBuf};

use rodio::buffer::SamplesBuffer;
use rodio::{Decoder, DeviceSinkBuilder, MixerDeviceSink, Player, Source};

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
    sink: Option<MixerDeviceSink>,
    voice: Option<Player>,
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

impl Audio {
    /// Open the default output device; without one, a silent `Audio` and the reason.
    pub fn open(sounds_dir: Option<PathBuf>) -> (Self, Option<AudioWarning>) {
        match DeviceSinkBuilder::open_default_sink() {
            Ok(mut sink) => {
                sink.log_on_drop(false);
                (Self { sink: Some(sink), voice: None, muted: false, sounds_dir }, None)
            }
            Err(e) => {
                // The caller reports the warning (log and status line) once.
                (Self::silent(), Some(AudioWarning::NoDevice(e.to_string())))
            }
        }
    }

    /// No sound at all (tests, or no device).
    pub fn silent() -> Self {
        Self { sink: None, voice: None, muted: false, sounds_dir: None }
    }

    /// True when sounds can actually be heard.
    pub fn is_audible(&self) -> bool {
        self.sink.is_some() && !self.muted
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
        let Some(sink) = self.sink.as_ref().filter(|_| !self.muted) else { return };
        if let Some(path) = self.sounds_dir.as_deref().and_then(|d| contained_file(d, cue.file_name())) {
            if let Ok(decoder) = File::open(&path)
                .map(BufReader::new)
                .map_err(|e| e.to_string())
                .and_then(|f| Decoder::new(f).map_err(|e| e.to_string()))
            {
                sink.mixer().add(decoder);
                return;
            }
            log::warn!("sound {} could not be played; using the built-in cue", path.display());
        }
        if let (Some(channels), Some(rate)) = (NonZero::new(1), NonZero::new(CUE_SAMPLE_RATE)) {
            sink.mixer().add(SamplesBuffer::new(channels, rate, cue_samples(cue)));
        }
    }

    /// Play the customer's recorded line, replacing any that is still playing.
    pub fn play_voice(&mut self, path: &Path) -> Result<(), AudioWarning> {
        let shown = path.display().to_string();
        let file = File::open(path).map_err(|_| AudioWarning::Missing(shown.clone()))?;
        let decoder =
            Decoder::new(BufReader::new(file)).map_err(|e| AudioWarning::Undecodable(shown, e.to_string()))?;
        self.stop_voice();
        if let Some(sink) = self.sink.as_ref().filter(|_| !self.muted) {
            let player = Player::connect_new(sink.mixer());
            player.append(decoder);
            self.voice = Some(player);
        }
        Ok(())
    }

    /// Stop the customer's voice.
    pub fn stop_voice(&mut self) {
        if let Some(player) = self.voice.take() {
            player.stop();
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
