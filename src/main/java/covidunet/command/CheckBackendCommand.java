package covidunet.command;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import covidunet.Progress;
import covidunet.engine.ChildEngine;
import covidunet.engine.EngineInputs;
import covidunet.engine.HostLibraries;
import covidunet.engine.TensorFlowEngine;
import covidunet.io.UserCache;
import covidunet.model.Backend;
import covidunet.preprocess.CaseCache;

/**
 * Plugins › COVID-19 U-Net › Check Backend: which TensorFlow runs, on which devices (CPU or which
 * GPU), with which threads, and whether an old TensorFlow 1.x is in the way. In Fiji, where the
 * engine runs in a child JVM, it also says which TensorFlow 1.x and protobuf jars Fiji itself has
 * (information: they do not touch the engine). The launcher's {@code check}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>COVID-19 U-Net>Check Backend", headless = true,
	description = "TensorFlow version, the devices really used (CPU / GPU), threads, and clashes")
public class CheckBackendCommand implements Command {

	@Parameter(type = ItemIO.OUTPUT, label = "Backend")
	private String report;

	@Override
	public void run() {
		if (!TensorFlowEngine.isolated()) {
			report = Backend.check(CaseCache.describe(UserCache.folder())).toText();
			return;
		}
		report = ChildEngine.run(getClass(), EngineInputs.of(this), Progress.NONE, null).get("report") + "engine: " +
			"a child JVM of this Java (TensorFlow Java apart from this JVM's class path)\n" + HostLibraries.report(getClass()
				.getClassLoader());
	}
}
