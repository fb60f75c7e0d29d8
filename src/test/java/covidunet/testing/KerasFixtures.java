package covidunet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Keras 2.4-layout HDF5 model files and their expected outputs, made at test time by
 * {@code keras_fixture.py} (test resources) with Debian's h5py and NumPy: no binary model in git.
 * A test that calls it is skipped, with the reason, where h5py or NumPy is not installed.
 */
public final class KerasFixtures {

	private static final Path SCRIPT = Path.of("src/test/resources/covidunet/model/keras/keras_fixture.py");

	private KerasFixtures() {}

	/**
	 * Writes a model file.
	 *
	 * @param variant {@code standard}, {@code zoo}, {@code unsupported}, {@code two_d},
	 *          {@code not_keras} or {@code weights_only}
	 * @param depth the U-Net's poolings, or 0 for the script's default
	 * @param filters its first level's filters, or 0 for the script's default
	 */
	public static Path write(final Path file, final String variant, final int depth, final int filters, final long seed) {
		final List<String> args = new ArrayList<>(List.of("write", "--output", file.toString(), "--variant", variant,
			"--seed", Long.toString(seed)));
		if (depth > 0) args.addAll(List.of("--depth", Integer.toString(depth)));
		if (filters > 0) args.addAll(List.of("--filters", Integer.toString(filters)));
		run(args);
		return file;
	}

	/** A seeded random input of {@code shape} (Keras order: batch, x, y, z, 1) as {@code .npy}. */
	public static Path input(final Path file, final long seed, final int... shape) {
		run(List.of("input", "--output", file.toString(), "--shape", String.join(",", Arrays.stream(shape).mapToObj(
			Integer::toString).toList()), "--seed", Long.toString(seed)));
		return file;
	}

	/** The independent NumPy forward pass of {@code model} on {@code input}, written to {@code output}. */
	public static Path forward(final Path model, final Path input, final Path output) {
		run(List.of("forward", "--model", model.toString(), "--input", input.toString(), "--output", output.toString()));
		return output;
	}

	/**
	 * A float32 C-order {@code .npy} array.
	 *
	 * @param shape receives the array's shape
	 */
	public static float[] readNpy(final Path file, final List<Integer> shape) {
		try {
			final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
			final byte major = b.get(6);
			final int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
			final int start = major == 1 ? 10 : 12;
			final String header = new String(b.array(), start, headerLength, StandardCharsets.ISO_8859_1);
			Assertions.assertTrue(header.contains("'descr': '<f4'") && header.contains("'fortran_order': False"), header);
			final Matcher m = Pattern.compile("'shape': \\(([0-9, ]*)\\)").matcher(header);
			Assertions.assertTrue(m.find(), header);
			shape.clear();
			for (final String part : m.group(1).split(",")) {
				if (!part.isBlank()) shape.add(Integer.parseInt(part.strip()));
			}
			b.position(start + headerLength);
			final float[] values = new float[b.remaining() / 4];
			b.asFloatBuffer().get(values);
			return values;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Reorders a {@code [batch, a, b, c, channels]} array (C order) to {@code [batch, c, b, a, channels]}:
	 * Keras' (x, y, z) order to the project's (z, y, x), and back.
	 */
	public static float[] swapSpaceAxes(final float[] v, final int batch, final int a, final int b, final int c,
		final int channels)
	{
		final float[] out = new float[v.length];
		for (int n = 0; n < batch; n++) {
			for (int i = 0; i < a; i++) {
				for (int j = 0; j < b; j++) {
					for (int k = 0; k < c; k++) {
						final int from = (((n * a + i) * b + j) * c + k) * channels;
						final int to = (((n * c + k) * b + j) * a + i) * channels;
						System.arraycopy(v, from, out, to, channels);
					}
				}
			}
		}
		return out;
	}

	/** What the oracle's self-check (against direct loops and adjoint identities) prints last. */
	public static String selftest() {
		final String output = run(List.of("selftest"));
		return output.lines().reduce((a, b) -> b).orElse("");
	}

	private static String run(final List<String> args) {
		final List<String> command = new ArrayList<>(List.of(Python.PYTHON, SCRIPT.toString()));
		command.addAll(args);
		try {
			final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			final String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			Assertions.assertTrue(p.waitFor(600, TimeUnit.SECONDS), "keras_fixture.py did not finish");
			Assumptions.assumeFalse(output.contains("No module named"), () -> "h5py or NumPy is not installed " +
				"(apt-get install python3-h5py): " + output);
			Assertions.assertEquals(0, p.exitValue(), output);
			return output;
		}
		catch (final IOException e) {
			Assumptions.abort("Python not installed: cannot run " + Python.PYTHON + " (" + e.getMessage() + ")");
			return null;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while waiting for keras_fixture.py", e);
		}
	}
}
