package covidunet.ij1;

import ij.IJ;

import covidunet.command.ProgressEvent;
import covidunet.command.run.CommandFrontend;
import covidunet.command.run.CommandRunner;

/**
 * Shows a command's run in ImageJ 1.x: text outputs in the Log window, progress in the status
 * and progress bars; the Esc key cancels the run (checked at each progress report). Options
 * are named as macros write them.
 */
final class ImageJFrontend implements CommandFrontend {

	private volatile CommandRunner runner;

	/** The runner that Esc cancels. */
	void cancelWith(final CommandRunner r) {
		runner = r;
	}

	@Override
	public void output(final String text) {
		IJ.log(text.strip());
	}

	@Override
	public void progress(final ProgressEvent event) {
		IJ.showStatus(event.task());
		if (event.total() > 0) IJ.showProgress((double) event.done() / event.total());
		final CommandRunner r = runner;
		if (r != null && IJ.escapePressed()) r.cancel("cancelled (Esc pressed)");
	}

	@Override
	public String option(final String name) {
		return "'" + name + "'";
	}
}
