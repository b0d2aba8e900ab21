//! Progress on stderr: a spinner with counts on a terminal, silence elsewhere.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::cell::Cell;
use std::io::IsTerminal;
use std::time::Duration;

pub struct Progress {
    bar: Option<ProgressBar>,
    quiet: bool,
    bytes: Cell<usize>,
}

impl Progress {
    /// A spinner when stderr is a terminal and `quiet` is off; otherwise nothing is drawn.
    pub fn new(quiet: bool, what: &'static str) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(&format!(
                "{{spinner}} {what} {{pos}} articles, {{msg}} [{{elapsed}}]"
            ))
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Self {
            bar,
            quiet,
            bytes: Cell::new(0),
        }
    }

    pub fn advance(&self, bytes: usize) {
        self.bytes.set(self.bytes.get() + bytes);
        if let Some(bar) = &self.bar {
            bar.inc(1);
            bar.set_message(format!("{:.1} MB", self.bytes.get() as f64 / 1e6));
        }
    }

    /// A warning line that does not tear the spinner.
    pub fn warn(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("claimgraph: warning: {message}")),
            None => eprintln!("claimgraph: warning: {message}"),
        }
    }

    /// The closing summary line (unless quiet).
    pub fn finish(&self, summary: &str) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if !self.quiet {
            eprintln!("{summary}");
        }
    }
}
