package covidunet.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import covidunet.Progress;
import covidunet.io.JsonFiles;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiHeader;
import covidunet.io.nifti.NiftiReader;
import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;
import covidunet.model.train.History;
import covidunet.model.net.Norm;
import covidunet.phantom.PhantomCohort;
import covidunet.preprocess.PreprocessConfig;
import covidunet.testing.SkipReasons;
import covidunet.testing.UntrainedModels;

/**
 * The plugin in a real ImageJ 1.54p, installed as a user installs it ({@code mvn
 * -Dscijava.app.directory=APP install}, see {@link FijiInstall}), started as Fiji starts: every jar
 * of {@code APP/jars} on the class path in name order, under Xvfb (ImageJ 1.x's menus need a
 * display); the TensorFlow work runs in the engine's child JVM. Beside CSBDeep's TensorFlow 1.15
 * and protobuf-java 3 one macro uses both; Esc stops a training and a segmentation. The
 * macros of {@code macros/} run with {@code -batch} and their outputs are checked; the menu and
 * Segment Volume's dialog are photographed into {@code target/screenshots/}; Prepare Folds is recorded
 * by ImageJ's macro recorder through its dialog, and the recorded line, replayed, gives the same file.
 */
@ExtendWith(SkipReasons.class)
class ImageJIT {

	private static final Path PLUGIN_JAR = Path.of(System.getProperty("covidunet.pluginJar", "target/none.jar"));

	private static final Path DEPENDENCIES = Path.of("target", "dependency").toAbsolutePath();

	private static final Pattern CONFIG_LINE = Pattern.compile(
		"^([^#][^,]*),\\s*\"([^\"]+)\",\\s*covidunet\\.ij1\\.CommandPlugIn\\(\"([\\w.]+)\"\\)$");

	@TempDir
	static Path tmp;

	private static Path ijDir;

	private record Run(int code, String output) {}

	/** What CSBDeep, StarDist and N2V put into Fiji's {@code jars/} (copied there by the build). */
	private static final Path NEIGHBOURS = Path.of("target", "fiji-neighbours");

