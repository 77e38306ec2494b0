//! "Say it aloud": the employee speaks the answer while the drill's timer runs and the app keeps a WAV
//! of it in `recordings/` next to the progress database. With no microphone, recording is simply not
//! offered: every function here returns a readable reason instead of panicking or hanging.

use std::error::Error;
use std::io::BufWriter;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use rodio::Source;
use rodio::microphone::MicrophoneBuilder;

/// Name of the folder (inside the data folder) that holds the recordings.
pub const RECORDINGS_DIR: &str = "recordings";

/// The longest capture kept in memory; anything spoken after this is dropped.
pub const MAX_RECORDING: Duration = Duration::from_secs(15 * 60);

/// How long [`Recorder::start`] waits for the capture thread to report that the microphone opened.
const OPEN_TIMEOUT: Duration = Duration::from_secs(5);

/// How long the capture thread sleeps when no samples are waiting.
const POLL_INTERVAL: Duration = Duration::from_millis(5);

/// An error and its sources, joined into one line for the status bar.
fn describe(error: &dyn Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

/// Why recording, saving or deleting a recording did not work, in words for the UI.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordingError {
    /// No input device, or it has no usable configuration; the device layer's reason.
    #[error("no microphone available, answers cannot be recorded ({0})")]
    NoMicrophone(String),
    /// The microphone was found but could not be opened; the device layer's reason.
    #[error("the microphone could not be opened ({0})")]
    CannotOpen(String),
    /// The capture thread could not be started.
    #[error("could not start recording ({0})")]
    NoThread(String),
    /// The microphone did not report back in time.
    #[error("the microphone did not respond, answers cannot be recorded")]
    NoResponse,
    /// The capture thread ended while opening the microphone.
    #[error("recording stopped unexpectedly while opening the microphone")]
    StoppedWhileOpening,
    /// The capture thread ended abnormally.
    #[error("recording stopped unexpectedly")]
    Stopped,
    /// A path that is not a recording was given to delete.
    #[error("{0} is not a recording; only .wav files in a recordings folder are deleted")]
    NotARecording(String),
    /// A folder was given to delete.
    #[error("{0} is a folder, not a recording")]
    Folder(String),
    /// A sample rate or channel count of zero.
    #[error("cannot write {path}: {sample_rate} Hz with {channels} channels is not a recording")]
    NoFormat {
        /// The file.
        path: String,
        /// Samples per second given.
        sample_rate: u32,
        /// Channels given.
        channels: u16,
    },
    /// A file operation failed: what was done (with the path) and the system's reason.
    #[error("{doing} ({reason})")]
    File {
        /// E.g. "could not write recordings/x.wav".
        doing: String,
        /// The reason.
        reason: String,
    },
}

impl RecordingError {
    /// Why the microphone cannot be used, in a learner's words (the device layer's detail goes
    /// to the log, not the screen).
    pub fn in_plain_words(&self) -> &'static str {
        match self {
            Self::NoMicrophone(_) => "none was found on this computer, so type your answers",
            Self::CannotOpen(_) | Self::NoResponse | Self::StoppedWhileOpening => {
                "it could not be opened, so type your answers (is another program using it?)"
            }
            _ => "recording is not working here, so type your answers",
        }
    }
}

/// A maker of [`RecordingError::File`] for `map_err`.
fn file_error<E: std::fmt::Display>(doing: String) -> impl FnOnce(E) -> RecordingError {
    move |e| RecordingError::File { doing, reason: e.to_string() }
}

/// Why recording is not possible here (no input device, or it could not be opened), in words for the UI.
///
/// Looks up the default input device and its default configuration without opening a stream.
pub fn microphone_status() -> Result<(), RecordingError> {
    MicrophoneBuilder::new()
        .default_device()
        .and_then(|builder| builder.default_config())
        .map(|_| ())
        .map_err(|e| RecordingError::NoMicrophone(describe(&e)))
}

/// A recording in progress: a capture thread pulling microphone samples until stopped.
pub struct Recorder {
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<Vec<f32>>>,
    sample_rate: u32,
    channels: u16,
}

