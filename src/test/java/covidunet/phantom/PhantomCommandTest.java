package covidunet.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.event.ModuleErroredEvent;

import covidunet.BadInputException;
import covidunet.cli.Subcommands;
import covidunet.command.GeneratePhantomCommand;
import covidunet.command.ProgressEvent;
import covidunet.dataset.CaseNames;

/** Generate Phantom Cohort run as a SciJava command, as Fiji and the launcher run it. */
class PhantomCommandTest {

	private static Context context;

	/** Keeps SciJava from logging the failures these tests provoke. */
	private static final Object QUIET = new Object() {

		@EventHandler
		void onError(final ModuleErroredEvent event) {
			event.consume();
		}
	};

	@TempDir
	Path dir;

	@BeforeAll
	static void createContext() {
		context = new Context(CommandService.class, StatusService.class);
		context.service(EventService.class).subscribe(QUIET);
	}

	@AfterAll
	static void disposeContext() {
		context.dispose();
	}

	@Test
	void theCommandWritesACohortAndReportsEachCase() throws Exception {
		final List<String> statuses = new ArrayList<>();
		final Object listener = new Object() {

			@EventHandler
			void onProgress(final ProgressEvent event) {
				synchronized (statuses) {
					statuses.add(event.task());
				}
			}
		};
		context.service(EventService.class).subscribe(listener);
		final Path output = dir.resolve("cohort");
		context.service(CommandService.class).run(GeneratePhantomCommand.class, true, "output", output.toFile(),
			"cases", 2, "seed", 5L, "size", "small", "overwrite", false, "threads", 1).get();
		assertEquals(2, count(output.resolve(CaseNames.IMAGE_FOLDER)));
		assertEquals(2, count(output.resolve(CaseNames.MASK_FOLDER)));
		synchronized (statuses) {
			assertEquals(2, statuses.stream().filter(s -> s.startsWith("phantom: wrote ")).count(), statuses.toString());
		}
	}

	@Test
	void aBadSizeFailsWithTheParameterNamedAndWritesNothing() throws Exception {
		final Path output = dir.resolve("cohort");
		final ExecutionException e = assertThrows(ExecutionException.class,
			() -> context.service(CommandService.class).run(GeneratePhantomCommand.class, true, "output", output.toFile(),
				"cases", 2, "seed", 5L, "size", "huge", "overwrite", false, "threads", 1).get());
		Throwable cause = e;
		while (cause != null && !(cause instanceof BadInputException)) cause = cause.getCause();
		assertTrue(cause != null && cause.getMessage().startsWith("size: "), String.valueOf(e));
		assertFalse(Files.exists(output));
	}

	private static long count(final Path folder) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.count();
		}
	}

	@Test
	void theLauncherKnowsThePhantomSubcommand() {
		assertEquals(GeneratePhantomCommand.class, Subcommands.standard().find("phantom").orElseThrow().command());
	}
}
