package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import covidunet.BadInputException;

/** The TensorFlow bridge on a tiny graph: axis order, values, and the output's shape checked. */
class TensorFlowWindowModelTest {

	private static final int[] WINDOW = { 4, 3, 2 };
	private static final int VOXELS = 24;

	@Test
	void windowsGoInAsNdhwcAndProbabilitiesComeOutClassFastest() {
		try (Graph g = new Graph()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
			final Operand<TFloat32> reversedAlongX = tf.reverse(x, tf.constant(new int[] { 3 }));
			final Operand<TFloat32> y = tf.concat(List.of(reversedAlongX, tf.math.neg(x)), tf.constant(-1));
			try (Session s = new Session(g)) {
				final Function<TFloat32, TFloat32> run = t -> (TFloat32) s.runner().feed(x, t).fetch(y).run().get(0);
				final WindowModel model = WindowModel.tensorFlow(run, 2);
				assertEquals(2, model.classes());
				final float[] images = new float[2 * VOXELS];
				for (int i = 0; i < images.length; i++) images[i] = i;
				final float[] out = model.predict(images, 2, WINDOW);
				assertEquals(2 * VOXELS * 2, out.length);
				for (int j = 0; j < 2; j++) {
					for (int z = 0; z < WINDOW[2]; z++) {
						for (int yy = 0; yy < WINDOW[1]; yy++) {
							for (int xx = 0; xx < WINDOW[0]; xx++) {
								final int v = j * VOXELS + (z * WINDOW[1] + yy) * WINDOW[0] + xx;
								final int mirror = v - xx + WINDOW[0] - 1 - xx;
								assertEquals(images[mirror], out[2 * v], "class 0: reversed along the tensor's x axis at " + v);
								assertEquals(-images[v], out[2 * v + 1], "class 1 at " + v);
							}
						}
					}
				}
				final IllegalStateException e = assertThrows(IllegalStateException.class, () -> WindowModel.tensorFlow(run,
					3).predict(images, 2, WINDOW));
				assertTrue(e.getMessage().contains("[2, 2, 3, 4, 2]"), e.getMessage());
				assertThrows(IllegalArgumentException.class, () -> model.predict(new float[VOXELS], 2, WINDOW));
			}
		}
	}

	@Test
	void aModelNeedsClasses() {
		assertThrows(BadInputException.class, () -> WindowModel.tensorFlow(t -> t, 0));
	}
}
