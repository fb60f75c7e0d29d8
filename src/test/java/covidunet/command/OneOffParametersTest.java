package covidunet.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scijava.annotations.Index;
import org.scijava.annotations.IndexItem;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * One-off flags are not remembered between runs: Fiji persists a parameter's last value unless
 * it is declared with {@code persist = false}, and a remembered {@code overwrite} or
 * {@code resume} would act in a later run that did not ask for it.
 */
class OneOffParametersTest {

	private static final Set<String> ONE_OFF = Set.of("overwrite", "resume", "probabilities", "ignore_affine");

	@Test
	void oneOffFlagsAreNotPersisted() throws ClassNotFoundException {
		final List<String> checked = new ArrayList<>();
		for (final Class<?> type : commands()) {
			for (final Field field : type.getDeclaredFields()) {
				final Parameter parameter = field.getAnnotation(Parameter.class);
				if (parameter == null || !ONE_OFF.contains(field.getName())) continue;
				final String name = type.getSimpleName() + "." + field.getName();
				assertFalse(parameter.persist(), name + " is declared without persist = false");
				checked.add(name);
			}
		}
		assertTrue(checked.containsAll(List.of("ExploreDatasetCommand.overwrite", "ExportNiftiCommand.overwrite",
			"GeneratePhantomCommand.overwrite", "PrepareFoldsCommand.overwrite", "SegmentVolumeCommand.overwrite",
			"SegmentVolumeCommand.probabilities", "TrainUNetCommand.resume", "EvaluateFoldsCommand.ignore_affine")),
			checked.toString());
	}

	/** The commands of this package, as SciJava's annotation index lists them. */
	private static List<Class<?>> commands() throws ClassNotFoundException {
		final List<Class<?>> commands = new ArrayList<>();
		for (final IndexItem<Plugin> item : Index.load(Plugin.class)) {
			if (!item.className().startsWith(OneOffParametersTest.class.getPackageName() + ".")) continue;
			final Class<?> type = Class.forName(item.className());
			if (Command.class.isAssignableFrom(type)) commands.add(type);
		}
		return commands;
	}
}
