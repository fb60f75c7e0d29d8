package covidunet.command;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import covidunet.model.Backend;

/**
 * Plugins › COVID-19 U-Net › Check Backend: which TensorFlow runs, on which devices (CPU or which
 * GPU), with which threads, and whether an old TensorFlow 1.x is in the way. The launcher's
 * {@code check}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>COVID-19 U-Net>Check Backend", headless = true,
	description = "TensorFlow version, the devices really used (CPU / GPU), threads, and clashes")
public class CheckBackendCommand implements Command {

	@Parameter(type = ItemIO.OUTPUT, label = "Backend")
	private String report;

	@Override
	public void run() {
		report = Backend.check().toText();
	}
}
