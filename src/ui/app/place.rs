//! Where the window is: the screen showing, holding the run it shows. A drill, a rehearsal, a quiz
//! round, try-a-response and a group session live in their screen's variant, so a drill screen without a drill (or
//! any of the others without theirs) cannot be written, and leaving the screen ends the run.

use super::drill_run::DrillRun;
use super::group::GroupRun;
use super::practice::{QuizRun, RehearsalRun};
use super::shell::Screen;
use super::trainer::SandboxRun;

/// The screen showing, with the run it shows (see the module docs).
pub enum Place {
    /// The scenario library.
    Home,
    /// One scenario's briefing, by id.
    Briefing(String),
    /// The list of problems found in scenario files.
    Problems,
    /// A drill (or a trainer's test-play): answering, score card or summary, as its phase says.
    Drill(Box<DrillRun>),
    /// The current employee's progress.
    Progress,
    /// Rehearsing a scenario's scripts.
    Rehearse(Box<RehearsalRun>),
    /// A round of "Know the play" questions.
    Quiz(Box<QuizRun>),
    /// The trainer's list of scenario files.
    Authoring,
    /// The map of one scenario's turns, to test-play from any of them.
    TestPlay(String),
    /// Try a response against a turn's rubric.
    Sandbox(Box<SandboxRun>),
    /// Setting up a coached group session.
    CoachSetup,
    /// A coached group session on the projector (under way, or its report once over).
    Coach(Box<GroupRun>),
    /// The coach's team view, and reporting to the LRS.
    Team,
}

impl Place {
    /// Which screen this is.
    pub fn screen(&self) -> Screen {
        match self {
            Self::Home => Screen::Home,
            Self::Briefing(id) => Screen::Briefing(id.clone()),
            Self::Problems => Screen::Problems,
            Self::Drill(_) => Screen::Drill,
            Self::Progress => Screen::Progress,
            Self::Rehearse(_) => Screen::Rehearse,
            Self::Quiz(_) => Screen::Quiz,
            Self::Authoring => Screen::Authoring,
            Self::TestPlay(id) => Screen::TestPlay(id.clone()),
            Self::Sandbox(_) => Screen::Sandbox,
            Self::CoachSetup => Screen::CoachSetup,
            Self::Coach(_) => Screen::Coach,
            Self::Team => Screen::Team,
        }
    }

    /// The drill on screen.
    pub fn drill(&self) -> Option<&DrillRun> {
        match self {
            Self::Drill(run) => Some(run),
            _ => None,
        }
    }

    /// The drill on screen, to change.
    pub fn drill_mut(&mut self) -> Option<&mut DrillRun> {
        match self {
            Self::Drill(run) => Some(run),
            _ => None,
        }
    }

    /// The rehearsal on screen.
    pub fn rehearsal(&self) -> Option<&RehearsalRun> {
        match self {
            Self::Rehearse(run) => Some(run),
            _ => None,
        }
    }

    /// The rehearsal on screen, to change.
    pub fn rehearsal_mut(&mut self) -> Option<&mut RehearsalRun> {
        match self {
            Self::Rehearse(run) => Some(run),
            _ => None,
        }
    }

    /// The quiz round on screen.
    pub fn quiz(&self) -> Option<&QuizRun> {
        match self {
            Self::Quiz(run) => Some(run),
            _ => None,
        }
    }

    /// The quiz round on screen, to change.
    pub fn quiz_mut(&mut self) -> Option<&mut QuizRun> {
        match self {
            Self::Quiz(run) => Some(run),
            _ => None,
        }
    }

    /// Try-a-response on screen.
    pub fn sandbox(&self) -> Option<&SandboxRun> {
        match self {
            Self::Sandbox(run) => Some(run),
            _ => None,
        }
    }

    /// Try-a-response on screen, to change.
    pub fn sandbox_mut(&mut self) -> Option<&mut SandboxRun> {
        match self {
            Self::Sandbox(run) => Some(run),
            _ => None,
        }
    }

    /// The group session on screen.
    pub fn group(&self) -> Option<&GroupRun> {
        match self {
            Self::Coach(run) => Some(run),
            _ => None,
        }
    }

    /// The group session on screen, to change.
    pub fn group_mut(&mut self) -> Option<&mut GroupRun> {
        match self {
            Self::Coach(run) => Some(run),
            _ => None,
        }
    }
}