	@BeforeAll
	static void imageJFolder() throws IOException, InterruptedException {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/xvfb-run")),
			"xvfb-run is not installed (apt-get install xvfb xauth): ImageJ 1.x needs a display");
		assumeTrue(Files.isRegularFile(PLUGIN_JAR), "no plugin jar at " + PLUGIN_JAR + " (run mvn verify)");
		assumeTrue(FijiInstall.mavenAvailable(), "mvn is not on the PATH: the test installs the plugin with it");
		final Path app = tmp.resolve("Fiji.app");
		Files.createDirectories(app.resolve("plugins"));
		Files.createDirectories(app.resolve(ENGINE));
		Files.copy(PLUGIN_JAR, app.resolve("plugins").resolve("covid_unet-0.0.1.jar"));
		Files.writeString(app.resolve(ENGINE).resolve("tensorflow-core-api-1.0.0.jar"), "an older engine");
		ijDir = FijiInstall.install(app, tmp.resolve("build"));
	}

	private static final Path ENGINE = Path.of("lib", "covid-unet");

	@Test
	void mavenInstallsThePluginTheFijiWayWithTheEngineOffFijisClassPath() throws IOException {
		final List<String> plugins = FijiInstall.jarNames(ijDir.resolve("plugins"));
		assertEquals(1, plugins.size(), plugins.toString());
		assertTrue(plugins.get(0).startsWith("covid_unet-") && !plugins.get(0).equals("covid_unet-0.0.1.jar"), plugins
			.toString());
		final List<String> jars = FijiInstall.jarNames(ijDir.resolve("jars"));
		for (final String fiji : List.of("ij", "scijava-common", "imglib2", "gson")) {
			assertTrue(jars.stream().anyMatch(j -> j.startsWith(fiji + "-") || j.equals(fiji + ".jar")), fiji + " in " +
				jars);
		}
		for (final String engine : List.of("tensorflow", "protobuf", "javacpp", "jhdf", "ndarray")) {
			assertFalse(jars.stream().anyMatch(j -> j.startsWith(engine)), engine + " must not be in jars/: " + jars);
		}
		final List<String> lib = FijiInstall.jarNames(ijDir.resolve(ENGINE));
		for (final String engine : List.of("tensorflow-core-api-1.1.0.jar", "tensorflow-core-native-1.1.0-linux-x86_64.jar",
			"protobuf-java-4.", "javacpp-", "jhdf-"))
		{
			assertTrue(lib.stream().anyMatch(j -> j.startsWith(engine)), engine + " in " + ENGINE + ": " + lib);
		}
		assertFalse(lib.contains("tensorflow-core-api-1.0.0.jar"), "the older engine is removed: " + lib);
	}

	/**
	 * The acceptance of issue 15: one macro calls CSBDeep's TensorFlow 1.15, segments a phantom scan,
	 * trains a tiny model for one epoch and calls TensorFlow 1.15 again, in a Fiji folder whose
	 * {@code jars/} holds TensorFlow 1.15 and protobuf-java 3; and the same without them.
	 */
	@ParameterizedTest(name = "TensorFlow 1.15 in jars/: {0}")
	@ValueSource(booleans = { true, false })
	void oneMacroUsesTensorFlow115SegmentsAndTrains(final boolean tf1) throws Exception {
		final Path app = tf1 ? neighbours() : ijDir;
		final Path work = tmp.resolve("beside-" + tf1);
		final Path scan = phantomScan("beside-scan-" + tf1, 9);
		final Path model = work.resolve("model");
		UntrainedModels.export(model, UntrainedModels.tiny(Norm.INSTANCE), 3, PreprocessConfig.REFERENCE
			.toBuilder().targetSpacing(2.5, 2.5, 3.5).build());
		final Path labels = work.resolve("scan_labels.nii.gz");
		final Path data = work.resolve("cohort");
		PhantomCohort.of(11, 3, "small").write(data, false, 0, Progress.NONE);
		final Path trained = work.resolve("trained");
		final Path macro = work.resolve("beside.ijm");
		Files.writeString(macro, String.join("\n",
			"tf1 = " + tf1 + ";",
			"if (tf1) print(\"tensorflow before: \" + call(\"org.tensorflow.TensorFlow.version\"));",
			"run(\"Check Backend\");",
			"run(\"Open NIfTI-1 (COVID U-Net)...\", \"input=[" + scan + "]\");",
			"run(\"Segment Volume\", \"model=[" + model + "] output=[" + labels + "]\");",
			"print(\"labels image: \" + getTitle());",
			"run(\"Prepare Folds\", \"dataset=[" + data + "] output=[" + work.resolve("folds.json") + "] folds=3 seed=7\");",
			"run(\"Train COVID U-Net\", \"dataset=[" + data + "] folds_file=[" + work.resolve("folds.json") +
				"] fold=0 output=[" + trained + "] config=[" + tinyConfig() + "] epochs=1\");",
			"if (tf1) print(\"tensorflow after: \" + call(\"org.tensorflow.TensorFlow.version\"));",
			"print(\"macro done\");", ""));
		final Run run = run(List.of("/usr/bin/xvfb-run", "-a", java(), "-cp", FijiInstall.classPath(app), "ij.ImageJ",
			"-ijpath", app.toString(), "-batch", macro.toString()));
		assertEquals(0, run.code(), run.output());
		assertTrue(run.output().contains("macro done"), run.output());
		if (tf1) {
			assertTrue(run.output().contains("tensorflow before: 1.15.0"), run.output());
			assertTrue(run.output().contains("tensorflow after: 1.15.0"), run.output());
			assertTrue(run.output().contains("tensorflow 1.x in Fiji: TensorFlow 1.15.0 present"), run.output());
			assertTrue(run.output().contains("protobuf in Fiji: protobuf-java 3.25.5 present"), run.output());
		}
		else {
			assertTrue(run.output().contains("tensorflow 1.x in Fiji: none"), run.output());
		}
		assertTrue(run.output().contains("tensorflow: 2.18.0 (TensorFlow Java 1.1.0)"), run.output());
		assertTrue(Pattern.compile("(?m)^labels image: \\S+ labels$").matcher(run.output()).find(), run.output());
		assertSameGrid(scan, labels);
		assertEquals(1, History.read(trained.resolve(History.FILE_NAME)).rows().size(), run.output());
		assertTrue(Files.isRegularFile(trained.resolve(ModelDirectory.MODEL_JSON)), run.output());
	}

	/** A copy of the installed folder whose {@code jars/} also holds TensorFlow 1.15 and protobuf-java 3.25. */
	private static Path neighbours() throws IOException {
		final Path app = tmp.resolve("Fiji-with-csbdeep.app");
		if (Files.isDirectory(app)) return app;
		FijiInstall.copyTree(ijDir, app);
		for (final String jar : FijiInstall.jarNames(NEIGHBOURS)) {
			Files.copy(NEIGHBOURS.resolve(jar), app.resolve("jars").resolve(jar));
		}
		final List<String> protobuf = FijiInstall.jarNames(app.resolve("jars")).stream().filter(j -> j.startsWith(
			"protobuf-java")).toList();
		assertEquals(List.of("protobuf-java-3.25.5.jar"), protobuf, "only one protobuf-java in jars/");
		return app;
	}

	/** Esc during a training started from ImageJ: the engine stops in seconds, nothing is left, a resume continues. */
	@Test
	void escStopsATrainingInSecondsAndAResumeContinues() throws Exception {
		final Path data = tmp.resolve("esc-cohort");
		PhantomCohort.of(12, 3, "small").write(data, false, 0, Progress.NONE);
		final Path folds = tmp.resolve("esc-folds.json");
		final Path out = tmp.resolve("esc-model");
		final String options = "dataset=[" + data + "] folds_file=[" + folds + "] fold=0 output=[" + out + "] config=[" +
			tinyConfig() + "]";
		final Path prepare = tmp.resolve("esc-folds.ijm");
		Files.writeString(prepare, "run(\"Prepare Folds\", \"dataset=[" + data + "] output=[" + folds +
			"] folds=3 seed=7\");\n");
		assertEquals(0, batchFile(prepare).code());
		assertStoppedByEsc(cancel("Train COVID U-Net", options + " epochs=20", out, History.FILE_NAME));
		final int kept = History.read(out.resolve(History.FILE_NAME)).rows().size();
		assertTrue(kept >= 1 && kept < 20, kept + " epochs kept");
		final Path resume = tmp.resolve("esc-resume.ijm");
		Files.writeString(resume, "run(\"Train COVID U-Net\", \"" + options.replace("\"", "\\\"") + " epochs=" +
			(kept + 1) + " resume\");\n"); // a checkbox: its key alone, as ImageJ 1.x records it
		final Run resumed = batchFile(resume);
		assertEquals(0, resumed.code(), resumed.output());
		assertEquals(kept + 1, History.read(out.resolve(History.FILE_NAME)).rows().size(), resumed.output());
	}

	/** Esc during a folder segmentation started from ImageJ: the cases done are kept, a rerun completes. */
	@Test
	void escStopsASegmentationInSecondsAndARerunCompletesIt() throws Exception {
		final Path data = tmp.resolve("esc-scans");
		PhantomCohort.of(13, 6, "small").write(data, false, 0, Progress.NONE);
		final Path scans = data.resolve("COVID-19-CT-Seg_20cases");
		final Path model = tmp.resolve("esc-seg-model");
		UntrainedModels.export(model, UntrainedModels.tiny(Norm.INSTANCE), 3, PreprocessConfig.REFERENCE
			.toBuilder().targetSpacing(2.5, 2.5, 3.5).build());
		final Path out = tmp.resolve("esc-segmented");
		final String options = "input=[" + scans + "] model=[" + model + "] output=[" + out + "]";
		assertStoppedByEsc(cancel("Segment Volume", options, out, ".nii.gz"));
		final long done;
		try (Stream<Path> files = Files.list(out)) {
			done = files.filter(f -> f.getFileName().toString().endsWith(".nii.gz")).count();
		}
		assertTrue(done >= 1 && done < 6, done + " cases done");
		assertFalse(Files.exists(out.resolve("volumes.csv")), "no volumes.csv of a cancelled run");
		final Path rerun = tmp.resolve("esc-rerun.ijm");
		Files.writeString(rerun, "run(\"Segment Volume\", \"" + options + "\");\n");
		final Run again = batchFile(rerun);
		assertEquals(0, again.code(), again.output());
		assertEquals(7, rows(out.resolve("volumes.csv")), again.output());
	}

	private static Run cancel(final String title, final String options, final Path watched, final String suffix)
		throws IOException, InterruptedException
	{
		return run(List.of("/usr/bin/xvfb-run", "-a", java(), "-cp", FijiInstall.classPath(ijDir) + ":" + Path.of(
			"target", "test-classes").toAbsolutePath(), ImageJCancel.class.getName(), ijDir.toString(), title, options,
			watched.toString(), suffix));
	}

	private static void assertStoppedByEsc(final Run run) {
		assertEquals(0, run.code(), run.output());
		final Matcher stopped = Pattern.compile("stopped after (\\d+) ms").matcher(run.output());
		assertTrue(stopped.find(), run.output());
		System.out.println("Esc: " + stopped.group());
		assertTrue(Long.parseLong(stopped.group(1)) < 10_000, "the engine took " + stopped.group(1) + " ms to stop");
		assertTrue(run.output().contains("processes left: 0"), run.output());
	}

	private static Run batchFile(final Path macro) throws IOException, InterruptedException {
		return run(List.of("/usr/bin/xvfb-run", "-a", java(), "-cp", FijiInstall.classPath(ijDir), "ij.ImageJ",
			"-ijpath", ijDir.toString(), "-batch", macro.toString()));
	}

	@Test
	void aBatchMacroOpensAPhantomScanSegmentsItAndSavesLabelsWithItsGeometry() throws Exception {
		final Path scan = phantomScan("one", 5);
		final Path model = tmp.resolve("model");
		UntrainedModels.export(model, UntrainedModels.tiny(Norm.INSTANCE), 3, PreprocessConfig.REFERENCE
			.toBuilder().targetSpacing(2.5, 2.5, 3.5).build());
		final Path labels = tmp.resolve("labels").resolve("scan_labels.nii.gz");
		Files.createDirectories(labels.getParent());
		final Run run = batch("segment_open_image.ijm", "image=[" + scan + "] model=[" + model + "] output=[" +
			labels + "]");
		assertEquals(0, run.code(), run.output());
		assertTrue(run.output().contains("labels saved: " + labels), run.output());
		assertSameGrid(scan, labels);
		final String digest = ModelCard.read(model.resolve(ModelDirectory.MODEL_JSON)).savedModelSha256().orElseThrow();
		assertEquals("covid-unet " + digest, NiftiReader.readHeader(labels).descrip());
	}

	/** The labels have the scan's grid and geometry, and only the four label values. */
	private static void assertSameGrid(final Path scan, final Path labels) {
		final NiftiHeader in = NiftiReader.readHeader(scan), out = NiftiReader.readHeader(labels);
		assertEquals("uint8", out.datatype().numpyName());
		assertEquals(List.of(in.geometry().dims()[0], in.geometry().dims()[1], in.geometry().dims()[2]), List.of(out
			.geometry().dims()[0], out.geometry().dims()[1], out.geometry().dims()[2]));
		assertTrue(in.geometry().affine().approximatelyEquals(out.geometry().affine(), 1e-4), out.geometry() + " vs " + in
			.geometry());
		assertEquals(in.geometry().qformCode(), out.geometry().qformCode());
		assertEquals(in.geometry().sformCode(), out.geometry().sformCode());
		final Volume<?> volume = NiftiReader.read(labels);
		for (final Object t : Views.flatIterable(volume.image())) {
			final int value = ((UnsignedByteType) t).get();
			assertTrue(value <= 3, "label " + value);
		}
	}

	@Test
	void aShortDemoRunsFromAMacro() throws Exception {
		final Path out = tmp.resolve("demo");
		final Path macro = tmp.resolve("demo.ijm");
		Files.writeString(macro, "run(\"Run Demo\", \"output=[" + out + "] minutes=1\");\n");
		final Run run = batchFile(macro);
		assertEquals(0, run.code(), run.output());
		final Path report = out.resolve("evaluation").resolve("report.html");
		assertTrue(run.output().contains("demo finished: " + report), run.output());
		assertTrue(Files.isRegularFile(report));
		assertTrue(Files.isRegularFile(out.resolve("models").resolve("fold_0").resolve(ModelDirectory.MODEL_JSON)));
		assertEquals(4, Files.readAllLines(out.resolve("evaluation").resolve("cv_results.detailed.csv")).stream().filter(
			l -> l.contains(",DSC,")).count(), "a Dice row per validation case");
	}

	@Test
	void aMacroWithAMissingModelStopsWithOneErrorLineAndWritesNothing() throws Exception {
		final Path scan = phantomScan("bad", 6);
		final Path labels = tmp.resolve("bad-labels.nii.gz");
		final Run run = batch("segment_open_image.ijm", "image=[" + scan + "] model=[" + tmp.resolve("no-model") +
			"] output=[" + labels + "]");
		final List<String> errors = run.output().lines().filter(l -> l.startsWith("error: ")).toList();
		assertEquals(1, errors.size(), run.output());
		assertTrue(errors.get(0).startsWith("error: Segment Volume: ") && errors.get(0).contains("no-model"), errors
			.get(0));
		assertFalse(run.output().contains("labels saved"), run.output());
		assertFalse(Files.exists(labels));
	}

	@Test
	void theMacrosTrainEveryFoldEvaluateThemAndSegmentAFolder() throws Exception {
		final Path data = tmp.resolve("cohort");
		PhantomCohort.of(7, 3, "small").write(data, false, 0, Progress.NONE);
		final Path models = tmp.resolve("models");
		final Run train = batch("train_all_folds.ijm", "dataset=[" + data + "] output=[" + models + "] folds=3 config=[" +
			tinyConfig() + "]");
		assertEquals(0, train.code(), train.output());
		for (int k = 0; k < 3; k++) {
			assertTrue(Files.isRegularFile(models.resolve("fold_" + k).resolve(ModelDirectory.MODEL_JSON)), train.output());
		}
		assertTrue(Files.isRegularFile(models.resolve("folds.json")), train.output());

		final Path evaluation = tmp.resolve("evaluation");
		final Run evaluate = batch("evaluate_folds.ijm", "dataset=[" + data + "] folds_file=[" + models.resolve(
			"folds.json") + "] models=[" + models + "] output=[" + evaluation + "]");
		assertEquals(0, evaluate.code(), evaluate.output());
		assertTrue(rows(evaluation.resolve("cv_results.detailed.csv")) > 3, evaluate.output());
		assertTrue(Files.isRegularFile(evaluation.resolve("report.html")), evaluate.output());

		final Path segmented = tmp.resolve("segmented");
		final Run segment = batch("segment_folder.ijm", "input=[" + data.resolve("COVID-19-CT-Seg_20cases") +
			"] model=[" + models.resolve("fold_0") + "] output=[" + segmented + "]");
		assertEquals(0, segment.code(), segment.output());
		assertEquals(4, rows(segmented.resolve("volumes.csv")), segment.output());
		try (Stream<Path> files = Files.list(segmented)) {
			assertEquals(3, files.filter(f -> f.getFileName().toString().endsWith(".nii.gz")).count());
		}
	}

	@Test
	void eachEntryOfPluginsConfigIsInTheMenusOnceTheScreenshotsAreTakenAndTheRecordedMacroReplays() throws Exception {
		final Path dataset = tmp.resolve("recorded");
		PhantomCohort.of(8, 3, "small").write(dataset, false, 0, Progress.NONE);
		final Path folds = tmp.resolve("recorded folds.json");
		final Map<String, String> entries = new LinkedHashMap<>();
		for (final String line : Files.readAllLines(Path.of("plugins.config"))) {
			final Matcher m = CONFIG_LINE.matcher(line.strip());
			if (m.matches()) entries.put(m.group(2), m.group(3));
		}
		assertEquals(13, entries.size(), "plugins.config entries");
		final Path shots = Path.of("target", "screenshots").toAbsolutePath();
		final List<String> command = new ArrayList<>(List.of("/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
			java(), "-Dcovidunet.recordDataset=" + dataset, "-Dcovidunet.recordFolds=" + folds, "-cp", Path.of("target", "test-classes").toAbsolutePath() + ":" + DEPENDENCIES + "/*",
			ImageJScreenshots.class.getName(), ijDir.toString(), shots.toString()));
		command.addAll(entries.keySet());
		final Run run = run(command);
		assertEquals(0, run.code(), run.output());
		for (final Map.Entry<String, String> e : entries.entrySet()) {
			assertTrue(run.output().contains("menu " + e.getKey() + " count=1 class=covidunet.ij1.CommandPlugIn(\"" + e
				.getValue() + "\")"), e.getKey() + "\n" + run.output());
		}
		final BufferedImage menu = ImageIO.read(shots.resolve("imagej-menu.png").toFile());
		assertTrue(blackShare(menu) < 0.7, "the menu screenshot is mostly the empty screen");
		final BufferedImage dialog = ImageIO.read(shots.resolve("segment-volume-dialog.png").toFile());
		assertTrue(dialog.getWidth() > 300 && dialog.getHeight() > 200, "dialog " + dialog.getWidth() + "x" + dialog
			.getHeight());
		assertTrue(blackShare(dialog) < 0.05, "the dialog screenshot shows the empty screen");

		final String recorded = run.output().lines().filter(l -> l.startsWith("recorded: ")).findFirst().orElseThrow()
			.substring("recorded: ".length());
		assertTrue(recorded.startsWith("run(\"Prepare Folds\", \"dataset=" + dataset + " output=[" + folds +
			"] folds=2 seed=7 "), recorded);
		final byte[] first = Files.readAllBytes(folds);
		Files.delete(folds);
		Files.delete(tmp.resolve("recorded folds.csv"));
		final Path macro = tmp.resolve("recorded.ijm");
		Files.writeString(macro, recorded + "\n");
		final Run replay = batchFile(macro);
		assertEquals(0, replay.code(), replay.output());
		assertArrayEquals(first, Files.readAllBytes(folds), "the replayed recording makes the same folds file");
	}

	private static Path tinyConfig() throws IOException {
		final JsonObject card = JsonFiles.parse(Path.of("models", "cpu-small.json")).getAsJsonObject();
		final JsonObject architecture = card.getAsJsonObject("architecture");
		architecture.addProperty("levels", 2);
		architecture.addProperty("base_filters", 4);
		architecture.addProperty("batch_size", 1);
		final JsonArray patch = new JsonArray();
		for (final int side : new int[] { 32, 32, 16 }) patch.add(side);
		architecture.add("patch", patch);
		card.getAsJsonObject("training").addProperty("iterations_per_epoch", 2);
		card.getAsJsonObject("training").addProperty("max_epochs", 1);
		final Path file = tmp.resolve("tiny.json");
		Files.writeString(file, JsonFiles.pretty(card));
		return file;
	}

	private static Run batch(final String macro, final String argument) throws IOException, InterruptedException {
		return run(List.of("/usr/bin/xvfb-run", "-a", java(), "-cp", FijiInstall.classPath(ijDir), "ij.ImageJ", "-ijpath", ijDir
			.toString(), "-batch", Path.of("macros", macro).toAbsolutePath().toString(), argument));
	}

	private static Run run(final List<String> command) throws IOException, InterruptedException {
		final Path log = Files.createTempFile(tmp, "imagej", ".log");
		final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
		final Process p = builder.start();
		if (!p.waitFor(10, TimeUnit.MINUTES)) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
			throw new AssertionError("ImageJ did not finish in 10 minutes: " + Files.readString(log));
		}
		return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The scan of a one-case phantom cohort of this seed, written into {@code folder}. */
	private static Path phantomScan(final String folder, final long seed) throws IOException {
		final Path data = tmp.resolve(folder);
		PhantomCohort.of(seed, 1, "small").write(data, false, 0, Progress.NONE);
		try (Stream<Path> files = Files.list(data.resolve("COVID-19-CT-Seg_20cases"))) {
			return files.findFirst().orElseThrow();
		}
	}

	private static long rows(final Path csv) throws IOException {
		try (Stream<String> lines = Files.lines(csv)) {
			return lines.filter(l -> !l.isBlank()).count();
		}
	}

	/** The share of black pixels: Xvfb's empty screen (no desktop) is black. */
	private static double blackShare(final BufferedImage image) {
		long black = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xffffff) == 0) black++;
			}
		}
		return (double) black / ((long) image.getWidth() * image.getHeight());
	}
}