impl Recorder {
    /// Open the default microphone on a capture thread and start recording.
    ///
    /// The stream is opened on the capture thread itself (it may not be `Send`); a failure to open it
    /// comes back as `Err` with a readable reason, as does a microphone that does not answer in time.
    pub fn start() -> Result<Recorder, RecordingError> {
        let stop = Arc::new(AtomicBool::new(false));
        let (opened_tx, opened_rx) = mpsc::channel::<Result<(u32, u16), RecordingError>>();
        let thread_stop = Arc::clone(&stop);
        let handle = std::thread::Builder::new()
            .name("followthrough-recording".into())
            .spawn(move || capture(&thread_stop, &opened_tx))
            .map_err(|e| RecordingError::NoThread(e.to_string()))?;
        match opened_rx.recv_timeout(OPEN_TIMEOUT) {
            Ok(Ok((sample_rate, channels))) => Ok(Recorder { stop, handle: Some(handle), sample_rate, channels }),
            Ok(Err(reason)) => {
                let _ = handle.join();
                Err(reason)
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // Leave the thread to finish on its own; it stops as soon as it sees the flag.
                stop.store(true, Ordering::Relaxed);
                Err(RecordingError::NoResponse)
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let _ = handle.join();
                Err(RecordingError::StoppedWhileOpening)
            }
        }
    }

    /// Sample rate of the capture in Hz.
    pub fn sample_rate(&self) -> u32 {
        self.sample_rate
    }

    /// Number of interleaved channels in the capture.
    pub fn channels(&self) -> u16 {
        self.channels
    }

    /// Stop recording, wait for the capture thread and write a 16-bit PCM WAV at `path` (atomically,
    /// creating its folder). Returns how long the recording lasts; an empty capture is still written.
    pub fn stop_and_save(mut self, path: &Path) -> Result<Duration, RecordingError> {
        self.stop.store(true, Ordering::Relaxed);
        let samples = match self.handle.take() {
            Some(handle) => handle.join().map_err(|_| RecordingError::Stopped)?,
            None => Vec::new(),
        };
        write_wav(path, &samples, self.sample_rate, self.channels)?;
        Ok(duration_of(samples.len(), self.sample_rate, self.channels))
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        // A recorder dropped without saving still releases the microphone.
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The capture thread: open the microphone, report the outcome, then pull samples until stopped.
fn capture(stop: &AtomicBool, opened: &mpsc::Sender<Result<(u32, u16), RecordingError>>) -> Vec<f32> {
    let opened_mic = MicrophoneBuilder::new()
        .default_device()
        .and_then(|builder| builder.default_config())
        .map_err(|e| RecordingError::NoMicrophone(describe(&e)))
        .and_then(|builder| builder.open_stream().map_err(|e| RecordingError::CannotOpen(describe(&e))));
    let mut mic = match opened_mic {
        Ok(mic) => mic,
        Err(reason) => {
            let _ = opened.send(Err(reason));
            return Vec::new();
        }
    };
    let (sample_rate, channels) = (mic.sample_rate().get(), mic.channels().get());
    if opened.send(Ok((sample_rate, channels))).is_err() {
        return Vec::new();
    }
    let limit = (MAX_RECORDING.as_secs() as usize).saturating_mul(sample_rate as usize * channels as usize);
    let mut samples = Vec::new();
    while !stop.load(Ordering::Relaxed) {
        // Only take what is already buffered: `next()` blocks while the device is silent.
        let waiting = mic.size_hint().0;
        if waiting == 0 {
            std::thread::sleep(POLL_INTERVAL);
            continue;
        }
        for sample in mic.by_ref().take(waiting) {
            if samples.len() < limit {
                samples.push(sample);
            }
        }
    }
    samples
}

/// How long `samples` interleaved samples last.
fn duration_of(samples: usize, sample_rate: u32, channels: u16) -> Duration {
    let per_second = u64::from(sample_rate) * u64::from(channels);
    if per_second == 0 {
        return Duration::ZERO;
    }
    Duration::from_secs_f64(samples as f64 / per_second as f64)
}

/// The folder holding recordings: `data_dir/recordings`.
pub fn recordings_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(RECORDINGS_DIR)
}

/// An attempt id made safe as part of a file name: anything but letters, digits, `-` and `_` becomes `_`.
fn file_stem_for(attempt_id: &str) -> String {
    let safe: String =
        attempt_id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    if safe.is_empty() { "attempt".to_string() } else { safe }
}

/// Where the recording of one turn of an attempt lives: `recordings/<attempt_id>-turn<N>.wav`.
///
/// Path separators and other unusual characters in the id are replaced, so the file is always directly
/// inside [`recordings_dir`].
pub fn recording_path(data_dir: &Path, attempt_id: &str, turn_index: usize) -> PathBuf {
    recordings_dir(data_dir).join(format!("{}-turn{turn_index}.wav", file_stem_for(attempt_id)))
}

/// The existing recordings of one attempt, in turn order (turn 10 after turn 2).
pub fn recordings_of(data_dir: &Path, attempt_id: &str) -> Vec<PathBuf> {
    recordings_of_each(data_dir, &[attempt_id]).pop().unwrap_or_default()
}

/// The recordings of each of these attempts (same order), by turn order, from one listing of the
/// folder (the Progress screen asks for a whole history at once).
pub fn recordings_of_each(data_dir: &Path, attempt_ids: &[&str]) -> Vec<Vec<PathBuf>> {
    let mut each = vec![Vec::new(); attempt_ids.len()];
    let Ok(entries) = std::fs::read_dir(recordings_dir(data_dir)) else { return each };
    let stems: Vec<String> = attempt_ids.iter().map(|id| file_stem_for(id)).collect();
    let mut found: Vec<(usize, usize, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name();
            let (stem, turn) = name.to_str()?.strip_suffix(".wav")?.rsplit_once("-turn")?;
            if turn.is_empty() || !turn.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let which = stems.iter().position(|s| s == stem)?;
            let turn = turn.parse::<usize>().ok()?;
            entry.file_type().ok().filter(|t| t.is_file()).map(|_| (which, turn, entry.path()))
        })
        .collect();
    found.sort();
    for (which, _, path) in found {
        each[which].push(path);
    }
    each
}

