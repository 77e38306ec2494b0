//! What a click asks the app to do, grouped by the part of the app that does it; applied after
//! drawing, one group at a time.

use std::path::PathBuf;

use crate::core::authoring::FileFilter;
use crate::core::drill::Mode;
use crate::io::store::RolloutRules;

use super::super::settings::Settings;

/// One user action, routed to its owner.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Screens, preferences and sound.
    Shell(ShellCommand),
    /// Employees and their progress.
    Profile(ProfileCommand),
    /// The scenario folders.
    Library(LibraryCommand),
    /// A drill or a test-play.
    Drill(DrillCommand),
    /// Rehearsing a scenario's lines.
    Rehearsal(RehearsalCommand),
    /// A round of "Know the play".
    Quiz(QuizCommand),
    /// The trainer's authoring tools.
    Trainer(TrainerCommand),
    /// A coached group session.
    Coach(CoachCommand),
    /// Reporting to the LRS and the Team screen.
    Reporting(ReportingCommand),
}

/// Reporting to the organisation's LRS, and the Team screen.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportingCommand {
    /// Show the Team screen with attempts from this source.
    ShowTeam(super::reporting::TeamSource),
    /// Save the LRS settings typed (and restart the sender with them).
    Save,
    /// Send what is queued now.
    SendNow,
    /// Queue the refused statements again (after fixing the cause).
    RetryRefused,
    /// Read the queue's status again.
    RefreshStatus,
}

/// Screens, preferences and sound.
#[derive(Debug, Clone, PartialEq)]
pub enum ShellCommand {
    /// Back to the library.
    GoHome,
    /// Show the briefing of this scenario.
    OpenBriefing(String),
    /// Show the scenario file problems.
    ShowProblems,
    /// Show the current employee's progress.
    ShowProgress,
    /// New preferences.
    ChangeSettings(Settings),
    /// Full screen on or off (projector).
    ToggleFullscreen,
    /// High contrast on or off (projector in a bright room).
    ToggleHighContrast,
    /// Play a recording.
    PlayRecording(PathBuf),
}

/// Employees and their progress.
#[derive(Debug, Clone, PartialEq)]
pub enum ProfileCommand {
    /// Practise as the employee with this id.
    Pick(String),
    /// Create a profile with the name typed in the new-profile box.
    Create,
    /// The current employee's minutes a day.
    SetDailyMinutes(f64),
    /// New rollout rules for everyone on this machine.
    SetRolloutRules(RolloutRules),
    /// Delete a recording.
    DeleteRecording(PathBuf),
}

/// The scenario folders.
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryCommand {
    /// Read the scenario folders again.
    Reload,
    /// Show only this job family (None: all).
    FilterJobFamily(Option<String>),
    /// Pick a scenario folder with the system dialog.
    PickFolder,
    /// Add a scenario folder.
    AddFolder(PathBuf),
    /// Stop reading a scenario folder.
    RemoveFolder(PathBuf),
}

/// A drill or a test-play.
#[derive(Debug, Clone, PartialEq)]
pub enum DrillCommand {
    /// Start a drill of this scenario.
    Start(String, Mode),
    /// Test-play a scenario from a turn (not recorded).
    PlayFrom {
        /// Scenario id.
        scenario: String,
        /// Turn index to start at.
        turn: usize,
        /// Against the clock.
        timed: bool,
    },
    /// Send the answer being typed.
    Submit,
    /// Go on from the score card.
    NextTurn,
    /// Stop the clock (practice).
    Pause,
    /// Start the clock again.
    Resume,
    /// Ask before leaving the drill.
    AskAbandon,
    /// Leave the drill (what was answered is kept).
    Abandon,
    /// Stay in the drill after all.
    KeepGoing,
    /// Play the customer's line again.
    ReplayVoice,
    /// Record the spoken answer to this turn.
    StartRecording,
    /// Keep the employee's own verdicts for the turn just answered.
    SelfScore,
}

/// Rehearsing a scenario's lines.
#[derive(Debug, Clone, PartialEq)]
pub enum RehearsalCommand {
    /// Rehearse the scripts of this scenario.
    Open(String),
    /// Rehearse the script at this index.
    SelectScript(usize),
    /// Compare what was recited with the script.
    Check,
    /// Show the script again, other words hidden.
    FadeAgain,
}

/// A round of "Know the play".
#[derive(Debug, Clone, PartialEq)]
pub enum QuizCommand {
    /// Start a round.
    Start,
    /// Answer the question showing with this option.
    Answer(usize),
    /// Go on to the next question.
    Next,
}

/// The trainer's authoring tools.
#[derive(Debug, Clone, PartialEq)]
pub enum TrainerCommand {
    /// Show the trainer's list of scenario files.
    ShowAuthoring,
    /// Show these files.
    FilterFiles(FileFilter),
    /// Unfold or fold a file's problems.
    ToggleFile(String),
    /// Open a scenario file in the editor.
    OpenInEditor(PathBuf),
    /// Show a scenario file in the file manager.
    RevealFile(PathBuf),
    /// Show a scenario's turn map for test-play.
    ShowTestPlay(String),
    /// Try responses to a scenario's turns.
    OpenSandbox(String),
    /// Answer another turn in the sandbox.
    SandboxTurn(usize),
    /// Save the sandbox response as an author test in the scenario file.
    SaveAuthorTest,
    /// Write a new scenario from the template.
    CreateScenario,
}

/// A coached group session.
#[derive(Debug, Clone, PartialEq)]
pub enum CoachCommand {
    /// Set up a session.
    ShowSetup,
    /// Start the session as set up.
    Start,
    /// Spin the picker for the next participant.
    PickNext,
    /// The one picked is skipped for now (back into this round).
    Skip,
    /// The one picked is not present (out until back).
    NotPresent,
    /// The answer is given: score it.
    Answered,
    /// The coach ticks (or unticks) a criterion.
    Tick {
        /// Index of the criterion in the rubric.
        criterion: usize,
        /// The coach's verdict.
        met: bool,
    },
    /// The room has read the briefing: on to picking.
    BeginScenario,
    /// Keep the coach's score and go on.
    SaveScore,
    /// Ask "End the session?" first.
    AskEnd,
    /// Do not end the session after all.
    KeepGoing,
    /// End the session (confirmed) and show the report.
    End,
    /// Write the session report as CSV and HTML.
    Export,
}
