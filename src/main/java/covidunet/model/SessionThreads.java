package covidunet.model;

import org.tensorflow.proto.ConfigProto;

/**
 * TensorFlow's thread pools for a {@code --threads N} option, so that a job stays inside the
 * cores it was given (e.g. a Slurm allocation): N threads inside each operation and at most two
 * operations at once. Without a limit (N = 0) TensorFlow sizes both pools by the machine's cores.
 */
public final class SessionThreads {

	private SessionThreads() {}

	/**
	 * A session configuration for {@code threads}.
	 *
	 * @param threads the most threads per operation, or 0 for TensorFlow's default
	 */
	public static ConfigProto config(final int threads) {
		final ConfigProto.Builder proto = ConfigProto.newBuilder();
		if (threads > 0) {
			proto.setIntraOpParallelismThreads(threads);
			proto.setInterOpParallelismThreads(Math.min(threads, 2));
		}
		return proto.build();
	}
}