/// Delete a recording. Only a `.wav` file directly inside a `recordings` folder is deleted; anything
/// else is refused. A recording that is already gone counts as deleted.
pub fn delete_recording(path: &Path) -> Result<(), RecordingError> {
    let shown = path.display();
    let is_wav = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("wav"));
    let in_recordings = path.parent().and_then(Path::file_name).is_some_and(|name| name == RECORDINGS_DIR);
    let plain = path.components().all(|c| !matches!(c, Component::ParentDir | Component::CurDir));
    if !is_wav || !in_recordings || !plain {
        return Err(RecordingError::NotARecording(shown.to_string()));
    }
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(file_error(format!("could not delete {shown}"))(e)),
        Ok(meta) if meta.is_dir() => return Err(RecordingError::Folder(shown.to_string())),
        Ok(_) => {}
    }
    std::fs::remove_file(path).map_err(file_error(format!("could not delete {shown}")))
}

/// Write interleaved `samples` (nominally -1.0..=1.0; louder ones are clipped) as a 16-bit PCM WAV.
///
/// The file is written to a temporary file in the same folder and then moved into place, so a crash
/// never leaves half a recording; the folder is created when missing. A trailing partial frame is
/// dropped. No samples gives a valid, empty WAV.
pub fn write_wav(path: &Path, samples: &[f32], sample_rate: u32, channels: u16) -> Result<(), RecordingError> {
    let shown = path.display();
    if sample_rate == 0 || channels == 0 {
        return Err(RecordingError::NoFormat { path: shown.to_string(), sample_rate, channels });
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(file_error(format!("could not create {}", dir.display())))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".recording-")
        .suffix(".wav.tmp")
        .tempfile_in(&dir)
        .map_err(file_error(format!("could not write in {}", dir.display())))?;
    let spec = hound::WavSpec { channels, sample_rate, bits_per_sample: 16, sample_format: hound::SampleFormat::Int };
    let whole_frames = samples.len() - samples.len() % usize::from(channels);
    {
        let failed = |e: hound::Error| file_error(format!("could not write {shown}"))(e);
        let mut writer = hound::WavWriter::new(BufWriter::new(temp.as_file_mut()), spec).map_err(failed)?;
        for &sample in &samples[..whole_frames] {
            let clipped = if sample.is_nan() { 0.0 } else { sample.clamp(-1.0, 1.0) };
            writer.write_sample((clipped * f32::from(i16::MAX)).round() as i16).map_err(failed)?;
        }
        writer.finalize().map_err(failed)?;
    }
    temp.as_file().sync_all().map_err(file_error(format!("could not write {shown}")))?;
    temp.persist(path).map_err(|e| file_error(format!("could not save {shown}"))(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_back(path: &Path) -> (hound::WavSpec, Vec<i16>) {
        let reader = hound::WavReader::open(path).unwrap();
        let spec = reader.spec();
        let samples = reader.into_samples::<i16>().collect::<Result<Vec<_>, _>>().unwrap();
        (spec, samples)
    }

    #[test]
    fn write_wav_round_trips_and_clips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("recordings").join("a-turn0.wav");
        let samples = [0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -3.0, f32::NAN];
        write_wav(&path, &samples, 16_000, 2).unwrap();
        let (spec, read) = read_back(&path);
        assert_eq!(spec.sample_rate, 16_000);
        assert_eq!(spec.channels, 2);
        assert_eq!(spec.bits_per_sample, 16);
        assert_eq!(read.len(), samples.len());
        assert_eq!(read, vec![0, 16_384, -16_384, i16::MAX, -i16::MAX, i16::MAX, -i16::MAX, 0]);
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn write_wav_empty_is_valid_and_partial_frames_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.wav");
        write_wav(&empty, &[], 44_100, 1).unwrap();
        let (spec, read) = read_back(&empty);
        assert_eq!((spec.sample_rate, spec.channels, read.len()), (44_100, 1, 0));

        let odd = dir.path().join("odd.wav");
        write_wav(&odd, &[0.1, 0.2, 0.3], 8_000, 2).unwrap();
        assert_eq!(read_back(&odd).1.len(), 2);

        assert!(write_wav(&dir.path().join("bad.wav"), &[0.0], 0, 1).is_err());
        assert!(write_wav(&dir.path().join("bad.wav"), &[0.0], 8_000, 0).is_err());
    }

    #[test]
    fn recording_path_naming_and_no_escape() {
        let data = Path::new("/data");
        assert_eq!(recordings_dir(data), Path::new("/data/recordings"));
        let id = "0b6f1f2e-8c1a-4d7e-9a31-2f6d5c4b3a21";
        assert_eq!(recording_path(data, id, 3), Path::new(&format!("/data/recordings/{id}-turn3.wav")));
        for evil in ["../../etc/passwd", "a/b", "a\\b", "..", "", "/abs"] {
            let path = recording_path(data, evil, 1);
            assert_eq!(path.parent(), Some(Path::new("/data/recordings")), "{evil:?} gave {path:?}");
            assert!(path.components().all(|c| !matches!(c, Component::ParentDir)), "{evil:?} gave {path:?}");
            assert!(path.to_str().unwrap().ends_with("-turn1.wav"));
        }
    }

    #[test]
    fn recordings_of_finds_one_attempt_in_turn_order() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        for turn in [10, 2, 0] {
            write_wav(&recording_path(data, "abc", turn), &[0.0], 8_000, 1).unwrap();
        }
        write_wav(&recording_path(data, "other", 1), &[0.0], 8_000, 1).unwrap();
        write_wav(&recording_path(data, "abc-turn1", 2), &[0.0], 8_000, 1).unwrap();
        std::fs::write(recordings_dir(data).join("abc-turnX.wav"), b"").unwrap();
        std::fs::write(recordings_dir(data).join("abc-turn5.txt"), b"").unwrap();
        let found = recordings_of(data, "abc");
        let expected: Vec<PathBuf> = [0, 2, 10].iter().map(|&t| recording_path(data, "abc", t)).collect();
        assert_eq!(found, expected);
        assert!(recordings_of(data, "missing").is_empty());
        assert!(recordings_of(&data.join("no-such-folder"), "abc").is_empty());
    }

    #[test]
    fn delete_recording_refuses_outside_and_deletes_inside() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("progress.wav");
        std::fs::write(&outside, b"keep").unwrap();
        assert!(delete_recording(&outside).is_err());
        assert!(outside.exists());

        let not_wav = recordings_dir(dir.path()).join("notes.txt");
        std::fs::create_dir_all(not_wav.parent().unwrap()).unwrap();
        std::fs::write(&not_wav, b"keep").unwrap();
        assert!(delete_recording(&not_wav).is_err());
        assert!(not_wav.exists());

        let sneaky = recordings_dir(dir.path()).join("..").join("progress.wav");
        assert!(delete_recording(&sneaky).is_err());
        assert!(outside.exists());

        let inside = recording_path(dir.path(), "abc", 0);
        write_wav(&inside, &[0.0], 8_000, 1).unwrap();
        delete_recording(&inside).unwrap();
        assert!(!inside.exists());
        // Already gone is fine.
        delete_recording(&inside).unwrap();
    }

    #[test]
    fn microphone_status_never_panics() {
        if let Err(reason) = microphone_status() {
            assert!(!reason.to_string().trim().is_empty());
        }
    }

    #[test]
    fn recorder_without_microphone_reports_a_reason() {
        match Recorder::start() {
            Err(reason) => assert!(!reason.to_string().trim().is_empty()),
            Ok(recorder) => {
                // A machine with a microphone: record briefly and make sure stopping does not hang.
                assert!(recorder.sample_rate() > 0 && recorder.channels() > 0);
                std::thread::sleep(Duration::from_millis(50));
                let dir = tempfile::tempdir().unwrap();
                let path = recording_path(dir.path(), "abc", 0);
                let duration = recorder.stop_and_save(&path).unwrap();
                assert!(duration < Duration::from_secs(5));
                assert!(path.is_file());
            }
        }
    }
}
