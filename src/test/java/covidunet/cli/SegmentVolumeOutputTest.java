package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scijava.Context;
import org.scijava.module.Module;

import ij.ImagePlus;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import covidunet.command.SegmentVolumeCommand;
import covidunet.command.run.CommandRunner;
import covidunet.engine.TensorFlowEngine;
import covidunet.io.Volume;
import covidunet.io.imagej.ImagePlusVolumes;
import covidunet.io.nifti.NiftiReader;

/**
 * Segment Volume's {@code labels} output, which scripts read instead of a file: the label image of
 * a single input file, of the current image, none for a folder; the same with the TensorFlow work
 * in this JVM ({@code inline}) and in the engine's child JVM ({@code child}, as in Fiji), and
 * identical labels either way.
 */
class SegmentVolumeOutputTest {

	@TempDir
	static Path shared;

	private static Path model;
	private static Path scans;

	@BeforeAll
	static void inputs() throws IOException {
		model = SegmentInputs.model(shared.resolve("model"));
		scans = SegmentInputs.scans(shared.resolve("scans"), 2);
	}

	@AfterEach
	void defaultEngine() {
		System.clearProperty(TensorFlowEngine.MODE_PROPERTY);
	}

	private static Module run(final String engine, final Map<String, Object> inputs) {
		System.setProperty(TensorFlowEngine.MODE_PROPERTY, engine);
		try (Context context = CliContext.create(new PrintStream(OutputStream.nullOutputStream()))) {
			return new CommandRunner(context, new ConsoleFrontend(new PrintStream(OutputStream.nullOutputStream()))).run(
				SegmentVolumeCommand.class, "segment", inputs);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "inline", "child" })
	void aSingleFilesLabelsComeBackAsAnImage(final String engine, @TempDir final Path tmp) {
		final Path out = tmp.resolve("case_1_labels.nii.gz");
		final Module m = run(engine, Map.of("input", scans.resolve("case_1.nii.gz").toString(), "model", model
			.toString(), "output", out.toString(), "threads", "1"));
		assertSameLabels(NiftiReader.read(out), (ImagePlus) m.getOutput("labels"));
		assertTrue(m.getOutput("summary").toString().startsWith(out + ": lungs "), m.getOutput("summary").toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "inline", "child" })
	void theCurrentImagesLabelsComeBackAndAreWritten(final String engine, @TempDir final Path tmp) {
		final Path file = scans.resolve("case_2.nii.gz");
		final ImagePlus image = ImagePlusVolumes.toImagePlus(NiftiReader.read(file), "case_2");
		final Path out = tmp.resolve("image_labels.nii.gz");
		final Map<String, Object> inputs = new HashMap<>(Map.of("model", model.toString(), "output", out.toString(),
			"threads", "1"));
		inputs.put("image", image);
		final Module m = run(engine, inputs);
		final ImagePlus labels = (ImagePlus) m.getOutput("labels");
		assertEquals("case_2 labels", labels.getTitle());
		assertSameLabels(NiftiReader.read(out), labels);
		final Path reference = tmp.resolve("file_labels.nii.gz");
		run(engine, Map.of("input", file.toString(), "model", model.toString(), "output", reference.toString(),
			"threads", "1"));
		assertSameLabels(NiftiReader.read(reference), labels);
		assertTrue(m.getOutput("summary").toString().startsWith("case_2: lungs "), m.getOutput("summary").toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "inline", "child" })
	void aFolderGivesNoImage(final String engine, @TempDir final Path tmp) {
		final Module m = run(engine, Map.of("input", scans.toString(), "model", model.toString(), "output", tmp
			.resolve("out").toString(), "threads", "1"));
		assertNull(m.getOutput("labels"));
	}

	private static void assertSameLabels(final Volume<?> expected, final ImagePlus actual) {
		final Volume<?> back = ImagePlusVolumes.wrap(actual);
		assertArrayEquals(expected.image().dimensionsAsLongArray(), back.image().dimensionsAsLongArray());
		final var a = Views.flatIterable(expected.image()).cursor();
		final var b = Views.flatIterable(back.image()).cursor();
		while (a.hasNext()) {
			assertEquals(((UnsignedByteType) a.next()).get(), (int) ((RealType<?>) b.next()).getRealDouble());
		}
	}
}
