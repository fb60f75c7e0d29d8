package covidunet.model.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

import covidunet.Progress;
import covidunet.model.io.LoadedModel;
import covidunet.model.io.ModelDirectory;
import covidunet.testing.KerasFixtures;

/**
 * An imported Keras model gives the softmax that an independent NumPy forward pass over the same
 * file gives (keras_fixture.py), within 1e-4, for MIScnn's standard U-Net small and at the
 * published size, and for a model using every supported layer; on cubic and non-cubic inputs.
 */
class KerasForwardTest {

	private static final double TOLERANCE = 1e-4;

	@TempDir
	Path dir;

	/** The oracle itself: its convolutions, pooling and layouts against direct loops. */
	@Test
	void theOracleChecksItself() {
		assertEquals("selftest ok", KerasFixtures.selftest());
	}

	@ParameterizedTest(name = "{0} depth {1}, {2} filters, input {3} x {4} x {5}")
	@CsvSource({ "standard, 2, 4, 16, 24, 8", "standard, 2, 4, 16, 16, 16", "zoo, 0, 0, 16, 24, 8",
		"zoo, 0, 0, 16, 16, 16" })
	void agreesWithNumpy(final String variant, final int depth, final int filters, final int x, final int y,
		final int z)
	{
		assertAgrees(variant, depth, filters, x, y, z);
	}

	/** The published size: depth 4, 32 base filters, 4 classes, about 22.6 M parameters; non-cubic input. */
	@Test
	void agreesWithNumpyAtThePublishedSize() {
		final LoadedModel model = assertAgrees("standard", 4, 32, 32, 48, 16);
		assertEquals(22_587_204, model.card().architecture().get("parameters").getAsLong());
		assertEquals(5, model.card().architecture().get("levels").getAsInt());
		model.close();
	}

	private LoadedModel assertAgrees(final String variant, final int depth, final int filters, final int x, final int y,
		final int z)
	{
		final Path file = KerasFixtures.write(dir.resolve(variant + ".hdf5"), variant, depth, filters, 7);
		final Path input = KerasFixtures.input(dir.resolve("x.npy"), 11, 1, x, y, z, 1);
		final List<Integer> shape = new ArrayList<>();
		final float[] expected = KerasFixtures.readNpy(KerasFixtures.forward(file, input, dir.resolve("y.npy")), shape);
		final int classes = shape.get(4);
		assertEquals(List.of(1, x, y, z, classes), shape);
		KerasImport.importFile(file, dir.resolve("model"), KerasImport.Origin.NONE, Progress.NONE);
		final LoadedModel model = ModelDirectory.load(dir.resolve("model"));
		final float[] ours = KerasFixtures.swapSpaceAxes(KerasFixtures.readNpy(input, new ArrayList<>()), 1, x, y, z, 1);
		final float[] actual;
		try (TFloat32 in = TFloat32.tensorOf(Shape.of(1, z, y, x, 1), DataBuffers.of(ours, true, false));
			TFloat32 out = model.predict(in))
		{
			assertEquals(Shape.of(1, z, y, x, classes), out.shape());
			final float[] values = new float[expected.length];
			out.asRawTensor().data().asFloats().read(values);
			actual = KerasFixtures.swapSpaceAxes(values, 1, z, y, x, classes);
		}
		double worst = 0;
		for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
		assertTrue(worst <= TOLERANCE, "largest difference to NumPy " + worst);
		assertTrue(spread(expected) > 0.05, "the expected softmax is too uniform to tell weights apart");
		assertArrayEquals(new int[] { x, y, z }, new int[] { shape.get(1), shape.get(2), shape.get(3) });
		return model;
	}

	/** The largest difference between two values of the first class: a softmax that varies. */
	private static double spread(final float[] v) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < v.length; i += 4) {
			min = Math.min(min, v[i]);
			max = Math.max(max, v[i]);
		}
		return max - min;
	}
}
