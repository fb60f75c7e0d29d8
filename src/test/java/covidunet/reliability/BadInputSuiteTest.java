package covidunet.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import covidunet.cli.Launch;
import covidunet.cli.Main;
import covidunet.cli.Subcommands;

/**
 * The bad-input suite (issue 9): every subcommand that processes volumes run in-process against
 * spoiled files, bad outputs and bad models (see {@link Trials}). A refusal must exit with 2 and
 * exactly one stderr line {@code error: …} naming the file, folder or case; afterwards every file
 * and folder of the run and of the shared inputs is as before (no new, zero-byte or hidden
 * temporary file, no input changed, by SHA-256). What is accepted instead (what {@code info}
 * describes, a negative pixdim read as its size) must exit with 0, leave the inputs as they were
 * and, for {@code info}, show it in the JSON. Writes what was observed to {@value #TABLE} (the
 * docs/reliability.md's table).
 */
class BadInputSuiteTest {

	/** Where the observed table goes, relative to the project. */
	static final String TABLE = "target/reliability/bad-inputs.md";

	@TempDir
	static Path tmp;

	private static Fixtures fixtures;
	private static final ObservedTable OBSERVED = new ObservedTable();
	private static final AtomicInteger RUNS = new AtomicInteger();

	@BeforeAll
	static void fixtures() throws IOException {
		fixtures = Fixtures.create(tmp.resolve("fixtures"));
	}

	@AfterAll
	static void writeTable() throws IOException {
		OBSERVED.write(Path.of(TABLE));
	}

	static Stream<Trial> trials() {
		return Trials.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("trials")
	void runsAsTheContractSays(final Trial trial) throws IOException {
		final int n = RUNS.incrementAndGet();
		final Workspace w = Workspace.create(tmp.resolve("run-" + n), tmp.resolve("cache-" + n), fixtures);
		try (Trial.Prepared run = trial.setup().prepare(w)) {
			final TreeSnapshot before = TreeSnapshot.of(w.watched());
			final Launch launch = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> Launch.with(new Main(Subcommands
				.standard()), run.args().toArray(String[]::new)));
			final TreeSnapshot after = TreeSnapshot.of(w.watched());
			final List<String> leftovers = new ArrayList<>(TreeSnapshot.of(List.of(w.out())).leftovers());
			if (Files.exists(w.cache())) leftovers.addAll(TreeSnapshot.of(List.of(w.cache())).leftovers());
			final String firstLine = launch.err().lines().findFirst().orElse("");
			OBSERVED.add(new ObservedTable.Run(trial.input(), trial.subcommand(), launch.code(), shorten(launch.code() != 0 ||
				run.shows() == null ? firstLine : run.shows().isEmpty() ? "wrote " + String.join(", ", after.filesUnder(w
					.out())) : run.shows())));

			final String context = String.join(" ", run.args()) + "\nstdout: " + launch.out() + "\nstderr: " + launch.err();
			assertEquals(List.of(), leftovers, "zero-byte or temporary files\n" + context);
			if (run.shows() == null) {
				assertEquals(2, launch.code(), context);
				assertEquals(1, launch.err().lines().count(), context);
				assertTrue(firstLine.startsWith("error: "), context);
				assertTrue(run.names().stream().anyMatch(firstLine::contains), "names one of " + run.names() + "\n" + context);
				assertEquals(List.of(), after.changesSince(before), "nothing written, nothing changed\n" + context);
			}
			else {
				assertEquals("", launch.err(), context);
				assertEquals(0, launch.code(), context);
				assertTrue(launch.out().contains(run.shows()), context);
				assertTrue(trial.subcommand().equals("info") || !after.filesUnder(w.out()).isEmpty(), "wrote its output\n" +
					context);
				assertEquals(List.of(), after.without(w.out()).changesSince(before.without(w.out())), "inputs unchanged\n" +
					context);
			}
		}
	}

	/** The text with the temporary folders' paths shortened to {@code …}. */
	private static String shorten(final String text) {
		return text.replace(tmp.toString(), "…").replaceAll("…/run-\\d+/", "…/");
	}
}
