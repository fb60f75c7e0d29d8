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
import covidunet.model.net.Norm;
import covidunet.phantom.PhantomCohort;
import covidunet.preprocess.PreprocessConfig;
import covidunet.testing.SkipReasons;
import covidunet.testing.UntrainedModels;

/**
 * The plugin in a real ImageJ 1.54p, as a user installs it: the plugin jar in an ImageJ folder's
 * {@code plugins/}, the runtime dependencies (ImageJ itself, SciJava, ImgLib2, TensorFlow) on the
 * class path as Fiji's {@code jars/}, under Xvfb (ImageJ 1.x's menus need a display). The
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

	@BeforeAll
	static void imageJFolder() throws IOException {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/xvfb-run")),
			"xvfb-run is not installed (apt-get install xvfb xauth): ImageJ 1.x needs a display");
		assumeTrue(Files.isRegularFile(PLUGIN_JAR), "no plugin jar at " + PLUGIN_JAR + " (run mvn verify)");
		ijDir = tmp.resolve("ImageJ");
		Files.createDirectories(ijDir.resolve("plugins"));
		Files.copy(PLUGIN_JAR, ijDir.resolve("plugins").resolve(PLUGIN_JAR.getFileName()));
	}

	@Test
	void aBatchMacroOpensAPhantomScanSegmentsItAndSavesLabelsWithItsGeometry() throws Exception {
		final Path scan = phantomScan("one", 5);
		final Path model = tmp.resolve("model");
		UntrainedModels.export(model, UntrainedModels.tiny(Norm.INSTANCE), 3, PreprocessConfig.REFERENCE
			.withTargetSpacing(2.5, 2.5, 3.5));
		final Path labels = tmp.resolve("labels").resolve("scan_labels.nii.gz");
		Files.createDirectories(labels.getParent());
		final Run run = batch("segment_open_image.ijm", "image=[" + scan + "] model=[" + model + "] output=[" +
			labels + "]");
		assertEquals(0, run.code(), run.output());
		assertTrue(run.output().contains("labels saved: " + labels), run.output());
		final NiftiHeader in = NiftiReader.readHeader(scan), out = NiftiReader.readHeader(labels);
		assertEquals("uint8", out.datatype().numpyName());
		assertEquals(List.of(in.geometry().dims()[0], in.geometry().dims()[1], in.geometry().dims()[2]), List.of(out
			.geometry().dims()[0], out.geometry().dims()[1], out.geometry().dims()[2]));
		assertTrue(in.geometry().affine().approximatelyEquals(out.geometry().affine(), 1e-4), out.geometry() + " vs " + in
			.geometry());
		assertEquals(in.geometry().qformCode(), out.geometry().qformCode());
		assertEquals(in.geometry().sformCode(), out.geometry().sformCode());
		final String digest = ModelCard.read(model.resolve(ModelDirectory.MODEL_JSON)).savedModelSha256().orElseThrow();
		assertEquals("covid-unet " + digest, out.descrip());
		final Volume<?> volume = NiftiReader.read(labels);
		for (final Object t : Views.flatIterable(volume.image())) {
			final int value = ((UnsignedByteType) t).get();
			assertTrue(value <= 3, "label " + value);
		}
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
		assertEquals(12, entries.size(), "plugins.config entries");
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
		final Run replay = run(List.of("/usr/bin/xvfb-run", "-a", java(), "-cp", DEPENDENCIES + "/*", "ij.ImageJ",
			"-ijpath", ijDir.toString(), "-batch", macro.toString()));
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
		card.getAsJsonObject("sampling").add("patch_size", patch.deepCopy());
		card.getAsJsonObject("training").addProperty("iterations_per_epoch", 2);
		card.getAsJsonObject("training").addProperty("max_epochs", 1);
		final Path file = tmp.resolve("tiny.json");
		Files.writeString(file, JsonFiles.pretty(card));
		return file;
	}

	private static Run batch(final String macro, final String argument) throws IOException, InterruptedException {
		return run(List.of("/usr/bin/xvfb-run", "-a", java(), "-cp", DEPENDENCIES + "/*", "ij.ImageJ", "-ijpath", ijDir
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
