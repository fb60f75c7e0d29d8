package covidunet.model.io;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tensorflow.types.TFloat32;

/**
 * Run in a fresh JVM by {@link ModelDirectoryTest}: loads the model directory {@code args[0]},
 * predicts {@link ToyModel#input()}, and writes the probabilities' float bits to {@code args[1]}
 * (a count, then the values, big-endian).
 */
public final class FreshJvmPredict {

	private FreshJvmPredict() {}

	/** @param args the model directory and the output file */
	public static void main(final String[] args) throws IOException {
		try (LoadedModel model = ModelDirectory.load(Path.of(args[0])); TFloat32 x = ToyModel.input();
			TFloat32 probs = model.predict(x);
			DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[1]))))
		{
			final float[] values = ToyModel.floats(probs);
			out.writeInt(values.length);
			for (final float v : values) out.writeFloat(v);
		}
	}
}
