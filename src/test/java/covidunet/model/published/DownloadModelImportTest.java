package covidunet.model.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.TestAbortedException;

import covidunet.cli.Launch;
import covidunet.cli.Main;
import covidunet.cli.Subcommands;
import covidunet.dataset.download.LocalServer;
import covidunet.dataset.download.TestZips;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelDirectory;
import covidunet.testing.Python;

/**
 * {@code download-model} end to end with the real importer ({@link covidunet.model.keras.KerasImport})
 * on Keras 2.4 HDF5 files that {@value #SCRIPT} writes (small MIScnn U-Nets and the bad variants),
 * served by a records API on 127.0.0.1. These tests fail until the importer is implemented; they
 * are skipped, with the reason, where the script, Python or h5py is missing.
 */
class DownloadModelImportTest {

	/** The fixture generator, relative to the project. */
	static final String SCRIPT = "src/test/resources/covidunet/model/keras/keras_fixture.py";

	/** The bad files: four variants of the generator and a truncated model. */
	private static final String[] BAD = { "not_keras", "unsupported", "two_d", "weights_only", "truncated" };

	@TempDir
	static Path fixtures;

	/** Why the fixtures could not be written, or null if they were. */
	private static String skipped;

	@TempDir
	Path tmp;

	private LocalServer server;
	private Path out;

	@BeforeAll
	static void writeFixtures() throws IOException {
		final Path script = Path.of(SCRIPT).toAbsolutePath();
		if (!Files.isRegularFile(script)) {
			skipped = "the Keras fixture generator " + script + " is not there";
			return;
		}
		try {
			writeFixtures(script);
		}
		catch (final TestAbortedException exc) {
			skipped = exc.getMessage();
		}
	}

	private static void writeFixtures(final Path script) throws IOException {
		final List<String> args = new ArrayList<>(List.of(script.toString()));
		for (int k = 0; k < 5; k++) args.add(write("standard", "standard_" + k, k));
		for (final String variant : Arrays.copyOf(BAD, BAD.length - 1)) args.add(write(variant, variant, 7));
		final String last = Python.lastLine(String.join("\n", "import sys, runpy",
			"main = runpy.run_path(sys.argv[1])['main']", "for spec in sys.argv[2:]:",
			"    if main(spec.split('\\t')) != 0: sys.exit('cannot write ' + spec)", "print('fixtures ok')"), args.toArray(
				String[]::new));
		assertEquals("fixtures ok", last);
		final byte[] whole = Files.readAllBytes(fixtures.resolve("standard_0.hdf5"));
		Files.write(fixtures.resolve("truncated.hdf5"), Arrays.copyOf(whole, whole.length / 2));
	}

	/** The generator's arguments for one small fixture (depth 2, 4 filters), tab-separated. */
	private static String write(final String variant, final String name, final int seed) {
		return String.join("\t", "write", "--output", fixtures.resolve(name + ".hdf5").toString(), "--variant", variant,
			"--depth", "2", "--filters", "4", "--classes", "4", "--seed", String.valueOf(seed));
	}

	@BeforeEach
	void start() throws IOException {
		Assumptions.assumeTrue(skipped == null, skipped);
		server = new LocalServer();
		out = tmp.resolve("models");
	}

	@AfterEach
	void stop() {
		if (server != null) server.close();
	}

	private static byte[] fixture(final String name) throws IOException {
		return Files.readAllBytes(fixtures.resolve(name + ".hdf5"));
	}

	private Launch downloadModel(final TestRecord record) {
		return Launch.with(new Main(Subcommands.standard()), "download-model", "--output", out.toString(), "--base_url",
			record.serveOn(server).toString());
	}

	@Test
	void theReferencesLayoutImportsFiveFoldsThatLoadAsModelDirectories() throws IOException {
		final Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int k = 0; k < 5; k++) {
			entries.put("evaluation/fold_" + k + "/model.best.hdf5", fixture("standard_" + k));
			entries.put("evaluation/fold_" + k + "/model.latest.hdf5", fixture("standard_" + (k + 1) % 5));
		}
		final TestRecord record = new TestRecord(TestRecord.Shape.CURRENT).file("predictions.zip", TestZips.random(100,
			1)).file("models.zip", TestZips.zip(entries));
		final Launch launch = downloadModel(record);
		assertEquals("", launch.err());
		assertEquals(0, launch.code());
		assertTrue(launch.out().contains("licence cc-by-4.0"), launch.out());
		for (int k = 0; k < 5; k++) {
			try (LoadedModel model = ModelDirectory.load(out.resolve("fold_" + k))) {
				assertEquals(4, model.card().classes().size());
			}
		}
		assertTrue(Files.isRegularFile(out.resolve(PublishedModels.RECORD_JSON)));
		assertFalse(Files.exists(out.resolve(PublishedModels.DOWNLOADS)));
		assertTrue(PublishedModels.isComplete(out));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not_keras", "unsupported", "two_d", "weights_only", "truncated" })
	void aBadModelFileExitsWith2InOneLineNamingItAndLeavesNothing(final String bad) throws IOException {
		final TestRecord record = new TestRecord(TestRecord.Shape.LEGACY).file("model.fold_0.best.hdf5", fixture(bad));
		for (int k = 1; k < 5; k++) record.file("model.fold_" + k + ".best.hdf5", fixture("standard_" + k));
		final Launch launch = downloadModel(record);
		assertEquals(2, launch.code(), launch.err());
		assertEquals(1, launch.err().lines().count(), launch.err());
		assertTrue(launch.err().startsWith("error: "), launch.err());
		assertTrue(launch.err().contains("model.fold_0.best.hdf5"), launch.err());
		if (bad.equals("unsupported")) assertTrue(launch.err().contains("LayerNormalization"), launch.err());
		assertFalse(Files.exists(out), "nothing left of " + out);
	}
}
